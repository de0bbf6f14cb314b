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
    """Each name in ``__all__`` is the object of that name defined in the module that
    ``_EXPORTS`` documents for it (not a stand-in, not a re-export from elsewhere), and a
    function or class carries a docstring."""
    import importlib
    import inspect

    import corpus_tools

    assert corpus_tools.__all__ == sorted(corpus_tools._EXPORTS)
    for name, module_name in corpus_tools._EXPORTS.items():
        module = importlib.import_module(f"corpus_tools.{module_name}")
        obj = getattr(corpus_tools, name)
        assert obj is getattr(module, name), name
        target = inspect.unwrap(obj)  # e.g. through functools.lru_cache
        if inspect.isfunction(target) or inspect.isclass(target):
            assert target.__name__ == name, name
            assert target.__module__ == module.__name__, (name, target.__module__)
            assert inspect.getdoc(target), name
        else:  # the two style constants
            assert name in {"GROUP_ORDER", "GROUP_COLORS"} and len(obj) >= 3, name
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        corpus_tools.no_such_name  # noqa: B018
