"""Tokens with offsets, normalisation, stop words, n-grams and multiword terms."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import analyze, extract_tokens, merge_multiword, ngrams, normalize
from corpus_tools.tokenize import singular, stopwords, tokenize


def test_every_seed_token_slices_raw(corpus, raw_texts):
    for multiword in (False, True):
        tokens = extract_tokens(corpus, multiword=multiword)
        assert len(tokens) > 2500
        for aid, start, end, text in zip(tokens["article_id"], tokens["start"], tokens["end"],
                                         tokens["text"], strict=True):
            assert raw_texts[aid][start:end] == text


def test_apostrophes_normalise():
    assert normalize("We’re") == normalize("we're") == "we're"
    assert [t.norm for t in tokenize("Trump’s wall")] == ["trump", "'s", "wall"]
    assert [t.norm for t in tokenize("don’t won't")] == ["don't", "won't"]
    # every apostrophe folds to ' (the four of ``_APOSTROPHES``), nothing else changes
    assert normalize("\u2018O\u02bcK\u00b4 Ça\u2019s \u201cX\u201d") == "'o'k' ça's \u201cx\u201d"


def test_abbreviations_numbers_and_hyphens():
    assert [t.text for t in tokenize("the U.S. sent 5,300 MS-13 agents, 3.2 million")] == [
        "the", "U.S.", "sent", "5,300", "MS-13", "agents", "3.2", "million"]


def test_offsets_with_offset_argument():
    toks = tokenize("“Hello, world”", offset=10)
    assert [(t.start, t.end) for t in toks] == [(11, 16), (18, 23)]


def test_multiword_terms_fold_plurals_and_keep_offsets():
    raw = "Sanctuary cities and criminal\nillegal aliens near the National Guard’s base"
    merged = merge_multiword(tokenize(raw), raw=raw)
    norms = [t.norm for t in merged]
    assert norms == ["sanctuary city", "and", "criminal illegal alien", "near", "the",
                     "national guard", "'s", "base"]
    for t in merged:
        assert raw[t.start:t.end] == t.text


def test_illegal_immigrants_not_conflated_with_immigration():
    assert analyze("illegal immigrants and illegal immigration") == [
        "illegal immigrant", "illegal immigration"]


def test_singular():
    assert singular("policies") == "policy" and singular("status") == "status"


def test_stopwords_shipped_and_normalised():
    stop = stopwords()
    assert {"the", "we're", "said", "'s"} <= stop
    assert "sanctuary" not in stop and "illegal" not in stop


def test_analyze_drops_stopwords_and_punctuation():
    assert analyze("The sanctuary cities refuse to work with ICE.") == [
        "sanctuary city", "refuse", "work", "ice"]


def test_ngrams():
    assert ngrams(["a", "b", "c"], 2) == ["a b", "b c"]
    assert ngrams(["a"], 2) == []


@given(st.text(alphabet=st.sampled_from(list("aZ zΣσİıßŉ’'‘-.\n") + ["ǅ", "ﬁ", "K"]),
               max_size=60))
@settings(max_examples=300, deadline=None)
def test_whole_text_normalisation_matches_per_token(text):
    """The fast path (normalise the text once, slice) equals normalising each token."""
    for tok in tokenize(text, 5):
        assert tok.text == text[tok.start - 5:tok.end - 5]
        assert tok.norm == normalize(tok.text)


def test_term_matcher_skips_only_tokens_that_cannot_start_a_term():
    from corpus_tools.tokenize import TermMatcher

    m = TermMatcher(["city council", "sanctuary policy", "ice"])
    # plural first words (cities, policies) and a one-word term still match
    assert [t.norm for t in m.merge(tokenize("Cities council; sanctuary policies"))] == \
        ["city council", "sanctuary policy"]
    assert [t.norm for t in m.merge(tokenize("ICE agents"), min_tokens=1)] == ["ice", "agents"]
    assert m.merge(tokenize("nothing here")) == tokenize("nothing here")
    assert {"city", "cities", "ice", "ices", "sanctuary", "sanctuaries"} <= m.first


_TERMS = ["city council", "sanctuary policy", "ice", "michelle wu", "u.s. attorney", "wu"]


@given(st.lists(st.sampled_from(["City", "council", "cities", "Sanctuary", "policies", "ICE",
                                 "Michelle", "Wu", "Wu’s", "U.S.", "attorney", "İce", "the",
                                 " ", "\n\n", ",", "-", "Σ"]), max_size=30),
       st.sampled_from([1, 2]))
@settings(max_examples=300, deadline=None)
def test_term_matcher_find_equals_merge_then_filter(words, min_tokens):
    """``find`` (terms only, no token per word) gives what a registry lookup did before:
    the tokens of ``merge`` whose norm is a term or in ``keep``."""
    from corpus_tools.tokenize import TermMatcher

    text = " ".join(words)
    m = TermMatcher(_TERMS)
    keep = {*_TERMS, "the"}
    merged = m.merge(tokenize(text, 7), min_tokens=min_tokens)
    found = m.find(text, 7, min_tokens=min_tokens, keep=keep)
    assert [t for t in found if t.norm in keep] == [t for t in merged if t.norm in keep]
    assert set(found) <= set(merged)
