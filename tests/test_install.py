"""A normal (non-editable) install works outside the checkout: the wheel carries the package
defaults and the notebooks, and `quotes`, `analyze` and `run-notebooks` run from it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from corpus_tools.paths import FIGURES_DIR, PROJECT_ROOT

from .byo_corpus import ARTICLES, write_byo_corpus

#: What a wheel is built from (copied, so the build leaves nothing in the checkout).
SOURCES = ("corpus_tools", "notebooks", "pyproject.toml", "README.md")


def _run(cmd, cwd, env, timeout=900):
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtual environment holding the wheel of this checkout; its dependencies come
    from the running environment (a plain path entry: no editable finder of the checkout)."""
    tmp = tmp_path_factory.mktemp("install")
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        if (PROJECT_ROOT / name).is_dir():
            shutil.copytree(PROJECT_ROOT / name, src / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(PROJECT_ROOT / name, src / name)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(JUPYTER_DATA_DIR=str(tmp / "jupyter-data"), PYTHONNOUSERSITE="1",
               JUPYTER_CONFIG_DIR=str(tmp / "jupyter-config"), MPLBACKEND="Agg")
    built = _run([sys.executable, "-m", "pip", "wheel", src, "--no-deps", "-v", "-w",
                  tmp / "wheels"], cwd=tmp, env=env)  # -v: setuptools' warnings shown
    assert built.returncode == 0, built.stderr
    [wheel] = sorted((tmp / "wheels").glob("corpus_tools-*.whl"))
    venv = tmp / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp, env=env)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    done = _run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
                 "--force-reinstall", wheel], cwd=tmp, env=env)
    assert done.returncode == 0, done.stderr
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                cwd=tmp, env=env).stdout.strip()
    Path(site, "project_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    work = tmp / "elsewhere"  # the current directory: outside the checkout
    work.mkdir()
    return {"venv": venv, "python": python, "cli": venv / "bin" / "corpus-tools",
            "env": env, "cwd": work, "wheel": wheel, "build_log": built.stdout + built.stderr}


@pytest.mark.slow
def test_the_wheel_ships_every_resource_without_a_packaging_warning(installed):
    """Every file of corpus_tools/resources/ and every numbered notebook is in the wheel, and
    the build does not warn that a folder of package data is absent from ``packages``."""
    import zipfile

    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    resources = PROJECT_ROOT / "corpus_tools" / "resources"
    expected = {f"corpus_tools/resources/{p.name}" for p in resources.iterdir() if p.is_file()}
    assert expected and expected <= names
    notebooks = {f"corpus_tools/notebooks/{p.name}"
                 for p in (PROJECT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert notebooks and notebooks <= names
    assert "is absent from the `packages` configuration" not in installed["build_log"]


@pytest.mark.slow
def test_the_package_is_imported_from_the_wheel(installed):
    where = _run([installed["python"], "-c", "import corpus_tools; print(corpus_tools.__file__)"],
                 cwd=installed["cwd"], env=installed["env"])
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed["venv"])
    version = _run([installed["cli"], "--version"], cwd=installed["cwd"], env=installed["env"])
    assert version.stdout.strip() == "corpus-tools 0.1.0"


@pytest.mark.slow
def test_quotes_and_analyze_run_from_the_wheel(installed):
    cwd, env = installed["cwd"], installed["env"]
    data = write_byo_corpus(cwd / "data")
    article = next(iter(sorted(ARTICLES)))
    quotes = _run([installed["cli"], "quotes", f"data/raw/{article}.txt"], cwd=cwd, env=env)
    assert quotes.returncode == 0, quotes.stderr
    records = [json.loads(line) for line in quotes.stdout.splitlines()]
    assert records and {r["article_id"] for r in records} == {article}
    analyzed = _run([installed["cli"], "analyze", "data", "--out", "tables", "--no-progress"],
                    cwd=cwd, env=env)
    assert analyzed.returncode == 0, analyzed.stderr
    assert (cwd / "tables" / "quotes.csv").is_file()
    assert len((cwd / "tables" / "articles.csv").read_text().splitlines()) == len(ARTICLES) + 1
    assert data == cwd / "data"


@pytest.mark.slow
def test_run_notebooks_from_the_wheel(installed):
    cwd, env = installed["cwd"], installed["env"]
    missing = _run([installed["cli"], "run-notebooks"], cwd=cwd, env=env)
    assert missing.returncode == 2  # bad input, found before any notebook ran
    assert "pass --data-dir" in missing.stderr and "Traceback" not in missing.stderr
    data = write_byo_corpus(cwd / "byo")
    ran = _run([installed["cli"], "run-notebooks", "--data-dir", "byo"], cwd=cwd, env=env)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    lines = ran.stdout.splitlines()
    assert len(lines) == 5 and all(
        re.fullmatch(r"\[\d/5\] 0\d_\w+\.ipynb \.\.\. ok \(\d+\.\d s\)", line) for line in lines)
    assert "IPKernelApp" not in ran.stderr and "KeyboardInterrupt" not in ran.stderr
    expected = {p.name for p in FIGURES_DIR.glob("*.png")}
    assert expected and expected <= {p.name for p in (data / "figures").glob("*.png")}
    assert (data / "processed" / "quotes.csv").is_file()
    assert len(list((data / "executed").glob("0[1-5]_*.ipynb"))) == 5
