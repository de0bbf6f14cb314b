"""Loading: read the article files and their metadata into one validated table.

Accepted inputs (see the README, "Bring your own corpus"):

* a folder holding ``articles.csv`` (``article_id, file, outlet, published, headline,
  url, notes``; only ``article_id`` and ``file`` are required) and the UTF-8 text files,
  in ``raw/`` beside it or in the folder itself;
* a folder of ``.txt`` files with no ``articles.csv`` (ids are the file stems);
* a ``.csv`` or ``.jsonl`` file with ``article_id, text`` and optional metadata columns.

Files are only ever read. Every problem found is reported in one :class:`CorpusError`
that names the file or metadata row and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from corpus_tools.clean import clean_text, split_paragraphs
from corpus_tools.paths import (
    CORPUS_FILE_SUFFIXES,
    DATA_DIR,
    NoDataDirError,
    resolve_dir,
    seed_data_dir,
)

METADATA_COLUMNS = ["article_id", "file", "outlet", "published", "headline", "url", "notes"]
CORPUS_COLUMNS = [*METADATA_COLUMNS, "year", "text", "body", "n_chars", "exclude", "removed"]


class CorpusError(ValueError):
    """Raised when the corpus or its metadata cannot be loaded; lists every problem."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) loading the corpus:\n{lines}")


def resolve_data_dir(data_dir: str | Path | None = None) -> Path:
    """The corpus location a user gave (relative to the current directory), or the
    project's seed corpus when none is given.

    Raises
    ------
    CorpusError
        When none is given and the package is installed without the project checkout.

    Examples
    --------
    >>> resolve_data_dir() == DATA_DIR
    True
    """
    if data_dir is not None and str(data_dir) != "":
        return resolve_dir(data_dir, DATA_DIR)
    try:
        return seed_data_dir()
    except NoDataDirError as err:
        raise CorpusError([str(err)]) from None


def _read_text(path: Path, label: str, problems: list[str]) -> str | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(f"{label}: file not found: {path}")
        return None
    except OSError as err:
        problems.append(f"{label}: cannot read {path}: {err.strerror}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.append(
            f"{label}: {path.name} is not valid UTF-8 (byte 0x{data[err.start]:02x} at "
            f"offset {err.start}, line {line})"
        )
        return None
    if not text.strip():
        problems.append(f"{label}: {path.name} is empty")
        return None
    return text


def _parse_date(value: str, label: str, problems: list[str]) -> pd.Timestamp:
    value = (value or "").strip()
    if not value:
        return pd.NaT
    try:
        return pd.Timestamp(dt.date.fromisoformat(value))
    except ValueError:
        problems.append(f"{label}: published {value!r} is not an ISO date (YYYY-MM-DD)")
        return pd.NaT


def _metadata_from_csv(csv_path: Path, problems: list[str]) -> pd.DataFrame:
    meta = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in ("article_id", "file") if c not in meta.columns]
    if missing:
        raise CorpusError([f"{csv_path.name}: missing required column(s) {', '.join(missing)}"])
    for col in METADATA_COLUMNS:
        if col not in meta.columns:
            meta[col] = ""
    # Line numbers as a spreadsheet shows them: header is line 1.
    meta["_label"] = [f"{csv_path.name} line {i + 2} (article_id {a!r})"
                      for i, a in enumerate(meta["article_id"])]
    for label, aid in zip(meta["_label"], meta["article_id"], strict=True):
        if not aid.strip():
            problems.append(f"{label}: empty article_id")
    dup = meta["article_id"].duplicated(keep=False) & (meta["article_id"] != "")
    for aid, group in meta[dup].groupby("article_id", sort=True):
        lines = ", ".join(str(i + 2) for i in group.index)
        problems.append(f"{csv_path.name}: duplicate article_id {aid!r} on lines {lines}")
    return meta


def _texts_for_rows(meta: pd.DataFrame, text_dir: Path, problems: list[str]) -> list[str | None]:
    root = text_dir.resolve()
    texts: list[str | None] = []
    for label, name in zip(meta["_label"], meta["file"], strict=True):
        path = (root / name).resolve()
        if not name.strip():
            problems.append(f"{label}: empty file name")
            texts.append(None)
        elif Path(name).is_absolute() or not path.is_relative_to(root):
            problems.append(f"{label}: file {name!r} escapes the data folder {root}")
            texts.append(None)
        else:
            texts.append(_read_text(path, label, problems))
    return texts


def _load_table_file(path: Path, problems: list[str]) -> tuple[pd.DataFrame, list[str | None]]:
    if path.suffix.lower() == ".jsonl":
        records = []
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                problems.append(f"{path.name} line {i}: invalid JSON ({err.msg})")
        meta = pd.DataFrame.from_records(records) if records else pd.DataFrame()
        meta = meta.fillna("").astype(str)
        first_line = 1
    else:
        meta = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        first_line = 2
    for col in ("article_id", "text"):
        if col not in meta.columns:
            raise CorpusError([f"{path.name}: missing required column {col!r}"])
    for col in METADATA_COLUMNS:
        if col not in meta.columns:
            meta[col] = ""
    meta["_label"] = [f"{path.name} record {i + first_line} (article_id {a!r})"
                      for i, a in enumerate(meta["article_id"])]
    dup = meta["article_id"].duplicated(keep=False)
    for aid in sorted(set(meta.loc[dup, "article_id"])):
        problems.append(f"{path.name}: duplicate article_id {aid!r}")
    texts: list[str | None] = []
    for label, text in zip(meta["_label"], meta["text"], strict=True):
        if not str(text).strip():
            problems.append(f"{label}: empty text")
            texts.append(None)
        else:
            texts.append(str(text))
    return meta.drop(columns=["text"]), texts


def folder_metadata(data_dir: Path, problems: list[str]) -> tuple[pd.DataFrame, Path]:
    """Metadata of a data folder (``articles.csv``, or one row per ``.txt`` file) with a
    ``_label`` per row for error messages, and the folder holding the texts. No text is
    read; problems found are appended to ``problems``."""
    raw_dir = data_dir / "raw" if (data_dir / "raw").is_dir() else data_dir
    csv_path = data_dir / "articles.csv"
    if csv_path.is_file():
        meta = _metadata_from_csv(csv_path, problems)
    else:
        files = sorted(p.name for p in raw_dir.glob("*.txt"))
        if not files:
            raise CorpusError([f"{data_dir}: no articles.csv and no .txt files"])
        meta = pd.DataFrame({"article_id": [Path(f).stem for f in files], "file": files})
        for col in METADATA_COLUMNS:
            if col not in meta.columns:
                meta[col] = ""
        meta["_label"] = [f"{raw_dir.name}/{f}" for f in files]
    return meta, raw_dir


def not_found(data_dir: Path) -> str:
    """What is missing: a corpus file (``.csv``/``.jsonl``) or a data folder.

    Examples
    --------
    >>> not_found(Path("/nowhere/byo.csv"))
    'corpus file not found: /nowhere/byo.csv'
    """
    kind = "corpus file" if data_dir.suffix.lower() in CORPUS_FILE_SUFFIXES else "data folder"
    return f"{kind} not found: {data_dir}"


def _locate(data_dir: Path, problems: list[str]) -> tuple[pd.DataFrame, list[str | None]]:
    if data_dir.is_file():
        return _load_table_file(data_dir, problems)
    if not data_dir.is_dir():
        raise CorpusError([not_found(data_dir)])
    meta, raw_dir = folder_metadata(data_dir, problems)
    return meta, _texts_for_rows(meta, raw_dir, problems)


def load_corpus(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Load and validate a corpus of news articles.

    Parameters
    ----------
    data_dir : str or Path, optional
        A data folder (``articles.csv`` plus text files in ``raw/``), a folder of
        ``.txt`` files, or a ``.csv``/``.jsonl`` file with ``article_id, text``.
        Defaults to the project's ``data/`` folder, resolved from the package.

    Returns
    -------
    DataFrame
        One row per article, sorted by ``article_id``, with the metadata columns,
        ``year``, ``text`` (the raw file text, which every offset indexes), ``body``
        (cleaned journalism paragraphs), ``n_chars``, ``exclude`` (spans of headline
        and chrome paragraphs, for extractors that should skip them) and ``removed``
        (the chrome paragraphs with offsets and reasons: the cleaning audit trail).

    Raises
    ------
    CorpusError
        Naming each file or metadata row that is missing, duplicated, empty, not UTF-8,
        outside the data folder, or has an unparseable date.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> corpus[["article_id", "outlet"]].iloc[0].tolist()
    ['000_674bf23a13580e8a', 'Politico']
    """
    data_dir = resolve_data_dir(data_dir)
    problems: list[str] = []
    meta, texts = _locate(data_dir, problems)
    published = [_parse_date(v, label, problems)
                 for v, label in zip(meta["published"], meta["_label"], strict=True)]
    if problems:
        raise CorpusError(problems)
    rows = []
    for (_, m), text, date in zip(meta.iterrows(), texts, published, strict=True):
        headline, body, removed = clean_text(text)
        paragraphs = split_paragraphs(text)
        exclude = [(p.start, p.end) for p in paragraphs if p.role != "body"]
        rows.append({
            "article_id": m["article_id"], "file": m["file"], "outlet": m["outlet"],
            "published": date, "headline": m["headline"] or headline, "url": m["url"],
            "notes": m["notes"], "year": pd.NA if pd.isna(date) else date.year,
            "text": text, "body": body, "n_chars": len(text), "exclude": exclude,
            "removed": removed,
        })
    corpus = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
    corpus["published"] = pd.to_datetime(corpus["published"])
    corpus["year"] = corpus["year"].astype("Int64")
    return corpus.sort_values("article_id", kind="stable").reset_index(drop=True)
