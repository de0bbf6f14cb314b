"""Plots of the corpus description (notebook 01). Each returns a matplotlib Figure."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from corpus_tools.style import SEQUENCE_COLORS, apply_style


def _article_label(row: pd.Series) -> str:
    return f"{row['outlet']}\n{row['published']}"


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
