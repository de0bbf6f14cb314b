"""Outputs: figures and tidy tables written deterministically, byte for byte.

Re-running a notebook on the same input rewrites identical files: figure metadata
(software version, creation dates) is stripped and tables are written with fixed
line endings, column order, float precision and sorted rows where asked.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import matplotlib as mpl
import matplotlib.figure
import matplotlib.pyplot as plt
import pandas as pd

from corpus_tools.paths import FIGURES_DIR, PROCESSED_DIR, resolve_dir
from corpus_tools.style import STYLE

#: Per-format savefig metadata that removes every time stamp and version string.
_CLEAN_METADATA: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


#: Environment variable naming the figure formats written when the caller names none
#: (comma-separated, e.g. ``png,svg``: SVG keeps the figure's text searchable).
FORMATS_ENV = "CORPUS_TOOLS_FIGURE_FORMATS"


def default_formats() -> tuple[str, ...]:
    """The formats :func:`save_figure` writes by default: ``$CORPUS_TOOLS_FIGURE_FORMATS``
    or ``("png",)``.

    Examples
    --------
    >>> default_formats() if FORMATS_ENV not in os.environ else ("png",)
    ('png',)
    """
    value = os.environ.get(FORMATS_ENV, "")
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    return formats or ("png",)


#: The package style's saving keys (resolution, tight box, font embedding, SVG ids).
_SAVE_STYLE = {k: v for k, v in STYLE.items() if k.split(".")[0] in {"savefig", "svg", "pdf"}}


class SavedFigure(list):
    """The paths :func:`save_figure` wrote; in Jupyter it displays the PNG it wrote.

    A plain ``list`` of :class:`~pathlib.Path` otherwise. Showing the file rather than
    re-drawing the figure means the notebook shows exactly what goes into the paper,
    and the figure is rendered once instead of twice.
    """

    def _repr_png_(self) -> bytes | None:
        png = next((p for p in self if p.suffix == ".png"), None)
        return png.read_bytes() if png is not None else None


def save_figure(fig: matplotlib.figure.Figure, name: str,
                figures_dir: str | Path | None = None,
                formats: Sequence[str] | None = None, close: bool = True) -> SavedFigure:
    """Save a figure with the package's saving style and its metadata stripped.

    Draw the figure after :func:`corpus_tools.style.apply_style` (the ``plot_``
    functions do); ``save_figure`` then fixes resolution, bounding box, font embedding
    and SVG ids, so the same figure is written byte for byte on every run.

    Parameters
    ----------
    fig : matplotlib Figure
    name : str
        File stem, e.g. ``"01_article_lengths"``.
    figures_dir : str or Path, optional
        Folder to write to (created if needed); defaults to the project's ``figures/``.
    formats : sequence of str, optional
        Any of ``png``, ``svg``, ``pdf``; default ``("png",)`` or the formats named in
        ``$CORPUS_TOOLS_FIGURE_FORMATS`` (see :func:`default_formats`).
    close : bool, default True
        Close the figure once written (``plt.close``): frees its memory in long runs
        and keeps Jupyter's inline backend from drawing it a second time. The returned
        object displays the saved PNG instead. Pass False to keep editing the figure.

    Returns
    -------
    SavedFigure
        A list of the files written (displays the PNG in Jupyter).

    Examples
    --------
    >>> import matplotlib.pyplot as plt, tempfile
    >>> fig, ax = plt.subplots(); _ = ax.plot([0, 1])
    >>> [p.name for p in save_figure(fig, "demo", tempfile.mkdtemp())]
    ['demo.png']
    """
    out_dir = resolve_dir(figures_dir, FIGURES_DIR)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = SavedFigure()
    for fmt in default_formats() if formats is None else formats:
        if fmt not in _CLEAN_METADATA:
            raise ValueError(f"unsupported figure format {fmt!r}; use png, svg or pdf")
        path = out_dir / f"{name}.{fmt}"
        with mpl.rc_context(_SAVE_STYLE):
            fig.savefig(path, format=fmt, metadata=_CLEAN_METADATA[fmt])
        written.append(path)
    if close:
        plt.close(fig)
    return written


def save_table(df: pd.DataFrame, name: str, processed_dir: str | Path | None = None,
               sort_by: Sequence[str] | None = None, float_format: str = "%.6g") -> Path:
    """Write a tidy table as CSV deterministically (``\\n`` line ends, fixed float format).

    Parameters
    ----------
    df : DataFrame
    name : str
        File stem; ``.csv`` is added.
    processed_dir : str or Path, optional
        Defaults to the project's ``data/processed/``.
    sort_by : sequence of str, optional
        Columns to sort rows by (stable), so ties never depend on input order.
    float_format : str, default "%.6g"

    Returns
    -------
    Path
    """
    out_dir = resolve_dir(processed_dir, PROCESSED_DIR)
    out_dir.mkdir(parents=True, exist_ok=True)
    if sort_by:
        df = df.sort_values(list(sort_by), kind="stable")
    path = out_dir / f"{name}.csv"
    df.to_csv(path, index=False, lineterminator="\n", float_format=float_format,
              encoding="utf-8")
    return path
