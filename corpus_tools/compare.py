"""Guards for comparisons: can this corpus be compared by outlet, by year, by voice?

A notebook asks :func:`can_compare` before it draws a comparison and, when the answer is
no, prints the reason sentence and skips the figure and its table instead of failing
(one article, one outlet, no dates, a voice nobody quotes).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from corpus_tools.paths import DATA_DIR, resolve_dir
from corpus_tools.style import group_label

#: column -> (singular, plural, verb linking a row to one value)
_NOUNS: dict[str, tuple[str, str, str]] = {
    "outlet": ("outlet", "outlets", "come from"),
    "year": ("year", "years", "are from"),
    "group": ("voice", "voices", "come from"),
}


def _present(values: pd.Series) -> pd.Series:
    """The non-missing, non-blank values of a column, as strings."""
    values = values.dropna().astype(str).str.strip()
    return values[values != ""]


def _show(column: str, value: str) -> str:
    return group_label(value) if column == "group" else value


def can_compare(df: pd.DataFrame, column: str, min_groups: int = 2,
                unit: str = "article") -> tuple[bool, str]:
    """Whether the rows of ``df`` fall into at least ``min_groups`` values of ``column``.

    Missing and blank values (no outlet in the metadata, no publication date) do not count
    as a group.

    Parameters
    ----------
    df : DataFrame
        The rows compared (articles for outlets and years, quotes or units for voices).
    column : str
        ``outlet``, ``year``, ``group`` or any other column.
    min_groups : int, default 2
    unit : str, default "article"
        What a row is, for the sentence (``"quote"``, ``"unit"``).

    Returns
    -------
    (bool, str)
        True and a sentence listing the groups, or False and a sentence saying why the
        comparison cannot be made, ready to print.

    Examples
    --------
    >>> corpus = pd.DataFrame({"outlet": ["Globe", "Globe", "Globe", "Globe"]})
    >>> can_compare(corpus, "outlet")
    (False, 'All 4 articles come from one outlet (Globe), so outlets cannot be compared.')
    >>> can_compare(pd.DataFrame({"year": [pd.NA, pd.NA]}, dtype="Int64"), "year")
    (False, 'No article has a year (no publication dates), so years cannot be compared.')
    >>> can_compare(pd.DataFrame({"outlet": ["A", "B", "B"]}), "outlet")
    (True, '2 outlets to compare: A (1 article), B (2 articles).')
    """
    noun, plural, verb = _NOUNS.get(column, (column.replace("_", " "),
                                             column.replace("_", " ") + "s", "come from"))
    n = len(df)
    values = _present(df[column]) if column in df.columns else pd.Series([], dtype=str)
    counts = values.value_counts().sort_index()
    units = f"{unit}s"
    if n == 0:
        return False, f"There are no {units}, so {plural} cannot be compared."
    if counts.empty:
        why = " (no publication dates)" if column == "year" else ""
        article = "an" if noun[0] in "aeiou" else "a"
        return False, (f"No {unit} has {article} {noun}{why}, so {plural} cannot be "
                       f"compared.")
    missing = n - len(values)
    tail = f" ({missing} {unit if missing == 1 else units} without one left out)" \
        if missing else ""
    if len(counts) < min_groups:
        named = ", ".join(_show(column, str(v)) for v in counts.index)
        if n == 1:
            return False, (f"There is only one {unit} ({noun}: {named}), so {plural} "
                           f"cannot be compared.")
        if len(counts) == 1:
            lead = (f"All {n} {units} {verb} one {noun} ({named})" if not missing else
                    f"The {len(values)} {units} with {noun if column != 'year' else 'a date'}"
                    f" {verb} one {noun} ({named}){tail}")
            return False, f"{lead}, so {plural} cannot be compared."
        return False, (f"Only {len(counts)} {plural} ({named}), fewer than {min_groups}, "
                       f"so they are not compared.")
    listed = ", ".join(f"{_show(column, str(v))} ({c} {unit if c == 1 else units})"
                       for v, c in counts.items())
    return True, f"{len(counts)} {plural} to compare: {listed}{tail}."


#: How a missing value reads once a column was turned into text.
_MISSING_TEXT = frozenset({"", "nan", "NaN", "<NA>", "NaT", "None"})


def drop_empty_groups(table: pd.DataFrame, by: str, count: str,
                      label: str | None = None) -> tuple[pd.DataFrame, str]:
    """Rows of ``table`` whose ``by`` value is present and whose ``count`` total is above 0.

    Missing or blank ``by`` values (an article with no outlet, also as the text ``nan`` or
    ``<NA>``) and groups with nothing to show would be drawn as ``nan`` or ``n=0``
    columns; they are dropped, and the sentence returned says which (empty when none was).

    Parameters
    ----------
    table : DataFrame
    by : str
        The grouping column.
    count : str
        The column summed per group (``n``, ``n_quotes``, ``n_units``).
    label : str, optional
        What ``by`` holds, for the sentence; defaults to ``by``.

    Returns
    -------
    (DataFrame, str)

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "", "B"], "n": [3, 2, 0]})
    >>> kept, note = drop_empty_groups(t, "outlet", "n")
    >>> kept["outlet"].tolist(), note
    (['A'], 'Left out: no outlet given; B with nothing to count.')
    """
    label = label or by
    key = table[by].astype("string").str.strip()
    blank = key.isna() | key.isin(_MISSING_TEXT)
    totals = table[~blank].groupby(key[~blank])[count].sum()
    empty = sorted(str(g) for g, v in totals.items() if v <= 0)
    keep = ~blank & ~key.isin(empty)
    parts = []
    if blank.any():
        parts.append(f"no {label} given")
    if empty:
        parts.append(f"{', '.join(_show(by, g) for g in empty)} with nothing to count")
    note = f"Left out: {'; '.join(parts)}." if parts else ""
    return table[keep].reset_index(drop=True), note


def add_note(fig: object, note: str) -> None:
    """Write ``note`` (e.g. the groups :func:`drop_empty_groups` left out) under a figure;
    nothing when it is empty, so figures with nothing dropped are unchanged."""
    if note:
        fig.text(0.01, 0.0, note, ha="left", va="top", fontsize=8, color="0.3")


def is_seed_corpus(data_dir: str | Path | None) -> bool:
    """True when ``data_dir`` is the project's own data folder (the three seed articles),
    the only corpus the notebooks' seed-specific readings describe.

    Examples
    --------
    >>> is_seed_corpus(None), is_seed_corpus("/tmp/my_corpus")
    (True, False)
    """
    return resolve_dir(data_dir, DATA_DIR) == DATA_DIR

