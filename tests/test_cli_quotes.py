"""`corpus-tools quotes`: records for files and folders, JSONL and CSV."""

from __future__ import annotations

import io
import json

import pandas as pd

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
