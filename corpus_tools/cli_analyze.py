"""``corpus-tools analyze DATA_DIR --out DIR``: every tidy table for a corpus of any size.

Register in :mod:`corpus_tools.cli` with ``add_analyze_parser(sub)``; the parser's
default ``func`` is :func:`analyze_command`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from corpus_tools.load import CorpusError


def add_analyze_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``analyze`` sub-command to a ``corpus-tools`` sub-parser group.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="corpus-tools")
    >>> _ = add_analyze_parser(parser.add_subparsers(dest="command"))
    >>> args = parser.parse_args(["analyze", "data", "--out", "tables", "--jobs", "2"])
    >>> args.data_dir, args.out, args.jobs, args.format, args.engine
    ('data', 'tables', 2, 'csv', 'local')
    """
    p = subparsers.add_parser(
        "analyze", help="write the tidy tables of a corpus (any size) as CSV or Parquet",
        description="Run the whole pipeline (cleaning, sentences, quotes with speaker and "
                    "group, stance and tone, frames, term counts) over a corpus, in chunks, "
                    "and write articles, paragraphs, sentences, quotes, frame_hits, "
                    "term_counts and frame_shares tables. Results do not depend on --jobs, "
                    "--chunk-size or --engine.")
    p.add_argument("data_dir", metavar="DATA_DIR",
                   help="a data folder (articles.csv + raw/*.txt), a folder of .txt files, "
                        "or a .csv/.jsonl file with article_id and text columns")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the tables")
    p.add_argument("--format", choices=("csv", "parquet"), default="csv",
                   help="table format (parquet needs the 'scale' extra)")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="worker processes, or Dask workers with --engine dask (-1: all cores)")
    p.add_argument("--chunk-size", type=int, default=500, metavar="N",
                   help="articles held in memory at a time (default 500)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (joblib) or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="address of a running Dask scheduler (implies --engine dask)")
    p.add_argument("--actors", metavar="CSV",
                   help="actor registry (default: the package's actors.csv)")
    p.add_argument("--frames", metavar="CSV",
                   help="frame codebook (default: the package's frames.csv)")
    p.add_argument("--no-progress", dest="progress", action="store_false",
                   help="no progress bar on stderr")
    p.set_defaults(func=analyze_command)
    return p


def _path(value: str | None) -> Path | None:
    """A command-line path, relative to the current directory (not the project)."""
    return None if value is None else Path(value).expanduser().resolve()


#: Below this many seconds a rate mostly measures start-up (loading the registry, codebook
#: and tokenizer), not throughput, so none is reported.
MIN_SECONDS_FOR_RATE = 1.0


def _throughput(summary: Any) -> str:
    """`` (N articles/s, X MB/s)`` when the run was long enough for a rate to mean
    something (articles were read and it took at least ``MIN_SECONDS_FOR_RATE``)."""
    if summary.n_articles == 0 or summary.seconds < MIN_SECONDS_FOR_RATE:
        return ""
    return (f" ({summary.n_articles / summary.seconds:.1f} articles/s, "
            f"{summary.n_bytes / 1e6 / summary.seconds:.2f} MB/s)")


def analyze_command(args: argparse.Namespace) -> int:
    """Run :func:`corpus_tools.batch.analyze_corpus` from parsed arguments; return the exit
    code (0 success, 2 bad input). A one-line summary goes to stderr."""
    from corpus_tools.batch import analyze_corpus

    out = _path(args.out)
    created = not out.exists()  # a folder this run creates goes again if the run fails
    ok = False
    try:
        summary = analyze_corpus(
            _path(args.data_dir), out, fmt=args.format, jobs=args.jobs,
            chunk_size=args.chunk_size, engine=args.engine, scheduler=args.scheduler,
            progress=args.progress, actors=_path(getattr(args, "actors", None)),
            codebook=_path(getattr(args, "frames", None)))
        ok = True
    except (CorpusError, ValueError, ImportError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    finally:
        if not ok and created and out.is_dir():
            shutil.rmtree(out, ignore_errors=True)
    print(f"analyzed {summary.n_articles} articles ({summary.n_bytes / 1e6:.1f} MB) in "
          f"{summary.seconds:.1f} s{_throughput(summary)}; tables in {out}: "
          + ", ".join(f"{k} ({v} rows)" for k, v in summary.rows.items()), file=sys.stderr)
    if summary.n_unknown_group:
        print(f"note: {summary.n_unknown_group} quote(s) with a speaker of unknown group "
              "(kept as group 'unknown'; add them to the actor registry)", file=sys.stderr)
    return 0
