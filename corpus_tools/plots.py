"""Plots of the corpus description and of who is quoted (notebooks 01 and 02).

Each function takes a tidy table from the library and returns a matplotlib Figure.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from corpus_tools.compare import add_note, drop_empty_groups
from corpus_tools.describe import article_label
from corpus_tools.style import (
    GROUP_ORDER,
    SEQUENCE_COLORS,
    apply_style,
    group_color,
    group_label,
)


def _article_label(row: pd.Series) -> str:
    # outlet and date where known, else the article id (no "nan" for missing metadata)
    return article_label(row, sep="\n")


def plot_article_lengths(description: pd.DataFrame) -> Figure:
    """Horizontal bars of sentences and tokens per article, with counts written on the bars.

    Parameters
    ----------
    description : DataFrame
        From :func:`corpus_tools.describe.describe_corpus`.
    """
    apply_style()
    labels = description.apply(_article_label, axis=1)
    measures = [("n_paragraphs", "Paragraphs"), ("n_sentences", "Sentences"),
                ("n_tokens", "Word tokens")]
    fig, axes = plt.subplots(1, 3, figsize=(10, 0.9 * len(description) + 1.4), sharey=True)
    for ax, (col, title), color in zip(axes, measures, SEQUENCE_COLORS, strict=False):
        values = description[col].to_numpy()
        bars = ax.barh(range(len(values)), values, color=color)
        ax.bar_label(bars, padding=3, fontsize=9)
        ax.set_title(title)
        ax.set_xlabel("count")
        ax.set_xlim(0, values.max() * 1.25 if len(values) else 1)
    axes[0].set_yticks(range(len(labels)), labels)
    axes[0].invert_yaxis()
    fig.suptitle("Article lengths after cleaning (journalism paragraphs only)", fontsize=11)
    fig.tight_layout()
    return fig


def plot_top_words(top: pd.DataFrame, description: pd.DataFrame, by: str = "article_id") -> Figure:
    """Small multiples: the most frequent content terms of each article, counts labelled."""
    apply_style()
    keys = list(description[by])
    titles = dict(zip(keys, description.apply(_article_label, axis=1).str.replace("\n", ", "),
                      strict=True))
    n = max(int(top.groupby(by).size().max()), 1) if len(top) else 1
    fig, axes = plt.subplots(1, len(keys), figsize=(4 * len(keys), 0.32 * n + 1.5),
                             squeeze=False)
    for ax, key, color in zip(axes[0], keys, SEQUENCE_COLORS, strict=False):
        sub = top[top[by] == key]
        bars = ax.barh(range(len(sub)), sub["count"], color=color)
        ax.bar_label(bars, padding=2, fontsize=8)
        ax.set_yticks(range(len(sub)), sub["term"])
        ax.invert_yaxis()
        ax.set_title(titles[key], fontsize=10)
        ax.set_xlabel("count")
        ax.set_xlim(0, (sub["count"].max() if len(sub) else 1) * 1.25)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.suptitle("Most frequent content words per article (stop words removed)", fontsize=11)
    fig.tight_layout()
    return fig


def plot_quotes_by_group(counts: pd.DataFrame) -> Figure:
    """Two panels: number of quotes and number of quoted words per group, counts labelled.

    Parameters
    ----------
    counts : DataFrame
        From :func:`corpus_tools.voices.count_quotes` with ``by="group"``.
    """
    apply_style()
    labels = [group_label(g) for g in counts["group"]]
    colors = [group_color(g) for g in counts["group"]]
    fig, axes = plt.subplots(1, 2, figsize=(9, 0.5 * len(counts) + 1.6), sharey=True)
    for ax, col, title in zip(axes, ("n_quotes", "n_words"), ("Quotes", "Quoted words"),
                              strict=True):
        bars = ax.barh(range(len(counts)), counts[col], color=colors)
        ax.bar_label(bars, padding=3, fontsize=9)
        ax.set_title(title)
        ax.set_xlabel("count")
        ax.set_xlim(0, max(counts[col].max(), 1) * 1.2)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes[0].set_yticks(range(len(counts)), labels)
    axes[0].invert_yaxis()
    fig.suptitle("Who is quoted: quotes and quoted words per actor group", fontsize=11)
    fig.tight_layout()
    return fig


def plot_quotes_by_outlet(counts: pd.DataFrame, value: str = "n_quotes") -> Figure:
    """Stacked horizontal bars: quotes per outlet split by group, segment counts labelled.

    Parameters
    ----------
    counts : DataFrame
        From :func:`corpus_tools.voices.count_quotes` with ``by=["outlet", "group"]``.
        Rows with no outlet and outlets with no quote are left out, and a note under the
        figure names them.
    """
    apply_style()
    counts, note = drop_empty_groups(counts, "outlet", value)
    wide = counts.pivot_table(index="outlet", columns="group", values=value, aggfunc="sum",
                              fill_value=0, sort=True)
    groups = [g for g in GROUP_ORDER if g in wide.columns]
    groups += sorted(set(wide.columns) - set(groups))
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(wide) + 1.8))
    left = pd.Series(0, index=wide.index)
    for g in groups:
        bars = ax.barh(range(len(wide)), wide[g], left=left, color=group_color(g),
                       label=group_label(g))
        ax.bar_label(bars, labels=[str(v) if v else "" for v in wide[g]], label_type="center",
                     color="white", fontsize=9)
        left = left + wide[g]
    ax.set_yticks(range(len(wide)), wide.index)
    ax.invert_yaxis()
    ax.set_xlabel("quotes" if value == "n_quotes" else value.replace("_", " "))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=min(len(groups), 4))
    ax.set_title("Quotes per outlet, by the speaker's group")
    fig.tight_layout()
    add_note(fig, note)
    return fig


def plot_voice_vs_mention(table: pd.DataFrame, top: int = 15) -> Figure:
    """Paired bars per actor: times mentioned in the narration vs times quoted.

    Parameters
    ----------
    table : DataFrame
        From :func:`corpus_tools.voices.compare_voice_and_mention`.
    top : int, default 15
        Show the most present actors only.
    """
    apply_style()
    sub = table.head(top)
    y = range(len(sub))
    fig, ax = plt.subplots(figsize=(8, 0.38 * len(sub) + 1.8))
    h = 0.4
    mentioned = ax.barh([i - h / 2 for i in y], sub["n_mentions"], height=h, color="#BBBBBB",
                        label="mentioned in narration")
    quoted = ax.barh([i + h / 2 for i in y], sub["n_quotes"], height=h,
                     color=[group_color(g) for g in sub["group"]],
                     label="quoted (colour = group)")
    ax.bar_label(mentioned, padding=2, fontsize=8)
    ax.bar_label(quoted, padding=2, fontsize=8)
    ax.set_yticks(list(y), [f"{n} ({group_label(g)})" for n, g in zip(sub["name"], sub["group"],
                                                                       strict=True)])
    ax.invert_yaxis()
    ax.set_xlabel("count")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower right")
    ax.set_title("Talked about vs speaking: mentions and quotes per actor")
    fig.tight_layout()
    return fig
