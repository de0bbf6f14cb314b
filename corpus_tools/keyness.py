"""Distinctive vocabulary: which terms set one group apart from all the others.

Two measures, each for every group against the rest of the corpus:

* :func:`score_log_odds` -- the weighted log-odds ratio with an informative Dirichlet prior
  of Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and
  Evaluation for Identifying the Content of Political Conflict", *Political Analysis*
  16(4): 372-403, section 3.5 (eqs. 16, 18-20).
* :func:`score_keyness` -- Dunning's (1993) log-likelihood ratio G2 ("Accurate Methods for
  the Statistics of Surprise and Coincidence", *Computational Linguistics* 19(1)) on the
  2 x 2 table term/other terms x group/rest, with chi-square (df = 1) p-values (Rayson &
  Garside 2000), and Hardie's (2014) *log ratio* effect size.

Both take the tidy ``term, <by>, count`` table of :func:`corpus_tools.terms.count_terms`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from corpus_tools.terms import _check_columns

Prior = str | float | pd.Series


def _wide_counts(counts: pd.DataFrame, by: str) -> pd.DataFrame:
    """terms x groups integer table (sorted both ways), terms never used dropped."""
    _check_columns(counts, ["term", by, "count"], "counts")
    if counts["count"].lt(0).any():
        raise ValueError("counts: negative counts in column 'count'")
    wide = counts.pivot_table(index="term", columns=by, values="count", aggfunc="sum",
                              fill_value=0).sort_index().sort_index(axis=1)
    wide = wide.loc[wide.sum(axis=1) > 0]
    if wide.shape[1] < 2:
        raise ValueError(f"counts: need at least 2 groups in column {by!r} to compare, "
                         f"got {list(wide.columns)}")
    if wide.shape[0] < 2:
        raise ValueError("counts: need at least 2 terms with a positive count")
    return wide.astype(float)


def dirichlet_prior(counts: pd.DataFrame, by: str = "group", prior: Prior = "pooled",
                    ) -> pd.Series:
    """The prior pseudo-counts ``alpha_w`` used by :func:`score_log_odds`.

    Parameters
    ----------
    counts : DataFrame
        Tidy ``term, <by>, count`` table.
    by : str, default "group"
    prior : "pooled", float or Series, default "pooled"
        * ``"pooled"``: ``alpha_w`` = the pooled count of ``w`` in the whole corpus (all
          groups together). This is the informative prior of Monroe et al. (2008, sec.
          3.5.1) at full strength, ``alpha_0`` = corpus size, as in the widely used
          implementation of tidylo (Schnoebelen & Silge). It shrinks rare terms strongly
          towards the corpus-wide rate, which suits a small corpus.
        * a float ``a0 > 0``: the same pooled shape scaled to a total prior mass ``a0``:
          ``alpha_w = a0 * y_w / n`` (Monroe et al.'s ``alpha_0 * pi_w``); smaller ``a0``
          means weaker shrinkage.
        * a Series indexed by term: explicit ``alpha_w`` (every counted term needs a
          positive value), e.g. ``pd.Series(0.01, index=terms)`` for Monroe et al.'s
          uninformative prior.

    Returns
    -------
    Series
        ``alpha_w`` indexed by term (sorted), named ``alpha``.

    Examples
    --------
    >>> counts = pd.DataFrame({"term": ["a", "b", "a"], "group": ["x", "x", "y"],
    ...                        "count": [3, 1, 1]})
    >>> dirichlet_prior(counts).tolist(), dirichlet_prior(counts, prior=1.0).tolist()
    ([4.0, 1.0], [0.8, 0.2])
    """
    pooled = _wide_counts(counts, by).sum(axis=1)
    if isinstance(prior, str):
        if prior != "pooled":
            raise ValueError(f"prior: unknown prior {prior!r}; use 'pooled', a float "
                             "(total prior mass) or a Series of alpha_w by term")
        alpha = pooled
    elif isinstance(prior, pd.Series):
        missing = pooled.index.difference(prior.index)
        if len(missing):
            raise ValueError(f"prior: no alpha_w for {len(missing)} term(s), e.g. "
                             f"{missing[:5].tolist()}")
        alpha = prior.reindex(pooled.index).astype(float)
    else:
        a0 = float(prior)
        if not a0 > 0:
            raise ValueError(f"prior: total prior mass must be > 0, got {prior!r}")
        alpha = a0 * pooled / pooled.sum()
    if not (alpha > 0).all():
        raise ValueError("prior: every alpha_w must be > 0; "
                         f"bad terms {alpha.index[~(alpha > 0)][:5].tolist()}")
    return alpha.rename("alpha")


def log_odds_delta(y_i: np.ndarray, n_i: float, y_j: np.ndarray, n_j: float,
                   alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Monroe et al. (2008) eqs. 16 and 18-20 for arrays of terms.

    ``delta = log((y_i + a) / (n_i + a0 - y_i - a)) - log((y_j + a) / (n_j + a0 - y_j - a))``,
    ``var = 1 / (y_i + a) + 1 / (y_j + a)``, ``z = delta / sqrt(var)``, with ``a0 = sum(a)``.

    Returns
    -------
    (delta, var, z) : tuple of ndarray

    Examples
    --------
    >>> d, v, z = log_odds_delta(np.array([2.0, 0.0]), 2, np.array([0.0, 2.0]), 2,
    ...                          np.array([1.0, 1.0]))
    >>> np.round(d, 4).tolist(), np.round(v, 4).tolist()
    ([2.1972, -2.1972], [1.3333, 1.3333])
    """
    a0 = float(np.sum(alpha))
    delta = (np.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
             - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
    var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
    return delta, var, delta / np.sqrt(var)


def score_log_odds(counts: pd.DataFrame, by: str = "group", prior: Prior = "pooled",
                   ) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior, each group vs the rest.

    For group ``i`` against all other groups together (``j``), with term counts ``y``,
    group sizes ``n`` and prior pseudo-counts ``alpha_w`` summing to ``alpha_0``
    (Monroe, Colaresi & Quinn 2008, "Fightin' Words", eqs. 16, 18-20)::

        delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
                - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
        var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
        z_w     = delta_w / sqrt(var_w)

    Positive ``z``: the group uses the term more than the rest, after shrinkage towards the
    prior; the variance makes frequent terms' differences count more than rare ones'.

    Parameters
    ----------
    counts : DataFrame
        Tidy ``term, <by>, count`` table from :func:`corpus_tools.terms.count_terms`.
    by : str, default "group"
        The grouping column.
    prior : "pooled", float or Series, default "pooled"
        See :func:`dirichlet_prior`: by default ``alpha_w`` is the pooled count of ``w``
        in the whole corpus.

    Returns
    -------
    DataFrame
        ``term, <by>, count, delta, var, z`` (``count`` = ``y_iw``) for every term x group
        pair, zero counts included; sorted by ``<by>``, descending ``z``, ``term``.

    Examples
    --------
    >>> counts = pd.DataFrame({"term": ["ice", "resident", "ice", "resident"],
    ...                        "group": ["adm", "adm", "loc", "loc"],
    ...                        "count": [5, 1, 1, 5]})
    >>> score_log_odds(counts)[["term", "group", "count"]].head(2).to_dict("records")
    [{'term': 'ice', 'group': 'adm', 'count': 5}, {'term': 'resident', 'group': 'adm', 'count': 1}]
    """
    wide = _wide_counts(counts, by)
    alpha = dirichlet_prior(counts, by, prior).to_numpy()
    y = wide.to_numpy()
    y_w, n_k = y.sum(axis=1), y.sum(axis=0)
    n = n_k.sum()
    frames = []
    for k, group in enumerate(wide.columns):
        y_i = y[:, k]
        delta, var, z = log_odds_delta(y_i, n_k[k], y_w - y_i, n - n_k[k], alpha)
        frames.append(pd.DataFrame({"term": wide.index.to_numpy(), by: group,
                                    "count": y_i.astype(np.int64), "delta": delta,
                                    "var": var, "z": z}))
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values([by, "z", "term"], ascending=[True, False, True], kind="stable")
    return out.reset_index(drop=True)


def log_likelihood_g2(a: np.ndarray, b: np.ndarray, c: np.ndarray,
                      d: np.ndarray) -> np.ndarray:
    """Dunning's G2 = 2 * sum(O * ln(O / E)) of 2 x 2 tables ``[[a, c], [b, d]]``, vectorised.

    ``a``/``c``: the term's count in the group/the rest; ``b``/``d``: all other terms'
    counts. Cells with ``O = 0`` contribute 0. Equals
    ``scipy.stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")``.

    Examples
    --------
    >>> float(np.round(log_likelihood_g2(np.array([10.]), np.array([90.]),
    ...                                  np.array([10.]), np.array([90.])), 6)[0])
    0.0
    """
    obs = np.stack([a, b, c, d]).astype(float)
    total = obs.sum(axis=0)
    rows = np.stack([a + c, b + d, a + c, b + d])
    cols = np.stack([a + b, a + b, c + d, c + d])
    expected = rows * cols / np.where(total == 0, 1, total)
    safe = np.where(obs > 0, obs / np.where(expected > 0, expected, 1), 1.0)
    return 2.0 * np.sum(np.where(obs > 0, obs * np.log(safe), 0.0), axis=0)


def score_keyness(counts: pd.DataFrame, by: str = "group", zero: float = 0.5) -> pd.DataFrame:
    """Dunning's log-likelihood G2 keyness of every term for each group vs the rest.

    For each term and group the 2 x 2 table is (term count, other terms) x (group, rest);
    G2 is compared with a chi-square distribution on 1 degree of freedom (Dunning 1993;
    Rayson & Garside 2000). The effect size is Hardie's (2014) *log ratio*,
    ``log2((y_i / n_i) / (y_j / n_j))``, with a zero count replaced by ``zero`` (0.5).

    P-values are per test and not adjusted: with thousands of terms, many small ones are
    expected by chance, and on a small corpus the chi-square approximation is rough. Read
    them as a ranking, not as inference.

    Parameters
    ----------
    counts : DataFrame
        Tidy ``term, <by>, count`` table from :func:`corpus_tools.terms.count_terms`.
    by : str, default "group"
    zero : float, default 0.5
        Stand-in for a zero frequency in the log ratio.

    Returns
    -------
    DataFrame
        ``term, <by>, count, rest_count, expected, g2, p_value, log_ratio, direction``
        (``direction`` is ``"over"`` when the group uses the term more than expected,
        else ``"under"``); sorted by ``<by>``, descending ``g2``, ``term``.

    Examples
    --------
    >>> counts = pd.DataFrame({"term": ["ice", "resident", "ice", "resident"],
    ...                        "group": ["adm", "adm", "loc", "loc"],
    ...                        "count": [5, 1, 1, 5]})
    >>> row = score_keyness(counts).iloc[0]
    >>> row["term"], row["direction"], round(float(row["log_ratio"]), 4)
    ('ice', 'over', 2.3219)
    """
    wide = _wide_counts(counts, by)
    y = wide.to_numpy()
    y_w, n_k = y.sum(axis=1), y.sum(axis=0)
    n = n_k.sum()
    frames = []
    for k, group in enumerate(wide.columns):
        a = y[:, k]
        c = y_w - a
        n_i, n_j = n_k[k], n - n_k[k]
        g2 = log_likelihood_g2(a, n_i - a, c, n_j - c)
        expected = y_w * n_i / n
        with np.errstate(divide="ignore", invalid="ignore"):
            log_ratio = np.log2((np.where(a > 0, a, zero) / n_i)
                                / (np.where(c > 0, c, zero) / n_j))
        frames.append(pd.DataFrame({
            "term": wide.index.to_numpy(), by: group, "count": a.astype(np.int64),
            "rest_count": c.astype(np.int64), "expected": expected, "g2": g2,
            "p_value": stats.chi2.sf(g2, df=1), "log_ratio": log_ratio,
            "direction": np.where(a > expected, "over", "under"),
        }))
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values([by, "g2", "term"], ascending=[True, False, True], kind="stable")
    return out.reset_index(drop=True)
