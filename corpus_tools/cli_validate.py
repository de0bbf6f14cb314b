"""``corpus-tools sample`` and ``corpus-tools validate``: check the measures on your own corpus.

``sample DATA --out SHEET.csv`` writes a stratified, blind coding sheet of quotes (and its key
beside it); a coder fills in ``code_stance`` (favor / against / none), ``code_frames``
(frame ids separated by ``;``, ``none`` for no frame; left blank, frames are not scored) and
``code_group`` (left blank, groups are not scored). ``validate SHEET.csv`` prints each automated
measure's agreement with that coding (accuracy, Cohen's kappa, F1, confusion) and, with
``--refit``, cross-validated scores of the stance model refitted on the coder's labels.
See :mod:`corpus_tools.validation`.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path


def add_validate_parsers(sub: argparse._SubParsersAction) -> None:
    """Register ``sample`` and ``validate`` on the ``corpus-tools`` sub-parsers."""
    s = sub.add_parser(
        "sample", help="write a blind, stratified coding sheet of quotes",
        description="Draw quotes stratified by speaker group and outlet and write a coding "
                    "sheet (quote, context, blank code columns) plus its key "
                    "(SHEET.key.csv: the package's speaker and group), for validating the "
                    "measures on your corpus.")
    s.add_argument("data_dir", metavar="DATA",
                   help="the corpus: a data folder, a folder of .txt files, or a .csv/.jsonl")
    s.add_argument("--out", required=True, metavar="SHEET.csv", help="the sheet to write")
    s.add_argument("-n", type=int, default=60, help="quotes to draw (default: 60)")
    s.add_argument("--seed", type=int, default=0, help="seed of the draw (default: 0)")
    s.add_argument("--actors", metavar="CSV",
                   help="actor registry (default: the package's actors.csv)")
    s.set_defaults(func=_cmd_sample)

    v = sub.add_parser(
        "validate", help="agreement of the measures with a coded sheet",
        description="Score every automated measure (stance by lexicon and model, group, "
                    "frames) against a coding sheet filled in by hand.")
    v.add_argument("sheet", metavar="SHEET.csv", help="a sheet written by 'sample', coded")
    v.add_argument("--refit", action="store_true",
                   help="also refit the stance model on the coded labels (grouped CV)")
    v.add_argument("--out", metavar="DIR", help="write validation.csv and confusion.csv here")
    v.set_defaults(func=_cmd_validate)


def _cmd_sample(args: argparse.Namespace) -> int:
    from corpus_tools.actors import ActorRegistry, RegistryError
    from corpus_tools.load import CorpusError, load_corpus
    from corpus_tools.quotes import extract_quotes
    from corpus_tools.validation import sample_coding_sheet, write_coding_sheet

    try:
        corpus = load_corpus(args.data_dir)
        actors = ActorRegistry(args.actors) if args.actors else None
    except (CorpusError, RegistryError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    with warnings.catch_warnings(record=True) as caught:  # unknown groups: one line each
        warnings.simplefilter("always")
        quotes = extract_quotes(corpus, actors=actors)
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    sheet, key = sample_coding_sheet(corpus, quotes, n=args.n, seed=args.seed)
    if sheet.empty:
        print("error: the corpus has no quotes to sample", file=sys.stderr)
        return 2
    path = write_coding_sheet(sheet, key, args.out)
    print(f"wrote {len(sheet)} quotes to {path} (key: {path.with_suffix('.key.csv')})",
          file=sys.stderr)
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from corpus_tools.validation import SheetError, refit_stance_on_sheet, score_coding_sheet

    try:
        summary, confusion = score_coding_sheet(args.sheet)
        refit = refit_stance_on_sheet(args.sheet) if args.refit else None
    except (SheetError, FileNotFoundError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(summary.to_string(index=False))
    print()
    print(confusion.to_string(index=False))
    if refit is not None:
        print()
        print(refit.to_string(index=False))
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        summary.to_csv(out / "validation.csv", index=False)
        confusion.to_csv(out / "confusion.csv", index=False)
    return 0
