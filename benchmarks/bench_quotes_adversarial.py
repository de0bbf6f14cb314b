"""Quote extraction on 1 MB of adversarial input (issue 3: each must finish in < 2 s).

Run by hand or through ``benchmarks/run.py``::

    .venv/bin/python benchmarks/bench_quotes_adversarial.py [--repeat 5]

Times :func:`corpus_tools.quotes.extract_quotes_from_text` (the extractor alone, with the
default actor registry) on each input, best of ``--repeat`` runs (the per-text paragraph
cache cleared before each, so every run does all the work), and the three seed
articles in the same process as a reference (their time per MB, and the ratio).
"""

from __future__ import annotations

import argparse
import time
import warnings

from corpus_tools.actors import load_actors
from corpus_tools.clean import _paragraph_spans, _split_paragraphs
from corpus_tools.load import load_corpus
from corpus_tools.quotes import extract_quotes_from_text

MB = 1_000_000
TARGET_SECONDS = 2.0
_UNIT = "“a,” he said “b ” ‘c’ \"d\" — e: “f\n\n"


def adversarial_texts() -> dict[str, str]:
    """1 MB (10**6 bytes of UTF-8, rounded up to a whole repeat) each: the shapes that make
    quote extractors backtrack, loop or pile up."""
    return {
        "marks, cues and breaks": "H\n\n" + _repeat(_UNIT),
        "the same in one paragraph": "H\n\n" + _repeat(_UNIT.replace("\n\n", " ")),
        "one unclosed quote, no breaks": "H\n\n“" + _repeat("word said he, "),
        "opening quotes only": "H\n\n" + _repeat("“ ‘ \" "),
        "said cues, no quotes": "H\n\n" + _repeat("Mayor Wu said the city said. " * 40 + "\n\n"),
        "transcript labels": "H\n\nSam Whitaker spoke with Claudia Benitez.\n\n" + _repeat(
            "WHITAKER: Why?\n\nBENITEZ: Because ‘they said so.’\n\nUPDATE: none.\n\n"),
    }


def _repeat(unit: str, n_bytes: int = MB) -> str:
    """``unit`` repeated until the text holds at least ``n_bytes`` of UTF-8.

    (Until 2026-11-25 the inputs were 10**6 *characters*: 1.0-1.67 MB, since curly quotes
    and dashes take 3 bytes each.)"""
    return unit * -(-n_bytes // len(unit.encode("utf-8")))


def _best(text: str, actors: object, repeat: int) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(repeat):
        _split_paragraphs.cache_clear()  # each run splits the paragraphs itself, as a cold one
        _paragraph_spans.cache_clear()
        t0 = time.perf_counter()
        n = len(extract_quotes_from_text(text, "adv", actors))
        best = min(best, time.perf_counter() - t0)
    return best, n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per input (best is kept)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # unknown-speaker warnings, by design, on nonsense input
    actors = load_actors()
    seeds = "\n\n".join(load_corpus()["text"])
    seed_seconds, _ = _best(seeds, actors, args.repeat)
    seed_per_mb = seed_seconds / (len(seeds.encode("utf-8")) / MB)
    print(f"reference: the 3 seed articles, {seed_per_mb:.2f} s per MB")
    print(f"{'input':32s} {'MB':>5s} {'seconds':>8s} {'quotes':>8s} {'x seed/MB':>10s}  < 2 s")
    worst = 0.0
    for name, text in adversarial_texts().items():
        seconds, n = _best(text, actors, args.repeat)
        mb = len(text.encode("utf-8")) / MB
        worst = max(worst, seconds)
        print(f"{name:32s} {mb:5.2f} {seconds:8.2f} {n:8d} {seconds / mb / seed_per_mb:10.2f}  "
              f"{'yes' if seconds < TARGET_SECONDS else 'NO'}")
    print(f"slowest: {worst:.2f} s (target < {TARGET_SECONDS:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
