"""Score the rule-based quote extractor on a PolNeAR split (definitions: corpus_tools.polnear).

    .venv/bin/python benchmarks/score_polnear.py ROOT --split train|dev [--errors PATH]
                                                 [--rules-only]

``ROOT`` is a PolNeAR checkout (https://github.com/networkdynamics/PolNeAR). Prints the
overall scores (``--per-article`` adds the per-article table) and, with ``--errors``, writes
every miss, false alarm and wrong speaker (quote, predicted speaker, gold source) to a CSV
*outside* the repository: PolNeAR's text is never committed. ``--split test`` is the
acceptance set and is refused unless ``--acceptance`` is given.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import pandas as pd

from corpus_tools.load import CorpusError
from corpus_tools.polnear import (
    ACCEPTANCE_SPLIT,
    SPLITS,
    load_polnear,
    match_polnear,
    score_polnear,
)
from corpus_tools.quotes import extract_quotes

REPO = Path(__file__).resolve().parents[1]


def _inside_repo(path: Path) -> bool:
    return path.resolve().is_relative_to(REPO)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a PolNeAR checkout")
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--acceptance", action="store_true",
                        help="allow --split test (the acceptance set: report it once)")
    parser.add_argument("--errors", type=Path, help="CSV of errors, outside the repository")
    parser.add_argument("--per-article", action="store_true", help="print every article")
    parser.add_argument("--rules-only", action="store_true",
                        help="the rules alone, without the speaker ranker")
    args = parser.parse_args(argv)
    if args.split == ACCEPTANCE_SPLIT and not args.acceptance:
        print(f"error: --split {ACCEPTANCE_SPLIT} is the acceptance set; never tune on it. "
              "Pass --acceptance to score it (once, at the end).", file=sys.stderr)
        return 2
    if args.split == ACCEPTANCE_SPLIT:
        print(f"WARNING: scoring PolNeAR {ACCEPTANCE_SPLIT}, the acceptance set: report the "
              "result once; do not tune on it.", file=sys.stderr)
    if args.errors is not None and _inside_repo(args.errors):
        print(f"error: --errors {args.errors} is inside the repository; PolNeAR text must "
              "not be committed: write it elsewhere", file=sys.stderr)
        return 2
    try:
        corpus, gold = load_polnear(args.root, args.split,
                                    allow_test=args.split == ACCEPTANCE_SPLIT)
    except (CorpusError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "unknown group" notes: groups are not scored here
        pred = extract_quotes(corpus, rank=not args.rules_only)
    table = score_polnear(pred, gold)
    shown = table if args.per_article else table[table["article_id"] == "all"]
    with pd.option_context("display.max_rows", None, "display.width", 200,
                           "display.float_format", "{:.3f}".format):
        print(f"PolNeAR {args.split}: {len(corpus)} articles, {len(gold)} gold quotes")
        print(shown.set_index("article_id").T.to_string() if not args.per_article
              else shown.to_string(index=False))
    if args.errors is not None:
        errors = match_polnear(pred, gold)
        errors = errors[errors["status"] != "correct"]
        errors.to_csv(args.errors, index=False, encoding="utf-8")
        print(f"{len(errors)} errors written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
