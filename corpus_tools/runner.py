"""Headless notebook runs: execute the numbered notebooks in order with papermill.

Used by ``make figures`` and by the test suite, so what the tests execute is exactly
what regenerates the figures. Executed copies go to ``build/executed/`` (git-ignored);
the notebooks in ``notebooks/`` stay without outputs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from corpus_tools.paths import NOTEBOOKS_DIR, PROJECT_ROOT

DEFAULT_KERNEL = "corpus-tools"
EXECUTED_DIR = PROJECT_ROOT / "build" / "executed"
#: Notebook parameters the runner passes on when given (None = notebook default).
PARAMETER_NAMES = ("data_dir", "figures_dir", "processed_dir", "actors_csv", "frames_csv",
                   "naming_csv", "stance_lexicon_csv")


class NotebookError(RuntimeError):
    """A notebook failed; the message names the notebook, the cell and the error."""


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


def run_notebooks(notebooks: Sequence[str | Path] | None = None, *,
                  kernel: str = DEFAULT_KERNEL, output_dir: str | Path | None = None,
                  parameters: dict[str, object] | None = None,
                  log: TextIO | None = sys.stdout) -> list[Path]:
    """Execute notebooks in order; stop at the first failure.

    Parameters
    ----------
    notebooks : sequence of paths, optional
        Defaults to every numbered notebook in ``notebooks/``.
    kernel : str, default "corpus-tools"
        Jupyter kernel; falls back to ``python3`` if it is not registered.
    output_dir : path, optional
        Where executed copies go; defaults to ``build/executed/``.
    parameters : dict, optional
        Papermill parameters (``data_dir``, ``figures_dir``, ...); None values are dropped.
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
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    paths = [Path(p).resolve() for p in notebooks] if notebooks else list_notebooks()
    out_dir = Path(output_dir) if output_dir else EXECUTED_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    params = {k: str(v) for k, v in (parameters or {}).items() if v not in (None, "")}
    kernel_name = resolve_kernel(kernel)
    executed = []
    for i, path in enumerate(paths, start=1):
        target = out_dir / path.name
        t0 = time.perf_counter()
        if log:
            print(f"[{i}/{len(paths)}] {path.name} ...", end="", flush=True, file=log)
        try:
            pm.execute_notebook(str(path), str(target), parameters=params,
                                kernel_name=kernel_name, cwd=str(path.parent),
                                progress_bar=False, log_output=False,
                                request_save_on_cell_execute=False)
        except PapermillExecutionError as err:
            if log:
                print(" FAILED", file=log, flush=True)
            raise NotebookError(
                f"{path.name}: cell {err.cell_index} (execution count {err.exec_count}) "
                f"raised {err.ename}: {err.evalue}\n  executed copy: {target}"
            ) from err
        if log:
            print(f" ok ({time.perf_counter() - t0:.1f} s)", file=log, flush=True)
        executed.append(target)
    return executed
