"""One validation path: the notebook loader, the streaming loader and ``corpus-tools analyze``
reject the same broken inputs with the same messages, all at once, each naming the file and
line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools import CorpusError, load_corpus
from corpus_tools.cli import main
from corpus_tools.paths import DATA_DIR, RAW_DIR
from corpus_tools.stream import count_articles, iter_articles

A, B, C = "000_674bf23a13580e8a", "002_38024473db85f993", "004_b943aaa28719df54"


def _data_copy(tmp: Path) -> Path:
    dst = tmp / "data"
    (dst / "raw").mkdir(parents=True)
    for p in RAW_DIR.glob("*.txt"):
        shutil.copy(p, dst / "raw" / p.name)
    shutil.copy(DATA_DIR / "articles.csv", dst / "articles.csv")
    return dst


def _edit_meta(folder: Path, column: str, values: list[str]) -> None:
    meta = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    meta[column] = values
    meta.to_csv(folder / "articles.csv", index=False)


def _latin1_e_acute(path: Path) -> bytes:
    """Rewrite the file's UTF-8 'é' as the Latin-1 byte 0xe9; return the new bytes."""
    raw = path.read_bytes().replace("\xe9".encode(), b"\xe9")
    path.write_bytes(raw)
    return raw


def _jsonl(tmp: Path, bad_line: bytes) -> Path:
    """A JSONL corpus whose line 2 is ``bad_line`` between two good records."""
    good = [json.dumps({"article_id": i, "text": f"Title {i}\n\nBody {i}."}).encode()
            for i in ("a", "b")]
    path = tmp / "c.jsonl"
    path.write_bytes(b"\n".join([good[0], bad_line, good[1]]) + b"\n")
    return path


# Each case builds a broken input in a fresh folder and returns it with the exact messages.
Case = Callable[[Path], tuple[Path, list[str]]]


def missing_file(tmp: Path) -> tuple[Path, list[str]]:
    data = _data_copy(tmp)
    (data / "raw" / f"{B}.txt").unlink()
    root = (data / "raw").resolve()
    return data, [f"articles.csv line 3 (article_id {B!r}): file not found: {root}/{B}.txt"]


def duplicate_id(tmp: Path) -> tuple[Path, list[str]]:
    data = _data_copy(tmp)
    _edit_meta(data, "article_id", ["a", "a", C])
    return data, ["articles.csv: duplicate article_id 'a' on lines 2, 3"]


def bad_date(tmp: Path) -> tuple[Path, list[str]]:
    data = _data_copy(tmp)
    _edit_meta(data, "published", ["2025-08-29", "18/11/2024", "2020-02-14"])
    return data, [f"articles.csv line 3 (article_id {B!r}): published '18/11/2024' is not an "
                  "ISO date (YYYY-MM-DD)"]


def empty_file(tmp: Path) -> tuple[Path, list[str]]:
    data = _data_copy(tmp)
    (data / "raw" / f"{A}.txt").write_text("  \n\n", encoding="utf-8")
    return data, [f"articles.csv line 2 (article_id {A!r}): {A}.txt is empty"]


def non_utf8_file(tmp: Path) -> tuple[Path, list[str]]:
    data = _data_copy(tmp)
    (data / "raw" / f"{C}.txt").write_bytes(b"Headline\n\nCaf\xe9 line\n")
    return data, [f"articles.csv line 4 (article_id {C!r}): {C}.txt is not valid UTF-8 "
                  "(byte 0xe9 at offset 13, line 3)"]


def path_escaping(tmp: Path) -> tuple[Path, list[str]]:
    data = _data_copy(tmp)
    _edit_meta(data, "file", ["../../../etc/passwd", f"{B}.txt", f"{C}.txt"])
    root = (data / "raw").resolve()
    return data, [f"articles.csv line 2 (article_id {A!r}): file '../../../etc/passwd' "
                  f"escapes the data folder {root}"]


def latin1_in_articles_csv(tmp: Path) -> tuple[Path, list[str]]:
    data = _data_copy(tmp)
    _edit_meta(data, "outlet", ["Politico", "Caf\xe9 News", "Boston 25 News"])
    raw = _latin1_e_acute(data / "articles.csv")
    offset = raw.index(b"\xe9")
    return data, [f"articles.csv line 3: not valid UTF-8 (byte 0xe9 at offset {offset})"]


def latin1_in_jsonl(tmp: Path) -> tuple[Path, list[str]]:
    line = b'{"article_id": "x", "text": "Caf\xe9\\n\\nBody."}'
    path = _jsonl(tmp, line)
    offset = path.read_bytes().index(b"\xe9")
    return path, [f"c.jsonl line 2: not valid UTF-8 (byte 0xe9 at offset {offset})"]


def jsonl_array(tmp: Path) -> tuple[Path, list[str]]:
    return _jsonl(tmp, b"[1,2]"), ["c.jsonl line 2: not a JSON object but an array"]


def jsonl_string_and_null(tmp: Path) -> tuple[Path, list[str]]:
    path = _jsonl(tmp, b'"x"\nnull')
    return path, ["c.jsonl line 2: not a JSON object but a string",
                  "c.jsonl line 3: not a JSON object but null"]


def jsonl_invalid(tmp: Path) -> tuple[Path, list[str]]:
    return _jsonl(tmp, b"{not json"), [
        "c.jsonl line 2: invalid JSON (Expecting property name enclosed in double quotes "
        "at column 2)"]


def jsonl_missing_key(tmp: Path) -> tuple[Path, list[str]]:
    return _jsonl(tmp, b'{"article_id": "x"}'), ["c.jsonl line 2: missing key(s) 'text'"]


def missing_column(tmp: Path) -> tuple[Path, list[str]]:
    data = _data_copy(tmp)
    meta = pd.read_csv(data / "articles.csv", dtype=str, keep_default_na=False)
    meta.drop(columns=["file"]).to_csv(data / "articles.csv", index=False)
    return data, ["articles.csv line 1: missing required column(s) file"]


def csv_table_problems(tmp: Path) -> tuple[Path, list[str]]:
    path = tmp / "c.csv"
    path.write_bytes(b'article_id,text,published\na,"Title\n\nBody.",2024-01-02\n'
                     b"b,,2024-01-03\na,Other text.,May 2024\nc,Text.,2024-01-04,extra\n")
    return path, ["c.csv line 5 (article_id 'b'): empty text",
                  "c.csv line 7: 4 fields where the header has 3",
                  "c.csv line 6 (article_id 'a'): published 'May 2024' is not an ISO date "
                  "(YYYY-MM-DD)",
                  "c.csv: duplicate article_id 'a' on lines 2, 6"]


def unsupported_file(tmp: Path) -> tuple[Path, list[str]]:
    path = tmp / "article.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    return path, [f"{path}: not a data folder, .csv or .jsonl file"]


def nonexistent_folder(tmp: Path) -> tuple[Path, list[str]]:
    return tmp / "nope", [f"data folder not found: {tmp / 'nope'}"]


def empty_folder(tmp: Path) -> tuple[Path, list[str]]:
    (tmp / "empty").mkdir()
    return tmp / "empty", [f"data folder {tmp / 'empty'} has no articles.csv and no .txt files"]


def several_at_once(tmp: Path) -> tuple[Path, list[str]]:
    """Five problems of four kinds in one folder: all reported in one error."""
    data = _data_copy(tmp)
    _edit_meta(data, "published", ["x", "2024-11-18", "2020-02-14"])
    _edit_meta(data, "outlet", ["Politico", "New York Post", "Caf\xe9"])
    raw = _latin1_e_acute(data / "articles.csv")
    (data / "raw" / f"{B}.txt").unlink()
    (data / "raw" / f"{C}.txt").write_bytes(b"")
    root, offset = (data / "raw").resolve(), raw.index(b"\xe9")
    return data, [
        f"articles.csv line 4: not valid UTF-8 (byte 0xe9 at offset {offset})",
        f"articles.csv line 2 (article_id {A!r}): published 'x' is not an ISO date "
        "(YYYY-MM-DD)",
        f"articles.csv line 3 (article_id {B!r}): file not found: {root}/{B}.txt",
        f"articles.csv line 4 (article_id {C!r}): {C}.txt is empty",
    ]


CASES: list[Case] = [missing_file, duplicate_id, bad_date, empty_file, non_utf8_file,
                     path_escaping, latin1_in_articles_csv, latin1_in_jsonl, jsonl_array,
                     jsonl_string_and_null, jsonl_invalid, jsonl_missing_key, missing_column,
                     csv_table_problems, unsupported_file,
                     nonexistent_folder, empty_folder, several_at_once]


def _problems(fn: Callable[[], object]) -> list[str]:
    with pytest.raises(CorpusError) as info:
        fn()
    return info.value.problems


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_both_loaders_and_analyze_report_the_same_problems(case: Case, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture
                                                           ) -> None:
    source, expected = case(tmp_path.resolve())
    notebook = _problems(lambda: load_corpus(source))
    streaming = _problems(lambda: list(iter_articles(source, chunk_size=1)))
    assert notebook == expected
    assert streaming == expected
    assert _problems(lambda: count_articles(source)) == expected
    for message in expected:  # each names its file, and a line where the file has lines
        assert source.name in message or "articles.csv" in message or f"{B}.txt" in message
    out = tmp_path / "tables"
    code = main(["analyze", str(source), "--out", str(out), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2
    reported = [line[len("  - "):] for line in err.splitlines() if line.startswith("  - ")]
    assert reported == expected
    assert err.startswith(f"error: {len(expected)} problem(s) loading the corpus:")
    assert "Traceback" not in err
    assert not out.exists()  # nothing written, not even the folder


def test_analyze_subprocess_has_no_traceback(tmp_path: Path) -> None:
    """The JSONL line ``[1,2]`` used to raise TypeError out of ``analyze``."""
    source, expected = jsonl_array(tmp_path)
    run = subprocess.run([sys.executable, "-m", "corpus_tools", "analyze", str(source),
                          "--out", str(tmp_path / "out"), "--no-progress"],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr == f"error: 1 problem(s) loading the corpus:\n  - {expected[0]}\n"
    assert run.stdout == ""


def test_good_inputs_still_load_identically(tmp_path: Path) -> None:
    """A BOM, blank lines, numbers as ids and CRLF line ends are accepted by both loaders."""
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"article_id": 7, "text": "T\\n\\nBody.", "published": null}'
                     b"\r\n\r\n" + json.dumps({"article_id": "8", "text": "U\n\nMore."}).encode())
    corpus = load_corpus(path)
    assert corpus["article_id"].tolist() == ["7", "8"]
    assert corpus["text"].tolist() == ["T\n\nBody.", "U\n\nMore."]
    records = [r for chunk in iter_articles(path) for r in chunk]
    assert [r["text"] for r in records] == corpus["text"].tolist()
    assert [r["published"] for r in records] == ["", ""]
