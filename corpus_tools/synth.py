"""Synthetic corpora for tests and benchmarks: the seed articles' paragraphs, recombined.

Each synthetic article is a seed headline followed by runs of consecutive body paragraphs
drawn from the seed articles (runs keep a quote next to its ``she said`` follow-up), now
and then a page-chrome paragraph (a photo credit, ``Related Posts``) for the cleaner to set
aside. Outlets and dates are drawn from fixed lists. Everything is drawn from
:func:`numpy.random.default_rng` with the given seed, so the same ``(n_articles, seed)``
always gives the same corpus, byte for byte.

The text is real reporting, so quote extraction, attribution and framing behave as on
real articles; the recombined articles are not coherent stories and must never be
analysed as data.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.clean import split_paragraphs
from corpus_tools.load import load_corpus

#: Outlets assigned to synthetic articles (drawn uniformly).
OUTLETS = ("Associated Press", "Boston 25 News", "Boston Globe", "Chicago Sun-Times",
           "Fox News", "Houston Chronicle", "Los Angeles Times", "New York Post", "Politico",
           "WBUR")
#: Publication dates are drawn uniformly between these two days.
FIRST_DAY, LAST_DAY = dt.date(2015, 1, 1), dt.date(2025, 12, 31)
SYNTH_COLUMNS = ["article_id", "file", "outlet", "published", "headline", "url", "notes",
                 "text"]


def _paragraph_pool(seeds: pd.DataFrame) -> tuple[list[str], list[list[str]], list[str]]:
    """Headlines, body paragraphs per seed article, and chrome paragraphs, in seed order."""
    headlines, bodies, chrome = [], [], []
    for raw in seeds.sort_values("article_id", kind="stable")["text"]:
        paragraphs = split_paragraphs(raw)
        headlines.extend(p.text for p in paragraphs if p.role == "headline")
        bodies.append([p.text for p in paragraphs if p.role == "body"])
        chrome.extend(p.text for p in paragraphs if p.role == "chrome")
    if not headlines or not any(bodies):
        raise ValueError("the seed corpus has no headline or no body paragraph to recombine")
    return headlines, [b for b in bodies if b], chrome


def iter_synthetic_articles(n_articles: int, seed: int = 0,
                            seeds: pd.DataFrame | None = None) -> Iterator[dict[str, str]]:
    """Yield synthetic article records one at a time (constant memory).

    Parameters
    ----------
    n_articles : int
        How many articles.
    seed : int, default 0
        Seed for :func:`numpy.random.default_rng`.
    seeds : DataFrame, optional
        The corpus whose paragraphs are recombined (``article_id, text``); defaults to
        the package's seed articles (:func:`corpus_tools.load_corpus`).

    Yields
    ------
    dict
        ``article_id`` (``syn<seed>_<number>``, zero-padded so that sorting the ids keeps
        the generation order), ``file``, ``outlet``, ``published`` (ISO date),
        ``headline``, ``url``, ``notes`` and ``text``.

    Examples
    --------
    >>> first = next(iter_synthetic_articles(1, seed=3))
    >>> first["article_id"], first["text"] == next(iter_synthetic_articles(1, seed=3))["text"]
    ('syn3_000000', True)
    """
    if n_articles < 0:
        raise ValueError(f"n_articles must be >= 0, not {n_articles}")
    headlines, bodies, chrome = _paragraph_pool(load_corpus() if seeds is None else seeds)
    rng = np.random.default_rng(seed)
    n_days = (LAST_DAY - FIRST_DAY).days + 1
    width = max(6, len(str(max(n_articles - 1, 0))))
    for i in range(n_articles):
        article_id = f"syn{seed}_{i:0{width}d}"
        outlet = OUTLETS[int(rng.integers(len(OUTLETS)))]
        published = FIRST_DAY + dt.timedelta(days=int(rng.integers(n_days)))
        paragraphs = [headlines[int(rng.integers(len(headlines)))]]
        for _ in range(int(rng.integers(3, 8))):  # 3 to 7 runs of consecutive paragraphs
            body = bodies[int(rng.integers(len(bodies)))]
            first = int(rng.integers(len(body)))
            paragraphs.extend(body[first:first + int(rng.integers(1, 6))])
            if chrome and rng.random() < 0.25:
                paragraphs.append(chrome[int(rng.integers(len(chrome)))])
        yield {"article_id": article_id, "file": f"{article_id}.txt", "outlet": outlet,
               "published": published.isoformat(), "headline": "", "url": "",
               "notes": f"synthetic (seed {seed})", "text": "\n\n".join(paragraphs) + "\n"}


def make_synthetic_corpus(n_articles: int, seed: int = 0, out_dir: str | Path | None = None,
                          seeds: pd.DataFrame | None = None) -> pd.DataFrame:
    """A reproducible synthetic corpus; optionally written as a data folder.

    Parameters
    ----------
    n_articles : int
        How many articles.
    seed : int, default 0
        Seed of the random recombination; same seed, same corpus.
    out_dir : str or Path, optional
        If given, write ``out_dir/articles.csv`` and ``out_dir/raw/<article_id>.txt``
        (the layout :func:`corpus_tools.load_corpus` reads). Files are written one at a
        time as they are generated.
    seeds : DataFrame, optional
        The corpus to recombine; defaults to the package's seed articles.

    Returns
    -------
    DataFrame
        ``article_id, file, outlet, published, headline, url, notes, text``, one row per
        article in id order (``headline`` is empty: the loader takes it from the text).

    Examples
    --------
    >>> corpus = make_synthetic_corpus(20, seed=1)
    >>> len(corpus), corpus["article_id"].is_monotonic_increasing, corpus["outlet"].nunique() > 3
    (20, True, True)
    >>> corpus.equals(make_synthetic_corpus(20, seed=1))
    True
    """
    records = []
    with contextlib.ExitStack() as stack:
        writer = None
        if out_dir is not None:
            raw_dir = Path(out_dir) / "raw"
            raw_dir.mkdir(parents=True, exist_ok=True)
            meta = stack.enter_context(
                open(Path(out_dir) / "articles.csv", "w", newline="", encoding="utf-8"))
            writer = csv.writer(meta, lineterminator="\n")
            writer.writerow(SYNTH_COLUMNS[:-1])
        for rec in iter_synthetic_articles(n_articles, seed, seeds):
            if writer is not None:
                (raw_dir / rec["file"]).write_text(rec["text"], encoding="utf-8", newline="")
                writer.writerow([rec[c] for c in SYNTH_COLUMNS[:-1]])
            records.append(rec)
    return pd.DataFrame.from_records(records, columns=SYNTH_COLUMNS)


def make_long_text(texts: Sequence[str], n_bytes: int, one_line: bool = False,
                   seed: int = 0) -> str:
    """One long article made of whole articles repeated in shuffled order (benchmarks and
    complexity tests: the same text as ordinary paragraphs or as one single-line paragraph).

    Parameters
    ----------
    texts : sequence of str
        Raw articles (first paragraph = headline); their body paragraphs are used, each
        with its whitespace collapsed to single spaces, every article's kept in order.
    n_bytes : int
        Repeat until the body holds at least this many bytes of UTF-8 (whole articles,
        so slightly more).
    one_line : bool, default False
        Join the paragraphs with a space instead of a blank line: the whole body becomes
        one paragraph on one line.
    seed : int, default 0
        Seed of the article order (a fresh permutation for each round of repeats).

    Returns
    -------
    str
        ``"Long text\\n\\n"`` + the body + ``"\\n"``. The two shapes of the same
        ``(texts, n_bytes, seed)`` differ only in the separators.

    Examples
    --------
    >>> a = "T\\n\\n“Go,” Mayor Jane Doe said.\\n\\nShe left."
    >>> make_long_text([a], 10, one_line=True)
    'Long text\\n\\n“Go,” Mayor Jane Doe said. She left.\\n'
    >>> make_long_text([a], 10).count("\\n\\n")
    2
    """
    if n_bytes < 0:
        raise ValueError(f"n_bytes must be >= 0, not {n_bytes}")
    bodies = [[" ".join(p.text.split()) for p in split_paragraphs(t) if p.role == "body"]
              for t in texts]
    bodies = [b for b in bodies if b]
    if not bodies:
        raise ValueError("no article with a body paragraph to repeat")
    rng = np.random.default_rng(seed)
    paragraphs: list[str] = []
    size = 0
    while size < n_bytes or not paragraphs:
        for k in rng.permutation(len(bodies)):
            paragraphs.extend(bodies[k])
            size += sum(len(p.encode("utf-8")) + 1 for p in bodies[k])
            if size >= n_bytes:
                break
    return "Long text\n\n" + (" " if one_line else "\n\n").join(paragraphs) + "\n"
