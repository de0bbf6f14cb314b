"""Default locations, and how paths a user types are read.

Package defaults (actor registry, codebook, naming list, stance lexicon, ...) ship inside
the package (``resources/``) and resolve from it wherever it is installed. The study's own
folders (``data/``, ``figures/``, ``notebooks/``, ``build/``) exist only in a checkout of
the project; an installed wheel carries the notebooks as package data and has no seed
corpus. Paths a user types are relative to the current working directory.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
#: True when the package runs from a checkout of the project (editable install, tests),
#: False when it is installed from a wheel (no ``data/``, ``figures/`` or ``notebooks/``).
IN_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "data").is_dir()
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
ANNOTATIONS_DIR = DATA_DIR / "annotations"
FIGURES_DIR = PROJECT_ROOT / "figures"
EXECUTED_DIR = PROJECT_ROOT / "build" / "executed"
RESOURCES_DIR = PACKAGE_DIR / "resources"
#: The numbered notebooks: ``notebooks/`` in a checkout (the source of truth), the copy
#: shipped as package data (``corpus_tools/notebooks/``) in an installed wheel.
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks" if IN_CHECKOUT else PACKAGE_DIR / "notebooks"
#: Corpus files read directly (not folders).
CORPUS_FILE_SUFFIXES = (".csv", ".jsonl")


class NoDataDirError(FileNotFoundError):
    """No data folder was given and there is no project checkout to take the seed from."""


def seed_data_dir() -> Path:
    """The project's seed corpus folder (``data/``).

    Raises
    ------
    NoDataDirError
        When the package is installed without the project checkout (a wheel): there is
        no seed corpus, so a data folder must be given.

    Examples
    --------
    >>> seed_data_dir() == DATA_DIR
    True
    """
    if not IN_CHECKOUT:
        raise NoDataDirError(
            "no data folder given, and corpus_tools is installed without the project "
            "checkout (no seed corpus): pass --data-dir (or data_dir=) with your articles")
    return DATA_DIR


def resolve_dir(path: str | Path | None, default: Path) -> Path:
    """Return ``path`` as an absolute :class:`~pathlib.Path`, or ``default`` when it is None/empty.

    Relative paths are resolved against the current working directory, as in any command
    line tool. (The notebook runner passes absolute paths to the notebooks, so a notebook
    executed with its own folder as working directory still reads what the user meant.)

    Examples
    --------
    >>> resolve_dir(None, DATA_DIR) == DATA_DIR
    True
    >>> resolve_dir("byo.csv", DATA_DIR) == Path.cwd() / "byo.csv"
    True
    """
    if path is None or str(path) == "":
        return default
    return Path(path).expanduser().resolve()


def is_seed(data_dir: Path) -> bool:
    """True when ``data_dir`` is the project's own seed corpus folder."""
    return IN_CHECKOUT and data_dir.resolve() == DATA_DIR.resolve()


def output_base(data_dir: Path) -> Path:
    """The folder that holds the outputs of a run on a corpus other than the seed.

    A folder holds its own outputs; a ``.csv``/``.jsonl`` file has them beside it, in a
    folder named after its stem.

    Examples
    --------
    >>> output_base(Path("/corpora/byo.csv"))
    PosixPath('/corpora/byo')
    >>> output_base(Path("/corpora/byo"))
    PosixPath('/corpora/byo')
    """
    if data_dir.suffix.lower() in CORPUS_FILE_SUFFIXES and not data_dir.is_dir():
        return data_dir.parent / data_dir.stem
    return data_dir


def resolve_run_dirs(data_dir: str | Path | None = None, figures_dir: str | Path | None = None,
                     processed_dir: str | Path | None = None) -> tuple[Path, Path, Path]:
    """Folders for one notebook run: ``(data_dir, figures_dir, processed_dir)``.

    Defaults are the project's folders for the seed corpus. For any other corpus, figures
    and tables go beside it (``<folder>/figures``, ``<folder>/processed``; for a file
    ``byo.csv``, ``byo/figures`` and ``byo/processed`` beside it), never over the seed's.

    Raises
    ------
    NoDataDirError
        When no data folder is given outside a project checkout.

    Examples
    --------
    >>> resolve_run_dirs()[2] == PROCESSED_DIR
    True
    >>> resolve_run_dirs("/corpora/byo.csv")[1]
    PosixPath('/corpora/byo/figures')
    """
    data = resolve_dir(data_dir, DATA_DIR) if data_dir not in (None, "") else seed_data_dir()
    if is_seed(data):
        figures, processed = FIGURES_DIR, PROCESSED_DIR
    else:
        figures, processed = output_base(data) / "figures", output_base(data) / "processed"
    return data, resolve_dir(figures_dir, figures), resolve_dir(processed_dir, processed)


def default_executed_dir(data_dir: str | Path | None = None) -> Path:
    """Where executed notebook copies go: ``build/executed`` for the seed corpus, else
    ``executed`` beside the corpus's other outputs (see :func:`output_base`).

    Examples
    --------
    >>> default_executed_dir("/corpora/byo")
    PosixPath('/corpora/byo/executed')
    """
    data = resolve_run_dirs(data_dir)[0]
    return EXECUTED_DIR if is_seed(data) else output_base(data) / "executed"
