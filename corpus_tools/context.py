"""Words in context: bigram collocations per group and keyword-in-context (KWIC) rows.

Collocations use NLTK's :class:`~nltk.collocations.BigramCollocationFinder` scored by
Dunning's (1993) log-likelihood ratio (``BigramAssocMeasures.likelihood_ratio``), the
standard measure for sparse counts (Manning & Schuetze 1999, ch. 5.3.4). KWIC follows the
concordance tradition of corpus linguistics: every match with a fixed window of words on
each side, and its character offsets in the raw article, so each row can be checked
against the source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

from corpus_tools.terms import _check_columns
from corpus_tools.tokenize import Token, singular, stopwords, tokenize

#: Quoted words blanked out of narration leave a run of spaces: bigrams never span one.
_GAP = re.compile(r"\s{3,}")

KWIC_COLUMNS = ["article_id", "unit_id", "speaker", "group", "start", "end", "left", "match",
                "right"]
COLLOCATION_COLUMNS = ["group", "rank", "bigram", "word1", "word2", "count", "score"]


def _segments(text: str) -> list[list[str]]:
    """Normalised word sequences of a text, split at blanked (quoted) gaps."""
    return [[t.norm for t in tokenize(piece)] for piece in _GAP.split(text) if piece.strip()]


def _keep_word(word: str, stop: frozenset[str], min_length: int) -> bool:
    return word not in stop and len(word) >= min_length and any(c.isalpha() for c in word)


def extract_collocations(units: pd.DataFrame, by: str = "group", n: int = 10,
                         min_freq: int = 2, text: str = "text", drop_stopwords: bool = True,
                         min_length: int = 2) -> pd.DataFrame:
    """Top bigram collocations of each group, ranked by the log-likelihood ratio.

    Each unit's words (normalised tokens, stop words kept so that bigrams are adjacent
    words of the text) are fed to NLTK's ``BigramCollocationFinder.from_documents``, so no
    bigram spans two units; narration is also split where quoted words were blanked out.
    Bigrams seen fewer than ``min_freq`` times, or with a stop word / a token without a
    letter, are filtered out before scoring with ``BigramAssocMeasures.likelihood_ratio``
    (Dunning 1993). Scores are relative to each group's own text.

    Parameters
    ----------
    units : DataFrame
        One row per text unit with ``text`` and the ``by`` column.
    by : str, default "group"
        Grouping column; the output column is always named ``group``.
    n : int, default 10
        Bigrams kept per group.
    min_freq : int, default 2
        Minimum bigram count within the group.
    text : str, default "text"
    drop_stopwords : bool, default True
        Drop bigrams with a stop word (the package's list) in either slot.
    min_length : int, default 2
        Drop bigrams with a word shorter than this.

    Returns
    -------
    DataFrame
        ``group, rank, bigram, word1, word2, count, score``; sorted by group, then rank
        (descending score, ties by bigram).

    Examples
    --------
    >>> units = pd.DataFrame({"text": ["Sanctuary cities refuse. Sanctuary cities lie."],
    ...                       "group": ["press"]})
    >>> extract_collocations(units)[["bigram", "count"]].to_dict("records")
    [{'bigram': 'sanctuary cities', 'count': 2}]
    """
    _check_columns(units, [text, by], "extract_collocations(units)")
    stop = stopwords() if drop_stopwords else frozenset()
    measure = BigramAssocMeasures.likelihood_ratio
    rows = []
    labels = units[by].fillna("").astype(str)
    for group in sorted(set(labels)):
        docs = [seg for t in units.loc[labels == group, text].fillna("").astype(str)
                for seg in _segments(t)]
        finder = BigramCollocationFinder.from_documents(docs)
        finder.apply_freq_filter(min_freq)
        finder.apply_word_filter(lambda w, s=stop: not _keep_word(w, s, min_length))
        scored = sorted(finder.score_ngrams(measure), key=lambda x: (-x[1], x[0]))
        for rank, ((w1, w2), score) in enumerate(scored[:n], 1):
            rows.append((group, rank, f"{w1} {w2}", w1, w2,
                         int(finder.ngram_fd[(w1, w2)]), float(score)))
    return pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)


def _term_keys(term: str, fold_plurals: bool) -> list[str]:
    keys = [t.norm for t in tokenize(term)]
    if not keys:
        raise ValueError(f"kwic: term {term!r} has no word tokens")
    return [singular(k) for k in keys] if fold_plurals else keys


def _window_text(text: str, tokens: Sequence[Token], a: int, b: int) -> str:
    """Text between token ``a``'s start and token ``b - 1``'s end, whitespace collapsed and
    blanked quotations shown as ``…``."""
    if a >= b:
        return ""
    return " ".join(_GAP.sub(" \u2026 ", text[tokens[a].start:tokens[b - 1].end]).split())


def kwic(term: str, units: pd.DataFrame | None = None, window: int = 8,
         corpus: pd.DataFrame | None = None, fold_plurals: bool = True) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` with ``window`` words each side.

    Matching is on the package's normalised tokens (case and curly apostrophes folded;
    plurals folded too when ``fold_plurals``), so ``kwic("sanctuary city")`` finds
    *Sanctuary cities* and ``kwic("sanctuary")`` finds *“sanctuary”* as well. The context
    stays inside the unit (a quote, or a narration sentence with the quoted words blanked).

    Parameters
    ----------
    term : str
        One word or a phrase.
    units : DataFrame, optional
        Units with ``article_id, start, text, group`` (and optionally ``unit_id,
        speaker``); ``text`` must be ``raw[start:start + len(text)]`` up to blanking, as in
        :func:`corpus_tools.units.extract_units`. Default: the units of ``corpus``.
    window : int, default 8
        Words of context on each side.
    corpus : DataFrame, optional
        Used only when ``units`` is None; defaults to :func:`corpus_tools.load_corpus`.
    fold_plurals : bool, default True

    Returns
    -------
    DataFrame
        ``article_id, unit_id, speaker, group, start, end, left, match, right``, one row per
        match; ``start``/``end`` index the raw article text. Sorted by article and offset.

    Examples
    --------
    >>> units = pd.DataFrame({"article_id": ["a1"], "start": [100], "group": ["press"],
    ...                       "text": ["Trump targets sanctuary cities like Boston."]})
    >>> rows = kwic("sanctuary city", units, window=2)
    >>> rows[["start", "left", "match", "right"]].to_dict("records")
    [{'start': 114, 'left': 'Trump targets', 'match': 'sanctuary cities', 'right': 'like Boston'}]
    """
    if units is None:
        from corpus_tools.load import load_corpus
        from corpus_tools.units import extract_units

        units = extract_units(corpus if corpus is not None else load_corpus())
    _check_columns(units, ["article_id", "start", "text", "group"], "kwic(units)")
    if window < 0:
        raise ValueError(f"kwic: window must be >= 0, got {window}")
    keys = _term_keys(term, fold_plurals)
    k = len(keys)
    n_rows = len(units)
    unit_ids = units["unit_id"] if "unit_id" in units else pd.Series([""] * n_rows)
    speakers = units["speaker"] if "speaker" in units else pd.Series([""] * n_rows)
    rows = []
    for aid, uid, speaker, group, ustart, text in zip(
            units["article_id"], unit_ids, speakers, units["group"], units["start"],
            units["text"], strict=True):
        text = "" if pd.isna(text) else str(text)
        tokens = tokenize(text)
        norms = [singular(t.norm) if fold_plurals else t.norm for t in tokens]
        for i in range(len(tokens) - k + 1):
            if norms[i:i + k] != keys:
                continue
            a, b = tokens[i].start, tokens[i + k - 1].end
            rows.append((str(aid), "" if pd.isna(uid) else str(uid),
                         "" if pd.isna(speaker) else str(speaker), str(group),
                         int(ustart) + a, int(ustart) + b,
                         _window_text(text, tokens, max(i - window, 0), i),
                         " ".join(text[a:b].split()),
                         _window_text(text, tokens, i + k, min(i + k + window, len(tokens)))))
    out = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    return out.sort_values(["article_id", "start", "unit_id"], kind="stable").reset_index(
        drop=True)
