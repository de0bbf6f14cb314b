"""Input checks shared by both loaders: every problem of a corpus, found in one pass.

:func:`corpus_tools.load_corpus` (the notebook loader) and
:func:`corpus_tools.stream.iter_articles` (the batch loader behind ``corpus-tools analyze``)
both start with :func:`check_corpus`, so they accept the same inputs and reject a bad one
with the same list of messages, each naming the file and the line (or metadata row):

* the source: a folder that does not exist, a folder with no articles, a file that is not
  ``.csv``/``.jsonl``;
* table files (``articles.csv``, a ``.csv`` or ``.jsonl`` corpus): bytes that are not
  UTF-8 (line and byte offset), a missing required column or key, a JSONL line that is not
  valid JSON or not a JSON object (``[1,2]``, ``"x"``, ``null``), a CSV row with too many
  fields;
* metadata: empty or duplicate ``article_id``, a ``published`` value that is not an ISO
  date, a file name that is empty or escapes the data folder;
* texts: a missing, unreadable, empty or non-UTF-8 file (byte offset and line), an empty
  ``text`` value.

Texts are checked one at a time and kept only on request, so checking a large corpus
holds its metadata, never all of its texts.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

METADATA_COLUMNS = ["article_id", "file", "outlet", "published", "headline", "url", "notes"]
FOLDER_REQUIRED = ("article_id", "file")
TABLE_REQUIRED = ("article_id", "text")
TABLE_SUFFIXES = (".csv", ".jsonl")

Row = dict[str, Any]


class CorpusError(ValueError):
    """Raised when the corpus or its metadata cannot be loaded; lists every problem.

    ``problems`` holds one message per problem, each naming the file and line or row.
    """

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) loading the corpus:\n{lines}")


@dataclass
class CheckedCorpus:
    """A corpus source that passed :func:`check_corpus`.

    Attributes
    ----------
    source : Path
        The data folder, or the ``.csv``/``.jsonl`` file.
    meta : DataFrame
        One row per article in input order: :data:`METADATA_COLUMNS`, ``_label`` (how
        messages name the row) and ``_line`` (first line of the record; 0 for a folder of
        ``.txt`` files without metadata).
    text_dir : Path or None
        Where a folder's text files are; ``None`` for a table file.
    texts : list of str or None
        The texts, in ``meta`` order, when asked for with ``keep_texts=True``.
    """

    source: Path
    meta: pd.DataFrame
    text_dir: Path | None
    texts: list[str] | None = None

    @property
    def is_table(self) -> bool:
        """Whether the source is a ``.csv``/``.jsonl`` file holding the texts."""
        return self.text_dir is None


def _utf8_problem(data: bytes, err: UnicodeDecodeError) -> str:
    line = data[: err.start].count(b"\n") + 1
    return f"byte 0x{data[err.start]:02x} at offset {err.start}, line {line}"


def read_text_file(path: Path, label: str, problems: list[str]) -> str | None:
    """The text of one article file, or ``None`` with a message appended to ``problems``.

    Parameters
    ----------
    path : Path
        The file.
    label : str
        How messages name the article (its metadata row, or the file).
    problems : list of str
        Receives one message if the file is missing, unreadable, not UTF-8 or empty.

    Returns
    -------
    str or None

    Examples
    --------
    >>> problems = []
    >>> read_text_file(Path("/nonexistent/a.txt"), "a.txt", problems) is None, problems
    (True, ['a.txt: file not found: /nonexistent/a.txt'])
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(f"{label}: file not found: {path}")
        return None
    except OSError as err:
        problems.append(f"{label}: cannot read {path}: {err.strerror}")
        return None
    # a label that is the file itself is not followed by its name again
    what = "the file" if label.endswith(path.name) else path.name
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        problems.append(f"{label}: {what} is not valid UTF-8 ({_utf8_problem(data, err)})")
        return None
    if not text.strip():
        problems.append(f"{label}: {what} is empty")
        return None
    return text


def shown_path(path: Path) -> str:
    """``path`` as a user would type it: relative to the current directory when inside it,
    else absolute.

    Examples
    --------
    >>> shown_path(Path.cwd() / "bad1" / "empty.txt") == str(Path("bad1", "empty.txt"))
    True
    >>> shown_path(Path("/nonexistent/a.txt"))
    '/nonexistent/a.txt'
    """
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def parse_date(value: str, label: str, problems: list[str]) -> pd.Timestamp:
    """An ISO date (``YYYY-MM-DD``) as a Timestamp; ``NaT`` when empty or invalid (then a
    message naming ``label`` is appended to ``problems``).

    Examples
    --------
    >>> problems = []
    >>> parse_date("2024-05-01", "x", problems), parse_date("1/5/24", "x line 2", problems)
    (Timestamp('2024-05-01 00:00:00'), NaT)
    >>> problems
    ["x line 2: published '1/5/24' is not an ISO date (YYYY-MM-DD)"]
    """
    value = (value or "").strip()
    if not value:
        return pd.NaT
    try:
        return pd.Timestamp(dt.date.fromisoformat(value))
    except ValueError:
        problems.append(f"{label}: published {value!r} is not an ISO date (YYYY-MM-DD)")
        return pd.NaT


# ----------------------------------------------------------------------------- table files

def _lines(path: Path, problems: list[str]) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of a text file read as bytes one line at a time. A line that
    is not UTF-8 is reported with its line and file offset, then yielded with replacement
    characters so the rest of the file is still checked."""
    offset = 0
    try:
        fh = path.open("rb")
    except OSError as err:
        problems.append(f"{path.name}: cannot read {path}: {err.strerror}")
        return
    with fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw, offset = raw[3:], 3
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                problems.append(f"{path.name} line {number}: not valid UTF-8 (byte "
                                f"0x{raw[err.start]:02x} at offset {offset + err.start})")
                line = raw.decode("utf-8", errors="replace")
            offset += len(raw)
            yield number, line


def _csv_rows(path: Path, required: tuple[str, ...],
              problems: list[str]) -> Iterator[tuple[int, Row]]:
    """``(first line, row)`` of each record of a CSV file (fields as strings; a record may
    span lines when a quoted field holds newlines). A missing required column or a row
    with too many fields is reported; the file is always read to its end."""
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))  # article texts are long
    lines = _lines(path, problems)
    reader = csv.reader(line for _, line in lines)
    header: list[str] | None = None
    end = 0
    try:
        for row in reader:
            start, end = end + 1, reader.line_num
            if not row:
                continue
            if header is None:
                header = row
                missing = [c for c in required if c not in header]
                if missing:
                    problems.append(f"{path.name} line {start}: missing required column(s) "
                                    f"{', '.join(missing)}")
                    for _ in lines:  # still report undecodable bytes further down
                        pass
                    return
                continue
            if len(row) > len(header):
                problems.append(f"{path.name} line {start}: {len(row)} fields where the "
                                f"header has {len(header)}")
                continue
            yield start, dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))
    except csv.Error as err:
        problems.append(f"{path.name} line {reader.line_num}: malformed CSV ({err})")
        for _ in lines:
            pass
    if header is None:
        problems.append(f"{path.name}: no header line (expected columns "
                        f"{', '.join(required)})")


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    return {list: "an array", str: "a string", bool: "a boolean"}.get(type(value), "a number")


def _jsonl_rows(path: Path, problems: list[str]) -> Iterator[tuple[int, Row]]:
    """``(line, record)`` of each JSON object of a JSONL file (blank lines skipped). Invalid
    JSON, a line that is not an object, or a missing ``article_id``/``text`` key is
    reported with its line and the record skipped."""
    for number, line in _lines(path, problems):
        if not line.strip():
            continue
        label = f"{path.name} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{label}: invalid JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(record, dict):
            problems.append(f"{label}: not a JSON object but {_json_kind(record)}")
            continue
        missing = [k for k in TABLE_REQUIRED if k not in record]
        if missing:
            problems.append(f"{label}: missing key(s) {', '.join(map(repr, missing))}")
            continue
        row: Row = {}
        for key in (*METADATA_COLUMNS, "text"):
            value = record.get(key)
            if value is None:
                row[key] = ""
            elif isinstance(value, str):
                row[key] = value
            elif isinstance(value, int | float) and not isinstance(value, bool) \
                    and key != "text":
                row[key] = str(value)
            else:
                problems.append(f"{label}: {key!r} is {_json_kind(value)}, not a string")
                row = {}
                break
        if row:
            yield number, row


def iter_table_rows(path: Path, problems: list[str]) -> Iterator[Row]:
    """The records of a ``.csv``/``.jsonl`` corpus file, one at a time, as dicts of
    :data:`METADATA_COLUMNS`, ``text``, ``_line`` and ``_label``. Problems of the file's
    syntax and encoding go to ``problems``; records are not otherwise checked (see
    :func:`check_corpus`)."""
    if path.suffix.lower() == ".jsonl":
        rows = _jsonl_rows(path, problems)
    else:
        rows = _csv_rows(path, TABLE_REQUIRED, problems)
    for line, row in rows:
        out = {c: row.get(c, "") for c in (*METADATA_COLUMNS, "text")}
        out["_line"] = line
        out["_label"] = f"{path.name} line {line} (article_id {out['article_id']!r})"
        yield out


# ----------------------------------------------------------------------------- folders

def _folder_rows(data_dir: Path, problems: list[str]) -> tuple[list[Row], Path]:
    """Metadata rows of a data folder (``articles.csv``, or one per ``.txt`` file) and the
    folder holding the texts. No text is read."""
    raw_dir = data_dir / "raw" if (data_dir / "raw").is_dir() else data_dir
    csv_path = data_dir / "articles.csv"
    if csv_path.is_file():
        rows = []
        for line, row in _csv_rows(csv_path, FOLDER_REQUIRED, problems):
            out = {c: row.get(c, "") for c in METADATA_COLUMNS}
            out["_line"] = line
            out["_label"] = f"{csv_path.name} line {line} (article_id {out['article_id']!r})"
            rows.append(out)
        if not rows and not problems:
            problems.append(f"{csv_path.name}: no articles listed (only a header)")
        return rows, raw_dir
    files = sorted(p.name for p in raw_dir.glob("*.txt"))
    if not files:
        raise CorpusError([f"data folder {data_dir} has no articles.csv and no .txt files"])
    rows = [{**dict.fromkeys(METADATA_COLUMNS, ""), "article_id": Path(f).stem, "file": f,
             "_line": 0, "_label": shown_path(raw_dir / f)} for f in files]
    return rows, raw_dir


def _text_path(root: Path, name: str, label: str, problems: list[str]) -> Path | None:
    """The file a metadata row names, or ``None`` (with a message) when the name is empty
    or leads outside the data folder."""
    if not name.strip():
        problems.append(f"{label}: empty file name")
        return None
    path = (root / name).resolve()
    if Path(name).is_absolute() or not path.is_relative_to(root):
        problems.append(f"{label}: file {name!r} escapes the data folder {root}")
        return None
    return path


def _folder_text(root: Path, name: str, label: str, problems: list[str]) -> str | None:
    path = _text_path(root, name, label, problems)
    return None if path is None else read_text_file(path, label, problems)


def read_folder_texts(meta: pd.DataFrame, text_dir: Path,
                      problems: list[str]) -> list[str | None]:
    """The texts of some metadata rows of a data folder (``None`` for a bad one, with its
    message in ``problems``)."""
    root = text_dir.resolve()
    return [_folder_text(root, name, label, problems)
            for label, name in zip(meta["_label"], meta["file"], strict=True)]


# ----------------------------------------------------------------------------- checks

def _check_metadata(rows: list[Row], file_name: str, problems: list[str]) -> None:
    """Empty and duplicate ids and bad dates, each naming its line."""
    lines_of: dict[str, list[int]] = {}
    for row in rows:
        if not row["article_id"].strip():
            problems.append(f"{row['_label']}: empty article_id")
        else:
            lines_of.setdefault(row["article_id"], []).append(row["_line"])
        parse_date(row["published"], row["_label"], problems)
    for aid in sorted(a for a, lines in lines_of.items() if len(lines) > 1):
        lines = ", ".join(map(str, lines_of[aid]))
        problems.append(f"{file_name}: duplicate article_id {aid!r} on lines {lines}")


def check_corpus(source: Path, keep_texts: bool = False) -> CheckedCorpus:
    """Check a corpus source completely and report every problem at once.

    Parameters
    ----------
    source : Path
        A data folder (``articles.csv`` plus text files in ``raw/`` or beside it), a folder
        of ``.txt`` files, or a ``.csv``/``.jsonl`` file with ``article_id, text``.
    keep_texts : bool, default False
        Keep the texts (for the in-memory loader). Otherwise each text is read, checked and
        dropped, so memory holds the metadata only.

    Returns
    -------
    CheckedCorpus

    Raises
    ------
    CorpusError
        With one message per problem, each naming the file and line or metadata row.

    Examples
    --------
    >>> from corpus_tools.paths import DATA_DIR
    >>> checked = check_corpus(DATA_DIR)
    >>> len(checked.meta), checked.meta["_label"].iloc[0]
    (3, "articles.csv line 2 (article_id '000_674bf23a13580e8a')")
    >>> check_corpus(DATA_DIR / "nope")
    Traceback (most recent call last):
    ...
    corpus_tools.validate_input.CorpusError: 1 problem(s) loading the corpus:
      - data folder not found: ...nope
    """
    problems: list[str] = []
    texts: list[str] | None = [] if keep_texts else None
    if source.is_file():
        if source.suffix.lower() not in TABLE_SUFFIXES:
            raise CorpusError([f"{source}: not a data folder, .csv or .jsonl file"])
        rows = []
        for row in iter_table_rows(source, problems):
            text = row.pop("text")
            if not text.strip():
                problems.append(f"{row['_label']}: empty text")
            elif texts is not None:
                texts.append(text)
            rows.append(row)
        if not rows and not problems:
            problems.append(f"{source.name}: no records")
        text_dir = None
    elif source.is_dir():
        rows, text_dir = _folder_rows(source, problems)
    else:
        kind = "corpus file" if source.suffix.lower() in TABLE_SUFFIXES else "data folder"
        raise CorpusError([f"{kind} not found: {source}"])
    _check_metadata(rows, "articles.csv" if text_dir is not None else source.name, problems)
    meta = pd.DataFrame(rows, columns=[*METADATA_COLUMNS, "_line", "_label"])
    if text_dir is not None:
        root = text_dir.resolve()
        for label, name in zip(meta["_label"], meta["file"], strict=True):
            text = _folder_text(root, name, label, problems)  # one at a time, kept if asked
            if texts is not None and text is not None:
                texts.append(text)
    if problems:
        raise CorpusError(problems)
    return CheckedCorpus(source=source, meta=meta, text_dir=text_dir, texts=texts)
