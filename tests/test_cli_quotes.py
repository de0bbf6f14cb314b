"""`corpus-tools quotes`: records for files and folders, JSONL and CSV."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from corpus_tools.cli import main
from corpus_tools.cli_quotes import quotes_command
from corpus_tools.paths import RAW_DIR


def test_jsonl_records_for_a_folder():
    out = io.StringIO()
    assert quotes_command([RAW_DIR], fmt="jsonl", out=out) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 32
    first = records[0]
    assert {"article_id", "start", "end", "text", "kind", "speaker", "group"} <= set(first)
    assert first["article_id"] == "000_674bf23a13580e8a"
    assert first["speaker"] == "Stephen Miller"


def test_csv_for_a_single_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Title\n\n“We will not comply,” said Mayor Jane Doe.", encoding="utf-8")
    out = io.StringIO()
    assert quotes_command([path], fmt="csv", out=out) == 0
    table = pd.read_csv(io.StringIO(out.getvalue()))
    assert table.loc[0, ["article_id", "speaker", "group"]].tolist() == [
        "story", "Jane Doe", "local_officials"]


def test_missing_path_is_a_clear_error(tmp_path, capsys):
    assert main(["quotes", str(tmp_path / "nope.txt")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_a_reader_that_stops_early_gets_no_traceback():
    import subprocess
    import sys

    # ``corpus-tools quotes data/raw | head -1``: the pipe closes after one line
    proc = subprocess.Popen([sys.executable, "-m", "corpus_tools", "quotes", str(RAW_DIR)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in stderr


FIXTURES = RAW_DIR.parents[1] / "tests" / "fixtures" / "articles"


def _strict(line: str) -> dict:
    """json.loads that rejects the NaN/Infinity extensions Python's parser accepts."""
    def reject(name):
        raise ValueError(f"not JSON: {name}")

    return json.loads(line, parse_constant=reject)


def test_jsonl_is_strict_json_with_integer_offsets_and_null_for_missing():
    out = io.StringIO()
    assert quotes_command([FIXTURES], fmt="jsonl", out=out) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) > 700
    records = [_strict(line) for line in lines]  # every line, strictly
    for rec in records:
        for key in ("start", "end"):
            assert type(rec[key]) is int, rec
        for key in ("mention_start", "mention_end"):
            assert rec[key] is None or type(rec[key]) is int, rec
    # term quotes have no stance score or tone: null, not NaN, and not dropped
    assert any(rec["kind"] == "term" and rec["stance_score"] is None for rec in records)
    assert "NaN" not in out.getvalue()


def test_float_offsets_and_missing_values_become_integers_and_null():
    from corpus_tools.cli_quotes import to_json_lines

    # a speaker mention missing in one row makes pandas store the offsets as floats
    table = pd.DataFrame({"start": [269, 300], "mention_start": [12.0, float("nan")],
                          "speaker": ["Wu", None], "tone": [0.25, float("nan")]})
    assert [_strict(line) for line in to_json_lines(table)] == [
        {"start": 269, "mention_start": 12, "speaker": "Wu", "tone": 0.25},
        {"start": 300, "mention_start": None, "speaker": None, "tone": None}]


def test_csv_offsets_are_integers():
    out = io.StringIO()
    assert quotes_command([FIXTURES], fmt="csv", out=out) == 0
    table = pd.read_csv(io.StringIO(out.getvalue()), dtype=str, keep_default_na=False)
    for col in ("start", "end", "mention_start", "mention_end"):
        assert table[col].str.fullmatch(r"-?\d*").all(), col


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_reader_that_takes_one_line_ends_the_command_with_exit_0(fmt):
    import subprocess
    import sys

    # ``corpus-tools quotes FOLDER --format csv | head -1`` (more output than a pipe holds)
    proc = subprocess.Popen([sys.executable, "-m", "corpus_tools", "quotes", str(FIXTURES),
                             "--format", fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, stderr
    assert first and "Traceback" not in stderr and "Exception ignored" not in stderr


def test_bad_inputs_are_all_reported_before_any_output(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"article_id": "a", "text": "x"}\n', encoding="utf-8")
    (tmp_path / "l.txt").write_bytes(b"caf\xe9\n")
    out = io.StringIO()
    code = quotes_command([tmp_path / "empty.txt", tmp_path / "c.jsonl", tmp_path / "l.txt"],
                          out=out)
    err = capsys.readouterr().err
    assert code == 2 and out.getvalue() == ""
    assert "c.jsonl: not a .txt file" in err
    assert "empty.txt: is empty" in err
    assert "l.txt: not valid UTF-8 (byte 0xe9 at offset 3, line 1)" in err


@pytest.mark.parametrize("command", [["quotes", str(RAW_DIR)],
                                     ["sample", str(RAW_DIR), "--out", "sheet.csv"],
                                     ["analyze", str(RAW_DIR), "--out", "tables"]])
def test_a_missing_or_malformed_actor_registry_is_a_clear_error(command, tmp_path, capsys,
                                                                monkeypatch):
    """Every sub-command taking ``--actors``: a missing file, one without the registry's
    columns and one that is not CSV give ``error: FILE: ...`` and exit 2, no traceback."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.csv").write_text("foo,bar\n1,2\n", encoding="utf-8")
    (tmp_path / "prose.csv").write_text("Officials said, on Monday\nit was over.\n"
                                        "Wu said, again, no.\n",
                                        encoding="utf-8")
    cases = {"nope.csv": "error: nope.csv: actor registry not found",
             "bad.csv": "error: bad.csv: missing column(s) actor_id, name, aliases, group",
             "prose.csv": "error: prose.csv: not an actor registry CSV (Expected 2 fields in "
                          "line 3, saw 3)"}
    for name, message in cases.items():
        assert main([*command, "--actors", name]) == 2
        captured = capsys.readouterr()
        err = captured.err.replace(f"{tmp_path}/", "")  # analyze resolves paths
        assert err.startswith(message), err
        assert "Traceback" not in err and captured.out == ""
    assert not (tmp_path / "sheet.csv").exists() and not (tmp_path / "tables").exists()


def test_a_bad_registry_from_the_console_has_no_traceback(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "corpus_tools", "quotes", str(RAW_DIR),
                           "--actors", "nope.csv"], cwd=tmp_path, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 2
    assert done.stderr == "error: nope.csv: actor registry not found (no such file)\n"
