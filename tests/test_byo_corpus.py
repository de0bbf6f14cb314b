"""Every notebook runs unchanged on a corpus the tests generate, and produces every figure
and table the seed run produces; on corpora that cannot support a comparison (no metadata,
one outlet, one article, a voice nobody quotes, another topic) it skips that comparison and
prints why."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from corpus_tools import load_corpus
from corpus_tools.outputs import FORMATS_ENV
from corpus_tools.paths import FIGURES_DIR, PROCESSED_DIR
from corpus_tools.runner import run_notebooks

from .byo_corpus import (
    ARTICLES,
    write_byo_corpus,
    write_one_outlet_csv,
    write_single_article,
    write_txt_folder,
)


def test_byo_corpus_loads(tmp_path):
    corpus = load_corpus(write_byo_corpus(tmp_path / "data"))
    assert sorted(corpus["article_id"]) == sorted(ARTICLES)
    assert set(corpus["outlet"]) == {a[0] for a in ARTICLES.values()}
    assert sorted(corpus["year"]) == [2019, 2023, 2025]
    assert corpus.set_index("article_id").loc["tx_2019", "headline"].startswith("Sheriff")


def test_edge_corpora_load_with_the_metadata_they_lack(tmp_path):
    flood = load_corpus(write_txt_folder(tmp_path / "flood"))
    assert flood["article_id"].tolist() == ["flood_aid_1", "flood_aid_2", "flood_aid_3"]
    assert (flood["outlet"] == "").all() and flood["published"].isna().all()
    valley = load_corpus(write_one_outlet_csv(tmp_path / "valley.csv"))
    assert set(valley["outlet"]) == {"Valley Courier"}
    assert valley["year"].tolist() == [2021, 2024, 2025]
    single = load_corpus(write_single_article(tmp_path / "single"))
    assert single[["article_id", "outlet"]].values.tolist() == [["only_2024", "Harbor Gazette"]]


@pytest.mark.slow
def test_all_notebooks_run_on_own_corpus(tmp_path):
    data = write_byo_corpus(tmp_path / "data")
    figures, processed = tmp_path / "figures", tmp_path / "processed"
    run_notebooks(output_dir=tmp_path / "executed", log=None,
                  parameters={"data_dir": data, "figures_dir": figures,
                              "processed_dir": processed})
    expected_figures = {p.name for p in FIGURES_DIR.glob("*.png")}
    expected_tables = {p.name for p in PROCESSED_DIR.glob("*.csv")}
    assert expected_figures <= {p.name for p in figures.glob("*.png")}
    missing = expected_tables - {p.name for p in processed.glob("*.csv")}
    # Evaluation against the seeds' hand coding exists only for the seeds.
    assert all("eval" in name or "agreement" in name or "validation" in name
               for name in missing), sorted(missing)
    for path in processed.glob("*.csv"):
        assert path.stat().st_size > 0, path.name


#: Tables and figures of the outlet comparisons, which a corpus with fewer than two outlets
#: must not write (not even empty or stale).
OUTLET_OUTPUTS = {"02_quotes_by_outlet.png", "03_distinctive_terms_by_outlet.png",
                  "03_naming_by_outlet.png", "05_stance_by_outlet.png", "quotes_by_outlet.csv",
                  "term_counts_by_outlet.csv", "distinctive_terms_by_outlet.csv",
                  "distinctive_terms_by_outlet_top.csv", "naming_by_outlet.csv",
                  "stance_by_outlet.csv"}
OUTLET_YEAR_OUTPUTS = {"04_frames_by_outlet_year.png", "frame_shares_by_outlet_year.csv"}

#: corpus -> (writer, {notebook prefix: sentences its executed copy must print},
#:            outputs that must not exist)
EDGE_CORPORA = {
    # (a) a folder of .txt files, no metadata + (e) flood aid instead of immigration
    "txt_folder_flood_aid": (
        lambda tmp: write_txt_folder(tmp / "flood"),
        {"02": ["No article has an outlet, so outlets cannot be compared."],
         "03": ["No article has an outlet, so outlets cannot be compared."],
         "04": ["No article has an outlet, so outlets cannot be compared.",
                "No article has a year (no publication dates), so years cannot be compared.",
                "All 4 quotes come from one voice (Local officials), so voices cannot be "
                "compared."],
         "05": ["No article has an outlet, so outlets cannot be compared.",
                "come from articles that never mention federal immigration enforcement in "
                "sanctuary jurisdictions: they take no side toward it",
                "No coded sheet was given: the stance and frame measures are unvalidated"]},
        OUTLET_OUTPUTS | OUTLET_YEAR_OUTPUTS | {"frame_differences.csv"},
    ),
    # (c) one outlet + (d) no advocate quoted, as one .csv file
    "csv_one_outlet_no_advocates": (
        lambda tmp: write_one_outlet_csv(tmp / "valley.csv"),
        {"02": ["All 3 articles come from one outlet (Valley Courier), so outlets cannot be "
                "compared.", "Not quoted at all: Advocates."],
         "03": ["All 3 articles come from one outlet (Valley Courier)"],
         "04": ["All 3 articles come from one outlet (Valley Courier)",
                "3 years to compare: 2021 (1 article), 2024 (1 article), 2025 (1 article)."],
         "05": ["All 3 articles come from one outlet (Valley Courier)",
                "Administration: 0 of 3 quotes against, 3 favor"]},
        OUTLET_OUTPUTS,
    ),
    # (b) one article
    "one_article": (
        lambda tmp: write_single_article(tmp / "single"),
        {"01": ["One article (Harbor Gazette, 2024-05-20)"],
         "02": ["There is only one article (outlet: Harbor Gazette), so outlets cannot be "
                "compared."],
         "04": ["There is only one article (year: 2024), so years cannot be compared."],
         "05": ["There is only one article (outlet: Harbor Gazette)"]},
        OUTLET_OUTPUTS | OUTLET_YEAR_OUTPUTS,
    ),
}


def _printed(executed: Path) -> str:
    """Everything an executed notebook printed or displayed as text."""
    out = []
    for cell in nbformat.read(executed, as_version=4).cells:
        for o in cell.get("outputs", []):
            out.append(o.get("text", ""))
            out.extend(str(v) for k, v in o.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(out)


def _svg_text(path: Path) -> str:
    svg = path.read_text(encoding="utf-8")
    return "\n".join(re.sub(r"<[^>]+>", "", t) for t in
                     re.findall(r"<text\b[^>]*>(.*?)</text>", svg, flags=re.DOTALL))


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(EDGE_CORPORA))
def test_notebooks_skip_what_a_corpus_cannot_compare(case, tmp_path, monkeypatch):
    write, expected, absent = EDGE_CORPORA[case]
    data = write(tmp_path)
    figures, processed = tmp_path / "figures", tmp_path / "processed"
    # SVG copies keep each figure's text, so the test can read what the figures say.
    monkeypatch.setenv(FORMATS_ENV, "png,svg")
    executed = run_notebooks(output_dir=tmp_path / "executed", log=None,
                             parameters={"data_dir": data, "figures_dir": figures,
                                         "processed_dir": processed})
    printed = {p.name[:2]: _printed(p) for p in executed}
    for prefix, sentences in expected.items():
        for sentence in sentences:
            assert sentence in printed[prefix], (prefix, sentence)
    for prefix, text in printed.items():
        # the seed corpus's readings are not shown for another corpus
        assert "**Seed corpus" not in text and "Politico" not in text, prefix
        assert "is not shown: this run is on another corpus" in text, prefix
    written = {p.name for p in [*figures.glob("*.png"), *processed.glob("*.csv")]}
    assert not written & absent, sorted(written & absent)
    if case.endswith("flood_aid"):  # off the stance target: no quote takes a side on it
        stance = pd.read_csv(processed / "quote_stance.csv")
        assert len(stance) and not stance["on_target"].any()
        assert set(stance["stance"]) == {"none"} and set(stance["stance_model"]) == {"none"}
    svgs = sorted(figures.glob("*.svg"))
    assert {p.stem for p in svgs} == {p.stem for p in figures.glob("*.png")}
    assert len(svgs) >= 8
    for svg in svgs:
        text = _svg_text(svg)
        assert text.strip(), svg.name
        assert not re.search(r"\bnan\b|&lt;NA&gt;|<NA>|\bNaT\b", text, flags=re.I), svg.name
        assert not re.search(r"\bn\s*=\s*0\b", text), svg.name
