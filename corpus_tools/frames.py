"""Framing: a documented codebook, frame tags per unit with evidence, and group shares.

A *frame* selects "some aspects of a perceived reality and makes them more salient"
(Entman 1993). The codebook (``resources/frames.csv``) is written for this project and grounded
in two schemes: the generic policy frames of the Media Frames Corpus (Boydstun et al.
2014; Card et al. 2015: economic, capacity and resources, morality, fairness, legality,
policy, crime and punishment, security and defense, health and safety, quality of life,
cultural identity, public opinion, political, external regulation) and the
immigration-specific frames of Mendelsohn, Budak & Jurgens (2021, NAACL: victim, hero and
threat frames). Each frame has an id, a name, a one-line definition, its counterparts in
both schemes, indicator terms and an example from the corpus.

Tagging is dictionary-based (a transparent, inspectable baseline; see Grimmer & Stewart
2013 on validating dictionaries). Matching works on the package's normalised tokens
(:func:`corpus_tools.tokenize.tokenize`), never on raw substrings:

* a one-word indicator matches any token with the same Porter stem
  (:func:`corpus_tools.tokenize.stem`): ``deport`` matches *deported*, *deportation*;
* a trailing ``*`` matches a prefix of the normalised token: ``militar*`` matches
  *military*, *militarized*, *militarizing*;
* a multiword indicator is a sequence of such words matched on consecutive tokens, so
  line breaks, punctuation-free spacing and curly apostrophes do not matter;
* hyphenated tokens are split into their parts (*Democrat-led* -> *democrat*, *led*);
* a frame's ``exclude`` patterns veto any of its hits that overlap them (``law`` in *law
  enforcement* is not a legality frame).

Hits carry the matched words and their offsets in the raw article: units carry ``start``
and their ``text`` is the raw slice (or a same-length blanked copy), so a hit's offset is
the unit's ``start`` plus the local offset. The tagger reads only ``text`` and ``start``:
never the speaker or group.

Shares per group come with percentile bootstrap 95% intervals (Efron & Tibshirani 1993),
resampling units within each group; differences between groups are tested per frame with
a chi-square test on the groups x (evokes, does not) table, optionally with a Monte Carlo
permutation p-value, and Benjamini-Hochberg adjustment across frames (Benjamini &
Hochberg 1995).
"""

from __future__ import annotations

import csv
import re
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.matcher import Pattern, Piece, Word, parse_pattern
from corpus_tools.matcher import match_patterns as _match_patterns
from corpus_tools.matcher import pattern_index as _pattern_index
from corpus_tools.matcher import select_hits as _select_hits
from corpus_tools.matcher import words as _words
from corpus_tools.paths import RESOURCES_DIR
from corpus_tools.style import GROUP_ORDER

# The matching core moved to corpus_tools.matcher (shared with the stance lexicon); the
# old private names stay importable from here.
_Piece, _Word = Piece, Word

FRAMES_CSV = RESOURCES_DIR / "frames.csv"
CODEBOOK_COLUMNS = ["frame_id", "name", "definition", "mfc_dimension", "mendelsohn_frame",
                    "indicators", "example", "example_article_id"]
HIT_COLUMNS = ["unit_id", "article_id", "frame", "term", "indicator", "start", "end"]
SHARE_COLUMNS = ["group", "frame", "n_units", "n_hits", "share", "ci_low", "ci_high"]
_FRAME_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class CodebookError(ValueError):
    """A problem in a frame codebook, naming its file and line."""


def _split_list(value: object) -> list[str]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    return [p.strip() for p in str(value).split("|") if p.strip()]


def load_codebook(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate a frame codebook.

    Parameters
    ----------
    path : str or Path, optional
        A CSV with columns ``frame_id, name, definition, mfc_dimension,
        mendelsohn_frame, indicators, example, example_article_id`` and optionally
        ``exclude``; ``indicators`` and ``exclude`` are ``|``-separated patterns.
        Defaults to the project's ``resources/frames.csv``.

    Returns
    -------
    DataFrame
        One row per frame in file order, plus ``patterns`` and ``exclude_patterns``
        (tuples of :class:`Pattern`).

    Raises
    ------
    CodebookError
        Naming the file and line of a missing column, an empty field, a malformed or
        duplicate ``frame_id`` or an indicator without words.

    Examples
    --------
    >>> cb = load_codebook()
    >>> cb["frame_id"].is_unique and len(cb) >= 8
    True
    """
    path = Path(path) if path is not None else FRAMES_CSV
    if not path.is_file():
        raise CodebookError(f"{path}: codebook file not found")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        missing = [c for c in CODEBOOK_COLUMNS if c not in header]
        if missing:
            raise CodebookError(f"{path}: line 1: missing column(s) {missing}; has {header}")
        rows, seen = [], {}
        for row in reader:
            line = reader.line_num
            row = {k: (v or "").strip() for k, v in row.items() if k is not None}
            for col in CODEBOOK_COLUMNS:
                if not row.get(col):
                    raise CodebookError(f"{path}: line {line}: empty {col!r}")
            fid = row["frame_id"]
            if not _FRAME_ID.match(fid):
                raise CodebookError(f"{path}: line {line}: frame_id {fid!r} must be lower-case "
                                    "letters, digits and underscores")
            if fid in seen:
                raise CodebookError(f"{path}: line {line}: duplicate frame_id {fid!r} "
                                    f"(first on line {seen[fid]})")
            seen[fid] = line
            try:
                row["patterns"] = tuple(parse_pattern(p) for p in _split_list(row["indicators"]))
                row["exclude_patterns"] = tuple(
                    parse_pattern(p) for p in _split_list(row.get("exclude", "")))
            except ValueError as err:
                raise CodebookError(f"{path}: line {line}: {err}") from None
            if not row["patterns"]:
                raise CodebookError(f"{path}: line {line}: no indicators for {fid!r}")
            rows.append(row)
    if not rows:
        raise CodebookError(f"{path}: no frames")
    table = pd.DataFrame(rows)
    if "exclude" not in table.columns:
        table["exclude"] = ""
    return table.reset_index(drop=True)


def _match(words: Sequence[_Word], pattern: Pattern) -> list[tuple[int, int]]:
    """Token index spans ``[i, j)`` where ``pattern`` matches ``words``."""
    return [(i, j) for i, j, _ in _match_all(words, (pattern,))]


def _match_all(words: Sequence[_Word], patterns: Sequence[Pattern]
               ) -> list[tuple[int, int, str]]:
    """Every ``(i, j, indicator)`` where one of ``patterns`` matches; only the patterns whose
    first word fits a token are tried there, so the cost grows with tokens, not tokens x
    patterns."""
    return [(i, j, pat.text) for i, j, pat in _match_patterns(words, tuple(patterns))]


def _frame_hits(words: Sequence[_Word], patterns: Sequence[Pattern],
                exclude: Sequence[Pattern]) -> list[tuple[int, int, str]]:
    """Non-nested, non-excluded hits ``(i, j, indicator)`` of one frame, leftmost-longest."""
    vetoed = [(i, j) for i, j, _ in _match_all(words, exclude)] if exclude else []
    return _select_hits(_match_all(words, patterns), vetoed)


def _unit_ids(units: pd.DataFrame) -> pd.Series:
    if "unit_id" in units.columns:
        return units["unit_id"].astype(str)
    return pd.Series([str(i) for i in units.index], index=units.index)


def _text_hits(text: str, frames: list[tuple[str, list[Pattern], list[Pattern]]],
               every_pattern: tuple[Pattern, ...], index: object,
               roles: dict[Pattern, list[tuple[int, bool]]]
               ) -> list[tuple[str, str, str, int, int]]:
    """``(frame, term, indicator, start, end)`` of one text, offsets in the text, ordered by
    offset then codebook order."""
    words = _words(text)  # offsets in the unit (shared with the stance scorer)
    found: dict[int, list[tuple[int, int, str]]] = {}
    vetoed: dict[int, list[tuple[int, int]]] = {}
    for i, j, pat in _match_patterns(words, every_pattern, index):
        for order, is_exclude in roles[pat]:
            if is_exclude:
                vetoed.setdefault(order, []).append((i, j))
            else:
                found.setdefault(order, []).append((i, j, pat.text))
    unit_rows = []
    for order, (fid, _, _) in enumerate(frames):
        if order not in found:
            continue
        for i, j, indicator in _select_hits(found[order], vetoed.get(order, [])):
            a, b = words[i].start, words[j - 1].end
            unit_rows.append((a, order, (fid, text[a:b], indicator, a, b)))
    return [r for _, _, r in sorted(unit_rows, key=lambda r: (r[0], r[1]))]


def tag_frames(units: pd.DataFrame, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """Frame hits: one row per unit x frame x matched indicator, with evidence.

    Parameters
    ----------
    units : DataFrame
        ``text`` and ``start`` (the unit's offset in the raw article), and optionally
        ``unit_id`` and ``article_id`` (e.g. from :func:`corpus_tools.units.extract_units`).
        No other column is read: the tagger never sees speaker or group.
    codebook : DataFrame, optional
        From :func:`load_codebook`; defaults to the project's codebook.

    Returns
    -------
    DataFrame
        ``unit_id, article_id, frame, term, indicator, start, end``: ``term`` is the raw
        matched words, ``start``/``end`` their offsets in the raw article. Rows follow the
        units' order, then offset, then codebook order. A unit evokes a frame when it has
        at least one row for it.

    Examples
    --------
    >>> units = pd.DataFrame({"unit_id": ["u1"], "start": [100],
    ...                       "text": ["They deported him; the National\\nGuard came."]})
    >>> hits = tag_frames(units)
    >>> for row in hits[["frame", "term", "start", "end"]].itertuples(index=False):
    ...     print(*row)
    enforcement_ops deported 105 113
    security_militarization National
    Guard 123 137
    """
    codebook = load_codebook() if codebook is None else codebook
    missing = [c for c in ("text", "start") if c not in units.columns]
    if missing:
        raise KeyError(f"tag_frames: units lack column(s) {missing}; has {list(units.columns)}")
    ids = _unit_ids(units)
    articles = (units["article_id"].astype(str) if "article_id" in units.columns
                else pd.Series("", index=units.index))
    frames = list(zip(codebook["frame_id"], codebook["patterns"], codebook["exclude_patterns"],
                      strict=True))
    # One pass per unit over every frame's patterns; hits are then split by frame.
    roles: dict[Pattern, list[tuple[int, bool]]] = {}
    for order, (_, patterns, exclude) in enumerate(frames):
        for pat in patterns:
            roles.setdefault(pat, []).append((order, False))
        for pat in exclude:
            roles.setdefault(pat, []).append((order, True))
    every_pattern = tuple(roles)
    index = _pattern_index(every_pattern)
    # Hits depend only on the text: each distinct text is matched once per call, and
    # every unit with that text gets them shifted by its own start.
    local_hits: dict[str, list[tuple[str, str, str, int, int]]] = {}
    rows = []
    for uid, aid, start, text in zip(ids.tolist(), articles.tolist(), units["start"].tolist(),
                                     units["text"].tolist(), strict=True):
        start = int(start)
        text = "" if not isinstance(text, str) else text
        local = local_hits.get(text)
        if local is None:
            local = local_hits[text] = _text_hits(text, frames, every_pattern, index, roles)
        rows.extend([(uid, aid, fid, term, indicator, a + start, b + start)
                     for fid, term, indicator, a, b in local])
    hits = pd.DataFrame(rows, columns=HIT_COLUMNS)
    return hits.astype({"start": "int64", "end": "int64"})


def frame_matrix(units: pd.DataFrame, hits: pd.DataFrame,
                 frames: Sequence[str] | None = None) -> pd.DataFrame:
    """Boolean unit x frame view: does each unit evoke each frame?

    Parameters
    ----------
    units : DataFrame
        The units that were tagged (``unit_id`` or the index identifies them).
    hits : DataFrame
        From :func:`tag_frames`.
    frames : sequence of str, optional
        Column order; defaults to the project codebook's frames (plus any other frame in
        ``hits``, sorted).

    Returns
    -------
    DataFrame
        Indexed like ``units`` (index name ``unit_id`` holds the ids), one bool column
        per frame.

    Examples
    --------
    >>> units = pd.DataFrame({"unit_id": ["a", "b"], "start": [0, 0],
    ...                       "text": ["Criminals on the streets.", "Hello."]})
    >>> m = frame_matrix(units, tag_frames(units), frames=["crime_threat", "economic"])
    >>> m.astype(int).values.tolist()
    [[1, 0], [0, 0]]
    """
    if frames is None:
        frames = list(load_codebook()["frame_id"])
        frames += sorted(set(hits["frame"]) - set(frames))
    ids = _unit_ids(units)
    evoked = set(zip(hits["unit_id"].astype(str).tolist(), hits["frame"].tolist(),
                     strict=True))
    id_list = ids.tolist()
    data = {f: [(u, f) in evoked for u in id_list] for f in frames}
    out = pd.DataFrame(data, index=pd.Index(ids.to_numpy(), name="unit_id"), dtype=bool)
    return out.reindex(columns=list(frames))


def ordered_groups(values: Sequence[str]) -> list[str]:
    """Distinct group labels: the package's voices in :data:`GROUP_ORDER`, others sorted.

    Examples
    --------
    >>> ordered_groups(["press", "zeta", "administration", "press"])
    ['administration', 'press', 'zeta']
    """
    present = {str(v) for v in values}
    return [g for g in GROUP_ORDER if g in present] + sorted(present - set(GROUP_ORDER))


def _group_seed(seed: int, group: str) -> np.random.Generator:
    """A generator per (seed, group): a group's interval does not depend on the others."""
    return np.random.default_rng([seed, zlib.crc32(group.encode("utf-8"))])


def bootstrap_shares(matrix: np.ndarray, n_boot: int = 2000, seed: int = 0,
                     group: str = "") -> np.ndarray:
    """Bootstrap replicates of column means, resampling rows with replacement.

    Vectorised: each replicate's row counts are one multinomial draw, so the replicate
    shares are ``counts @ matrix / n`` (equivalent to resampling the rows).

    Returns
    -------
    ndarray, shape (n_boot, n_columns)

    Examples
    --------
    >>> m = np.array([[1, 0], [0, 0], [1, 1]], dtype=float)
    >>> b = bootstrap_shares(m, n_boot=5, seed=1)
    >>> b.shape, bool(((b >= 0) & (b <= 1)).all())
    ((5, 2), True)
    """
    n = matrix.shape[0]
    if n == 0:
        return np.full((n_boot, matrix.shape[1]), np.nan)
    rng = _group_seed(seed, group)
    counts = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot)
    return counts @ matrix.astype(float) / n


def score_frame_shares(units: pd.DataFrame, hits: pd.DataFrame, by: str = "group",
                       n_boot: int = 2000, seed: int = 2025, level: float = 0.95,
                       frames: Sequence[str] | None = None) -> pd.DataFrame:
    """Share of each group's units evoking each frame, with percentile bootstrap intervals.

    Parameters
    ----------
    units : DataFrame
        The tagged units with a grouping column ``by``.
    hits : DataFrame
        From :func:`tag_frames` on ``units``.
    by : str, default "group"
        Grouping column (``group``, ``outlet``, ``year``, ``kind``...).
    n_boot : int, default 2000
        Bootstrap replicates; units are resampled with replacement within each group.
    seed : int, default 2025
        Seed for :func:`numpy.random.default_rng` (combined with the group's name).
    level : float, default 0.95
        Interval coverage (percentile interval).
    frames : sequence of str, optional
        Frames to score; defaults to the codebook's.

    Returns
    -------
    DataFrame
        ``group, frame, n_units, n_hits, share, ci_low, ci_high`` (``group`` holds the
        values of ``by``; ``n_hits`` counts units evoking the frame). Groups in
        :data:`GROUP_ORDER` order, frames in codebook order. Units whose ``by`` value is
        missing or blank are left out (an article with no outlet or date has no group).

    Examples
    --------
    >>> units = pd.DataFrame({"unit_id": list("abcd"), "start": 0, "group": list("xxyy"),
    ...                       "text": ["Criminals.", "Hi.", "Crime!", "Crimes."]})
    >>> s = score_frame_shares(units, tag_frames(units), frames=["crime_threat"], n_boot=200)
    >>> s[["group", "n_units", "n_hits", "share"]].values.tolist()
    [['x', 2, 1, 0.5], ['y', 2, 2, 1.0]]
    """
    if by not in units.columns:
        raise KeyError(f"score_frame_shares: units lack column {by!r}")
    matrix = frame_matrix(units, hits, frames)
    labels = units[by].astype("string").fillna("").str.strip().to_numpy(dtype=object)
    alpha = (1.0 - level) / 2.0
    rows = []
    # Units with no value of ``by`` (no outlet or date in the metadata) form no group.
    for group in ordered_groups(labels[labels != ""]):
        m = matrix.to_numpy()[labels == group].astype(float)
        n = m.shape[0]
        share = m.mean(axis=0)
        boot = bootstrap_shares(m, n_boot=n_boot, seed=seed, group=group)
        low, high = np.quantile(boot, [alpha, 1.0 - alpha], axis=0)
        for k, frame in enumerate(matrix.columns):
            rows.append((group, frame, n, int(m[:, k].sum()), float(share[k]),
                         float(low[k]), float(high[k])))
    return pd.DataFrame(rows, columns=SHARE_COLUMNS)


def _chi2_null(perm_index: np.ndarray, evokes: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Pearson chi-square of the groups x (evokes, not) table for every label shuffle.

    ``perm_index`` holds, for shuffle ``s`` and unit ``u``, ``s * n_groups + group``;
    one weighted bincount yields all shuffles' "evokes" counts, and the statistic is
    computed for all tables at once (cells with zero expected count contribute 0).
    """
    n_groups = len(sizes)
    n_perm = perm_index.size // evokes.size
    yes = np.bincount(perm_index, weights=np.tile(evokes.astype(float), n_perm),
                      minlength=n_perm * n_groups).reshape(n_perm, n_groups)
    tables = np.stack([yes, sizes[None, :] - yes], axis=2)  # shuffles x groups x 2
    expected = (sizes[None, :, None] * tables.sum(axis=1, keepdims=True)
                / sizes.sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        cells = np.where(expected > 0, (tables - expected) ** 2 / expected, 0.0)
    return cells.sum(axis=(1, 2))


def test_frame_differences(units: pd.DataFrame, hits: pd.DataFrame, by: str = "group",
                           groups: Sequence[str] | None = None, method: str = "chi2",
                           n_perm: int = 9999, seed: int = 2025,
                           frames: Sequence[str] | None = None) -> pd.DataFrame:
    """Per frame, test whether the share of units evoking it differs across groups.

    Each frame gives a groups x (evokes, does not) table. ``method="chi2"`` is Pearson's
    chi-square (:func:`scipy.stats.chi2_contingency`, no continuity correction);
    ``"permutation"`` uses the same statistic with a Monte Carlo p-value from
    ``n_perm`` shuffles of the group labels (better when expected counts are small);
    ``"fisher"`` is Fisher's exact test (:func:`scipy.stats.fisher_exact`, two groups).
    P-values are adjusted across frames with Benjamini-Hochberg
    (:func:`scipy.stats.false_discovery_control`).

    Parameters
    ----------
    units, hits : DataFrame
        Tagged units (with column ``by``) and their hits.
    by : str, default "group"
    groups : sequence of str, optional
        Groups to compare (default: all present).
    method : {"chi2", "permutation", "fisher"}
    n_perm : int, default 9999
    seed : int, default 2025
    frames : sequence of str, optional

    Returns
    -------
    DataFrame
        ``frame, groups, n_units, n_hits, statistic, p_value, p_adjusted, min_expected,
        method``. Frames nobody (or everybody) evokes get statistic 0 and p 1.

    Examples
    --------
    >>> units = pd.DataFrame({"unit_id": list("abcdef"), "start": 0, "group": list("xxxyyy"),
    ...                       "text": ["Crime."] * 3 + ["Hi."] * 3})
    >>> t = test_frame_differences(units, tag_frames(units), frames=["crime_threat"],
    ...                            method="fisher")
    >>> round(float(t["p_value"].iloc[0]), 3)
    0.1
    """
    from scipy import stats  # here, not at import: analysing a corpus never needs it

    if method not in {"chi2", "permutation", "fisher"}:
        raise ValueError(f"method must be 'chi2', 'permutation' or 'fisher', not {method!r}")
    matrix = frame_matrix(units, hits, frames)
    labels = units[by].astype(str).to_numpy()
    groups = ordered_groups(labels) if groups is None else [str(g) for g in groups]
    keep = np.isin(labels, groups)
    labels, m = labels[keep], matrix.to_numpy()[keep].astype(int)
    if method == "fisher" and len(groups) != 2:
        raise ValueError(f"Fisher's exact test needs two groups, got {groups}")
    codes = np.array([groups.index(g) for g in labels], dtype=int)
    onehot = np.eye(len(groups), dtype=int)[codes]  # units x groups
    rng = np.random.default_rng(seed)
    perm_index = None
    if method == "permutation":
        perms = np.array([rng.permutation(codes) for _ in range(n_perm)])
        # One flat bin per (shuffle, group): a single bincount gives every shuffle's table.
        perm_index = (perms + len(groups) * np.arange(n_perm)[:, None]).ravel()
    rows = []
    for k, frame in enumerate(matrix.columns):
        yes = onehot.T @ m[:, k]
        table = np.column_stack([yes, onehot.sum(axis=0) - yes])
        expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0) / max(table.sum(), 1)
        degenerate = (table.sum(axis=0) == 0).any() or (table.sum(axis=1) == 0).any()
        if degenerate:
            stat, p = 0.0, 1.0
        elif method == "fisher":
            stat, p = stats.fisher_exact(table)
            stat, p = float(stat), float(p)
        else:
            stat, p, _, _ = stats.chi2_contingency(table, correction=False)
            stat, p = float(stat), float(p)
            if method == "permutation":
                null = _chi2_null(perm_index, m[:, k], table.sum(axis=1))
                p = float((1 + np.sum(null >= stat - 1e-12)) / (n_perm + 1))
        rows.append((frame, ";".join(groups), int(table.sum()), int(table[:, 0].sum()), stat,
                     p, float(expected.min()) if not degenerate else 0.0, method))
    out = pd.DataFrame(rows, columns=["frame", "groups", "n_units", "n_hits", "statistic",
                                      "p_value", "min_expected", "method"])
    out.insert(6, "p_adjusted", stats.false_discovery_control(out["p_value"].to_numpy())
               if len(out) else [])
    return out


# pytest would otherwise collect the public ``test_`` function as a test.
test_frame_differences.__test__ = False  # type: ignore[attr-defined]


def frame_examples(units: pd.DataFrame, hits: pd.DataFrame, per_frame: int = 2,
                   frames: Sequence[str] | None = None, max_chars: int = 220) -> pd.DataFrame:
    """Example units per frame with their evidence terms, for reading the tags.

    Units with the most distinct evidence terms for the frame come first (ties: the
    units' order), so the examples are the clearest cases, not a random draw.

    Returns
    -------
    DataFrame
        ``frame, unit_id, article_id, kind, group, evidence, text`` (``evidence`` is the
        matched words joined by ``"; "``; ``text`` whitespace-collapsed and shortened).

    Examples
    --------
    >>> units = pd.DataFrame({"unit_id": ["a", "b"], "start": 0,
    ...                       "text": ["Crime and criminals.", "A crime."]})
    >>> frame_examples(units, tag_frames(units), 1, ["crime_threat"])["evidence"].tolist()
    ['Crime; criminals']
    """
    frames = list(load_codebook()["frame_id"]) if frames is None else list(frames)
    ids = _unit_ids(units)
    info = units.assign(unit_id=ids.to_numpy(), _order=np.arange(len(units))).set_index("unit_id")
    rows = []
    for frame in frames:
        sub = hits[hits["frame"] == frame]
        evidence = sub.groupby("unit_id", sort=False)["term"].agg(
            lambda t: "; ".join(dict.fromkeys(" ".join(x.split()) for x in t)))
        ranked = sorted(evidence.index, key=lambda u: (-evidence[u].count("; "),
                                                       info.at[u, "_order"]))
        for uid in ranked[:per_frame]:
            row = info.loc[uid]
            text = " ".join(str(row["text"]).split())
            if len(text) > max_chars:
                text = text[:max_chars - 1].rstrip() + "…"
            rows.append((frame, uid, row.get("article_id", ""), row.get("kind", ""),
                         row.get("group", ""), evidence[uid], text))
    return pd.DataFrame(rows, columns=["frame", "unit_id", "article_id", "kind", "group",
                                       "evidence", "text"])
