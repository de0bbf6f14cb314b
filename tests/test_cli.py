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


def _all_parsers():
    parser = build_parser()
    subs = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return [parser, *subs.choices.values()]


def test_version_is_the_installed_package_version(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"corpus-tools {version('corpus_tools')}"


def test_help_texts_have_no_restructuredtext_markup():
    for parser in _all_parsers():
        text = parser.format_help()
        for markup in ("``", ":func:", ":mod:", ":class:"):
            assert markup not in text, f"{parser.prog}: {markup} in help"


def test_quotes_help_describes_the_command_and_its_formats():
    quotes = next(p for p in _all_parsers() if p.prog.endswith(" quotes"))
    assert quotes.description and "quotation" in quotes.description
    fmt = next(a for a in quotes._actions if "--format" in a.option_strings)
    assert fmt.help and "JSON lines" in fmt.help and "CSV" in fmt.help


def test_a_missing_notebook_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["run-notebooks", "nope.ipynb", "--output-dir", "out"]) == 2  # bad input
    err = capsys.readouterr().err
    assert err.startswith("error: no such notebook: ") and str(tmp_path / "nope.ipynb") in err
    assert not (tmp_path / "out").exists()


def test_analyze_that_fails_creates_no_output_folder(tmp_path, capsys):
    out = tmp_path / "tables"
    assert main(["analyze", str(tmp_path / "missing"), "--out", str(out),
                 "--no-progress"]) == 2
    assert "missing" in capsys.readouterr().err
    assert not out.exists()


def test_analyze_that_fails_leaves_an_existing_folder(tmp_path):
    out = tmp_path / "tables"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    assert main(["analyze", str(tmp_path / "missing"), "--out", str(out),
                 "--no-progress"]) == 2
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_analyze_reports_throughput_only_when_it_means_something(tmp_path, capsys, monkeypatch):
    from types import SimpleNamespace

    from corpus_tools import cli_analyze
    from corpus_tools.paths import RAW_DIR

    def run(**kw):
        return SimpleNamespace(**{"n_articles": 100, "n_bytes": 2_000_000, "seconds": 4.0,
                                  **kw})

    assert cli_analyze._throughput(run()) == " (25.0 articles/s, 0.50 MB/s)"
    assert cli_analyze._throughput(run(n_articles=0, n_bytes=0)) == ""
    assert cli_analyze._throughput(run(seconds=0.2)) == ""  # start-up, not throughput
    # a short run on the seeds says how long it took, not a rate
    monkeypatch.setattr(cli_analyze, "MIN_SECONDS_FOR_RATE", 1e9)
    assert main(["analyze", str(RAW_DIR), "--out", str(tmp_path / "t"), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("analyzed 3 articles") and "MB/s" not in err and "nan" not in err


def test_run_notebooks_on_a_missing_corpus_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["run-notebooks", "--data-dir", "nope"]) == 2  # bad input
    assert f"data folder not found: {tmp_path / 'nope'}" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_run_notebooks_checks_every_option_file_before_any_notebook(tmp_path, capsys,
                                                                     monkeypatch):
    """A missing or malformed option file is reported up front (exit 2, every one named as
    typed with its option), and nothing is written: no notebook ran."""
    import corpus_tools.runner as runner

    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.csv").write_text("foo,bar\n1,2\n", encoding="utf-8")
    (tmp_path / "sheet.csv").write_text("sheet_id,quote,code_stance\ns1,x,\n", encoding="utf-8")
    (tmp_path / "sheet.key.csv").write_text("sheet_id,speaker,group\ns1,a,b\n",
                                            encoding="utf-8")
    monkeypatch.setattr(runner, "resolve_kernel", lambda *a: pytest.fail("a notebook ran"))
    assert main(["run-notebooks", "--actors-csv", "nope.csv", "--frames-csv", "bad.csv",
                 "--coding-sheet", "sheet.csv", "--topic-json", "bad.csv"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: nope.csv: no such file (--actors-csv, the actor registry)")
    assert "bad.csv: line 1: missing column(s)" in err and "(--frames-csv, the frame " in err
    assert "sheet.csv: no coded rows" in err and "(--coding-sheet, the coding sheet)" in err
    assert "bad.csv line 1: invalid JSON" in err and "Traceback" not in err
    assert str(tmp_path) not in err  # as the user typed them
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "sheet.csv",
                                                          "sheet.key.csv"]
    for option in ("--naming-csv", "--stance-lexicon-csv"):
        assert main(["run-notebooks", option, "nope.csv"]) == 2
        assert f"nope.csv: no such file ({option}, the " in capsys.readouterr().err
    assert runner.check_option_files({"actors_csv": None, "frames_csv": ""}) is None


@pytest.mark.parametrize("command", [["analyze", "bad1", "--out", "t", "--no-progress"],
                                     ["sample", "bad1", "--out", "s.csv"],
                                     ["run-notebooks", "--data-dir", "bad1"]])
def test_a_bad_text_file_is_named_once_as_typed(command, tmp_path, capsys, monkeypatch):
    """A folder of .txt files: an empty or non-UTF-8 file is named once, by its path from the
    current directory (not 'bad1/empty.txt: empty.txt is empty'); exit 2."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad1").mkdir()
    (tmp_path / "bad1" / "empty.txt").write_bytes(b"")
    (tmp_path / "bad1" / "latin.txt").write_bytes(b"Caf\xe9 owners said no.\n")
    (tmp_path / "bad1" / "ok.txt").write_text("Title\n\nThe mayor spoke.\n", encoding="utf-8")
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "  - bad1/empty.txt: the file is empty\n" in err
    assert "  - bad1/latin.txt: the file is not valid UTF-8 (byte 0xe9 at offset 3" in err
    assert err.count("empty.txt") == 1 and "Traceback" not in err
