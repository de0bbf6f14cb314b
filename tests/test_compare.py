"""Comparison guards and plots with empty groups: a corpus with one article, one outlet or
no dates gets a reason sentence, and no figure shows a ``nan`` or ``n=0`` group."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.text import Text

from corpus_tools.compare import can_compare, drop_empty_groups, is_seed_corpus
from corpus_tools.describe import article_label, describe_lengths, describe_stance, seed_only
from corpus_tools.paths import DATA_DIR
from corpus_tools.plots import plot_article_lengths, plot_quotes_by_outlet
from corpus_tools.plots_frames import plot_frame_heatmaps, plot_frame_shares
from corpus_tools.plots_stance import plot_stance_diverging


def figure_text(fig) -> str:
    """Every piece of text drawn in a figure (titles, ticks, legends, labels, notes)."""
    return "\n".join(t.get_text() for t in fig.findobj(Text))


def assert_no_empty_group(fig) -> str:
    text = figure_text(fig)
    plt.close(fig)
    assert not re.search(r"\bnan\b|<NA>|\bNaT\b", text, flags=re.IGNORECASE), text
    assert not re.search(r"\bn\s*=\s*0\b", text), text
    return text


@pytest.mark.parametrize(("values", "expected"), [
    (["Globe"] * 4, "All 4 articles come from one outlet (Globe), so outlets cannot be "
                    "compared."),
    (["", ""], "No article has an outlet, so outlets cannot be compared."),
    (["Globe"], "There is only one article (outlet: Globe), so outlets cannot be compared."),
    (["Globe", "", "Globe"], "The 2 articles with outlet come from one outlet (Globe) "
                             "(1 article without one left out), so outlets cannot be "
                             "compared."),
    ([], "There are no articles, so outlets cannot be compared."),
])
def test_can_compare_says_why_outlets_cannot_be_compared(values, expected):
    assert can_compare(pd.DataFrame({"outlet": values}, dtype=object), "outlet") == (False,
                                                                                     expected)


def test_can_compare_years_and_voices():
    no_dates = pd.DataFrame({"year": pd.array([pd.NA, pd.NA], dtype="Int64")})
    assert can_compare(no_dates, "year") == (
        False, "No article has a year (no publication dates), so years cannot be compared.")
    one_voice = pd.DataFrame({"group": ["local_officials"] * 3})
    assert can_compare(one_voice, "group", unit="quote") == (
        False, "All 3 quotes come from one voice (Local officials), so voices cannot be "
               "compared.")
    assert can_compare(one_voice, "group", min_groups=1, unit="quote")[0]
    ok, why = can_compare(pd.DataFrame({"year": pd.array([2020, 2021, 2021], dtype="Int64")}),
                          "year")
    assert ok and why == "2 years to compare: 2020 (1 article), 2021 (2 articles)."


def test_drop_empty_groups_names_what_it_drops():
    table = pd.DataFrame({"outlet": ["A", None, "B", "C"], "n": [2, 5, 0, 1]})
    kept, note = drop_empty_groups(table, "outlet", "n")
    assert kept["outlet"].tolist() == ["A", "C"]
    assert note == "Left out: no outlet given; B with nothing to count."
    kept, note = drop_empty_groups(table.iloc[[0, 3]], "outlet", "n")
    assert len(kept) == 2 and note == ""


def test_stance_plot_drops_blank_and_empty_groups():
    counts = pd.DataFrame({"outlet": ["A", "A", "A", "", "", "", "B", "B", "B"],
                           "stance": ["against", "none", "favor"] * 3,
                           "n": [1, 2, 0, 3, 0, 0, 0, 0, 0]})
    fig = plot_stance_diverging(counts, by="outlet")
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    text = assert_no_empty_group(fig)
    assert ticks == ["A"]
    assert "Left out: no outlet given; B with nothing to count." in text


def test_quotes_by_outlet_plot_drops_rows_without_outlet():
    counts = pd.DataFrame({"outlet": ["X", None], "group": ["advocates", "advocates"],
                           "n_quotes": [2, 1]})
    fig = plot_quotes_by_outlet(counts)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    text = assert_no_empty_group(fig)
    assert ticks == ["X"] and "Left out: no outlet given." in text


def _shares(groups: dict[str, int]) -> pd.DataFrame:
    return pd.DataFrame([{"group": g, "frame": f, "n_units": n, "n_hits": 0,
                          "share": 0.5 if n else float("nan"),
                          "ci_low": 0.2 if n else float("nan"),
                          "ci_high": 0.8 if n else float("nan")}
                         for g, n in groups.items() for f in ("crime_threat", "humanitarian")])


def test_frame_plots_never_show_nan_or_empty_groups():
    fig = plot_frame_shares(_shares({"administration": 4, "advocates": 0}))
    text = assert_no_empty_group(fig)
    assert "Administration (n=4)" in text and "Advocates with nothing to count" in text
    fig = plot_frame_heatmaps({"by outlet": _shares({"Globe": 3, "": 2}),
                               "by year": _shares({"2024": 5, "<NA>": 0})})
    text = assert_no_empty_group(fig)
    assert "Share of units evoking each frame, by outlet and by year" in text
    assert "Globe\n(n=3)" in text and "2024\n(n=5)" in text
    assert "by outlet: Left out: no outlet given. by year: Left out: no year given." in text
    with pytest.raises(ValueError, match="nothing could be compared"):
        plot_frame_heatmaps({})


def test_article_labels_without_metadata_use_the_id():
    description = pd.DataFrame({"article_id": ["flood_1", "flood_2"], "outlet": ["", ""],
                                "published": [float("nan"), float("nan")],
                                "n_paragraphs": [3, 4], "n_sentences": [5, 6],
                                "n_tokens": [90, 180]})
    fig = plot_article_lengths(description)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert_no_empty_group(fig)
    assert ticks == ["flood_1", "flood_2"]
    assert article_label(pd.Series({"article_id": "a", "outlet": "Globe",
                                    "published": None})) == "Globe"
    assert describe_lengths(description) == (
        "2 articles, 90 to 180 word tokens after cleaning; the longest (flood_2) is 2.0 "
        "times the shortest (flood_1).")


def test_describe_stance_counts_every_label():
    table = pd.DataFrame({"group": ["local_officials"] * 3 + ["administration"] * 3,
                          "stance": ["against", "none", "favor"] * 2, "n": [2, 1, 0, 0, 0, 3]})
    assert describe_stance(table) == (
        "Administration: 0 of 3 quotes against, 3 favor, 0 no side. "
        "Local officials: 2 of 3 quotes against, 0 favor, 1 no side.")


def test_seed_readings_show_only_on_the_seed_corpus(tmp_path):
    assert is_seed_corpus(None) and is_seed_corpus(DATA_DIR)
    assert not is_seed_corpus(tmp_path)
    assert seed_only(None, "Boston 25 News").data == "Boston 25 News"
    assert "Boston" not in seed_only(tmp_path, "Boston 25 News").data
