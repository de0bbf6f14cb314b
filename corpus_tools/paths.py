"""Default locations, resolved from the package (never the working directory)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
ANNOTATIONS_DIR = DATA_DIR / "annotations"
FIGURES_DIR = PROJECT_ROOT / "figures"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
RESOURCES_DIR = PACKAGE_DIR / "resources"


def resolve_dir(path: str | Path | None, default: Path) -> Path:
    """Return ``path`` as an absolute :class:`~pathlib.Path`, or ``default`` when it is None/empty.

    Relative paths are resolved against the project root, so notebooks executed
    headlessly from another working directory still find their data.

    Examples
    --------
    >>> resolve_dir(None, DATA_DIR) == DATA_DIR
    True
    """
    if path is None or str(path) == "":
        return default
    p = Path(path).expanduser()
    return p if p.is_absolute() else (PROJECT_ROOT / p).resolve()


def resolve_run_dirs(data_dir: str | Path | None = None, figures_dir: str | Path | None = None,
                     processed_dir: str | Path | None = None) -> tuple[Path, Path, Path]:
    """Folders for one notebook run: ``(data_dir, figures_dir, processed_dir)``.

    Defaults are the project's folders; with only ``data_dir`` given (your own corpus),
    tables go to ``<data_dir>/processed`` so the project's own tables are not overwritten.

    Examples
    --------
    >>> resolve_run_dirs()[2] == PROCESSED_DIR
    True
    """
    data = resolve_dir(data_dir, DATA_DIR)
    base = data if data.is_dir() else data.parent
    default_processed = PROCESSED_DIR if data == DATA_DIR else base / "processed"
    return data, resolve_dir(figures_dir, FIGURES_DIR), resolve_dir(processed_dir,
                                                                     default_processed)
