"""The package never downloads anything and needs no nltk_data."""

from __future__ import annotations

import os
import subprocess
import sys

from corpus_tools.paths import PROJECT_ROOT


def test_no_nltk_download_in_package_or_notebooks():
    for folder in ("corpus_tools", "notebooks"):
        for path in (PROJECT_ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".ipynb"}:
                assert "nltk.download" not in path.read_text(encoding="utf-8"), path


def test_pipeline_runs_without_nltk_data(tmp_path):
    code = (
        "from corpus_tools import load_corpus, extract_sentences, extract_tokens;"
        "c = load_corpus(); print(len(extract_sentences(c)), len(extract_tokens(c)))"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path / "none"), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True, cwd=tmp_path)
    n_sentences, n_tokens = map(int, out.stdout.split())
    assert n_sentences > 100 and n_tokens > 2500
