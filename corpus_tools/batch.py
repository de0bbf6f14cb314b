"""Batch analysis: the whole pipeline over a corpus of any size, in chunks, on several cores.

:func:`analyze_article` runs every step on one article, calling the library's own
functions: cleaning (:func:`corpus_tools.clean.extract_paragraphs`), sentences
(:func:`corpus_tools.segment.extract_sentences`), quotes with speaker and group
(:func:`corpus_tools.quotes.extract_quotes`), stance and tone
(``corpus_tools.stance.score_quotes``), units of comparison
(:func:`corpus_tools.units.extract_units`), frame hits
(:func:`corpus_tools.frames.tag_frames`) and term counts
(:func:`corpus_tools.terms.count_terms`). It depends on nothing but its arguments, so
articles can be analysed in any order, on any worker.

:func:`analyze_corpus` streams the articles in chunks (:func:`corpus_tools.stream.iter_articles`),
maps :func:`analyze_article` over each chunk (in this process, on a process pool, or on a
Dask cluster), and appends each table to its output file in article order, so the files
are byte-identical whatever the number of workers or the chunk size. Only one chunk of
texts is in memory at a time. Corpus-level tables are reduced from the per-article
results: term counts are summed (rates are then per 1,000 terms of each group, as in
:func:`~corpus_tools.terms.count_terms`), and frame shares are computed from each unit's
set of frames, kept as counts of (group, frame set) patterns.

Frame-share intervals are percentile bootstrap intervals (Efron & Tibshirani 1993) as in
:func:`corpus_tools.frames.score_frame_shares`, drawn from the pattern counts: resampling
``n`` units with replacement gives each distinct frame set a multinomial count with
probabilities equal to its frequency, so drawing those counts directly is the same
bootstrap distribution, in memory that does not grow with the corpus.
"""

from __future__ import annotations

import math
import os
import sys
import time
import warnings
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from corpus_tools.stream import Record, corpus_frame, open_articles

#: Output tables and their columns with types: "str", "int", "Int64" (nullable), "float".
TABLE_SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "articles": [("article_id", "str"), ("file", "str"), ("outlet", "str"),
                 ("published", "str"), ("year", "Int64"), ("headline", "str"), ("url", "str"),
                 ("notes", "str"), ("n_chars", "int"), ("n_paragraphs", "int"),
                 ("n_removed", "int"), ("n_sentences", "int"), ("n_quotes", "int"),
                 ("n_units", "int"), ("n_frame_hits", "int")],
    "paragraphs": [("article_id", "str"), ("paragraph", "int"), ("start", "int"),
                   ("end", "int"), ("role", "str"), ("reason", "str"), ("text", "str")],
    "sentences": [("article_id", "str"), ("paragraph", "int"), ("sentence", "int"),
                  ("start", "int"), ("end", "int"), ("text", "str"), ("frames", "str")],
    "quotes": [("article_id", "str"), ("quote_id", "str"), ("start", "int"), ("end", "int"),
               ("text", "str"), ("kind", "str"), ("speaker_mention", "str"),
               ("mention_start", "int"), ("mention_end", "int"), ("speaker", "str"),
               ("actor_id", "str"), ("group", "str"), ("group_source", "str"), ("cue", "str"),
               ("outlet", "str"), ("year", "Int64"), ("stance", "str"),
               ("stance_score", "float"), ("tone", "float"), ("frames", "str")],
    "frame_hits": [("unit_id", "str"), ("article_id", "str"), ("frame", "str"),
                   ("term", "str"), ("indicator", "str"), ("start", "int"), ("end", "int")],
    "term_counts": [("term", "str"), ("group", "str"), ("count", "int"), ("rate", "float")],
    "frame_shares": [("group", "str"), ("frame", "str"), ("n_units", "int"),
                     ("n_hits", "int"), ("share", "float"), ("ci_low", "float"),
                     ("ci_high", "float")],
}
#: Tables written article by article (the others are reduced over the whole corpus).
STREAMED_TABLES = ("articles", "paragraphs", "sentences", "quotes", "frame_hits")
FORMATS = ("csv", "parquet")
ENGINES = ("local", "dask")


# --------------------------------------------------------------------------- per article

@lru_cache(maxsize=1)
def _default_registry() -> Any:
    from corpus_tools.actors import as_registry

    return as_registry()


@lru_cache(maxsize=1)
def _default_codebook() -> pd.DataFrame:
    from corpus_tools.frames import load_codebook

    return load_codebook()


def load_resources(actors: Any = None, codebook: Any = None) -> tuple[Any, pd.DataFrame]:
    """The actor registry and frame codebook a run uses, from paths, tables or defaults.

    Parameters
    ----------
    actors : str, Path, DataFrame or ActorRegistry, optional
        Defaults to the project's ``resources/actors.csv``.
    codebook : str, Path or DataFrame, optional
        A codebook CSV or :func:`corpus_tools.frames.load_codebook` table; defaults to
        ``resources/frames.csv``.

    Returns
    -------
    (ActorRegistry, DataFrame)
    """
    from corpus_tools.actors import as_registry
    from corpus_tools.frames import load_codebook

    if actors is None:
        registry = _default_registry()
    else:
        registry = as_registry(actors)
    if codebook is None:
        codebook = _default_codebook()
    elif not isinstance(codebook, pd.DataFrame):
        codebook = load_codebook(codebook)
    return registry, codebook


def _score_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """Stance and tone from ``corpus_tools.stance`` (empty columns until that module ships)."""
    try:
        from corpus_tools.stance import score_quotes
    except ModuleNotFoundError as err:
        if err.name not in {"corpus_tools.stance", "corpus_tools.tone"}:
            raise
        return quotes.assign(stance=pd.NA, stance_score=np.nan, tone=np.nan)
    return score_quotes(quotes)


def _frame_sets(units: pd.DataFrame, hits: pd.DataFrame, frames: list[str]) -> pd.Series:
    """Each unit's frames, ``;``-joined in codebook order (``""`` for none), by unit_id."""
    from corpus_tools.frames import frame_matrix

    matrix = frame_matrix(units, hits, frames)
    names = np.array(frames, dtype=object)
    sets = [";".join(names[row]) for row in matrix.to_numpy()]
    return pd.Series(sets, index=matrix.index, dtype=object)


def _in_record_order(df: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    """Rows grouped by article in the records' order, each article's rows as they were."""
    if len(df) < 2:
        return df.reset_index(drop=True)
    rank = df["article_id"].map(order).to_numpy()
    return df.iloc[np.argsort(rank, kind="stable")].reset_index(drop=True)


def analyze_batch(records: Sequence[Record], actors: Any = None,
                  codebook: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Run the whole pipeline on some articles; each article is analysed on its own.

    Every step works article by article, so the result equals :func:`analyze_article` on
    each record, concatenated in the records' order (``term_counts`` and ``frame_units``
    are then summed over the records); calling the library's table functions once per
    batch instead of once per article saves their fixed per-call cost.

    Parameters
    ----------
    records : sequence of dict
        ``article_id`` and ``text`` (the raw file text) plus optional metadata ``file,
        outlet, published, headline, url, notes`` (see
        :func:`corpus_tools.stream.iter_articles`). Ids must be unique.
    actors : ActorRegistry, DataFrame or path, optional
        The actor registry (default ``resources/actors.csv``).
    codebook : DataFrame or path, optional
        Frame codebook (default ``resources/frames.csv``).

    Returns
    -------
    dict of str to DataFrame
        See :func:`analyze_article`.
    """
    from corpus_tools.clean import extract_paragraphs
    from corpus_tools.frames import tag_frames
    from corpus_tools.quotes import extract_quotes
    from corpus_tools.segment import extract_sentences
    from corpus_tools.terms import count_terms
    from corpus_tools.units import extract_units

    registry, codebook = load_resources(actors, codebook)
    frames = list(codebook["frame_id"])
    corpus = corpus_frame(records)
    order = {aid: k for k, aid in enumerate(corpus["article_id"])}
    paragraphs = extract_paragraphs(corpus, include_chrome=True)
    sentences = extract_sentences(corpus, paragraphs)
    with warnings.catch_warnings():  # unknown groups stay in the table as "unknown"
        warnings.simplefilter("ignore")
        quotes = extract_quotes(corpus, actors=registry)
    quotes = _in_record_order(_score_quotes(quotes), order)
    units = _in_record_order(extract_units(corpus, quotes, sentences=sentences), order)
    hits = tag_frames(units, codebook)
    sets = _frame_sets(units, hits, frames).to_numpy()
    unit_sets = pd.Series(sets, index=units["unit_id"].to_numpy())
    quotes["frames"] = quotes["quote_id"].map(unit_sets).fillna("")
    narration = units["kind"].to_numpy() == "narration"
    by_sentence = pd.Series(sets[narration], index=pd.MultiIndex.from_arrays(
        [units["article_id"].to_numpy()[narration], units["start"].to_numpy()[narration]]))
    sentences["frames"] = pd.Series(
        list(zip(sentences["article_id"], sentences["start"], strict=True)),
        dtype=object).map(by_sentence).fillna("").to_numpy()
    terms = count_terms(units, by="group")[["term", "group", "count"]]
    frame_units = (pd.DataFrame({"group": units["group"].to_numpy(), "frames": sets})
                   .value_counts(sort=False).rename("n").reset_index())
    articles = _article_rows(corpus, paragraphs, sentences, quotes, units, hits)
    return {"articles": articles, "paragraphs": paragraphs, "sentences": sentences,
            "quotes": quotes, "frame_hits": hits, "term_counts": terms,
            "frame_units": frame_units}


def _article_rows(corpus: pd.DataFrame, paragraphs: pd.DataFrame, sentences: pd.DataFrame,
                  quotes: pd.DataFrame, units: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """One row per article: metadata and the size of each table."""
    ids = corpus["article_id"]

    def count(df: pd.DataFrame, mask: Any = None) -> np.ndarray:
        sub = df if mask is None else df[mask]
        return sub["article_id"].value_counts().reindex(ids, fill_value=0).to_numpy()

    published = corpus["published"]
    return pd.DataFrame({
        "article_id": ids, "file": corpus["file"], "outlet": corpus["outlet"],
        "published": published.dt.strftime("%Y-%m-%d").where(published.notna(), ""),
        "year": corpus["year"], "headline": corpus["headline"], "url": corpus["url"],
        "notes": corpus["notes"], "n_chars": corpus["n_chars"],
        "n_paragraphs": count(paragraphs, paragraphs["role"] == "body"),
        "n_removed": count(paragraphs, paragraphs["role"] == "chrome"),
        "n_sentences": count(sentences), "n_quotes": count(quotes, quotes["kind"] != "term"),
        "n_units": count(units), "n_frame_hits": count(hits),
    }).reset_index(drop=True)


def analyze_article(record: Record, actors: Any = None,
                    codebook: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Run the whole pipeline on one article: a pure function of its arguments.

    Parameters
    ----------
    record : dict
        ``article_id`` and ``text`` (the raw file text) plus optional metadata ``file,
        outlet, published, headline, url, notes`` (see
        :func:`corpus_tools.stream.iter_articles`).
    actors : ActorRegistry, DataFrame or path, optional
        The actor registry (default ``resources/actors.csv``). Pass a built
        :class:`~corpus_tools.actors.ActorRegistry` when calling many times.
    codebook : DataFrame or path, optional
        From :func:`corpus_tools.frames.load_codebook` (default ``resources/frames.csv``).

    Returns
    -------
    dict of str to DataFrame
        ``articles`` (one row of metadata and counts), ``paragraphs`` (every paragraph
        with its ``role`` and the ``reason`` chrome was set aside), ``sentences`` (with
        the ``frames`` of their narration), ``quotes`` (speaker, group, stance,
        stance_score, tone, and ``frames`` as ``;``-joined ids), ``frame_hits`` (the
        evidence), ``term_counts`` (``term, group, count``) and ``frame_units`` (``group,
        frames, n``: how many units of each group evoke each set of frames). Offsets
        index the raw text.

    Examples
    --------
    >>> rec = {"article_id": "a1", "outlet": "Example", "published": "2024-05-01",
    ...        "text": "Title\\n\\n“We will not help deport anyone,” Mayor Jane Doe said."}
    >>> out = analyze_article(rec)
    >>> out["quotes"][["speaker", "group", "frames"]].values.tolist()
    [['Jane Doe', 'local_officials', 'enforcement_ops']]
    >>> out["articles"][["n_sentences", "n_quotes"]].values.tolist()
    [[1, 1]]
    """
    return analyze_batch([record], actors, codebook)


def _concat(results: Sequence[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    if not results:
        return {}
    return {name: pd.concat([r[name] for r in results], ignore_index=True)
            for name in results[0]}


# --------------------------------------------------------------------------- reductions

def reduce_term_counts(totals: pd.Series) -> pd.DataFrame:
    """Corpus term counts from summed per-article counts, as :func:`count_terms` reports them.

    Parameters
    ----------
    totals : Series
        Counts indexed by ``(group, term)``.

    Returns
    -------
    DataFrame
        ``term, group, count, rate``; ``rate`` per 1,000 counted terms of the group.
        Sorted by group, descending count, term.
    """
    if totals.empty:
        return pd.DataFrame({"term": [], "group": [], "count": [], "rate": []})
    table = totals.rename("count").reset_index()
    table.columns = ["group", "term", "count"]
    table["count"] = table["count"].astype(np.int64)
    group_total = table.groupby("group")["count"].transform("sum").to_numpy()
    table["rate"] = table["count"].to_numpy(dtype=float) / group_total * 1000.0
    table = table.sort_values(["group", "count", "term"], ascending=[True, False, True],
                              kind="stable")
    return table[["term", "group", "count", "rate"]].reset_index(drop=True)


def reduce_frame_shares(patterns: dict[tuple[str, str], int], frames: Sequence[str],
                        n_boot: int = 2000, seed: int = 2025,
                        level: float = 0.95) -> pd.DataFrame:
    """Frame shares per group with bootstrap intervals, from (group, frame set) counts.

    Same columns, group order, frame order and seeding scheme as
    :func:`corpus_tools.frames.score_frame_shares`; ``share``, ``n_units`` and ``n_hits``
    are equal to it, the intervals are the same bootstrap drawn per distinct frame set
    (see the module docstring), so they agree up to Monte Carlo error.

    Parameters
    ----------
    patterns : dict
        ``(group, frames) -> number of units``; ``frames`` is ``;``-joined ids.
    frames : sequence of str
        The frames to report, in order.

    Examples
    --------
    >>> s = reduce_frame_shares({("x", "crime_threat"): 1, ("x", ""): 1,
    ...                          ("y", "crime_threat"): 2}, ["crime_threat"], n_boot=200)
    >>> s[["group", "n_units", "n_hits", "share"]].values.tolist()
    [['x', 2, 1, 0.5], ['y', 2, 2, 1.0]]
    """
    from corpus_tools.frames import SHARE_COLUMNS, ordered_groups

    frames = list(frames)
    index = {f: k for k, f in enumerate(frames)}
    alpha = (1.0 - level) / 2.0
    rows = []
    for group in ordered_groups([g for g, _ in patterns]):
        keys = sorted(fs for g, fs in patterns if g == group)
        counts = np.array([patterns[(group, fs)] for fs in keys], dtype=np.int64)
        matrix = np.zeros((len(keys), len(frames)))
        for i, fs in enumerate(keys):
            for f in filter(None, fs.split(";")):
                if f in index:
                    matrix[i, index[f]] = 1.0
        n = int(counts.sum())
        yes = counts @ matrix
        rng = np.random.default_rng([seed, zlib.crc32(group.encode("utf-8"))])
        draws = rng.multinomial(n, counts / n, size=n_boot)
        low, high = np.quantile(draws @ matrix / n, [alpha, 1.0 - alpha], axis=0)
        for k, frame in enumerate(frames):
            rows.append((group, frame, n, int(yes[k]), float(yes[k] / n), float(low[k]),
                         float(high[k])))
    return pd.DataFrame(rows, columns=SHARE_COLUMNS)


# --------------------------------------------------------------------------- writing

def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """``df`` with exactly the columns and types of :data:`TABLE_SCHEMAS` ``[table]``."""
    out = {}
    for col, kind in TABLE_SCHEMAS[table]:
        values = df[col] if col in df.columns else pd.Series(pd.NA, index=df.index)
        if kind == "str":
            out[col] = values.astype(object).where(values.notna(), "").astype(str)
        elif kind == "int":
            out[col] = values.astype(np.int64)
        elif kind == "Int64":
            out[col] = pd.to_numeric(values, errors="coerce").astype("Int64")
        else:
            out[col] = pd.to_numeric(values, errors="coerce").astype(np.float64)
    return pd.DataFrame(out, index=df.index).reset_index(drop=True)


class _TableWriter:
    """Append chunks of one table to a CSV or Parquet file written under a temporary name."""

    def __init__(self, path: Path, table: str, fmt: str):
        self.path, self.table, self.fmt = path, table, fmt
        self.tmp = path.with_name(f".{path.name}.part")
        self.rows = 0
        if fmt == "csv":
            self._fh = open(self.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
            conform(pd.DataFrame(), table).to_csv(self._fh, index=False, lineterminator="\n")
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            types = {"str": pa.string(), "int": pa.int64(), "Int64": pa.int64(),
                     "float": pa.float64()}
            self.schema = pa.schema([(c, types[k]) for c, k in TABLE_SCHEMAS[table]])
            self._pa = pa
            self._fh = pq.ParquetWriter(self.tmp, self.schema)

    def write(self, df: pd.DataFrame) -> None:
        df = conform(df, self.table)
        self.rows += len(df)
        if self.fmt == "csv":
            df.to_csv(self._fh, header=False, index=False, lineterminator="\n")
        elif len(df):
            table = self._pa.Table.from_pandas(df, schema=self.schema, preserve_index=False)
            self._fh.write_table(table.replace_schema_metadata(None))

    def close(self, commit: bool) -> None:
        self._fh.close()
        if commit:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


# --------------------------------------------------------------------------- runners

def _batches(records: Sequence[Record], n: int) -> list[list[Record]]:
    size = max(1, math.ceil(len(records) / max(n, 1)))
    return [list(records[i:i + size]) for i in range(0, len(records), size)]


class _Runner:
    """Maps :func:`analyze_batch` over a chunk of records; results in the records' order."""

    def __init__(self, engine: str, jobs: int, scheduler: Any, actors: Any,
                 codebook: pd.DataFrame):
        self.engine, self.jobs, self.actors, self.codebook = engine, jobs, actors, codebook
        self.pool: Any = None
        self.client: Any = None
        self._own_cluster: Any = None
        if engine == "dask":
            self._start_dask(scheduler)
        elif jobs > 1:
            from joblib import Parallel

            # loky worker processes, reused across chunks; they never re-run __main__.
            self.pool = Parallel(n_jobs=jobs, backend="loky")
            self.pool.__enter__()

    def _start_dask(self, scheduler: Any) -> None:
        try:
            import dask.bag  # noqa: F401
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise ImportError("engine='dask' needs the scale extra: "
                              "pip install 'corpus_tools[scale]'") from err
        if isinstance(scheduler, Client):
            self.client = scheduler
            return
        if scheduler:
            self.client = Client(scheduler)
        else:
            self._own_cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1,
                                             processes=True, host="127.0.0.1",
                                             dashboard_address=None)
            self.client = Client(self._own_cluster)
        self._own_client = True

    def n_workers(self) -> int:
        if self.client is not None:
            return max(1, len(self.client.scheduler_info().get("workers", {})))
        return self.jobs

    def map(self, records: Sequence[Record]) -> list[dict[str, pd.DataFrame]]:
        if self.engine == "dask":
            import dask.bag as db

            batches = _batches(records, 4 * self.n_workers())
            bag = db.from_sequence(batches, npartitions=len(batches))
            futures = self.client.compute(bag.map(analyze_batch, actors=self.actors,
                                                  codebook=self.codebook))
            return list(futures.result())
        if self.pool is not None:
            from joblib import delayed

            return self.pool(delayed(analyze_batch)(batch, self.actors, self.codebook)
                             for batch in _batches(records, 4 * self.jobs))
        return [analyze_batch(records, self.actors, self.codebook)]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.__exit__(None, None, None)
        if getattr(self, "_own_client", False):
            self.client.close()
        if self._own_cluster is not None:
            self._own_cluster.close()


# --------------------------------------------------------------------------- driver

@dataclass
class BatchSummary:
    """What :func:`analyze_corpus` wrote."""

    paths: dict[str, Path]
    rows: dict[str, int]
    n_articles: int = 0
    n_chars: int = 0
    n_bytes: int = 0
    seconds: float = 0.0
    n_unknown_group: int = 0
    notes: list[str] = field(default_factory=list)


def analyze_corpus(source: str | Path | Iterable[Sequence[Record]] | None, out_dir: str | Path,
                   fmt: str = "csv", jobs: int = 1, chunk_size: int = 500,
                   engine: str = "local", scheduler: Any = None, progress: bool = True,
                   actors: Any = None, codebook: Any = None, n_boot: int = 2000,
                   seed: int = 2025,
                   on_chunk: Callable[[int], None] | None = None) -> BatchSummary:
    """Analyse a corpus of any size and write its tidy tables.

    Parameters
    ----------
    source : str or Path
        A data folder, a folder of ``.txt`` files, or a ``.csv``/``.jsonl`` file (see
        :func:`corpus_tools.stream.iter_articles`). ``None`` means the project's data.
    out_dir : str or Path
        Folder for the tables (created): ``articles``, ``paragraphs``, ``sentences``,
        ``quotes``, ``frame_hits``, ``term_counts`` and ``frame_shares``, each
        ``<name>.csv`` or ``<name>.parquet``. Files appear only when the run succeeds.
    fmt : {"csv", "parquet"}, default "csv"
        Parquet needs ``pyarrow`` (the ``scale`` extra).
    jobs : int, default 1
        Worker processes (``-1``: all cores). With ``engine="dask"`` and no scheduler,
        the number of workers of the local cluster.
    chunk_size : int, default 500
        Articles read and analysed at a time: memory grows with this, not with the corpus.
    engine : {"local", "dask"}, default "local"
        ``dask`` maps over each chunk with ``dask.bag`` on a ``distributed`` cluster.
    scheduler : str or distributed.Client, optional
        Address of a running Dask scheduler (implies ``engine="dask"``), or a client.
    progress : bool, default True
        Show a tqdm progress bar on stderr.
    actors, codebook : optional
        Actor registry and frame codebook (paths or tables); default the project's.
    n_boot, seed : int
        Bootstrap replicates and seed of the frame-share intervals.
    on_chunk : callable, optional
        Called with the number of articles after each chunk is written (for monitoring).

    Returns
    -------
    BatchSummary
        Paths, row counts, number of articles and characters, and wall time.

    Raises
    ------
    CorpusError
        With every problem of the input at once (the messages of
        :func:`corpus_tools.load_corpus`), before anything is analysed or written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as out:
    ...     summary = analyze_corpus(None, out, progress=False)
    >>> summary.n_articles, summary.rows["quotes"] > 20
    (3, True)
    """
    from tqdm import tqdm

    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    if scheduler is not None:
        engine = "dask"
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    jobs = (os.cpu_count() or 1) if jobs == -1 else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1 or -1, not {jobs}")
    t0 = time.perf_counter()
    registry, codebook = load_resources(actors, codebook)
    frames = list(codebook["frame_id"])
    chunks: Iterable[Sequence[Record]]
    if isinstance(source, str | Path) or source is None:
        # every input problem is raised here, at once, before anything is written
        total, chunks = open_articles(source, chunk_size)
    else:
        total, chunks = None, source
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {t: out / f"{t}.{fmt}" for t in TABLE_SCHEMAS}
    writers = {t: _TableWriter(paths[t], t, fmt) for t in STREAMED_TABLES}
    summary = BatchSummary(paths=paths, rows={})
    term_totals: pd.Series | None = None
    patterns: Counter[tuple[str, str]] = Counter()
    runner = None
    ok = False
    bar = tqdm(total=total, unit="article", desc="analyze", file=sys.stderr,
               disable=not progress, dynamic_ncols=True)
    try:
        runner = _Runner(engine, jobs, scheduler, registry, codebook)
        for records in chunks:
            tables = _concat(runner.map(records))
            if not tables:
                continue
            for name in STREAMED_TABLES:
                writers[name].write(tables[name])
            counts = tables["term_counts"].groupby(["group", "term"], sort=False)["count"].sum()
            term_totals = counts if term_totals is None else \
                term_totals.add(counts, fill_value=0).astype(np.int64)
            for g, fs, n in tables["frame_units"].itertuples(index=False):
                patterns[(g, fs)] += int(n)
            quotes = tables["quotes"]
            summary.n_unknown_group += int(((quotes["group"] == "unknown")
                                            & (quotes["kind"] != "term")).sum())
            summary.n_articles += len(records)
            summary.n_chars += int(tables["articles"]["n_chars"].sum())
            summary.n_bytes += sum(len(r["text"].encode("utf-8")) for r in records)
            bar.update(len(records))
            if on_chunk is not None:
                on_chunk(len(records))
        if term_totals is None:
            term_totals = pd.Series(dtype=np.int64)
        reduced = {"term_counts": reduce_term_counts(term_totals),
                   "frame_shares": reduce_frame_shares(patterns, frames, n_boot=n_boot,
                                                       seed=seed)}
        for name, df in reduced.items():
            writer = _TableWriter(paths[name], name, fmt)
            writer.write(df)
            writers[name] = writer
        ok = True
    finally:
        bar.close()
        if runner is not None:
            runner.close()
        for name, writer in writers.items():
            writer.close(commit=ok)
            summary.rows[name] = writer.rows
    summary.seconds = time.perf_counter() - t0
    return summary
