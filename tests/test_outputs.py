"""Figures and tables are written deterministically, byte for byte."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # tests only; notebooks never force a backend

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from corpus_tools import save_figure, save_table  # noqa: E402
from corpus_tools.paths import resolve_run_dirs  # noqa: E402
from corpus_tools.style import GROUP_COLORS, GROUP_ORDER, apply_style, group_color  # noqa: E402


def _figure():
    apply_style()
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [1, 2], color=group_color("advocates"))
    ax.set_title("demo")
    return fig


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_save_figure_is_byte_identical(tmp_path, fmt):
    fig = _figure()
    (a,) = save_figure(fig, "x", tmp_path / "a", formats=[fmt])
    plt.close(fig)
    fig = _figure()
    (b,) = save_figure(fig, "x", tmp_path / "b", formats=[fmt])
    plt.close(fig)
    assert a.read_bytes() == b.read_bytes()
    assert b"Matplotlib version" not in a.read_bytes()


def test_save_figure_rejects_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="unsupported figure format"):
        save_figure(_figure(), "x", tmp_path, formats=["gif"])


def test_save_table_sorted_and_stable(tmp_path):
    df = pd.DataFrame({"term": ["b", "a", "c"], "count": [1, 1, 2], "rate": [1 / 3, 0.5, 2.0]})
    path = save_table(df, "t", tmp_path, sort_by=["count", "term"])
    assert path.read_text() == "term,count,rate\na,1,0.5\nb,1,0.333333\nc,2,2\n"


def test_palette_covers_every_group():
    assert set(GROUP_ORDER) == set(GROUP_COLORS)
    assert len(set(GROUP_COLORS.values())) == len(GROUP_COLORS)


def test_run_dirs_for_own_corpus(tmp_path):
    data, figures, processed = resolve_run_dirs(tmp_path)
    assert data == tmp_path and processed == tmp_path / "processed"


def test_save_figure_closes_and_displays_the_file_written(tmp_path):
    fig = _figure()
    saved = save_figure(fig, "x", tmp_path, formats=["svg", "png"])
    assert not plt.fignum_exists(fig.number)  # Jupyter will not draw it a second time
    assert saved._repr_png_() == (tmp_path / "x.png").read_bytes()
    assert [p.name for p in saved] == ["x.svg", "x.png"]
    assert save_figure(fig, "y", tmp_path, formats=["svg"])._repr_png_() is None
    kept = _figure()
    save_figure(kept, "z", tmp_path, close=False)
    assert plt.fignum_exists(kept.number)
    plt.close(kept)


def test_figure_formats_from_the_environment(tmp_path, monkeypatch):
    # CORPUS_TOOLS_FIGURE_FORMATS adds formats when the caller names none (the edge-corpus
    # notebook tests read the SVG copies' text); an explicit list still wins.
    monkeypatch.setenv("CORPUS_TOOLS_FIGURE_FORMATS", "png, SVG")
    fig, ax = plt.subplots()
    ax.set_title("what the figure says")
    written = save_figure(fig, "env", tmp_path)
    assert [p.name for p in written] == ["env.png", "env.svg"]
    assert "what the figure says" in (tmp_path / "env.svg").read_text(encoding="utf-8")
    fig, _ = plt.subplots()
    assert [p.name for p in save_figure(fig, "only", tmp_path, formats=("png",))] == ["only.png"]
    monkeypatch.delenv("CORPUS_TOOLS_FIGURE_FORMATS")
    fig, _ = plt.subplots()
    assert [p.name for p in save_figure(fig, "default", tmp_path)] == ["default.png"]
