"""Every notebook runs headlessly through the same runner as `make figures`, and reproduces
the committed tables byte for byte."""

from __future__ import annotations

import base64
import json

import nbformat
import pytest

from corpus_tools.paths import PROCESSED_DIR
from corpus_tools.runner import NotebookError, list_notebooks, run_notebooks

NOTEBOOKS = list_notebooks()


def test_notebooks_are_committed_without_outputs():
    assert NOTEBOOKS, "no numbered notebooks found"
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert not any(c.get("outputs") or c.get("execution_count") for c in code), path.name
        tagged = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, f"{path.name}: needs exactly one 'parameters' cell"
        assert "data_dir" in "".join(tagged[0]["source"])
        assert "figures_dir" in "".join(tagged[0]["source"])


def test_notebooks_declare_the_project_kernel():
    # The kernel `make setup` registers and the README names (not the generic python3).
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert nb["metadata"]["kernelspec"] == {
            "name": "corpus-tools", "display_name": "Python (corpus-tools)",
            "language": "python"}, path.name


@pytest.mark.slow
def test_all_notebooks_execute_and_reproduce_tables(tmp_path):
    figures, processed = tmp_path / "figures", tmp_path / "processed"
    executed = run_notebooks(output_dir=tmp_path / "executed",
                             parameters={"figures_dir": figures, "processed_dir": processed})
    assert [p.name for p in executed] == [p.name for p in NOTEBOOKS]
    for path, run in zip(NOTEBOOKS, executed, strict=True):
        prefix = path.name[:3]
        pngs = sorted(figures.glob(f"{prefix}*.png"))
        assert pngs, f"{path.name} wrote no figure"
        # every figure is shown exactly once, and what is shown is the file written
        shown = [base64.b64decode(o["data"]["image/png"])
                 for cell in nbformat.read(run, as_version=4).cells if cell.cell_type == "code"
                 for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        assert sorted(shown) == sorted(p.read_bytes() for p in pngs), path.name
    written = sorted(p.name for p in processed.glob("*.csv"))
    assert written, "no tables written"
    for name in written:
        committed = PROCESSED_DIR / name
        assert committed.is_file(), f"{name} is produced but not committed in data/processed"
        assert (processed / name).read_bytes() == committed.read_bytes(), (
            f"{name} differs from the committed table: run `make figures` and commit")


@pytest.mark.slow  # starts a kernel
def test_failing_notebook_is_named_with_its_cell(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("raise ValueError('boom')"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    path = tmp_path / "99_broken.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(NotebookError, match=r"99_broken.ipynb: cell 1 .*ValueError: boom"):
        run_notebooks([path], output_dir=tmp_path / "out", log=None)


def test_every_notebook_cell_has_an_id():
    """nbformat >= 4.5 requires cell ids; a cell added without one warns today and will fail."""
    for path in list_notebooks():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        ids = [c.get("id") for c in cells]
        assert all(ids) and len(set(ids)) == len(ids), path.name
