"""Evaluation of quote extraction against hand-coded gold.

A predicted quote matches a gold quote when it covers at least ``min_overlap`` (30%) of
the gold quote's characters; matching is one-to-one, largest overlap first. Quote
precision, recall and F1 count speech only (``kind != "term"``); speaker and group
accuracy are over matched pairs (speakers compared by :func:`speaker_key`). Scare-quote
terms are scored separately.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from corpus_tools.paths import ANNOTATIONS_DIR, IN_CHECKOUT, resolve_dir

GOLD_COLUMNS = ["article_id", "quote_id", "start", "end", "text", "kind", "speaker",
                "actor_id", "group"]


def load_gold_quotes(path: str | Path | None = None) -> pd.DataFrame:
    """Read hand-coded gold quotes (default ``data/annotations/quotes_gold.csv``; an empty
    table when the package is installed without the project checkout, which has none)."""
    if path is None and not IN_CHECKOUT:
        return pd.DataFrame(columns=GOLD_COLUMNS)
    path = resolve_dir(path, ANNOTATIONS_DIR / "quotes_gold.csv")
    gold = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise ValueError(f"{path.name}: missing column(s) {', '.join(missing)}")
    gold["start"] = gold["start"].astype(int)
    gold["end"] = gold["end"].astype(int)
    return gold


def match_quotes(predicted: pd.DataFrame, gold: pd.DataFrame,
                 min_overlap: float = 0.3) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, largest overlap first."""
    candidates = []
    for gi, g in gold.iterrows():
        same = predicted[predicted["article_id"] == g["article_id"]]
        glen = max(g["end"] - g["start"], 1)
        for pi, p in same.iterrows():
            overlap = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if overlap > 0 and overlap / glen >= min_overlap:
                candidates.append((-overlap, pi, gi))
    used_p, used_g, pairs = set(), set(), []
    for _, pi, gi in sorted(candidates):
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            pairs.append((pi, gi))
    return sorted(pairs)


#: Initials before a name (``j.b.``, ``a.j.``): their full stops are dropped.
_INITIALS = re.compile(r"(?<![\w.])(?:[a-z]\.){2,3}(?=\s)")


def speaker_key(name: object) -> str:
    """A speaker's name as compared with gold: case-folded, curly apostrophes straightened,
    a leading *the* and then *U.S.* dropped (``the U.S. Department of Homeland Security`` is
    the Department of Homeland Security).

    Examples
    --------
    >>> speaker_key("the Mayor\u2019s Office") == speaker_key("mayor's office")
    True
    >>> speaker_key("J.B. Pritzker") == speaker_key("JB Pritzker")
    True
    """
    key = " ".join(str(name).replace("\u2019", "'").casefold().split())
    key = key[4:] if key.startswith("the ") else key
    key = key[5:] if key.startswith("u.s. ") else key
    return _INITIALS.sub(lambda m: m.group().replace(".", ""), key)  # J.B. = JB


def _scores(pred: pd.DataFrame, gold: pd.DataFrame, min_overlap: float) -> dict[str, float]:
    pairs = match_quotes(pred, gold, min_overlap)
    tp = len(pairs)
    precision = tp / len(pred) if len(pred) else 0.0
    recall = tp / len(gold) if len(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if not len(pred) and not len(gold):
        precision = recall = f1 = float("nan")
    same_speaker = sum(speaker_key(pred.at[p, "speaker"]) == speaker_key(gold.at[g, "speaker"])
                       for p, g in pairs)
    same_group = sum(pred.at[p, "group"] == gold.at[g, "group"] for p, g in pairs)
    return {"n_gold": len(gold), "n_predicted": len(pred), "n_matched": tp,
            "precision": precision, "recall": recall, "f1": f1,
            "speaker_accuracy": same_speaker / tp if tp else 0.0,
            "group_accuracy": same_group / tp if tp else 0.0}


def evaluate_quotes(predicted: pd.DataFrame, gold: pd.DataFrame,
                    min_overlap: float = 0.3) -> pd.DataFrame:
    """Quote P/R/F1 and speaker/group accuracy, per article and overall.

    Parameters
    ----------
    predicted, gold : DataFrame
        Quote tables with ``article_id, start, end, kind, speaker, group``.
    min_overlap : float, default 0.3
        Share of a gold quote's characters a prediction must cover to match it.

    Returns
    -------
    DataFrame
        Rows ``article_id`` (each article, then ``"all"``) with ``n_gold, n_predicted,
        n_matched, precision, recall, f1, speaker_accuracy, group_accuracy``, plus the
        F1 of scare-quote ``term`` detection in ``term_f1``.

    Examples
    --------
    >>> g = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [10], "kind": ["direct"],
    ...                   "speaker": ["Wu"], "group": ["local_officials"]})
    >>> p = g.assign(start=5, end=20)
    >>> evaluate_quotes(p, g).loc[0, ["f1", "speaker_accuracy"]].tolist()
    [1.0, 1.0]
    """
    rows = []
    articles = sorted(set(gold["article_id"]) | set(predicted["article_id"]))
    for aid in [*articles, "all"]:
        p = predicted if aid == "all" else predicted[predicted["article_id"] == aid]
        g = gold if aid == "all" else gold[gold["article_id"] == aid]
        speech = _scores(p[p["kind"] != "term"], g[g["kind"] != "term"], min_overlap)
        terms = _scores(p[p["kind"] == "term"], g[g["kind"] == "term"], min_overlap)
        rows.append({"article_id": aid, **speech, "term_f1": terms["f1"]})
    return pd.DataFrame(rows)


def list_errors(predicted: pd.DataFrame, gold: pd.DataFrame,
                min_overlap: float = 0.3) -> pd.DataFrame:
    """Misses, false alarms and wrong speakers, for error analysis."""
    pred = predicted[predicted["kind"] != "term"]
    g = gold[gold["kind"] != "term"]
    pairs = match_quotes(pred, g, min_overlap)
    rows = []
    matched_p = {p for p, _ in pairs}
    matched_g = {gi for _, gi in pairs}
    for gi, row in g.iterrows():
        if gi not in matched_g:
            rows.append(("missed", row["article_id"], row["start"], row["text"][:80], "",
                         row["speaker"]))
    for pi, row in pred.iterrows():
        if pi not in matched_p:
            rows.append(("false alarm", row["article_id"], row["start"], row["text"][:80],
                         row["speaker"], ""))
    for pi, gi in pairs:
        if speaker_key(pred.at[pi, "speaker"]) != speaker_key(g.at[gi, "speaker"]):
            rows.append(("wrong speaker", g.at[gi, "article_id"], g.at[gi, "start"],
                         g.at[gi, "text"][:80], pred.at[pi, "speaker"], g.at[gi, "speaker"]))
    return pd.DataFrame(rows, columns=["error", "article_id", "start", "text", "predicted",
                                       "gold"])
