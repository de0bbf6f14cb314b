"""Long paragraphs (issue 12): the same news text as paragraphs and on one line, 1 and 5 MB.

Run by hand or through ``benchmarks/run.py``::

    .venv/bin/python benchmarks/bench_quotes_long.py [--sizes 1,5] [--json PATH]

The text is the three seed articles and the quote fixtures (``tests/fixtures/articles``),
whole articles repeated in a seeded shuffled order until the size is reached
(:func:`corpus_tools.synth.make_long_text`), written (a) as ordinary paragraphs and (b)
joined onto ONE line, a single paragraph. For each, it times what ``corpus-tools quotes``
does to a file, in the same process: quote extraction
(:func:`corpus_tools.quotes.extract_quotes_from_text`) and then stance and tone
(:func:`corpus_tools.stance.score_quotes`). Shapes alternate (paragraphs, one line, next
size) so that a change in machine load hits both. Reported: seconds per MB of UTF-8 and
the ratio one line / paragraphs per size; target: one line at 5 MB within 1.5x the
paragraphs' time per MB. CPU time of the process is printed too: on a shared machine it
varies less than wall-clock time.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

from corpus_tools.actors import ActorRegistry
from corpus_tools.clean import _split_paragraphs
from corpus_tools.load import load_corpus
from corpus_tools.paths import PROJECT_ROOT
from corpus_tools.quotes import extract_quotes_from_text
from corpus_tools.stance import score_quotes
from corpus_tools.synth import make_long_text

MB = 1_000_000
TARGET_RATIO = 1.5
SEED = 12


def source_texts() -> list[str]:
    """The seed articles and the quote fixtures, raw."""
    seeds = list(load_corpus()["text"])
    fixtures = [p.read_text(encoding="utf-8")
                for p in sorted((PROJECT_ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))]
    return seeds + fixtures


def time_shape(text: str, registry: ActorRegistry) -> dict:
    """Seconds to extract the quotes of ``text`` and to score them (the CLI's two steps)."""
    _split_paragraphs.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown-speaker warnings
        c0, t0 = time.process_time(), time.perf_counter()
        quotes = extract_quotes_from_text(text, "long", registry)
        t1 = time.perf_counter()
        score_quotes(quotes)
        t2, c2 = time.perf_counter(), time.process_time()
    return {"n_bytes": len(text.encode("utf-8")), "n_quotes": len(quotes),
            "extract_seconds": t1 - t0, "records_seconds": t2 - t0, "cpu_seconds": c2 - c0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5", help="sizes in MB, comma-separated")
    parser.add_argument("--json", default="", help="also save the results here")
    args = parser.parse_args(argv)
    texts = source_texts()
    registry = ActorRegistry()
    time_shape(make_long_text(texts, 20_000, seed=SEED), registry)  # imports and caches
    results: dict = {}
    print(f"{'size':>5s} {'shape':10s} {'MB':>5s} {'quotes':>7s} {'extract s/MB':>13s} "
          f"{'+stance/tone s/MB':>18s} {'CPU s/MB':>9s}")
    for size in (float(s) for s in args.sizes.split(",") if s):
        row = {}
        for shape in ("paragraphs", "one line"):
            text = make_long_text(texts, int(size * MB), one_line=shape == "one line",
                                  seed=SEED)
            r = time_shape(text, registry)
            mb = r["n_bytes"] / MB
            for step in ("extract", "records", "cpu"):
                r[f"{step}_per_mb"] = r[f"{step}_seconds"] / mb
            row[shape] = r
            print(f"{size:5g} {shape:10s} {mb:5.2f} {r['n_quotes']:7d} "
                  f"{r['extract_per_mb']:13.2f} {r['records_per_mb']:18.2f} "
                  f"{r['cpu_per_mb']:9.2f}", flush=True)
        for step in ("extract", "records", "cpu"):
            row[f"{step}_ratio"] = (row["one line"][f"{step}_per_mb"]
                                    / row["paragraphs"][f"{step}_per_mb"])
        print(f"{size:5g} one line / paragraphs, time per MB: extraction "
              f"{row['extract_ratio']:.2f}, with stance/tone {row['records_ratio']:.2f} "
              f"(CPU time {row['cpu_ratio']:.2f})")
        results[f"{size:g} MB"] = row
    sizes = list(results)
    if len(sizes) >= 2:
        first, last = results[sizes[0]], results[sizes[-1]]
        for shape in ("paragraphs", "one line"):
            growth = last[shape]["records_per_mb"] / first[shape]["records_per_mb"]
            print(f"{shape}: time per MB at {sizes[-1]} / at {sizes[0]} = {growth:.2f}")
    worst = max(row["records_ratio"] for row in results.values())
    print(f"one line vs paragraphs, worst time-per-MB ratio: {worst:.2f} "
          f"(target <= {TARGET_RATIO}): {'met' if worst <= TARGET_RATIO else 'MISSED'}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
