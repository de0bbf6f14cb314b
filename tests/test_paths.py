"""Paths a user types are relative to the current directory; package defaults ship inside
the package; a corpus other than the seed gets its outputs beside it."""

from __future__ import annotations

import pytest

from corpus_tools import paths
from corpus_tools.load import CorpusError, load_corpus
from corpus_tools.paths import (
    DATA_DIR,
    FIGURES_DIR,
    PROCESSED_DIR,
    PROJECT_ROOT,
    RESOURCES_DIR,
    resolve_dir,
    resolve_run_dirs,
)


def default_executed_dir(data_dir=None):
    from corpus_tools.paths import default_executed_dir

    return default_executed_dir(data_dir)


def test_relative_paths_are_relative_to_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_dir("byo.csv", DATA_DIR) == tmp_path / "byo.csv"
    assert resolve_dir("sub/dir", DATA_DIR) == tmp_path / "sub" / "dir"


def test_a_corpus_file_gets_its_outputs_in_a_folder_named_after_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "byo.csv").write_text("article_id,text\na,Hello.\n", encoding="utf-8")
    data, figures, processed = resolve_run_dirs("byo.csv")
    assert data == tmp_path / "byo.csv"
    assert (figures, processed) == (tmp_path / "byo" / "figures", tmp_path / "byo" / "processed")
    assert default_executed_dir("byo.csv") == tmp_path / "byo" / "executed"


def test_a_corpus_folder_holds_its_own_outputs(tmp_path):
    data, figures, processed = resolve_run_dirs(tmp_path)
    assert (data, figures, processed) == (tmp_path, tmp_path / "figures", tmp_path / "processed")
    assert default_executed_dir(tmp_path) == tmp_path / "executed"


def test_the_seed_corpus_keeps_the_project_folders():
    assert resolve_run_dirs() == (DATA_DIR, FIGURES_DIR, PROCESSED_DIR)
    assert resolve_run_dirs(DATA_DIR) == (DATA_DIR, FIGURES_DIR, PROCESSED_DIR)
    assert default_executed_dir() == PROJECT_ROOT / "build" / "executed"


def test_explicit_output_folders_win(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, figures, processed = resolve_run_dirs(tmp_path, "figs", "tables")
    assert (figures, processed) == (tmp_path / "figs", tmp_path / "tables")


@pytest.mark.parametrize("module, loader", [("actors", "load_actors"),
                                            ("frames", "load_codebook"),
                                            ("naming", "load_naming")])
def test_package_defaults_ship_inside_the_package(module, loader):
    import importlib

    load = getattr(importlib.import_module(f"corpus_tools.{module}"), loader)
    shipped = RESOURCES_DIR / f"{module}.csv"
    assert shipped.is_file()
    assert load().equals(load(shipped))
    assert not (DATA_DIR / shipped.name).exists(), f"{shipped.name} still in data/"


def test_no_seed_corpus_outside_a_checkout_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(paths, "IN_CHECKOUT", False)
    with pytest.raises(CorpusError, match="pass --data-dir"):
        load_corpus()
    with pytest.raises(FileNotFoundError, match="pass --data-dir"):
        resolve_run_dirs()


def test_a_missing_corpus_file_is_called_a_file(tmp_path, monkeypatch, capsys):
    from corpus_tools.cli import main

    monkeypatch.chdir(tmp_path)
    with pytest.raises(CorpusError, match=f"corpus file not found: {tmp_path / 'byo.csv'}"):
        load_corpus("byo.csv")
    assert main(["analyze", "byo.csv", "--out", "out", "--no-progress"]) == 2
    assert f"corpus file not found: {tmp_path / 'byo.csv'}" in capsys.readouterr().err
