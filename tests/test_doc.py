"""The document model and the shared matcher: one tokenization per text for every measure."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from corpus_tools.doc import ArticleDoc, Doc, make_article_doc, make_doc
from corpus_tools.matcher import match_patterns, parse_pattern, select_hits, words


def test_doc_tokens_and_words_index_the_text():
    text = "The Democrat-led council’s vote: sanctuary cities stay."
    d = Doc(text)
    assert [text[t.start:t.end] for t in d.tokens] == [t.text for t in d.tokens]
    assert [w.norm for w in d.words][:4] == ["the", "democrat", "led", "council"]
    assert all(text[w.start:w.end].lower().replace("’", "'") == w.norm for w in d.words)
    assert [w.stem for w in d.words if w.norm == "cities"] == ["citi"]


def test_every_measure_of_a_quote_reads_one_tokenization(monkeypatch):
    import corpus_tools.tokenize as tok
    from corpus_tools.frames import tag_frames
    from corpus_tools.stance import score_stance
    from corpus_tools.terms import count_terms

    calls: list[str] = []

    class Counting:  # every word tokenization in the package goes through _TOKEN_RE
        def __init__(self, regex):
            self.regex = regex

        def finditer(self, text, *args):
            calls.append(text)
            return self.regex.finditer(text, *args)

    monkeypatch.setattr(tok, "_TOKEN_RE", Counting(tok._TOKEN_RE))
    make_doc.cache_clear()
    quote = "We will not comply with these cruel deportation raids in our sanctuary city."
    score_stance(quote)
    tag_frames(pd.DataFrame({"unit_id": ["q1"], "start": [40], "text": [quote]}))
    count_terms(pd.DataFrame({"text": [quote], "group": ["local_officials"]}))
    assert calls.count(quote) == 1


def test_words_with_offset_shift_the_shared_words():
    shifted = words("ICE agents deported him", offset=100)
    assert [(w.start, w.norm) for w in shifted][:2] == [(100, "ice"), (104, "agents")]
    assert words("ICE agents deported him") is make_doc("ICE agents deported him").words


def test_matcher_is_leftmost_longest_with_prefixes_and_vetoes():
    pats = (parse_pattern("national guard"), parse_pattern("guard"), parse_pattern("militar*"))
    ws = words("The National Guard and militarized police")
    found = [(i, j, p.text) for i, j, p in match_patterns(ws, pats)]
    assert found == [(1, 3, "national guard"), (2, 3, "guard"), (4, 5, "militar*")]
    assert select_hits(found, []) == [(1, 3, "national guard"), (4, 5, "militar*")]
    assert select_hits(found, [(4, 6)]) == [(1, 3, "national guard")]


def test_indexed_matching_equals_trying_every_pattern_everywhere(corpus):
    # the index (first stems, prefix lengths) is only a shortcut: same hits, same order
    from corpus_tools.frames import load_codebook

    codebook = load_codebook()
    patterns = tuple(dict.fromkeys(
        [p for ps in codebook["patterns"] for p in ps]
        + [p for ps in codebook["exclude_patterns"] for p in ps]
        + [parse_pattern("mil*"), parse_pattern("militar*"), parse_pattern("deport* raid")]))

    def brute(ws):
        exact = [p for p in patterns if not p.pieces[0].prefix]
        prefix = [p for p in patterns if p.pieces[0].prefix]
        out = []
        for i in range(len(ws)):
            for pat in ([p for p in exact if p.pieces[0].value == ws[i].stem]
                        + [p for p in prefix if ws[i].norm.startswith(p.pieces[0].value)]):
                n = len(pat.pieces)
                if i + n <= len(ws) and all(piece.matches(x.norm, x.stem) for piece, x
                                            in zip(pat.pieces, ws[i:i + n], strict=True)):
                    out.append((i, i + n, pat))
        return out

    texts = list(corpus["text"]) + ["mil militarized Military deportation raids MIL"]
    n_hits = 0
    for text in texts:
        ws = words(text)
        found = match_patterns(ws, patterns)
        assert found == brute(ws)
        n_hits += len(found)
    assert n_hits > 100


def test_index_memo_is_per_word_checked_and_bounded(monkeypatch):
    # a word seen before reuses its candidate patterns; a Word whose stem differs from the
    # remembered one (a hand-made Word) is looked up again; the memo is emptied when full
    import corpus_tools.matcher as matcher
    from corpus_tools.matcher import Word, pattern_index

    pats = (parse_pattern("deport"), parse_pattern("militar*"))
    index = pattern_index(pats)
    index.memo.clear()
    assert [p.text for _, _, p in match_patterns(words("deported militarized"), pats, index)
            ] == ["deport", "militar*"]
    assert set(index.memo) == {"deported", "militarized"}
    odd = [Word(0, 8, "deported", "other")]  # same norm, another stem: no exact match
    assert match_patterns(odd, pats, index) == []
    plain = (index[0], index[1])  # a hand-built index has no memo: same hits
    assert match_patterns(words("deported militarized"), pats, plain) == \
        match_patterns(words("deported militarized"), pats, index)
    monkeypatch.setattr(matcher, "MEMO_SIZE", 1)
    match_patterns(words("deportation"), pats, index)
    assert set(index.memo) == {"deportation"}


# --- the article-level document -------------------------------------------------------

_ARTICLES = sorted((Path(__file__).parent / "fixtures" / "articles").glob("*.txt"))


@pytest.mark.parametrize("path", _ARTICLES, ids=lambda p: p.stem)
def test_article_doc_paragraphs_and_sentences_equal_the_splitters(path):
    from corpus_tools.clean import detect_layout, split_paragraphs
    from corpus_tools.segment import split_sentences

    raw = path.read_text(encoding="utf-8")
    d = ArticleDoc(raw)
    assert list(d.paragraphs) == split_paragraphs(raw)
    assert d.layout == detect_layout(raw)
    assert [p.role for p in d.body] == ["body"] * len(d.body) and d.body
    for i, p in enumerate(d.paragraphs):
        assert list(d.sentences(i)) == split_sentences(p.text, p.start)
    assert list(d.body_sentences) == [s for p in split_paragraphs(raw) if p.role == "body"
                                      for s in split_sentences(p.text, p.start)]


def test_article_doc_follows_the_headline_argument():
    raw = "Title\n\nBody text here.\n\nMore body."
    assert [p.role for p in ArticleDoc(raw).paragraphs] == ["headline", "body", "body"]
    assert [p.role for p in ArticleDoc(raw, "Another").paragraphs] == ["body"] * 3
    assert make_article_doc(raw, "Title") is make_article_doc(raw, "Title")
    assert make_article_doc(raw, "Title") is not make_article_doc(raw)
    assert isinstance(make_article_doc(raw).paragraphs, tuple)


def test_units_read_the_sentence_table_from_the_article_docs():
    from corpus_tools import load_corpus
    from corpus_tools.segment import extract_sentences
    from corpus_tools.units import _sentence_table

    corpus = load_corpus()
    pd.testing.assert_frame_equal(_sentence_table(corpus), extract_sentences(corpus))
    one = pd.DataFrame({"article_id": ["a"], "text": ["Title\n\nICE came. Wu spoke.\n\nEnd."]})
    pd.testing.assert_frame_equal(_sentence_table(one), extract_sentences(one))


def test_quotes_and_units_split_an_article_once(monkeypatch):
    """Extracting quotes AND building units splits the article's paragraphs once and runs
    Punkt once per body paragraph: the text-keyed caches of ``clean`` and ``segment`` are
    replaced by uncached counting versions, so only the ``ArticleDoc`` can share."""
    from collections import Counter

    import corpus_tools.clean as clean
    import corpus_tools.doc as doc
    import corpus_tools.segment as segment
    from corpus_tools import load_corpus
    from corpus_tools.units import extract_units

    corpus = load_corpus().iloc[[0]].reset_index(drop=True)
    raw = corpus["text"].iloc[0]
    splits: Counter = Counter()
    punkt: Counter = Counter()
    paragraph_spans = clean._paragraph_spans.__wrapped__
    sentence_spans = segment._sentence_spans.__wrapped__

    def counting_paragraphs(text):
        splits[text] += 1
        return paragraph_spans(text)

    def counting_sentences(text):
        punkt[text] += 1
        return sentence_spans(text)

    monkeypatch.setattr(clean, "_paragraph_spans", counting_paragraphs)
    monkeypatch.setattr(clean, "_split_paragraphs", clean._split_paragraphs.__wrapped__)
    monkeypatch.setattr(segment, "_sentence_spans", counting_sentences)
    doc._make_article_doc.cache_clear()
    units = extract_units(corpus)
    doc._make_article_doc.cache_clear()

    assert splits == {raw: 1}
    headline = clean.corpus_headlines(corpus)[0]
    body = [p.text for p in clean.split_paragraphs(raw, headline) if p.role == "body"]
    assert body and {t: punkt[t] for t in body} == {t: 1 for t in body}
    assert (units["kind"] == "narration").any() and (units["kind"] == "quote").any()

