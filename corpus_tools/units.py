"""Units of comparison: each quote (a voice's own words) and each sentence of narration.

The narration of a sentence is its text with the quoted words blanked out by spaces: the
string keeps its length, so an offset inside it still maps to ``start + offset`` in the
raw file. Scare quotes (``kind == "term"``) are the writer's words and stay in the
narration.
"""

from __future__ import annotations

import bisect

import pandas as pd

from corpus_tools.clean import corpus_headlines
from corpus_tools.doc import make_article_doc

UNIT_COLUMNS = ["article_id", "unit_id", "kind", "start", "end", "text", "speaker", "group",
                "outlet", "year"]
#: Characters blanked with the quoted words: the marks that open and close them.
#: Quotes are non-overlapping and sorted, so the walk back stops at the first quote that
#: ends before the sentence; the cap only bounds pathological (nested) input.
_MAX_SPANS_BACK = 10_000
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"


def _blank_spans(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for qs, qe in spans:
        a, b = max(qs - offset, 0), min(qe - offset, len(chars))
        if a >= b:
            continue
        # Blank the adjacent quote marks too, when they are there.
        if a > 0 and chars[a - 1] in _QUOTE_MARKS:
            a -= 1
        if b < len(chars) and chars[b] in _QUOTE_MARKS:
            b += 1
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _sentence_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """:func:`corpus_tools.segment.extract_sentences` of ``corpus``, read from each
    article's :class:`~corpus_tools.doc.ArticleDoc`: the paragraphs and sentence spans the
    quote extractor split are reused, not split again."""
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    rows = []
    counters: dict[str, int] = {}
    for aid, raw, headline in zip(corpus["article_id"], corpus["text"],
                                  corpus_headlines(corpus), strict=True):
        doc = make_article_doc(raw, headline)
        for pno, p in enumerate(doc.paragraphs):
            if p.role != "body":
                continue
            for a, b in doc.sentences(pno):
                n = counters.get(aid, 0)
                counters[aid] = n + 1
                rows.append((aid, pno, n, a, b, texts[aid][a:b]))
    columns = ["article_id", "paragraph", "sentence", "start", "end", "text"]
    return pd.DataFrame(rows, columns=columns)


def extract_narration(corpus: pd.DataFrame, quotes: pd.DataFrame,
                      sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Body sentences with quoted words blanked: ``article_id, unit_id, start, end, text``.

    Sentences left with no letters (fully quoted) are kept out: their words are in the
    quote units. ``sentences`` reuses a :func:`~corpus_tools.segment.extract_sentences`
    table of the same corpus instead of splitting again.
    """
    if sentences is None:
        sentences = _sentence_table(corpus)
    speech = quotes[quotes["kind"] != "term"] if len(quotes) else quotes
    spans: dict[str, list[tuple[int, int]]] = {}
    for aid, qs, qe in zip(speech.get("article_id", []), speech.get("start", []),
                           speech.get("end", []), strict=True):
        spans.setdefault(aid, []).append((int(qs), int(qe)))
    for aid in spans:
        spans[aid].sort()
    starts = {aid: [a for a, _ in v] for aid, v in spans.items()}
    rows = []
    for aid, sno, start, end, text in zip(sentences["article_id"].tolist(),
                                          sentences["sentence"].tolist(),
                                          sentences["start"].tolist(),
                                          sentences["end"].tolist(),
                                          sentences["text"].tolist(), strict=True):
        # quotes starting before the sentence ends, walking back while they reach into it
        article_spans = spans.get(aid, [])
        k = bisect.bisect_left(starts.get(aid, []), end) - 1
        inside = []
        while k >= 0 and len(inside) < _MAX_SPANS_BACK:
            a, b = article_spans[k]
            if b <= start:  # this quote, and every earlier one, ends before the sentence
                break
            inside.append((a, b))
            k -= 1
        blanked = _blank_spans(text, start, inside) if inside else text
        if any(c.isalpha() for c in blanked.lstrip()):  # (blanks are spaces: no letters)
            rows.append((aid, f"{aid}-s{sno:03d}", start, end, blanked))
    return pd.DataFrame(rows, columns=["article_id", "unit_id", "start", "end", "text"])


def extract_units(corpus: pd.DataFrame, quotes: pd.DataFrame | None = None,
                  actors: object = None,
                  sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """The units of comparison: one row per quote and one per narration sentence.

    Parameters
    ----------
    corpus : DataFrame
        From :func:`corpus_tools.load_corpus`.
    quotes : DataFrame, optional
        A quote table (``article_id, start, end, text, kind, speaker, group`` and
        optionally ``quote_id``): the extractor's output, the hand-coded gold, or your
        own. Defaults to :func:`corpus_tools.quotes.extract_quotes` on ``corpus``.
    actors : path, DataFrame or ActorRegistry, optional
        The actor registry used when quotes are extracted here (default
        ``resources/actors.csv``).
    sentences : DataFrame, optional
        :func:`corpus_tools.segment.extract_sentences` of ``corpus``, if already computed
        (saves splitting the articles a second time).

    Returns
    -------
    DataFrame
        ``article_id, unit_id, kind ("quote" | "narration"), start, end, text, speaker,
        group, outlet, year``. Narration rows have ``group == "press"`` and
        ``speaker == ""``; their text has the quoted words blanked (same length).
    """
    if quotes is None:
        from corpus_tools.quotes import extract_quotes

        quotes = extract_quotes(corpus, actors=actors)
    speech = quotes[quotes["kind"] != "term"].copy() if len(quotes) else quotes.copy()
    if "quote_id" not in speech.columns:
        speech["quote_id"] = [f"{a}-q{i:02d}" for i, a in enumerate(speech["article_id"], 1)]
    quote_units = pd.DataFrame({
        "article_id": speech["article_id"].astype(str),
        "unit_id": speech["quote_id"].astype(str),
        "kind": "quote",
        "start": speech["start"].astype(int),
        "end": speech["end"].astype(int),
        "text": speech["text"].astype(str),
        "speaker": speech["speaker"].fillna("").astype(str),
        "group": speech["group"].fillna("unknown").astype(str),
    })
    narration = extract_narration(corpus, quotes, sentences)
    narration["kind"] = "narration"
    narration["speaker"] = ""
    narration["group"] = "press"
    units = pd.concat([quote_units, narration], ignore_index=True)
    meta = corpus.set_index("article_id")
    units["outlet"] = units["article_id"].map(meta["outlet"]).fillna("")
    units["year"] = units["article_id"].map(meta["year"]).astype("Int64")
    units = units.sort_values(["article_id", "start", "kind"], kind="stable")
    return units[UNIT_COLUMNS].reset_index(drop=True)
