"""``corpus-tools quotes PATH...``: who-said-what records for any English news articles."""

from __future__ import annotations

import json
import math
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import pandas as pd

from corpus_tools.actors import ActorRegistry, RegistryError
from corpus_tools.load import CorpusError
from corpus_tools.quotes.extract import extract_quotes_from_texts

RECORD_COLUMNS = ["article_id", "quote_id", "start", "end", "text", "kind", "speaker",
                  "group", "group_source", "actor_id", "speaker_mention", "mention_start",
                  "mention_end", "cue"]
#: Character offsets: integers in every output format (missing: null / empty).
OFFSET_COLUMNS = ["start", "end", "mention_start", "mention_end"]


def _text_files(paths: Sequence[str | Path], problems: list[str]) -> list[Path]:
    """The .txt files named or inside the folders named; problems are appended."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(p.glob("*.txt"))
            if not found:
                problems.append(f"{p}: folder has no .txt files")
            files.extend(found)
        elif p.is_file() and p.suffix.lower() != ".txt":
            problems.append(f"{p}: not a .txt file (for a .csv or .jsonl corpus, use "
                            "'corpus-tools analyze')")
        elif p.is_file():
            files.append(p)
        else:
            problems.append(f"{p}: no such file or folder")
    return files


def _read(path: Path, problems: list[str]) -> str | None:
    """The file's text, or None with the problem appended (not UTF-8, empty)."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.append(f"{path}: not valid UTF-8 (byte 0x{data[err.start]:02x} at "
                        f"offset {err.start}, line {line})")
        return None
    if not text.strip():
        problems.append(f"{path}: is empty")
        return None
    return text


def extract_quote_records(paths: Sequence[str | Path],
                          actors_csv: str | Path | None = None) -> pd.DataFrame:
    """Quotes of every text file in ``paths`` (files or folders of ``.txt``), with stance
    and tone when those modules are available. ``article_id`` is the file stem."""
    registry = ActorRegistry(actors_csv)
    problems: list[str] = []
    texts = [(f, _read(f, problems)) for f in _text_files(paths, problems)]
    if problems:  # every bad file at once, before any output
        raise CorpusError(problems)
    # one table for every file (columns gathered, not a DataFrame per file)
    quotes = extract_quotes_from_texts(((f.stem, text) for f, text in texts), registry)
    columns = list(RECORD_COLUMNS)
    try:
        from corpus_tools.stance import score_quotes
    except ImportError:  # stance/tone not installed in this build
        return quotes[columns]
    scored = score_quotes(quotes)
    columns += [c for c in ("stance", "stance_score", "tone") if c in scored.columns]
    return scored[columns]


def _json_value(value: object) -> object:
    """A value JSON can hold: native Python scalars, ``None`` for anything missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def to_json_lines(records: pd.DataFrame) -> list[str]:
    """One strict JSON object per row: integer offsets, ``null`` for missing values.

    Examples
    --------
    >>> df = pd.DataFrame({"start": [269.0, None], "speaker": ["Wu", float("nan")]})
    >>> to_json_lines(df)
    ['{"start": 269, "speaker": "Wu"}', '{"start": null, "speaker": null}']
    """
    table = _integer_offsets(records)
    return [json.dumps({k: _json_value(v) for k, v in rec.items()}, ensure_ascii=False,
                       allow_nan=False, default=str)
            for rec in table.to_dict(orient="records")]


def _integer_offsets(records: pd.DataFrame) -> pd.DataFrame:
    """Offset columns as nullable integers (a float column of offsets prints ``269.0``)."""
    offsets = [c for c in OFFSET_COLUMNS if c in records.columns]
    return records.astype({c: "Int64" for c in offsets})


def quotes_command(paths: Sequence[str | Path], actors_csv: str | Path | None = None,
                   fmt: str = "jsonl", out: TextIO | None = None) -> int:
    """Write one record per quote as JSON lines or CSV; return the exit code.

    Speakers whose group is unknown are reported on stderr, never dropped.
    """
    out = out or sys.stdout
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            records = extract_quote_records(paths, actors_csv)
        except (CorpusError, RegistryError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    if fmt == "csv":
        _integer_offsets(records).to_csv(out, index=False, lineterminator="\n")
    else:
        for line in to_json_lines(records):
            out.write(line + "\n")
    return 0
