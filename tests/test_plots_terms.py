"""Smoke and content tests for corpus_tools.plots_terms (notebook 03 figures)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from corpus_tools.naming import count_naming
from corpus_tools.plots_terms import (
    order_groups,
    plot_distinctive_terms,
    plot_naming_heatmap,
    plot_top_terms,
    select_distinctive,
)

SCORES = pd.DataFrame({
    "term": ["ice", "alien", "rare", "resident", "ice", "alien", "rare", "resident"],
    "group": ["administration"] * 4 + ["local_officials"] * 4,
    "count": [5, 3, 1, 0, 1, 0, 0, 4],
    "z": [2.0, 1.5, 3.0, -1.0, -2.0, -1.5, -0.5, 1.8],
})


def test_order_groups_uses_package_order() -> None:
    assert order_groups(["press", "zeta", "advocates", "alpha"]) == [
        "advocates", "press", "alpha", "zeta"]


def test_select_distinctive_min_count_and_sign() -> None:
    sel = select_distinctive(SCORES, n=5, min_count=2)
    assert sel[sel["group"] == "administration"]["term"].tolist() == ["ice", "alien"]
    assert sel[sel["group"] == "local_officials"]["term"].tolist() == ["resident"]
    assert (sel["z"] > 0).all() and (sel["count"] >= 2).all()


def test_figures_label_every_bar_and_cell() -> None:
    sel = select_distinctive(SCORES, n=5, min_count=2)
    fig = plot_distinctive_terms(sel)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert "z=2.00  n=5" in texts and "z=1.80  n=4" in texts
    plt.close(fig)
    fig = plot_top_terms(SCORES[SCORES["count"] > 0])
    assert [ax.get_title() for ax in fig.axes if ax.get_visible()] == [
        "Administration", "Local officials"]
    plt.close(fig)
    units = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 50], "group": ["x", "y"],
                          "text": ["illegal aliens, illegal aliens", "our residents"]})
    counts = count_naming(units).counts
    fig = plot_naming_heatmap(counts)
    cells = [t.get_text() for t in fig.axes[0].texts]
    assert cells.count("2") == 1 and cells.count("1") == 1
    assert len(cells) == len(counts)
    plt.close(fig)


def test_empty_groups_get_a_labelled_panel() -> None:
    sel = select_distinctive(SCORES, n=5, min_count=2)
    fig = plot_distinctive_terms(sel, groups=pd.Series(["administration", "advocates"]).unique())
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert titles == ["Administration", "Local officials", "Advocates"]
    assert any("no over-used term" in t.get_text() for t in fig.axes[2].texts)
    plt.close(fig)
