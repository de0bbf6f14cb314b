"""Command line: ``corpus-tools`` (also ``python -m corpus_tools``)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from corpus_tools.runner import DEFAULT_KERNEL, PARAMETER_NAMES, NotebookError, run_notebooks


def _cmd_run_notebooks(args: argparse.Namespace) -> int:
    params = {name: getattr(args, name) for name in PARAMETER_NAMES}
    try:
        run_notebooks(args.notebooks or None, kernel=args.kernel, output_dir=args.output_dir,
                      parameters=params)
    except NotebookError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


def _cmd_quotes(args: argparse.Namespace) -> int:
    from corpus_tools.cli_quotes import quotes_command

    return quotes_command(args.paths, actors_csv=args.actors, fmt=args.format) or 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and documentation)."""
    parser = argparse.ArgumentParser(prog="corpus-tools", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    q = sub.add_parser("quotes", help="extract who-said-what from news articles")
    q.add_argument("paths", nargs="+", metavar="PATH", help="a .txt file or a folder of them")
    q.add_argument("--actors", metavar="CSV", help="actor registry (default: data/actors.csv)")
    q.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    q.set_defaults(func=_cmd_quotes)

    from corpus_tools.cli_analyze import add_analyze_parser

    add_analyze_parser(sub)

    r = sub.add_parser("run-notebooks", help="execute the numbered notebooks headlessly")
    r.add_argument("notebooks", nargs="*", help="notebooks to run (default: all, in order)")
    r.add_argument("--kernel", "-k", default=DEFAULT_KERNEL)
    r.add_argument("--output-dir", help="folder for executed copies (default: build/executed)")
    for name in PARAMETER_NAMES:
        r.add_argument(f"--{name.replace('_', '-')}", dest=name, default=None,
                       help=f"notebook parameter {name}")
    r.set_defaults(func=_cmd_run_notebooks)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``corpus-tools`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # ``corpus-tools quotes ... | head``: the reader left early. No traceback; point
        # stdout at devnull so the interpreter's final flush does not raise again (the
        # recipe in Python's ``signal`` documentation, which also exits with 1).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
