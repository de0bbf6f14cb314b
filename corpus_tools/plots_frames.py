"""Plots of frame shares (notebook 04): dot-and-whisker per group, heat maps per category.

Each function takes the tidy table of :func:`corpus_tools.frames.score_frame_shares` and
returns a matplotlib Figure; group sizes are written in the legend or column labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from corpus_tools.compare import add_note, drop_empty_groups
from corpus_tools.frames import ordered_groups
from corpus_tools.style import apply_style, group_color, group_label


def _frame_order(shares: pd.DataFrame, frames: Sequence[str] | None) -> list[str]:
    return list(dict.fromkeys(shares["frame"])) if frames is None else list(frames)


def plot_frame_shares(shares: pd.DataFrame, names: Mapping[str, str] | None = None,
                      frames: Sequence[str] | None = None,
                      title: str = "Share of units evoking each frame, by voice") -> Figure:
    """Dot-and-whisker plot: each group's share per frame with its 95% interval.

    Parameters
    ----------
    shares : DataFrame
        ``group, frame, n_units, share, ci_low, ci_high``. Groups that are blank or have
        no unit are left out, and a note under the figure names them.
    names : mapping, optional
        Frame id -> display name (e.g. from the codebook).
    frames : sequence of str, optional
        Frames top to bottom; defaults to the table's order.
    title : str
    """
    apply_style()
    shares, note = drop_empty_groups(shares, "group", "n_units")
    frames = _frame_order(shares, frames)
    groups = ordered_groups(shares["group"])
    names = dict(names or {})
    fig, ax = plt.subplots(figsize=(8.5, 0.55 * len(frames) * max(len(groups), 3) / 3 + 1.6))
    height = 0.8
    step = height / max(len(groups), 1)
    for k, group in enumerate(groups):
        sub = shares[shares["group"] == group].set_index("frame").reindex(frames)
        y = np.arange(len(frames)) - height / 2 + step * (k + 0.5)
        n = int(sub["n_units"].dropna().iloc[0]) if sub["n_units"].notna().any() else 0
        err = np.vstack([sub["share"] - sub["ci_low"], sub["ci_high"] - sub["share"]])
        ax.errorbar(sub["share"], y, xerr=err, fmt="o", ms=5, color=group_color(group),
                    ecolor=group_color(group), elinewidth=1.4, capsize=2,
                    label=f"{group_label(group)} (n={n})")
    ax.set_yticks(range(len(frames)), [names.get(f, f) for f in frames])
    ax.set_ylim(len(frames) - 0.5, -0.5)
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("share of units evoking the frame (dot) with bootstrap 95% interval")
    for y in np.arange(len(frames) - 1) + 0.5:
        ax.axhline(y, color="#dddddd", lw=0.6, zorder=0)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.1 / max(len(frames), 1)),
              ncol=min(len(groups), 3), title="n = quotes (voices) or sentences (press)")
    ax.set_title(title)
    fig.tight_layout()
    add_note(fig, note)
    return fig


def plot_frame_heatmaps(tables: Mapping[str, pd.DataFrame],
                        names: Mapping[str, str] | None = None,
                        frames: Sequence[str] | None = None,
                        title: str | None = None) -> Figure:
    """Heat maps side by side (one per grouping): share in percent written in each cell.

    Parameters
    ----------
    tables : mapping
        Panel title -> shares table (``group, frame, n_units, share``) where ``group``
        holds the category (outlet, year...). Categories that are blank or have no unit
        are left out, and a note under the figure names them.
    names : mapping, optional
        Frame id -> display name.
    frames : sequence of str, optional
    title : str, optional
        Defaults to "Share of units evoking each frame, " and the panel titles joined
        with "and" (e.g. "by outlet and by year").
    """
    apply_style()
    if not tables:
        raise ValueError("plot_frame_heatmaps: no table to draw (nothing could be compared)")
    kept = {panel: drop_empty_groups(t, "group", "n_units", label=panel.removeprefix("by "))
            for panel, t in tables.items()}
    tables = {panel: t for panel, (t, _) in kept.items()}
    note = " ".join(f"{panel}: {n}" for panel, (_, n) in kept.items() if n)
    if title is None:
        title = f"Share of units evoking each frame, {' and '.join(tables)}"
    first = next(iter(tables.values()))
    frames = _frame_order(first, frames)
    names = dict(names or {})
    widths = [max(t["group"].nunique(), 1) for t in tables.values()]
    fig, axes = plt.subplots(1, len(tables), figsize=(3.2 + 1.3 * sum(widths),
                                                      0.42 * len(frames) + 1.8),
                             gridspec_kw={"width_ratios": widths}, squeeze=False)
    for i, (ax, (panel, table)) in enumerate(zip(axes[0], tables.items(), strict=True)):
        cats = list(dict.fromkeys(table["group"].astype(str)))
        wide = (table.assign(group=table["group"].astype(str))
                .pivot(index="frame", columns="group", values="share")
                .reindex(index=frames, columns=cats))
        n = dict(zip(table["group"].astype(str), table["n_units"], strict=True))
        ax.imshow(wide.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
        for (r, c), v in np.ndenumerate(wide.to_numpy(dtype=float)):
            ax.text(c, r, f"{v:.0%}", ha="center", va="center", fontsize=8,
                    color="white" if v > 0.55 else "black")
        ax.set_xticks(range(len(cats)), [f"{c}\n(n={int(n[c])})" for c in cats], fontsize=8)
        ax.set_yticks(range(len(frames)), [names.get(f, f) for f in frames] if i == 0
                      else [""] * len(frames))
        ax.set_title(panel)
        ax.spines[:].set_visible(False)
    fig.suptitle(title, fontweight="bold")
    fig.tight_layout()
    add_note(fig, note)
    return fig
