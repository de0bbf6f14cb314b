"""Headless notebook runs: execute the numbered notebooks in order with papermill.

Used by ``make figures`` and by the test suite, so what the tests execute is exactly
what regenerates the figures. The notebooks stay without outputs; executed copies go to
``build/executed/`` for the seed corpus (git-ignored) and to ``executed/`` beside any other
corpus's outputs.

A run is all or nothing: the notebooks write their figures and tables into temporary
folders beside the targets, which replace the previous files only when every notebook
succeeded, so a failed run leaves the previous outputs as they were.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from corpus_tools.paths import (
    EXECUTED_DIR,
    NOTEBOOKS_DIR,
    default_executed_dir,
    resolve_dir,
    resolve_run_dirs,
)

DEFAULT_KERNEL = "corpus-tools"
#: Notebook parameters the runner passes on when given (None = notebook default).
PARAMETER_NAMES = ("data_dir", "figures_dir", "processed_dir", "actors_csv", "frames_csv",
                   "naming_csv", "stance_lexicon_csv", "topic_json", "coding_sheet")
#: The kernel's own log lines (start-up warnings, shutdown interrupts) go here, inside the
#: folder of executed copies, instead of between the progress lines.
KERNEL_LOG = "kernel.log"

__all__ = ["DEFAULT_KERNEL", "EXECUTED_DIR", "KERNEL_LOG", "OPTION_FILES", "NotebookError",
           "PARAMETER_NAMES", "RunInputError", "check_option_files", "list_notebooks",
           "resolve_kernel", "run_notebooks"]


class NotebookError(RuntimeError):
    """A notebook failed (or cannot run); the message names the notebook, the cell and the
    error."""


class RunInputError(NotebookError):
    """Bad input found before any notebook runs (a missing notebook, corpus or option file,
    or one that cannot be read as its kind); the command line exits with 2 for it."""


#: What each option file is and the loader that validates it (module, function).
OPTION_FILES = {
    "actors_csv": ("actor registry", "corpus_tools.actors", "load_actors"),
    "frames_csv": ("frame codebook", "corpus_tools.frames", "load_codebook"),
    "naming_csv": ("naming list", "corpus_tools.naming", "load_naming"),
    "stance_lexicon_csv": ("stance lexicon", "corpus_tools.stance", "load_stance_lexicon"),
    "topic_json": ("topic file", "corpus_tools.topic", "load_topic"),
    "coding_sheet": ("coding sheet", "corpus_tools.validation", "read_coded_sheet"),
}


def check_option_files(parameters: dict[str, object] | None) -> None:
    """Check that every option file given exists and reads as its kind, before any notebook
    runs (a bad one would otherwise fail only inside notebook 2, 4 or 5).

    Parameters
    ----------
    parameters : dict
        Notebook parameters as the user gave them (relative paths are relative to the
        current directory); keys not in :data:`OPTION_FILES` and None values are skipped.

    Raises
    ------
    RunInputError
        Naming every bad file as given, its option and what is wrong (one line each).

    Examples
    --------
    >>> check_option_files({"actors_csv": None, "data_dir": "anything"})
    >>> check_option_files({"frames_csv": "nope.csv"})
    Traceback (most recent call last):
    ...
    corpus_tools.runner.RunInputError: nope.csv: no such file (--frames-csv, the frame codebook)
    """
    import importlib

    problems = []
    for name, (what, module, loader) in OPTION_FILES.items():
        given = (parameters or {}).get(name)
        if given in (None, ""):
            continue
        option = "--" + name.replace("_", "-")
        path = Path(str(given)).expanduser()  # the loaders name it as given
        if not path.is_file():
            problems.append(f"{given}: no such file ({option}, the {what})")
            continue
        try:
            getattr(importlib.import_module(module), loader)(path)
        except (ValueError, OSError) as err:  # the loader's message names the file
            problems.append(f"{err} ({option}, the {what})")
    if problems:
        raise RunInputError("\n  ".join(problems))


def list_notebooks(notebooks_dir: str | Path | None = None) -> list[Path]:
    """The numbered notebooks (``NN_name.ipynb``) in run order."""
    folder = Path(notebooks_dir) if notebooks_dir else NOTEBOOKS_DIR
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


def resolve_kernel(name: str = DEFAULT_KERNEL) -> str:
    """Return ``name`` if that Jupyter kernel is installed, else ``python3`` (ipykernel's own
    spec for the running interpreter), so a bare ``pytest`` works before ``make`` has
    registered the project kernel."""
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager().find_kernel_specs()
    if name in specs:
        return name
    if "python3" in specs:
        return "python3"
    raise NotebookError(f"no Jupyter kernel {name!r} (or python3); run `make setup` to register it")


def _notebook_paths(notebooks: Sequence[str | Path] | None) -> list[Path]:
    """Absolute paths of the notebooks to run (relative to the current directory)."""
    if not notebooks:
        paths = list_notebooks()
        if not paths:
            raise NotebookError(f"no numbered notebooks (NN_name.ipynb) in {NOTEBOOKS_DIR}")
        return paths
    paths = [Path(p).expanduser().resolve() for p in notebooks]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise RunInputError("no such notebook: " + ", ".join(missing))
    return paths


@contextlib.contextmanager
def _stderr_to(path: Path) -> Iterator[None]:
    """Send file descriptor 2 (inherited by the kernel process) to ``path`` for a while."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with path.open("ab") as fh:
            os.dup2(fh.fileno(), 2)
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def _staging(target: Path) -> Path:
    """An empty temporary folder beside ``target`` (same file system: moves are renames)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))


def _move_into(staged: Path, target: Path) -> None:
    """Move every file of ``staged`` into ``target`` (replacing same-named files), then
    remove ``staged``. Files in ``target`` that the run did not write stay."""
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(staged.iterdir()):
        dest = target / path.name
        if path.is_dir():
            if dest.exists():
                shutil.rmtree(dest)
            path.rename(dest)
        else:
            os.replace(path, dest)
    staged.rmdir()


def _source_cell_index(notebook: Path, index: int) -> int:
    """The index in ``notebook`` as written of cell ``index`` of its executed copy, in which
    papermill injected a parameters cell right after the ``parameters`` cell (or first)."""
    import nbformat

    cells = nbformat.read(notebook, as_version=4).cells
    tagged = [i for i, c in enumerate(cells)
              if "parameters" in c.get("metadata", {}).get("tags", [])]
    injected = tagged[0] + 1 if tagged else 0
    return index - 1 if index > injected else index


def _absolute_parameters(parameters: dict[str, object] | None) -> dict[str, object]:
    """Parameters with None/empty values dropped and every path (``*_dir``, ``*_csv``,
    ``*_json``, ``*_sheet``) made absolute against the current directory (the notebooks run
    in their own folder)."""
    params = {k: v for k, v in (parameters or {}).items() if v not in (None, "")}
    for key, value in params.items():
        if key.endswith(("_dir", "_csv", "_json", "_sheet")):
            params[key] = resolve_dir(str(value), Path.cwd())
    return params


def run_notebooks(notebooks: Sequence[str | Path] | None = None, *,
                  kernel: str = DEFAULT_KERNEL, output_dir: str | Path | None = None,
                  parameters: dict[str, object] | None = None,
                  log: TextIO | None = sys.stdout) -> list[Path]:
    """Execute notebooks in order; stop at the first failure.

    Figures and tables are written to temporary folders beside ``figures_dir`` and
    ``processed_dir`` and moved there only when every notebook succeeded: a failed run
    leaves the previous figures and tables byte-identical.

    Parameters
    ----------
    notebooks : sequence of paths, optional
        Defaults to every numbered notebook in ``notebooks/`` (in a wheel: the copies
        shipped inside the package). Relative paths are relative to the current directory.
    kernel : str, default "corpus-tools"
        Jupyter kernel; falls back to ``python3`` if it is not registered.
    output_dir : path, optional
        Where executed copies go; defaults to ``build/executed/`` for the seed corpus and
        to ``executed/`` beside the outputs of any other corpus. The kernel's own log lines
        go to ``kernel.log`` there.
    parameters : dict, optional
        Papermill parameters (``data_dir``, ``figures_dir``, ...); None values are dropped,
        relative paths are relative to the current directory.
    log : text stream, optional
        Receives one progress line per notebook.

    Returns
    -------
    list of Path
        The executed copies.

    Raises
    ------
    NotebookError
        Naming the notebook, the failing cell and the exception.
    RunInputError
        Before any notebook runs: a notebook that does not exist, a missing or broken
        corpus, or an option file (:data:`OPTION_FILES`) that is missing or unreadable.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from corpus_tools.paths import NoDataDirError

    paths = _notebook_paths(notebooks)
    check_option_files(parameters)
    params = _absolute_parameters(parameters)
    try:
        data_dir, figures_dir, processed_dir = resolve_run_dirs(
            params.get("data_dir"), params.get("figures_dir"), params.get("processed_dir"))
        out_dir = (resolve_dir(output_dir, Path.cwd()) if output_dir
                   else default_executed_dir(data_dir))
    except NoDataDirError as err:
        raise RunInputError(str(err)) from None
    from corpus_tools.validate_input import CorpusError, check_corpus

    try:  # a missing or broken corpus fails here, before any folder is made
        check_corpus(data_dir)
    except CorpusError as err:
        raise RunInputError(str(err)) from None
    kernel_name = resolve_kernel(kernel)
    staged = [(figures_dir, _staging(figures_dir)), (processed_dir, _staging(processed_dir))]
    staged_executed = _staging(out_dir)
    params.update(data_dir=data_dir, figures_dir=staged[0][1], processed_dir=staged[1][1])
    params = {k: str(v) for k, v in params.items()}
    executed = []
    try:
        for i, path in enumerate(paths, start=1):
            target = out_dir / path.name
            t0 = time.perf_counter()
            if log:
                print(f"[{i}/{len(paths)}] {path.name} ...", end="", flush=True, file=log)
            try:
                with _stderr_to(staged_executed / KERNEL_LOG):
                    pm.execute_notebook(str(path), str(staged_executed / path.name),
                                        parameters=params, kernel_name=kernel_name,
                                        cwd=str(path.parent), progress_bar=False,
                                        log_output=False, request_save_on_cell_execute=False)
            except PapermillExecutionError as err:
                if log:
                    print(" FAILED", file=log, flush=True)
                cell = _source_cell_index(path, err.cell_index)
                raise NotebookError(
                    f"{path.name}: cell {cell} (execution count {err.exec_count}) "
                    f"raised {err.ename}: {err.evalue}\n  executed copy: {target}\n"
                    f"  previous figures and tables left as they were"
                ) from err
            if log:
                print(f" ok ({time.perf_counter() - t0:.1f} s)", file=log, flush=True)
            executed.append(target)
        for final, tmp in staged:
            _move_into(tmp, final)
    finally:
        # executed copies (and the kernel log) are kept for inspection, failed or not
        _move_into(staged_executed, out_dir)
        for _, tmp in staged:
            shutil.rmtree(tmp, ignore_errors=True)
    return executed
