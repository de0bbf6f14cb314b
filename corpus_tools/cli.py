"""Command line: ``corpus-tools`` (also ``python -m corpus_tools``)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from corpus_tools.runner import (
    DEFAULT_KERNEL,
    PARAMETER_NAMES,
    NotebookError,
    RunInputError,
    run_notebooks,
)

DESCRIPTION = ("Who says what about immigration enforcement: quotes, speakers, words, frames "
               "and stance in news articles. Relative paths are relative to the current "
               "directory.")

#: Help for the notebook parameters of ``run-notebooks``.
PARAMETER_HELP = {
    "data_dir": "the corpus: a data folder (articles.csv + raw/*.txt), a folder of .txt "
                "files, or a .csv/.jsonl file (default: the project's seed corpus)",
    "figures_dir": "folder for figures (default: figures/ for the seed corpus, else "
                   "'figures' beside the corpus)",
    "processed_dir": "folder for tables (default: data/processed for the seed corpus, else "
                     "'processed' beside the corpus)",
    "actors_csv": "actor registry CSV (default: the package's actors.csv)",
    "frames_csv": "frame codebook CSV (default: the package's frames.csv)",
    "naming_csv": "naming list CSV (default: the package's naming.csv)",
    "stance_lexicon_csv": "stance lexicon CSV (default: the topic's, else the package's "
                          "stance_lexicon.csv)",
    "topic_json": "topic file: stance target, figure titles, resources (default: the "
                  "package's topic.json)",
    "coding_sheet": "a coding sheet from 'corpus-tools sample', coded by hand: notebook 05 "
                    "reports each measure's agreement with it",
}


def package_version() -> str:
    """The installed distribution's version (the package's own when not installed).

    Examples
    --------
    >>> package_version().count(".") >= 1
    True
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("corpus_tools")
    except PackageNotFoundError:  # imported from a source tree that was never installed
        from corpus_tools import __version__

        return __version__


def _cmd_run_notebooks(args: argparse.Namespace) -> int:
    params = {name: getattr(args, name) for name in PARAMETER_NAMES}
    try:
        run_notebooks(args.notebooks or None, kernel=args.kernel, output_dir=args.output_dir,
                      parameters=params)
    except RunInputError as err:  # bad input, found before any notebook ran
        print(f"error: {err}", file=sys.stderr)
        return 2
    except NotebookError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


def _cmd_quotes(args: argparse.Namespace) -> int:
    from corpus_tools.cli_quotes import quotes_command

    return quotes_command(args.paths, actors_csv=args.actors, fmt=args.format) or 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and documentation)."""
    parser = argparse.ArgumentParser(prog="corpus-tools", description=DESCRIPTION)
    parser.add_argument("--version", action="version",
                        version=f"%(prog)s {package_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    q = sub.add_parser(
        "quotes", help="extract who-said-what from news articles",
        description="Print one record per quotation in English news articles (.txt, UTF-8): "
                    "article, character offsets, text, kind, speaker, group, cue, stance and "
                    "tone. Speakers of unknown group are reported on stderr, never dropped.")
    q.add_argument("paths", nargs="+", metavar="PATH", help="a .txt file or a folder of them")
    q.add_argument("--actors", metavar="CSV",
                   help="actor registry (default: the package's actors.csv)")
    q.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                   help="JSON lines (one object per quote; offsets are integers, missing "
                        "values null) or CSV with a header row (default: jsonl)")
    q.set_defaults(func=_cmd_quotes)

    from corpus_tools.cli_analyze import add_analyze_parser

    add_analyze_parser(sub)

    from corpus_tools.cli_validate import add_validate_parsers

    add_validate_parsers(sub)

    r = sub.add_parser(
        "run-notebooks", help="execute the numbered notebooks headlessly",
        description="Execute the numbered notebooks in order on a corpus and write their "
                    "figures and tables. They replace the previous ones only when every "
                    "notebook succeeded; a failure names the notebook and cell.")
    r.add_argument("notebooks", nargs="*", metavar="NOTEBOOK",
                   help="notebooks to run (default: all numbered notebooks, in order)")
    r.add_argument("--kernel", "-k", default=DEFAULT_KERNEL,
                   help=f"Jupyter kernel (default: {DEFAULT_KERNEL}, else python3)")
    r.add_argument("--output-dir", metavar="DIR",
                   help="folder for executed copies (default: build/executed for the seed "
                        "corpus, else 'executed' beside the corpus)")
    for name in PARAMETER_NAMES:
        metavar = ("PATH" if name == "data_dir" else "CSV" if name.endswith("_csv") else
                   "JSON" if name.endswith("_json") else "SHEET.csv"
                   if name == "coding_sheet" else "DIR")
        r.add_argument(f"--{name.replace('_', '-')}", dest=name, default=None,
                       metavar=metavar, help=PARAMETER_HELP[name])
    r.set_defaults(func=_cmd_run_notebooks)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``corpus-tools`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # ``corpus-tools quotes ... | head``: the reader left early, which is no error (exit
        # 0, as for SIGPIPE-quiet tools). No traceback; point stdout at devnull so the
        # interpreter's final flush does not raise again (the recipe in Python's
        # ``signal`` documentation).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
