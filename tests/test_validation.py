"""Validation on the user's corpus: the blind coding sheet and the agreement scores."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from corpus_tools import extract_quotes, load_corpus
from corpus_tools.validation import (
    SheetError,
    allocate,
    read_coded_sheet,
    sample_coding_sheet,
    score_coding_sheet,
    score_sheet_frames,
    score_sheet_stance_per_class,
    sheet_codes_frames,
    write_coding_sheet,
)


@pytest.fixture(scope="module")
def seed_sheet() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    corpus = load_corpus()
    quotes = extract_quotes(corpus)
    sheet, key = sample_coding_sheet(corpus, quotes, n=12, seed=3)
    return sheet, key, quotes


def test_sheet_is_blind_stratified_and_reproducible(seed_sheet) -> None:
    sheet, key, quotes = seed_sheet
    assert len(sheet) == 12 and sheet["sheet_id"].is_unique
    # Blind: nothing the package computed about speakers, groups, stance or frames.
    assert not {"speaker", "group", "stance", "frames"} & set(sheet.columns)
    assert (sheet[["code_stance", "code_frames", "code_group"]] == "").all().all()
    # Every group x outlet stratum of the quotes is represented.
    speech = quotes[quotes["kind"] != "term"]
    strata = set(zip(speech["group"], speech["outlet"], strict=True))
    drawn = set(zip(key["group"], sheet["outlet"], strict=True))
    assert drawn == strata
    again, again_key = sample_coding_sheet(load_corpus(), quotes, n=12, seed=3)
    pd.testing.assert_frame_equal(sheet, again)
    # The quote column is the raw text at the key's offsets.
    raw = dict(zip(load_corpus()["article_id"], load_corpus()["text"], strict=True))
    for q, (aid, s, e) in zip(sheet["quote"], key[["article_id", "start", "end"]].values,
                              strict=True):
        assert raw[aid][int(s):int(e)] == q


def test_allocation_gives_each_stratum_one_and_the_rest_by_size() -> None:
    assert allocate(pd.Series({"a": 10, "b": 5, "c": 1}), 8).to_dict() == {"a": 5, "b": 2,
                                                                            "c": 1}
    assert allocate(pd.Series({"a": 2, "b": 1}), 3).to_dict() == {"a": 2, "b": 1}
    assert allocate(pd.Series({"a": 5, "b": 3, "c": 1}), 2).to_dict() == {"a": 1, "b": 1}


def test_scores_against_a_coded_sheet(seed_sheet, tmp_path: Path) -> None:
    sheet, key, _ = seed_sheet
    coded = sheet.copy()
    # A coder who agrees with the shipped model on every row: kappa 1 for the model.
    from corpus_tools.stance_model import load_stance_model

    coded["code_stance"] = load_stance_model().predict(coded["quote"].tolist())
    coded["code_group"] = key["group"]
    coded.loc[0, "code_group"] = "other" if key.at[0, "group"] != "other" else "advocates"
    path = write_coding_sheet(coded, key, tmp_path / "sheet.csv")
    summary, confusion = score_coding_sheet(path)
    s = summary.set_index("measure")
    assert s.loc["stance (model)", "accuracy"] == 1.0
    assert s.loc["group", "accuracy"] == pytest.approx(11 / 12, abs=1e-3)
    assert set(confusion["measure"]) >= {"stance (lexicon)", "stance (model)", "group"}
    assert confusion.loc[confusion["measure"] == "group", "n"].sum() == 12
    per_class = score_sheet_stance_per_class(path).set_index(["scorer", "label"])
    model_rows = per_class.loc["model"]
    # The coder copied the model: every class the model uses has P = R = F1 = 1.
    used = model_rows[model_rows["n_gold"] > 0].drop(index="semeval_macro")
    assert (used[["precision", "recall", "f1"]] == 1.0).all().all()
    assert model_rows["n_gold"].drop(index="semeval_macro").sum() == 12
    lex = per_class.loc["lexicon"].drop(index="semeval_macro")
    assert (lex["n_gold"] == model_rows["n_gold"].drop(index="semeval_macro")).all()
    assert lex["n_predicted"].sum() == 12


def test_bad_label_and_missing_key_name_the_file(seed_sheet, tmp_path: Path) -> None:
    sheet, key, _ = seed_sheet
    coded = sheet.copy()
    coded.loc[2, "code_stance"] = "pro"
    path = write_coding_sheet(coded, key, tmp_path / "sheet.csv")
    with pytest.raises(SheetError, match=r"sheet\.csv line 4: code_stance 'pro'"):
        read_coded_sheet(path)
    path.with_suffix(".key.csv").unlink()
    with pytest.raises(SheetError, match="key sheet.key.csv is not beside it"):
        read_coded_sheet(path)


def test_sample_and_validate_commands(tmp_path: Path, capsys) -> None:
    from corpus_tools.cli import main
    from corpus_tools.paths import DATA_DIR

    sheet_path = tmp_path / "sheet.csv"
    assert main(["sample", str(DATA_DIR), "--out", str(sheet_path), "-n", "8"]) == 0
    assert sheet_path.is_file() and sheet_path.with_suffix(".key.csv").is_file()
    sheet = pd.read_csv(sheet_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert len(sheet) == 8
    sheet["code_stance"] = ["favor", "against", "none", "favor"] * 2
    sheet.to_csv(sheet_path, index=False, encoding="utf-8-sig")
    capsys.readouterr()
    assert main(["validate", str(sheet_path), "--out", str(tmp_path / "v")]) == 0
    out = capsys.readouterr().out
    assert "stance (model)" in out and "stance (lexicon)" in out
    table = pd.read_csv(tmp_path / "v" / "validation.csv")
    assert table.set_index("measure").loc["stance (model)", "n"] == 8


def test_validate_reports_a_bad_sheet_without_traceback(tmp_path: Path, capsys) -> None:
    from corpus_tools.cli import main

    path = tmp_path / "s.csv"
    path.write_text("sheet_id,quote,code_stance\ns001,x,favor\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: s.csv: its key s.key.csv is not beside it")


@pytest.mark.slow
def test_notebook_05_reports_validity_from_a_coded_sheet(seed_sheet, tmp_path: Path) -> None:
    from corpus_tools.paths import DATA_DIR, NOTEBOOKS_DIR
    from corpus_tools.runner import run_notebooks

    sheet, key, _ = seed_sheet
    coded = sheet.assign(code_stance=["favor", "against", "none"] * 4)
    path = write_coding_sheet(coded, key, tmp_path / "sheet.csv")
    run_notebooks([NOTEBOOKS_DIR / "05_stance.ipynb"], output_dir=tmp_path / "executed",
                  log=None, parameters={"data_dir": DATA_DIR, "figures_dir": tmp_path / "f",
                                        "processed_dir": tmp_path / "p",
                                        "coding_sheet": path})
    validity = pd.read_csv(tmp_path / "p" / "validation.csv").set_index("measure")
    expected, _ = score_coding_sheet(path)
    assert validity.loc["stance (model)", "n"] == 12
    assert validity.loc["stance (model)", "kappa"] == pytest.approx(
        expected.set_index("measure").loc["stance (model)", "kappa"], abs=1e-3)


def test_uncoded_frames_are_not_scored_and_none_means_no_frame(seed_sheet, tmp_path) -> None:
    sheet, key, _ = seed_sheet
    coded = sheet.assign(code_stance="none")
    path = write_coding_sheet(coded, key, tmp_path / "sheet.csv")
    assert "frames (tagger)" not in set(score_coding_sheet(path)[0]["measure"])
    coded.loc[:1, "code_frames"] = ["none", "crime_threat; legality_authority"]
    path = write_coding_sheet(coded, key, tmp_path / "sheet.csv")
    frames = score_coding_sheet(path)[0].set_index("measure").loc["frames (tagger)"]
    assert frames["n"] == 2


def test_per_frame_scores_on_a_coded_sheet(seed_sheet, tmp_path) -> None:
    """Two rows coded (our own sentences in place of the quotes), the rest left blank:
    crime_threat found (tp 1), enforcement_ops predicted but not coded, economic coded but
    not found; every codebook frame is listed."""
    sheet, key, _ = seed_sheet
    coded = sheet.assign(code_stance="none")
    coded.loc[0, ["quote", "code_frames"]] = ["Criminals were deported.", "crime_threat"]
    coded.loc[1, ["quote", "code_frames"]] = ["Hello there.", "economic"]
    path = write_coding_sheet(coded, key, tmp_path / "sheet.csv")
    table = score_sheet_frames(path).set_index("frame")
    assert table.loc["crime_threat", ["support", "n_predicted", "tp"]].tolist() == [1, 1, 1]
    assert table.loc["enforcement_ops", ["support", "n_predicted", "tp"]].tolist() == [0, 1, 0]
    assert table.loc["economic", ["support", "n_predicted", "tp", "recall"]].tolist() == [
        1, 0, 0, 0.0]
    assert table.loc["micro", ["support", "n_predicted", "tp"]].tolist() == [2, 2, 1]
    assert "humanitarian" in table.index and table.loc["humanitarian", "support"] == 0


def test_unknown_frame_on_a_sheet_names_the_file_and_line(seed_sheet, tmp_path) -> None:
    sheet, key, _ = seed_sheet
    coded = sheet.assign(code_stance="none")
    coded.loc[2, "code_frames"] = "crime_threat; crime"
    path = write_coding_sheet(coded, key, tmp_path / "sheet.csv")
    with pytest.raises(SheetError, match=r"sheet\.csv line 4: code_frames 'crime' is not a "
                                          r"frame of the codebook"):
        score_sheet_frames(path)
    with pytest.raises(SheetError, match="line 4"):
        score_coding_sheet(path)


@pytest.mark.slow
def test_notebook_04_writes_per_frame_scores_from_a_coded_sheet(seed_sheet, tmp_path) -> None:
    from corpus_tools.paths import DATA_DIR, NOTEBOOKS_DIR
    from corpus_tools.runner import run_notebooks

    sheet, key, _ = seed_sheet
    coded = sheet.assign(code_stance="none")
    coded.loc[0, ["quote", "code_frames"]] = ["Criminals were deported.", "crime_threat"]
    path = write_coding_sheet(coded, key, tmp_path / "sheet.csv")
    run_notebooks([NOTEBOOKS_DIR / "04_framing.ipynb"], output_dir=tmp_path / "executed",
                  log=None, parameters={"data_dir": DATA_DIR, "figures_dir": tmp_path / "f",
                                        "processed_dir": tmp_path / "p",
                                        "coding_sheet": path})
    table = pd.read_csv(tmp_path / "p" / "frame_eval.csv").set_index("frame")
    assert set(table["coding"]) == {"coding sheet"}
    assert table.loc["crime_threat", ["support", "tp"]].tolist() == [1, 1]
    assert table.loc["micro", "support"] == 1


def _validate_stderr(args: list[str], cwd: Path) -> tuple[int, str]:
    """Exit code and stderr of ``corpus-tools validate`` run as a subprocess in ``cwd``."""
    import os
    import subprocess
    import sys

    import corpus_tools

    env = {**os.environ, "PYTHONPATH": str(Path(corpus_tools.__file__).parents[1])}
    done = subprocess.run([sys.executable, "-m", "corpus_tools", "validate", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, check=False)
    return done.returncode, done.stderr


def test_validate_says_an_article_saved_as_csv_is_not_a_coding_sheet(tmp_path: Path) -> None:
    # Prose with commas: pandas' tokenizer fails on line 3 (3 fields, header has 2).
    (tmp_path / "a1.csv").write_text("Officials said, on Monday\nthat it was over.\n"
                                     "Wu said, again, no.\n", encoding="utf-8")
    code, err = _validate_stderr(["a1.csv"], tmp_path)
    assert code == 2 and "Traceback" not in err
    assert err.startswith("error: a1.csv: not a coding sheet (line 3: 3 fields where the "
                          "header has 2")
    # Parses as CSV but has none of the sheet's columns: the columns are named.
    (tmp_path / "a2.csv").write_text("Officials said on Monday\nit was over.\n",
                                     encoding="utf-8")
    code, err = _validate_stderr(["a2.csv"], tmp_path)
    assert code == 2 and "Traceback" not in err
    assert err.startswith("error: a2.csv: not a coding sheet (line 1: missing column(s) "
                          "sheet_id, quote, code_stance")


def test_validate_rejects_an_empty_missing_or_uncoded_sheet(seed_sheet, tmp_path,
                                                           capsys) -> None:
    from corpus_tools.cli import main

    (tmp_path / "empty.csv").write_bytes(b"")
    assert main(["validate", str(tmp_path / "empty.csv")]) == 2
    assert "empty.csv: not a coding sheet (the file is empty)" in capsys.readouterr().err
    assert main(["validate", str(tmp_path / "nope.csv")]) == 2
    assert "nope.csv: no such file" in capsys.readouterr().err
    sheet, key, _ = seed_sheet  # as written by 'sample': nothing coded yet
    path = write_coding_sheet(sheet, key, tmp_path / "sheet.csv")
    assert main(["validate", str(path)]) == 2
    captured = capsys.readouterr()
    assert f"error: {path}: no coded rows" in captured.err
    assert "Empty DataFrame" not in captured.out and "NaN" not in captured.out
    with pytest.raises(SheetError, match="no coded rows"):
        score_sheet_stance_per_class(path)


def test_a_sheet_without_coded_frames_is_not_scored_zero(seed_sheet, tmp_path) -> None:
    """Stance coded, code_frames left blank: the tagger has no score on the sheet (an error
    saying frames were not coded), not micro-F1 0 over zero counts."""
    sheet, key, _ = seed_sheet
    path = write_coding_sheet(sheet.assign(code_stance="none"), key, tmp_path / "sheet.csv")
    assert sheet_codes_frames(path) is False
    with pytest.raises(SheetError, match=r"sheet\.csv: frames were not coded"):
        score_sheet_frames(path)
    coded = sheet.assign(code_stance="none")
    coded.loc[3, "code_frames"] = "none"  # coded, no frame: scored
    path = write_coding_sheet(coded, key, tmp_path / "sheet.csv")
    assert sheet_codes_frames(path) is True
    assert score_sheet_frames(path).set_index("frame").loc["micro", "support"] == 0


@pytest.mark.slow
def test_notebook_04_skips_per_frame_scores_when_frames_were_not_coded(seed_sheet,
                                                                       tmp_path) -> None:
    from corpus_tools.paths import DATA_DIR, NOTEBOOKS_DIR
    from corpus_tools.runner import run_notebooks

    sheet, key, _ = seed_sheet
    path = write_coding_sheet(sheet.assign(code_stance="none"), key, tmp_path / "sheet.csv")
    [executed] = run_notebooks([NOTEBOOKS_DIR / "04_framing.ipynb"],
                               output_dir=tmp_path / "executed", log=None,
                               parameters={"data_dir": DATA_DIR, "figures_dir": tmp_path / "f",
                                           "processed_dir": tmp_path / "p",
                                           "coding_sheet": path})
    assert not (tmp_path / "p" / "frame_eval.csv").exists()
    assert "frames were not coded" in executed.read_text(encoding="utf-8")
