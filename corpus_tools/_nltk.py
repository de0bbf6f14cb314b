"""The few NLTK parts the pipeline needs, without the cost of ``import nltk``.

``nltk/__init__.py`` imports nearly all of NLTK, and with it ``scipy.stats``, scikit-learn
and pandas (2.5 s of every process on an idle machine, most of ``corpus-tools quotes`` on
one short file). The pipeline needs three pure-Python modules: Punkt
(``nltk.tokenize.punkt``), the Porter stemmer (``nltk.stem.porter``) and ``nltk.util``'s
n-grams. :func:`nltk_module` loads such a module from the installed NLTK *as a private
copy*: while it runs, bare placeholders stand in for the ``nltk`` packages so that
NLTK's own package ``__init__`` files are not run, and afterwards every ``nltk`` entry it
created is taken out of ``sys.modules`` again. A later ``import nltk`` anywhere in the
process therefore loads the real, complete NLTK as usual; if NLTK is already imported,
its modules are used directly. The code that runs is NLTK's own, so results are NLTK's.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from functools import cache
from pathlib import Path

_LOCK = threading.Lock()


def _is_nltk(name: str) -> bool:
    return name == "nltk" or name.startswith("nltk.")


@cache
def nltk_module(name: str) -> types.ModuleType:
    """NLTK's module ``name`` (e.g. ``"nltk.tokenize.punkt"``) without ``import nltk``.

    Parameters
    ----------
    name : str
        A module of NLTK whose imports stay inside NLTK's light core (Punkt, the Porter
        stemmer, ``nltk.util``).

    Returns
    -------
    module
        The module object; if NLTK is already imported, ``importlib.import_module(name)``.

    Examples
    --------
    >>> nltk_module("nltk.stem.porter").PorterStemmer().stem("deported")
    'deport'
    """
    if not _is_nltk(name):
        raise ValueError(f"{name!r} is not an NLTK module")
    with _LOCK:
        if "nltk" in sys.modules:
            return importlib.import_module(name)
        spec = importlib.util.find_spec("nltk")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("NLTK is not installed", name="nltk")
        root = Path(next(iter(spec.submodule_search_locations)))
        before = {k for k in sys.modules if _is_nltk(k)}
        try:
            parts = name.split(".")
            for k in range(1, len(parts)):  # bare packages: their __init__ is not run
                package = ".".join(parts[:k])
                module = types.ModuleType(package)
                module.__path__ = [str(root.joinpath(*parts[1:k]))]
                module.__package__ = package
                sys.modules[package] = module
            return importlib.import_module(name)
        finally:
            for key in [k for k in sys.modules if _is_nltk(k) and k not in before]:
                del sys.modules[key]
