"""The command line: help, and run-notebooks' error path."""

from __future__ import annotations

import subprocess
import sys

import pytest

from corpus_tools.cli import build_parser, main


def test_help_lists_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "quotes" in out and "run-notebooks" in out


def test_run_notebooks_accepts_parameters():
    args = build_parser().parse_args(["run-notebooks", "--data-dir", "x", "--figures-dir", "y"])
    assert (args.data_dir, args.figures_dir, args.processed_dir) == ("x", "y", None)


def test_python_dash_m():
    out = subprocess.run([sys.executable, "-m", "corpus_tools", "--help"], capture_output=True,
                         text=True, check=True)
    assert "corpus-tools" in out.stdout


def test_every_public_name_resolves():
    import corpus_tools

    for name in corpus_tools.__all__:
        assert getattr(corpus_tools, name) is not None, name
