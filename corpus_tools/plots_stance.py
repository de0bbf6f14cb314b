"""Plots for notebook 05: stance by group/outlet and speakers' positions."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from corpus_tools.compare import add_note, drop_empty_groups
from corpus_tools.style import GROUP_ORDER, apply_style, group_color, group_label

_STANCE_COLORS = {"against": "#0072B2", "none": "#BBBBBB", "favor": "#D55E00"}


def plot_stance_diverging(counts: pd.DataFrame, by: str = "group", title: str = "",
                          xlabel: str = "") -> Figure:
    """Diverging stacked bars: *against* to the left of zero, *favor* to the right, *none*
    split across zero; counts written in each segment.

    Parameters
    ----------
    counts : DataFrame
        From :func:`corpus_tools.stance.count_stance`. Rows with no ``by`` value and
        groups with no quote are left out, and a note under the figure names them.
    """
    apply_style()
    counts, note = drop_empty_groups(counts, by, "n")
    wide = counts.pivot_table(index=by, columns="stance", values="n", aggfunc="sum",
                              fill_value=0)
    for label in ("against", "none", "favor"):
        if label not in wide.columns:
            wide[label] = 0
    order = [g for g in GROUP_ORDER if g in wide.index] + sorted(
        set(wide.index) - set(GROUP_ORDER))
    wide = wide.loc[order]
    labels = [group_label(k) if by == "group" else str(k) for k in wide.index]
    y = range(len(wide))
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(wide) + 1.9))
    half_none = wide["none"] / 2
    segments = [("against", -(wide["against"] + half_none), wide["against"]),
                ("none", -half_none, wide["none"]),
                ("favor", half_none, wide["favor"])]
    for label, left, width in segments:
        bars = ax.barh(list(y), width, left=left, color=_STANCE_COLORS[label],
                       label=label, edgecolor="white")
        ax.bar_label(bars, labels=[str(int(v)) if v else "" for v in width],
                     label_type="center", fontsize=9,
                     color="black" if label == "none" else "white")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    limit = max(float((wide["against"] + half_none).max()),
                float((wide["favor"] + half_none).max()), 1.0)
    ax.set_xlim(-limit * 1.15, limit * 1.15)
    ticks = ax.get_xticks()
    ax.set_xticks(ticks, [f"{abs(t):g}" for t in ticks])
    ax.set_xlim(-limit * 1.15, limit * 1.15)
    ax.set_xlabel(xlabel or "quotes (against ← | → favor federal enforcement)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=3)
    ax.set_title(title or "Stance toward federal enforcement in sanctuary jurisdictions")
    fig.tight_layout()
    add_note(fig, note)
    return fig


def plot_speaker_positions(positions: pd.DataFrame) -> Figure:
    """Each speaker at (mean stance score, mean tone), coloured by group, sized by quotes,
    labelled by name.

    Parameters
    ----------
    positions : DataFrame
        From :func:`corpus_tools.stance.score_speaker_positions`.
    """
    apply_style()
    fig, ax = plt.subplots(figsize=(8.5, 6))
    for group in [g for g in GROUP_ORDER if g in set(positions["group"])]:
        sub = positions[positions["group"] == group]
        ax.scatter(sub["mean_stance"], sub["mean_tone"], s=40 + 40 * sub["n_quotes"],
                   color=group_color(group), label=group_label(group), alpha=0.85,
                   edgecolor="white")
    for row in positions.itertuples():
        ax.annotate(f"{row.speaker} ({row.n_quotes})", (row.mean_stance, row.mean_tone),
                    xytext=(6, 4), textcoords="offset points", fontsize=8)
    ax.axvline(0, color="grey", linewidth=0.6)
    ax.axhline(0, color="grey", linewidth=0.6)
    ax.set_xlim(-1.1, 1.1)
    ax.set_ylim(-1.1, 1.1)
    ax.set_xlabel("mean stance score (−1 against … +1 favor), lexicon")
    ax.set_ylabel("mean tone (VADER compound)")
    ax.set_title("Where each speaker stands, and how charged their words are\n"
                 "(label: speaker and number of quotes)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, title="group")
    fig.tight_layout()
    return fig
