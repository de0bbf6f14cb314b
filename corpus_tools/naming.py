"""Naming the people at the centre: how each voice refers to immigrants.

The choice between *illegal aliens*, *illegal immigrants*, *undocumented immigrants*,
*immigrants* or *our immigrant neighbors* is a classic equivalency-framing measure in the
immigration literature (Merolla, Ramakrishnan & Haynes 2013, *Perspectives on Politics*
11(3); Haynes, Merolla & Ramakrishnan 2016, *Framing Immigrants*). The labels, their
regular expressions, categories and sources live in a data file (``resources/naming.csv``), so
they can be read, criticised and changed without touching code.

Matches are found in each unit's text (quotes for the voices, narration with quoted words
blanked for the press), overlapping matches resolved leftmost-longest, and every match is
kept as an evidence row with its offsets in the raw article and its sentence.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from corpus_tools.paths import RESOURCES_DIR
from corpus_tools.segment import split_sentences
from corpus_tools.terms import _check_columns

NAMING_CSV = RESOURCES_DIR / "naming.csv"
NAMING_COLUMNS = ["label", "category", "pattern", "source"]
EVIDENCE_COLUMNS = ["article_id", "unit_id", "speaker", "group", "outlet", "label", "category",
                    "start", "end", "match", "sentence"]
_GAP = re.compile(r"\s{3,}")


class NamingError(ValueError):
    """A problem in a naming file, with its file and line."""


def load_naming(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the naming label list.

    Parameters
    ----------
    path : str or Path, optional
        A CSV with columns ``label, category, pattern, source``; lines starting with ``#``
        are comments. Defaults to the project's ``resources/naming.csv``.

    Returns
    -------
    DataFrame
        ``label, category, pattern, source, line`` in file order (``line`` is the line
        number in the file).

    Raises
    ------
    NamingError
        Naming the file and line of a missing column, an empty field, an invalid regular
        expression, or a label given two categories.

    Examples
    --------
    >>> naming = load_naming()
    >>> naming.loc[naming["label"] == "illegal aliens", "category"].iloc[0]
    'illegality'
    """
    path = Path(path) if path is not None else NAMING_CSV
    if not path.is_file():
        raise NamingError(f"{path}: naming file not found")
    lines = [(no, line) for no, line in
             enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise NamingError(f"{path}: no header line")
    header = next(csv.reader([lines[0][1]]))
    missing = [c for c in NAMING_COLUMNS if c not in header]
    if missing:
        raise NamingError(f"{path}:{lines[0][0]}: missing column(s) {missing} in header "
                          f"{header}")
    rows, categories = [], {}
    for no, line in lines[1:]:
        fields = next(csv.reader([line]))
        if len(fields) != len(header):
            raise NamingError(f"{path}:{no}: expected {len(header)} fields, got "
                              f"{len(fields)} (quote fields that contain commas)")
        row = dict(zip(header, (f.strip() for f in fields), strict=True))
        for col in ("label", "category", "pattern"):
            if not row[col]:
                raise NamingError(f"{path}:{no}: empty {col!r}")
        try:
            re.compile(row["pattern"])
        except re.error as err:
            raise NamingError(f"{path}:{no}: invalid regular expression "
                              f"{row['pattern']!r}: {err}") from err
        first = categories.setdefault(row["label"], row["category"])
        if first != row["category"]:
            raise NamingError(f"{path}:{no}: label {row['label']!r} has category "
                              f"{row['category']!r} here but {first!r} above")
        rows.append({**{c: row[c] for c in NAMING_COLUMNS}, "line": no})
    if not rows:
        raise NamingError(f"{path}: no label rows")
    return pd.DataFrame(rows, columns=[*NAMING_COLUMNS, "line"])


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    priority: int
    label: str
    category: str


def _compile(naming: pd.DataFrame) -> list[tuple[re.Pattern[str], int, str, str]]:
    return [(re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE), i, lab, cat)
            for i, (p, lab, cat) in enumerate(zip(naming["pattern"], naming["label"],
                                                  naming["category"], strict=True))]


def find_names(text: str, naming: pd.DataFrame | None = None) -> list[tuple[int, int, str, str]]:
    """Non-overlapping naming matches in ``text``: ``(start, end, label, category)``.

    All patterns are matched; overlaps are resolved leftmost-longest, then by file order.

    Examples
    --------
    >>> [m[2] for m in find_names("DHS targets criminal illegal aliens and immigrants.")]
    ['criminal illegal aliens', 'immigrants']
    """
    naming = load_naming() if naming is None else naming
    found = [_Match(m.start(), m.end(), prio, lab, cat)
             for rx, prio, lab, cat in _compile(naming) for m in rx.finditer(text)
             if m.end() > m.start()]
    found.sort(key=lambda m: (m.start, -(m.end - m.start), m.priority))
    kept, last_end = [], -1
    for m in found:
        if m.start >= last_end:
            kept.append((m.start, m.end, m.label, m.category))
            last_end = m.end
    return kept


def _sentence(text: str, a: int) -> str:
    """The sentence of ``text`` around offset ``a``, whitespace collapsed."""
    for s, e in split_sentences(text):
        if s <= a < e:
            return " ".join(_GAP.sub(" \u2026 ", text[s:e]).split())
    return " ".join(_GAP.sub(" \u2026 ", text).split())


class NamingCounts(NamedTuple):
    """Result of :func:`count_naming`: the ``counts`` table and its ``evidence`` rows."""

    counts: pd.DataFrame
    evidence: pd.DataFrame


def find_naming(units: pd.DataFrame, naming: pd.DataFrame | str | Path | None = None,
                keep_columns: Sequence[str] = ()) -> pd.DataFrame:
    """Evidence rows: every naming match in ``units``, with raw offsets and sentence.

    Parameters
    ----------
    units : DataFrame
        ``article_id, start, text`` and optionally ``unit_id, speaker, group, outlet``.
    naming : DataFrame, path or None
        The label list (:func:`load_naming`); default ``resources/naming.csv``.
    keep_columns : sequence of str, optional
        Further unit columns to copy onto each evidence row (e.g. ``["year"]``).

    Returns
    -------
    DataFrame
        ``article_id, unit_id, speaker, group, outlet, label, category, start, end, match,
        sentence`` (then ``keep_columns``); ``start``/``end`` index the raw article text.
    """
    extra = [c for c in keep_columns if c not in EVIDENCE_COLUMNS]
    _check_columns(units, ["article_id", "start", "text", *extra], "find_naming(units)")
    if not isinstance(naming, pd.DataFrame):
        naming = load_naming(naming)
    n = len(units)

    def col(name: str) -> list:
        return units[name].tolist() if name in units else [""] * n

    rows = []
    extras = list(zip(*(units[c].tolist() for c in extra), strict=True)) if extra else [()] * n
    for aid, uid, speaker, group, outlet, ustart, text, more in zip(
            units["article_id"], col("unit_id"), col("speaker"), col("group"), col("outlet"),
            units["start"], units["text"], extras, strict=True):
        text = "" if pd.isna(text) else str(text)
        for a, b, label, category in find_names(text, naming):
            rows.append((str(aid), *("" if pd.isna(v) else str(v)
                                     for v in (uid, speaker, group, outlet)),
                         label, category, int(ustart) + a, int(ustart) + b,
                         " ".join(text[a:b].split()), _sentence(text, a), *more))
    out = pd.DataFrame(rows, columns=[*EVIDENCE_COLUMNS, *extra])
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def count_naming(units: pd.DataFrame, by: str | Sequence[str] = "group",
                 naming: pd.DataFrame | str | Path | None = None) -> NamingCounts:
    """How often each group (or outlet...) uses each naming label, with the evidence.

    Parameters
    ----------
    units : DataFrame
        Units from :func:`corpus_tools.units.extract_units` (or any table with
        ``article_id, start, text`` and the ``by`` columns).
    by : str or sequence of str, default "group"
        Grouping column(s), e.g. ``"outlet"`` or ``["outlet", "group"]``.
    naming : DataFrame, path or None
        The label list; default ``resources/naming.csv`` (:func:`load_naming`).

    Returns
    -------
    NamingCounts
        ``counts``: ``<by>..., label, category, count, share`` for every combination of the
        groups present in ``units`` and every label (zeros included, for heatmaps), sorted
        by group then the labels' file order; ``share`` is the count over the group's
        naming matches (0 when it has none). ``evidence``: see :func:`find_naming`.

    Examples
    --------
    >>> units = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 40],
    ...     "text": ["Illegal aliens roam free.", "Protect our immigrant neighbors."],
    ...     "group": ["administration", "local_officials"]})
    >>> counts, evidence = count_naming(units)
    >>> counts[counts["count"] > 0][["group", "label", "count"]].to_dict("records")
    [{'group': 'administration', 'label': 'illegal aliens', 'count': 1}, \
{'group': 'local_officials', 'label': 'immigrant neighbors', 'count': 1}]
    >>> evidence["start"].tolist()
    [0, 52]
    """
    keys = [by] if isinstance(by, str) else list(by)
    _check_columns(units, keys, "count_naming(units)")
    if not isinstance(naming, pd.DataFrame):
        naming = load_naming(naming)
    evidence = find_naming(units, naming, keep_columns=keys)
    for k in keys:
        evidence[k] = evidence[k].fillna("").astype(str)
    labels = naming.drop_duplicates("label")[["label", "category"]].reset_index(drop=True)
    labels["order"] = range(len(labels))
    groups = units[keys].fillna("").astype(str).drop_duplicates()
    grid = groups.merge(labels, how="cross")
    tally = evidence.groupby([*keys, "label"], sort=True).size().rename("count").reset_index()
    counts = grid.merge(tally, on=[*keys, "label"], how="left")
    counts["count"] = counts["count"].fillna(0).astype("int64")
    totals = counts.groupby(keys)["count"].transform("sum")
    counts["share"] = (counts["count"] / totals.where(totals > 0, 1)).astype(float)
    counts = counts.sort_values([*keys, "order"], kind="stable").drop(columns="order")
    return NamingCounts(counts.reset_index(drop=True), evidence)
