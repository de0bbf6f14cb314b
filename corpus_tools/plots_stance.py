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
    place_labels(ax, positions["mean_stance"].tolist(), positions["mean_tone"].tolist(),
                 [f"{r.speaker} ({r.n_quotes})" for r in positions.itertuples()],
                 sizes=(40 + 40 * positions["n_quotes"]).tolist())
    return fig


# Label offsets in points, tried in this order: right, left, above, below, then further out.
_LABEL_OFFSETS = [(7, 3), (-7, 3), (7, -11), (-7, -11), (0, 10), (0, -16), (7, 13),
                  (-7, 13), (7, -21), (-7, -21), (14, 23), (-14, 23), (14, -31), (-14, -31),
                  (20, 33), (-20, 33), (20, -41), (-20, -41)]


def place_labels(ax, xs: list[float], ys: list[float], labels: list[str],
                 sizes: list[float] | None = None, fontsize: float = 8) -> list:
    """Label scatter points so that no two labels overlap each other or another point.

    Deterministic: points are labelled in order of (x, y, label); each label takes the
    first offset of a fixed list whose box is free, and a label with no free offset takes
    the last one with a thin leader line. Call after the figure's layout is final.

    Parameters
    ----------
    ax : matplotlib Axes
    xs, ys : lists of float
        Data coordinates of the points.
    labels : list of str
    sizes : list of float, optional
        Marker areas (points²) as given to ``scatter``, so labels avoid the markers.
    fontsize : float, default 8

    Returns
    -------
    list of matplotlib Annotation
        In the order of ``labels``.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    sizes = sizes or [36.0] * len(labels)
    centres = ax.transData.transform(list(zip(xs, ys, strict=True))) if labels else []
    px = fig.dpi / 72.0
    taken = []
    for (cx, cy), area in zip(centres, sizes, strict=True):
        r = (area ** 0.5) / 2 * px
        taken.append((cx - r, cy - r, cx + r, cy + r))
    order = sorted(range(len(labels)), key=lambda i: (xs[i], ys[i], labels[i]))
    placed: dict[int, object] = {}
    for i in order:
        for k, (dx, dy) in enumerate(_LABEL_OFFSETS):
            last = k == len(_LABEL_OFFSETS) - 1
            ann = ax.annotate(labels[i], (xs[i], ys[i]), xytext=(dx, dy),
                              textcoords="offset points", fontsize=fontsize,
                              ha="left" if dx > 0 else "right" if dx < 0 else "center",
                              va="bottom",
                              arrowprops={"arrowstyle": "-", "color": "grey",
                                          "linewidth": 0.5} if last else None)
            bb = ann.get_window_extent(renderer)
            box = (bb.x0, bb.y0, bb.x1, bb.y1)
            own = taken[i]
            if last or not any(_overlaps(box, other) for other in taken if other is not own):
                taken.append(box)
                placed[i] = ann
                break
            ann.remove()
    return [placed[i] for i in range(len(labels))]


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
