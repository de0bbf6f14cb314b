"""Streaming: read a corpus of any size in chunks of articles, never all texts at once.

:func:`iter_articles` accepts the same inputs as :func:`corpus_tools.load_corpus` (a data
folder with ``articles.csv``, a folder of ``.txt`` files, a ``.csv`` or ``.jsonl`` file with
``article_id, text``) and yields lists of validated article records. Before the first
chunk the whole input is checked by :func:`corpus_tools.validate_input.check_corpus`, the
same checks and messages as ``load_corpus``: every problem (metadata, file names, each
text read once and dropped) is raised at once in one
:class:`~corpus_tools.validate_input.CorpusError`. Texts are then read chunk by chunk.

:func:`corpus_frame` turns records into the table ``load_corpus`` returns (same columns,
cleaning and ``exclude`` spans), so every analysis function works on a chunk unchanged.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from corpus_tools.clean import clean_text, detect_layout, split_paragraphs
from corpus_tools.load import CORPUS_COLUMNS, resolve_data_dir
from corpus_tools.paths import DATA_DIR  # noqa: F401  (the doctests' seed corpus)
from corpus_tools.validate_input import (
    METADATA_COLUMNS,
    CheckedCorpus,
    CorpusError,
    check_corpus,
    iter_table_rows,
    parse_date,
    read_folder_texts,
)

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
            date = parse_date(str(date or ""), f"article_id {rec['article_id']!r}", problems)
        meta_headline = rec.get("headline") or ""
        headline, body, removed = clean_text(text, meta_headline)
        exclude = [(p.start, p.end) for p in split_paragraphs(text, meta_headline)
                   if p.role != "body"]
        rows.append({
            "article_id": rec["article_id"], "file": rec.get("file", ""),
            "outlet": rec.get("outlet", ""), "published": date,
            "headline": meta_headline or headline, "url": rec.get("url", ""),
            "notes": rec.get("notes", ""), "year": pd.NA if pd.isna(date) else date.year,
            "text": text, "body": body, "n_chars": len(text), "exclude": exclude,
            "removed": removed, "layout": detect_layout(text, meta_headline),
        })
    if problems:
        raise CorpusError(problems)
    corpus = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
    corpus["published"] = pd.to_datetime(corpus["published"])
    corpus["year"] = corpus["year"].astype("Int64")
    return corpus


def _records(meta: pd.DataFrame, texts: list[str | None]) -> list[Record]:
    out = []
    for row, text in zip(meta[METADATA_COLUMNS].to_dict("records"), texts, strict=True):
        row["text"] = text
        out.append(row)
    return out


def _folder_chunks(checked: CheckedCorpus, chunk_size: int) -> Iterator[list[Record]]:
    meta = checked.meta.sort_values("article_id", kind="stable").reset_index(drop=True)
    for first in range(0, len(meta), chunk_size):
        chunk = meta.iloc[first:first + chunk_size]
        problems: list[str] = []
        texts = read_folder_texts(chunk, checked.text_dir, problems)
        if problems:  # a file changed after the check
            raise CorpusError(problems)
        yield _records(chunk, texts)


def _table_chunks(checked: CheckedCorpus, chunk_size: int) -> Iterator[list[Record]]:
    problems: list[str] = []
    rows: list[Record] = []
    for row in iter_table_rows(checked.source, problems):
        rows.append({c: row[c] for c in (*METADATA_COLUMNS, "text")})
        if len(rows) == chunk_size:
            if problems:  # the file changed after the check
                raise CorpusError(problems)
            yield rows
            rows = []
    if problems:
        raise CorpusError(problems)
    if rows:
        yield rows


def open_articles(source: str | Path | None = None,
                  chunk_size: int = 200) -> tuple[int, Iterator[list[Record]]]:
    """Check a whole corpus now, then return its size and its chunks of records.

    Parameters
    ----------
    source : str or Path, optional
        As for :func:`iter_articles`.
    chunk_size : int, default 200
        Articles per chunk.

    Returns
    -------
    n_articles : int
    chunks : iterator of list of dict
        What :func:`iter_articles` yields.

    Raises
    ------
    CorpusError
        Every problem of the input at once, before any chunk (the messages of
        :func:`corpus_tools.load_corpus`).

    Examples
    --------
    >>> n, chunks = open_articles(DATA_DIR, chunk_size=2)
    >>> n, [len(c) for c in chunks]
    (3, [2, 1])
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1, not {chunk_size}")
    checked = check_corpus(resolve_data_dir(source))
    if not checked.is_table:
        return len(checked.meta), _folder_chunks(checked, chunk_size)
    if not checked.meta["article_id"].is_monotonic_increasing:
        warnings.warn(f"{checked.source.name}: article ids are not sorted; streamed tables "
                      "follow the file's order", stacklevel=2)
    return len(checked.meta), _table_chunks(checked, chunk_size)


def count_articles(source: str | Path | None = None) -> int:
    """How many articles :func:`iter_articles` will yield, after checking the whole input
    (each text is read once and dropped; see :func:`open_articles`).

    Examples
    --------
    >>> count_articles(DATA_DIR)
    3
    """
    return open_articles(source)[0]


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
        Before the first chunk, with every problem of the input at once (missing columns,
        keys or files, empty or duplicate ids, bad dates, file names outside the folder,
        empty or non-UTF-8 texts, invalid JSON or CSV lines), each naming file and line:
        the same messages as :func:`corpus_tools.load_corpus`.

    Examples
    --------
    >>> [len(chunk) for chunk in iter_articles(DATA_DIR, chunk_size=2)]
    [2, 1]
    """
    yield from open_articles(source, chunk_size)[1]
