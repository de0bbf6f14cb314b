"""Loading: read the article files and their metadata into one validated table.

Accepted inputs (see the README, "Bring your own corpus"):

* a folder holding ``articles.csv`` (``article_id, file, outlet, published, headline,
  url, notes``; only ``article_id`` and ``file`` are required) and the UTF-8 text files,
  in ``raw/`` beside it or in the folder itself;
* a folder of ``.txt`` files with no ``articles.csv`` (ids are the file stems);
* a ``.csv`` or ``.jsonl`` file with ``article_id, text`` and optional metadata columns.

Files are only ever read. Every problem found is reported in one :class:`CorpusError`
that names the file and line or metadata row and what is wrong. The checks live in
:mod:`corpus_tools.validate_input`, shared with the streaming loader
(:func:`corpus_tools.stream.iter_articles`), so both reject bad input with the same messages.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from corpus_tools.clean import clean_text, detect_layout, split_paragraphs
from corpus_tools.paths import DATA_DIR, NoDataDirError, resolve_dir, seed_data_dir
from corpus_tools.validate_input import METADATA_COLUMNS, CorpusError, check_corpus, parse_date

__all__ = ["CORPUS_COLUMNS", "METADATA_COLUMNS", "CorpusError", "load_corpus",
           "resolve_data_dir"]

CORPUS_COLUMNS = [*METADATA_COLUMNS, "year", "text", "body", "n_chars", "exclude", "removed",
                  "layout"]


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
        and chrome paragraphs, for extractors that should skip them), ``removed``
        (the chrome paragraphs with offsets and reasons: the cleaning audit trail) and
        ``layout`` (a :class:`~corpus_tools.clean.Layout`: how paragraphs were found and
        whether the first one is the headline, and why; see
        :func:`~corpus_tools.clean.audit_layout`). A ``headline`` in the metadata wins:
        the text's first paragraph is set aside only when it is that headline. Without
        one, ``headline`` is the text's first paragraph when it looks like a headline,
        else ``""``.

    Raises
    ------
    CorpusError
        Listing every problem at once (see :func:`corpus_tools.validate_input.check_corpus`):
        each file or metadata row that is missing, duplicated, empty, not UTF-8, outside
        the data folder, not valid JSON or CSV, or has an unparseable date, with its line.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> corpus[["article_id", "outlet"]].iloc[0].tolist()
    ['000_674bf23a13580e8a', 'Politico']
    """
    data_dir = resolve_data_dir(data_dir)
    checked = check_corpus(data_dir, keep_texts=True)
    meta, texts = checked.meta, checked.texts
    published = [parse_date(v, "", []) for v in meta["published"]]  # checked already
    rows = []
    for (_, m), text, date in zip(meta.iterrows(), texts, published, strict=True):
        headline, body, removed = clean_text(text, m["headline"])
        paragraphs = split_paragraphs(text, m["headline"])
        exclude = [(p.start, p.end) for p in paragraphs if p.role != "body"]
        rows.append({
            "article_id": m["article_id"], "file": m["file"], "outlet": m["outlet"],
            "published": date, "headline": m["headline"] or headline, "url": m["url"],
            "notes": m["notes"], "year": pd.NA if pd.isna(date) else date.year,
            "text": text, "body": body, "n_chars": len(text), "exclude": exclude,
            "removed": removed, "layout": detect_layout(text, m["headline"]),
        })
    corpus = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
    corpus["published"] = pd.to_datetime(corpus["published"])
    corpus["year"] = corpus["year"].astype("Int64")
    return corpus.sort_values("article_id", kind="stable").reset_index(drop=True)
