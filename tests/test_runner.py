"""run-notebooks: outputs beside the corpus, all-or-nothing replacement of figures and
tables, clean progress lines."""

from __future__ import annotations

import re
import subprocess
import sys

import nbformat
import pytest

from corpus_tools.runner import NotebookError, run_notebooks

WRITE = """
from pathlib import Path
from corpus_tools.paths import resolve_run_dirs
data_dir, figures_dir, processed_dir = resolve_run_dirs(data_dir, figures_dir, processed_dir)
figures_dir.mkdir(parents=True, exist_ok=True)
processed_dir.mkdir(parents=True, exist_ok=True)
(figures_dir / "fig.png").write_text(f"new figure from {data_dir.name}")
(processed_dir / "table.csv").write_text("new,table\\n")
"""


def _notebook(path, *cells):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("data_dir = None\nfigures_dir = None\nprocessed_dir = None",
                                  metadata={"tags": ["parameters"]}),
        *(nbformat.v4.new_code_cell(c) for c in cells)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


@pytest.fixture
def byo(tmp_path):
    """A one-article corpus file, with the outputs of an earlier run beside it."""
    corpus = tmp_path / "byo.csv"
    corpus.write_text("article_id,text\na,Title\n", encoding="utf-8")
    (tmp_path / "byo" / "figures").mkdir(parents=True)
    (tmp_path / "byo" / "processed").mkdir()
    (tmp_path / "byo" / "figures" / "fig.png").write_bytes(b"old figure \x00\x01")
    (tmp_path / "byo" / "processed" / "table.csv").write_bytes(b"old,table\r\n")
    return corpus


def _snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_outputs_of_another_corpus_go_beside_it(tmp_path, byo, monkeypatch):
    nb = _notebook(tmp_path / "01_write.ipynb", WRITE)
    monkeypatch.chdir(tmp_path)
    executed = run_notebooks([nb.name], kernel="python3", log=None,
                             parameters={"data_dir": byo.name})
    out = tmp_path / "byo"
    assert executed == [out / "executed" / "01_write.ipynb"] and executed[0].is_file()
    assert (out / "figures" / "fig.png").read_text() == "new figure from byo.csv"
    assert (out / "processed" / "table.csv").read_text() == "new,table\n"
    # no temporary folders left behind
    assert sorted(p.name for p in out.iterdir()) == ["executed", "figures", "processed"]


def test_a_failed_run_leaves_previous_outputs_byte_identical(tmp_path, byo):
    first = _notebook(tmp_path / "01_write.ipynb", WRITE)
    broken = _notebook(tmp_path / "02_broken.ipynb", "raise ValueError('boom')")
    before = _snapshot(tmp_path / "byo")
    with pytest.raises(NotebookError, match=r"02_broken.ipynb: cell 1 .*ValueError: boom"):
        run_notebooks([first, broken], kernel="python3", log=None,
                      parameters={"data_dir": byo})
    after = _snapshot(tmp_path / "byo")
    assert {k: v for k, v in after.items() if not k.startswith("executed/")} == before
    # the failed notebook is kept for inspection, and nothing temporary is left
    assert "executed/02_broken.ipynb" in after
    assert sorted(p.name for p in (tmp_path / "byo").iterdir()) == [
        "executed", "figures", "processed"]


def test_progress_lines_carry_no_kernel_log_noise(tmp_path, byo):
    nb = _notebook(tmp_path / "01_write.ipynb", WRITE)
    proc = subprocess.run(
        [sys.executable, "-m", "corpus_tools", "run-notebooks", str(nb), "--kernel", "python3",
         "--data-dir", str(byo)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout
    assert re.fullmatch(r"\[1/1\] 01_write\.ipynb \.\.\. ok \(\d+\.\d s\)\n", proc.stdout), (
        proc.stdout)
    assert (tmp_path / "byo" / "executed" / "kernel.log").is_file()
