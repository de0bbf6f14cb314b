"""Streaming: read a corpus of any size in chunks of articles, never all texts at once.

:func:`iter_articles` accepts the same inputs as :func:`corpus_tools.load_corpus` (a data
folder with ``articles.csv``, a folder of ``.txt`` files, a ``.csv`` or ``.jsonl`` file with
``article_id, text``) and yields lists of validated article records. Metadata (ids, file
names, dates) is small and is checked for the whole corpus before the first chunk, with
the loader's own checks and messages; texts are read chunk by chunk, and a bad text file
(missing, not UTF-8, empty) raises :class:`~corpus_tools.load.CorpusError` naming it when
its chunk is read.

:func:`corpus_frame` turns records into the table ``load_corpus`` returns (same columns,
cleaning and ``exclude`` spans), so every analysis function works on a chunk unchanged.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from corpus_tools.clean import clean_text, split_paragraphs
from corpus_tools.load import (
    CORPUS_COLUMNS,
    METADATA_COLUMNS,
    CorpusError,
    _parse_date,
    _texts_for_rows,
    folder_metadata,
    not_found,
    resolve_data_dir,
)
from corpus_tools.paths import DATA_DIR  # noqa: F401  (the doctests' seed corpus)

Record = dict[str, Any]


def corpus_frame(records: Iterable[Record]) -> pd.DataFrame:
    """The corpus table of some article records, exactly as :func:`load_corpus` builds it.

    Parameters
    ----------
    records : iterable of dict
        ``article_id`` and ``text`` plus any of ``file, outlet, published (ISO date or
        Timestamp), headline, url, notes``.

    Returns
    -------
    DataFrame
        :data:`corpus_tools.load.CORPUS_COLUMNS`, in the records' order.

    Raises
    ------
    CorpusError
        If a ``published`` value is not an ISO date.

    Examples
    --------
    >>> rec = {"article_id": "a", "text": "Title\\n\\nBody.", "published": "2024-05-01"}
    >>> c = corpus_frame([rec])
    >>> c[["article_id", "headline", "year", "exclude"]].values.tolist()
    [['a', 'Title', 2024, [(0, 5)]]]
    """
    rows, problems = [], []
    for rec in records:
        text = rec["text"]
        date = rec.get("published", "")
        if not isinstance(date, pd.Timestamp):
            date = _parse_date(str(date or ""), f"article_id {rec['article_id']!r}", problems)
        headline, body, removed = clean_text(text)
        exclude = [(p.start, p.end) for p in split_paragraphs(text) if p.role != "body"]
        rows.append({
            "article_id": rec["article_id"], "file": rec.get("file", ""),
            "outlet": rec.get("outlet", ""), "published": date,
            "headline": rec.get("headline") or headline, "url": rec.get("url", ""),
            "notes": rec.get("notes", ""), "year": pd.NA if pd.isna(date) else date.year,
            "text": text, "body": body, "n_chars": len(text), "exclude": exclude,
            "removed": removed,
        })
    if problems:
        raise CorpusError(problems)
    corpus = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
    corpus["published"] = pd.to_datetime(corpus["published"])
    corpus["year"] = corpus["year"].astype("Int64")
    return corpus


def _folder_metadata(data_dir: Path) -> tuple[pd.DataFrame, Path]:
    """Validated metadata of a data folder (all rows; no text is read) and its text folder."""
    problems: list[str] = []
    meta, raw_dir = folder_metadata(data_dir, problems)
    for value, label in zip(meta["published"], meta["_label"], strict=True):
        _parse_date(value, label, problems)
    root = raw_dir.resolve()
    for label, name in zip(meta["_label"], meta["file"], strict=True):
        path = root / name
        if name.strip() and not Path(name).is_absolute() and not path.is_file():
            problems.append(f"{label}: file not found: {path}")
    if problems:
        raise CorpusError(problems)
    return meta.sort_values("article_id", kind="stable").reset_index(drop=True), raw_dir


def _records(meta: pd.DataFrame, texts: list[str | None]) -> list[Record]:
    cols = [c for c in METADATA_COLUMNS if c in meta.columns]
    out = []
    for row, text in zip(meta[cols].to_dict("records"), texts, strict=True):
        row["text"] = text
        out.append(row)
    return out


def _iter_folder(data_dir: Path, chunk_size: int) -> Iterator[list[Record]]:
    meta, raw_dir = _folder_metadata(data_dir)
    for first in range(0, len(meta), chunk_size):
        chunk = meta.iloc[first:first + chunk_size]
        problems: list[str] = []
        texts = _texts_for_rows(chunk, raw_dir, problems)
        if problems:
            raise CorpusError(problems)
        yield _records(chunk, texts)


def _table_ids(path: Path) -> list[str]:
    """The article ids of a .csv/.jsonl corpus file, read without keeping any text."""
    if path.suffix.lower() == ".jsonl":
        ids = []
        with path.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    ids.append(str(json.loads(line).get("article_id", "")))
                except (json.JSONDecodeError, AttributeError) as err:
                    raise CorpusError([f"{path.name} line {i}: invalid JSON record ({err})"]) \
                        from None
        return ids
    header = pd.read_csv(path, dtype=str, nrows=0, encoding="utf-8").columns
    missing = [c for c in ("article_id", "text") if c not in header]
    if missing:
        raise CorpusError([f"{path.name}: missing required column(s) {', '.join(missing)}"])
    return pd.read_csv(path, dtype=str, keep_default_na=False, usecols=["article_id"],
                       encoding="utf-8")["article_id"].tolist()


def _check_ids(path: Path, ids: list[str]) -> None:
    problems = []
    if not ids:
        problems.append(f"{path.name}: no records")
    series = pd.Series(ids, dtype=object)
    first_line = 1 if path.suffix.lower() == ".jsonl" else 2
    for i in series.index[series.str.strip() == ""]:
        problems.append(f"{path.name} record {i + first_line}: empty article_id")
    for aid in sorted(set(series[series.duplicated() & (series != "")])):
        problems.append(f"{path.name}: duplicate article_id {aid!r}")
    if problems:
        raise CorpusError(problems)
    if not series.is_monotonic_increasing:
        warnings.warn(f"{path.name}: article ids are not sorted; streamed tables follow the "
                      "file's order", stacklevel=4)


def _table_chunks(path: Path, chunk_size: int) -> Iterator[pd.DataFrame]:
    if path.suffix.lower() != ".jsonl":
        yield from pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8",
                               chunksize=chunk_size)
        return
    rows: list[dict] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if len(rows) == chunk_size:
                yield pd.DataFrame.from_records(rows).fillna("").astype(str)
                rows = []
    if rows:
        yield pd.DataFrame.from_records(rows).fillna("").astype(str)


def _iter_table(path: Path, chunk_size: int) -> Iterator[list[Record]]:
    _check_ids(path, _table_ids(path))
    first_line = 1 if path.suffix.lower() == ".jsonl" else 2
    seen = 0
    for chunk in _table_chunks(path, chunk_size):
        for col in METADATA_COLUMNS:
            if col not in chunk.columns:
                chunk[col] = ""
        problems: list[str] = []
        labels = [f"{path.name} record {seen + i + first_line} (article_id {a!r})"
                  for i, a in enumerate(chunk["article_id"])]
        seen += len(chunk)
        texts: list[str | None] = []
        for label, text, date in zip(labels, chunk["text"], chunk["published"], strict=True):
            _parse_date(date, label, problems)
            if not str(text).strip():
                problems.append(f"{label}: empty text")
            texts.append(str(text))
        if problems:
            raise CorpusError(problems)
        yield _records(chunk, texts)


def count_articles(source: str | Path | None = None) -> int:
    """How many articles :func:`iter_articles` will yield (reads metadata or ids only).

    Examples
    --------
    >>> count_articles(DATA_DIR)
    3
    """
    path = resolve_data_dir(source)
    if path.is_file():
        return len(_table_ids(path))
    if not path.is_dir():
        raise CorpusError([not_found(path)])
    return len(_folder_metadata(path)[0])


def iter_articles(source: str | Path | None = None,
                  chunk_size: int = 200) -> Iterator[list[Record]]:
    """Validated article records, ``chunk_size`` at a time.

    Parameters
    ----------
    source : str or Path, optional
        Anything :func:`corpus_tools.load_corpus` reads: a data folder (``articles.csv``
        plus text files in ``raw/`` or beside it), a folder of ``.txt`` files, or a
        ``.csv``/``.jsonl`` file with ``article_id, text`` and optional metadata. Default:
        the project's ``data/``.
    chunk_size : int, default 200
        Articles per chunk; only one chunk of texts is in memory at a time.

    Yields
    ------
    list of dict
        Records with ``article_id, file, outlet, published, headline, url, notes, text``.
        A folder's articles come in ``article_id`` order (as ``load_corpus`` sorts them); a
        table file's in file order (a warning says so when its ids are not sorted).

    Raises
    ------
    CorpusError
        Before the first chunk for metadata problems (missing columns or files, empty or
        duplicate ids, bad dates); when a chunk is read for bad texts (not UTF-8, empty).

    Examples
    --------
    >>> [len(chunk) for chunk in iter_articles(DATA_DIR, chunk_size=2)]
    [2, 1]
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1, not {chunk_size}")
    path = resolve_data_dir(source)
    if path.is_file():
        yield from _iter_table(path, chunk_size)
    elif path.is_dir():
        yield from _iter_folder(path, chunk_size)
    else:
        raise CorpusError([not_found(path)])
