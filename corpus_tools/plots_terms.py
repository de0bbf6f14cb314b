"""Plots of term frequencies, distinctive terms and naming (notebook 03).

Each function takes the tidy table of its analysis function and returns a matplotlib
Figure; every bar or cell is labelled with its number, so the figure can be read without
the CSV next to it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from corpus_tools.style import GROUP_ORDER, SEQUENCE_COLORS, apply_style, group_color, group_label


def order_groups(values: Sequence[str]) -> list[str]:
    """Groups in the package's display order (``GROUP_ORDER``), others alphabetically after.

    Examples
    --------
    >>> order_groups(["press", "Politico", "administration"])
    ['administration', 'press', 'Politico']
    """
    present = set(values)
    known = [g for g in GROUP_ORDER if g in present]
    return known + sorted(present - set(known))


def _colors(keys: Sequence[str], by: str) -> dict[str, str]:
    if by == "group":
        return {k: group_color(k) for k in keys}
    return {k: SEQUENCE_COLORS[i % len(SEQUENCE_COLORS)] for i, k in enumerate(keys)}


def _title(key: str, by: str) -> str:
    return group_label(key) if by == "group" else key


def _grid(n: int, ncols: int, height: float, width: float = 4.2,
          ) -> tuple[Figure, np.ndarray]:
    ncols = max(1, min(ncols, n))
    nrows = max(1, math.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(width * ncols, height * nrows),
                             squeeze=False)
    for ax in axes.ravel()[n:]:
        ax.set_visible(False)
    return fig, axes.ravel()


def plot_top_terms(top: pd.DataFrame, by: str = "group", ncols: int = 3,
                   title: str = "Most frequent terms per voice (stop words removed)") -> Figure:
    """Small multiples of the most frequent terms of each group, counts written on the bars.

    Parameters
    ----------
    top : DataFrame
        ``term, <by>, count[, rate]`` (e.g. :func:`corpus_tools.terms.top_terms`).
    by : str, default "group"
    ncols : int, default 3
    title : str
    """
    apply_style()
    keys = order_groups(top[by].astype(str).unique())
    n_max = max(int(top.groupby(by).size().max()), 1) if len(top) else 1
    fig, axes = _grid(len(keys), ncols, height=0.3 * n_max + 1.3)
    colors = _colors(keys, by)
    for ax, key in zip(axes, keys, strict=False):
        sub = top[top[by].astype(str) == key].sort_values(["count", "term"],
                                                          ascending=[False, True])
        bars = ax.barh(range(len(sub)), sub["count"], color=colors[key])
        ax.bar_label(bars, padding=2, fontsize=8)
        ax.set_yticks(range(len(sub)), sub["term"])
        ax.set_ylim(n_max - 0.5, -0.5)
        ax.set_xlim(0, max(sub["count"].max() if len(sub) else 1, 1) * 1.25)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("count")
        ax.set_title(_title(key, by), color=colors[key] if by == "group" else "black")
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    return fig


def select_distinctive(scores: pd.DataFrame, by: str = "group", n: int = 8,
                       min_count: int = 2) -> pd.DataFrame:
    """The ``n`` terms with the highest ``z`` per group among those used ``min_count`` times.

    Only positive ``z`` (terms the group over-uses) are kept. Ties are broken by term.

    Examples
    --------
    >>> scores = pd.DataFrame({"term": ["a", "b", "c"], "group": "g",
    ...                        "count": [5, 1, 3], "z": [2.0, 3.0, -1.0]})
    >>> select_distinctive(scores, n=5)["term"].tolist()
    ['a']
    """
    keep = scores[(scores["count"] >= min_count) & (scores["z"] > 0)]
    keep = keep.sort_values([by, "z", "term"], ascending=[True, False, True], kind="stable")
    return keep.groupby(by, sort=True).head(n).reset_index(drop=True)


def plot_distinctive_terms(selected: pd.DataFrame, by: str = "group", min_count: int = 2,
                           ncols: int = 3, title: str | None = None,
                           groups: Sequence[str] | None = None) -> Figure:
    """Bars of the weighted log-odds z-score of each group's most distinctive terms.

    Each bar is labelled with its z and the term's count in the group (``n``); the panel
    title states the minimum count. Use :func:`select_distinctive` to pick the rows.

    Parameters
    ----------
    selected : DataFrame
        ``term, <by>, count, z`` rows to draw.
    by : str, default "group"
    min_count : int, default 2
        Only used in the caption (the selection is done beforehand).
    ncols : int, default 3
    title : str, optional
        Defaults to a caption naming the method and ``min_count``.
    groups : sequence of str, optional
        Every group to give a panel, also those with no term selected (their panel says
        so); default: the groups in ``selected``.
    """
    apply_style()
    extra = [str(g) for g in groups] if groups is not None else []
    keys = order_groups([*selected[by].astype(str).unique(), *extra])
    n_max = max(int(selected.groupby(by).size().max()), 1) if len(selected) else 1
    fig, axes = _grid(len(keys), ncols, height=0.32 * n_max + 1.4, width=4.4)
    colors = _colors(keys, by)
    z_max = float(selected["z"].max()) if len(selected) else 1.0
    others = "voices" if by == "group" else f"{by.replace('_', ' ')}s"
    for ax, key in zip(axes, keys, strict=False):
        sub = selected[selected[by].astype(str) == key].sort_values(
            ["z", "term"], ascending=[False, True])
        bars = ax.barh(range(len(sub)), sub["z"], color=colors[key])
        ax.bar_label(bars, labels=[f"z={z:.2f}  n={c}" for z, c in
                                   zip(sub["z"], sub["count"], strict=True)],
                     padding=2, fontsize=8)
        ax.set_yticks(range(len(sub)), sub["term"])
        ax.set_ylim(n_max - 0.5, -0.5)
        ax.set_xlim(0, z_max * 1.7)
        ax.set_xlabel(f"z (weighted log-odds, vs all other {others})")
        ax.set_title(_title(key, by), color=colors[key] if by == "group" else "black")
        if sub.empty:
            ax.text(0.5, 0.5, f"no over-used term\nwith count \u2265 {min_count}",
                    transform=ax.transAxes, ha="center", va="center", fontsize=9,
                    color="0.3")
            ax.set_yticks([])
    if title is None:
        unit = "voice" if by == "group" else by.replace("_", " ")
        title = (f"Distinctive terms per {unit}: Monroe et al. (2008) weighted log-odds, "
                 f"informative Dirichlet prior (terms used at least {min_count} times)")
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    return fig


def plot_naming_heatmap(counts: pd.DataFrame, by: str = "group",
                        title: str = "How each voice names the people at the centre",
                        ) -> Figure:
    """Heatmap of naming-label counts: labels (rows, file order) x groups, counts annotated.

    Parameters
    ----------
    counts : DataFrame
        ``<by>, label, category, count`` from :func:`corpus_tools.naming.count_naming`.
    by : str, default "group"
    title : str
    """
    apply_style()
    labels = list(dict.fromkeys(counts["label"]))
    category = dict(zip(counts["label"], counts["category"], strict=False))
    keys = order_groups(counts[by].astype(str).unique())
    table = counts.pivot_table(index="label", columns=by, values="count", aggfunc="sum",
                               fill_value=0).reindex(index=labels, columns=keys, fill_value=0)
    values = table.to_numpy()
    fig, ax = plt.subplots(figsize=(1.3 * len(keys) + 4.2, 0.36 * len(labels) + 1.8))
    vmax = max(int(values.max()), 1)
    ax.imshow(values, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, str(int(v)) if v else "·", ha="center", va="center", fontsize=9,
                color="white" if v > vmax * 0.6 else "black")
    ax.set_xticks(range(len(keys)), [_title(k, by).replace(" (", "\n(") for k in keys])
    ax.set_yticks(range(len(labels)), [f"{lab}  [{category[lab]}]" for lab in labels])
    ax.tick_params(length=0)
    ax.xaxis.tick_top()
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks(np.arange(len(keys) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(labels) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel("matches (· = none); label [category]")
    ax.set_title(title, pad=12)
    fig.tight_layout()
    return fig
