"""Term counts for any grouping of texts: a document-term matrix per group, as a tidy table.

Terms come from :func:`corpus_tools.tokenize.analyze`, so stop words are dropped and
multiword terms (*sanctuary city*, *illegal alien*) count as one term, exactly as everywhere
else in the package. Each unit's terms (quotes, narration sentences, articles...) are added
to its group's :class:`collections.Counter`; the vocabulary is the sorted set of every term.
That is the matrix scikit-learn's
:class:`~sklearn.feature_extraction.text.CountVectorizer` (``analyzer=analyze``) gives,
summed per group (tested), without importing scikit-learn (2-3 s of a command's start-up)
or building a unit x term matrix; :func:`count_terms` does not import scipy either.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from corpus_tools.tokenize import analyze

if TYPE_CHECKING:
    from scipy import sparse

Analyzer = Callable[[str], list[str]]


def _check_columns(df: pd.DataFrame, columns: list[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(f"{what}: missing column(s) {missing}; has {list(df.columns)}")


def group_term_matrix(units: pd.DataFrame, by: str = "group", text: str = "text",
                      analyzer: Analyzer | None = None,
                      ) -> tuple[list[str], list[str], sparse.csr_matrix]:
    """Group x term count matrix of the texts in ``units``.

    Parameters
    ----------
    units : DataFrame
        One row per text unit, with a ``text`` column and a grouping column ``by``.
    by : str, default "group"
        Any grouping column: ``group``, ``outlet``, ``article_id``, ``speaker``...
    text : str, default "text"
        The column holding the texts.
    analyzer : callable, optional
        ``str -> list[str]``; defaults to :func:`corpus_tools.tokenize.analyze`.

    Returns
    -------
    groups : list of str
        Row labels, sorted.
    terms : list of str
        Column labels, sorted (CountVectorizer's vocabulary order).
    matrix : scipy.sparse.csr_matrix
        ``matrix[g, t]`` is the count of term ``t`` in group ``g`` (int64).

    Examples
    --------
    >>> units = pd.DataFrame({"text": ["Sanctuary cities", "sanctuary city policy"],
    ...                       "group": ["a", "b"]})
    >>> groups, terms, m = group_term_matrix(units)
    >>> groups, terms, m.toarray().tolist()
    (['a', 'b'], ['policy', 'sanctuary city'], [[0, 1], [1, 1]])
    """
    from scipy import sparse

    _check_columns(units, [text, by], "group_term_matrix(units)")
    groups, terms, rows, cols, values = _group_counts(units, by, text, analyzer)
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(groups), len(terms)),
                               dtype=np.int64)
    return groups, terms, matrix


def _group_counts(units: pd.DataFrame, by: str, text: str, analyzer: Analyzer | None
                  ) -> tuple[list[str], list[str], np.ndarray, np.ndarray, np.ndarray]:
    """The non-zero cells of the group x term matrix: ``groups``, ``terms`` (both sorted)
    and ``rows, cols, values`` (int64 arrays, by row then column)."""
    labels = units[by].fillna("").astype(str).tolist()
    texts = units[text].fillna("").astype(str).tolist()
    analyzer = analyzer or analyze
    counters: dict[str, Counter[str]] = {}
    seen: dict[str, list[str]] = {}  # each distinct text analysed once
    for label, doc in zip(labels, texts, strict=True):
        counter = counters.get(label)
        if counter is None:
            counter = counters[label] = Counter()
        found = seen.get(doc)
        if found is None:
            found = seen[doc] = analyzer(doc)
        counter.update(found)
    groups = sorted(counters)
    terms = sorted(set().union(*counters.values()))
    index = {t: k for k, t in enumerate(terms)}
    rows: list[int] = []
    cols: list[int] = []
    values: list[int] = []
    for g, group in enumerate(groups):
        cells = sorted((index[t], n) for t, n in counters[group].items())
        rows.extend([g] * len(cells))
        cols.extend(k for k, _ in cells)
        values.extend(n for _, n in cells)
    return (groups, terms, np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64),
            np.array(values, dtype=np.int64))


def count_terms(units: pd.DataFrame, by: str = "group", text: str = "text",
                analyzer: Analyzer | None = None, min_count: int = 1) -> pd.DataFrame:
    """Counts and rates of every term per group, as a tidy long table.

    Parameters
    ----------
    units : DataFrame
        One row per text unit (e.g. from :func:`corpus_tools.units.extract_units`, or any
        table with a ``text`` column and a grouping column).
    by : str, default "group"
        The grouping column; it names the output's group column.
    text : str, default "text"
        The column holding the texts.
    analyzer : callable, optional
        ``str -> list[str]``; defaults to :func:`corpus_tools.tokenize.analyze` (stop words
        removed, multiword terms joined).
    min_count : int, default 1
        Keep rows with at least this count (0 keeps every term x group pair).

    Returns
    -------
    DataFrame
        ``term, <by>, count, rate``: ``rate`` is per 1,000 counted terms of that group
        (the denominator is the group's total after stop-word removal, the same ``n_i``
        the keyness scores use). Sorted by ``<by>``, descending ``count``, ``term``.

    Examples
    --------
    >>> units = pd.DataFrame({"text": ["ICE agents, ICE", "Boston residents"],
    ...                       "group": ["administration", "local_officials"]})
    >>> count_terms(units).to_dict("records")[0]
    {'term': 'ice', 'group': 'administration', 'count': 2, 'rate': 666.6666666666666}
    """
    _check_columns(units, [text, by], "count_terms(units)")
    groups, terms, rows, cols, values = _group_counts(units, by, text, analyzer)
    totals = np.bincount(rows, weights=values, minlength=len(groups)).astype(np.int64)
    if min_count <= 0:  # every term x group pair, zeros included
        dense = np.zeros((len(groups), len(terms)), dtype=np.int64)
        dense[rows, cols] = values
        rows = np.repeat(np.arange(len(groups)), len(terms))
        cols = np.tile(np.arange(len(terms)), len(groups))
        values = dense.ravel()
    table = pd.DataFrame({
        "term": np.array(terms, dtype=object)[cols] if len(terms) else np.array([], object),
        by: np.array(groups, dtype=object)[rows] if len(groups) else np.array([], object),
        "count": np.asarray(values, dtype=np.int64),
        "rate": np.asarray(values, dtype=float) / np.where(totals == 0, 1, totals)[rows]
        * 1000.0,
    })
    table = table[table["count"] >= min_count]
    table = table.sort_values([by, "count", "term"], ascending=[True, False, True],
                              kind="stable")
    return table.reset_index(drop=True)


def top_terms(counts: pd.DataFrame, n: int = 10, by: str = "group") -> pd.DataFrame:
    """The ``n`` most frequent terms of each group from a :func:`count_terms` table.

    Ties at the cut-off are broken alphabetically (the table's order), so the result is
    deterministic.

    Examples
    --------
    >>> counts = pd.DataFrame({"term": ["b", "a", "c"], "group": ["g"] * 3,
    ...                        "count": [2, 2, 1], "rate": [400.0, 400.0, 200.0]})
    >>> top_terms(counts, n=2)["term"].tolist()
    ['a', 'b']
    """
    _check_columns(counts, ["term", by, "count"], "top_terms(counts)")
    ordered = counts.sort_values([by, "count", "term"], ascending=[True, False, True],
                                 kind="stable")
    return ordered.groupby(by, sort=True).head(n).reset_index(drop=True)
