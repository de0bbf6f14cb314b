"""Coded sets: score every measure against a folder of hand-coded real news.

A *coded set* is a folder that holds the articles and their hand coding, in the format of the
project's real-news development set (``../shared/realdev/``, coded from its ``GUIDELINE.md``):

* ``text/*.txt``: one article (or excerpt) per file, UTF-8;
* ``gold.json``: ``{"articles": {"FILE.txt": {"quotes": [...], "ignore": [...]}}}`` where each
  quote has ``start, end`` (the quoted words without the marks), ``speaker`` (a list of
  accepted strings: full name and surname, or name and abbreviation; absent when the article
  never names the speaker), ``group``, ``stance`` and ``frames``; ``ignore`` lists quoted
  stretches that are not quotes under the guideline (neither rewarded nor penalised);
* ``sources.csv`` (optional): ``file, url, outlet, year``.

Third-party text stays where it is: these functions read a folder in place, and the
repository holds only the scores (``benchmarks/score_coded_set.py`` prints them).

Scoring follows :mod:`corpus_tools.quote_eval` (a prediction matches a gold quote when it
covers at least 30% of its characters, one-to-one, largest overlap first, as the Gender Gap
Tracker scores; Asr et al. 2021). Speaker accuracy accepts any of the gold's accepted strings
(:func:`speaker_accepted`) and is computed over matched quotes
whose speaker the article names. Stance is scored with SemEval-2016's macro-F1 over *favor*
and *against* (Mohammad et al. 2016), frames with micro- and per-frame F1; both are scored on
the gold spans (the measure alone) and on matched quotes (extraction and measure together).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.actors import as_registry
from corpus_tools.quote_eval import match_quotes, speaker_key

GOLD_COLUMNS = ["article_id", "start", "end", "text", "kind", "speaker", "speakers", "group",
                "stance", "frames"]


class CodedSetError(ValueError):
    """A coded-set folder is missing a file or its ``gold.json`` is malformed."""


def split_of(article_id: str) -> str:
    """The realdev split an article belongs to: ``"tune"`` or ``"heldout"``.

    Files are numbered in date order (``d01`` ... ``d40``); odd numbers are the tuning half,
    even numbers the held-out half, fixed before any rule was tuned on the set (2026-12-01).
    Files without a number are held out.

    Examples
    --------
    >>> split_of("d01_oregonian"), split_of("d02_bend-bulletin"), split_of("notes")
    ('tune', 'heldout', 'heldout')
    """
    digits = "".join(ch for ch in article_id.split("_", 1)[0] if ch.isdigit())
    return "tune" if digits and int(digits) % 2 == 1 else "heldout"


def load_coded_set(folder: str | Path, split: str | None = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read a coded set: ``(corpus, gold, ignore)``.

    Parameters
    ----------
    folder : str or Path
        A folder with ``text/`` and ``gold.json`` (relative to the current directory).
    split : {"tune", "heldout"}, optional
        Read only the files of this half (:func:`split_of`); the other half's texts are never
        opened. Default: every file.

    Returns
    -------
    corpus : DataFrame
        The package's corpus table (:func:`corpus_tools.stream.corpus_frame`), one row per
        text file, ``article_id`` = file stem, ``outlet`` from ``sources.csv`` when present.
    gold : DataFrame
        :data:`GOLD_COLUMNS`: one row per gold quote; ``speakers`` is a tuple of accepted
        strings (empty when unnamed), ``speaker`` the first of them, ``frames`` a tuple.
    ignore : DataFrame
        ``article_id, start, end`` of the spans to ignore.

    Raises
    ------
    CodedSetError
        Naming the file and the quote when something is missing or out of range.
    """
    from corpus_tools.stream import corpus_frame

    folder = Path(folder).expanduser().resolve()
    gold_path = folder / "gold.json"
    text_dir = folder / "text"
    if not gold_path.is_file() or not text_dir.is_dir():
        raise CodedSetError(f"{folder}: a coded set needs text/ and gold.json")
    try:
        coded = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    except (json.JSONDecodeError, KeyError, TypeError) as err:
        raise CodedSetError(f"{gold_path}: not a coded-set gold file ({err})") from None
    outlets: dict[str, str] = {}
    years: dict[str, str] = {}
    if (folder / "sources.csv").is_file():
        sources = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)
        if {"file", "outlet"} <= set(sources.columns):
            outlets = dict(zip(sources["file"], sources["outlet"], strict=True))
        if {"file", "year"} <= set(sources.columns):
            years = dict(zip(sources["file"], sources["year"], strict=True))
    if split not in (None, "tune", "heldout"):
        raise CodedSetError(f"{folder}: split {split!r} is not 'tune' or 'heldout'")
    records, rows, ignore, problems = [], [], [], []
    for path in sorted(text_dir.glob("*.txt")):
        if split and split_of(path.stem) != split:
            continue
        text = path.read_text(encoding="utf-8")
        records.append({"article_id": path.stem, "text": text, "file": path.name,
                        "outlet": outlets.get(path.name, "")})
        entry = coded.get(path.name, {"quotes": [], "ignore": []})
        for i, q in enumerate(entry.get("quotes", [])):
            start, end = int(q["start"]), int(q["end"])
            if not 0 <= start < end <= len(text):
                problems.append(f"gold.json {path.name} quote {i}: span {start}-{end} is "
                                f"outside the text ({len(text)} characters)")
                continue
            speakers = tuple(q.get("speaker") or ())
            rows.append((path.stem, start, end, text[start:end], "direct",
                         speakers[0] if speakers else "", speakers, q.get("group", ""),
                         q.get("stance", ""), tuple(q.get("frames") or ())))
        ignore += [(path.stem, int(s["start"]), int(s["end"])) for s in entry.get("ignore", [])]
    missing = sorted(name for name in set(coded) - {r["file"] for r in records}
                     if not split or split_of(Path(name).stem) == split)
    problems += [f"gold.json codes {name}, which is not in text/" for name in missing]
    if problems:
        raise CodedSetError("; ".join(problems))
    corpus = corpus_frame(records)
    # ``sources.csv`` gives a year, not a date: the year column only (``published`` stays
    # empty rather than invent a day)
    corpus["year"] = pd.array([int(y) if (y := years.get(f, "")).isdigit() else pd.NA
                               for f in corpus["file"]], dtype="Int64")
    gold = pd.DataFrame(rows, columns=GOLD_COLUMNS)
    return corpus, gold, pd.DataFrame(ignore, columns=["article_id", "start", "end"])


def drop_ignored(pred: pd.DataFrame, ignore: pd.DataFrame, min_overlap: float = 0.3
                 ) -> pd.DataFrame:
    """Predictions that mostly cover an ignored span are neither rewarded nor penalised."""
    if not len(ignore) or not len(pred):
        return pred
    keep = []
    spans = ignore.groupby("article_id")[["start", "end"]].apply(lambda d: d.values.tolist())
    for aid, s, e in zip(pred["article_id"], pred["start"], pred["end"], strict=True):
        hit = any(min(e, ie) - max(s, is_) >= min_overlap * max(ie - is_, 1)
                  for is_, ie in spans.get(aid, []))
        keep.append(not hit)
    return pred[keep]


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else float("nan")
    r = tp / n_gold if n_gold else float("nan")
    f = 2 * p * r / (p + r) if n_pred and n_gold and p + r else 0.0
    return p, r, f


def score_frames(truth: Iterable[Iterable[str]], predicted: Iterable[Iterable[str]]
                 ) -> pd.DataFrame:
    """Per-frame and micro/macro precision, recall and F1 of multi-label frame sets.

    Examples
    --------
    >>> t = [("crime_threat",), ("humanitarian", "economic"), ()]
    >>> p = [("crime_threat",), ("humanitarian",), ("economic",)]
    >>> float(score_frames(t, p).set_index("frame").loc["micro", "f1"])
    0.667
    """
    truth, predicted = [set(t) for t in truth], [set(p) for p in predicted]
    frames = sorted(set().union(*truth, *predicted)) if truth else []
    rows = []
    for frame in frames:
        tp = sum(frame in t and frame in p for t, p in zip(truth, predicted, strict=True))
        n_pred = sum(frame in p for p in predicted)
        n_gold = sum(frame in t for t in truth)
        rows.append((frame, n_gold, n_pred, tp, *_f1(tp, n_pred, n_gold)))
    table = pd.DataFrame(rows, columns=["frame", "n_gold", "n_predicted", "tp", "precision",
                                        "recall", "f1"])
    tp, n_pred, n_gold = table["tp"].sum(), table["n_predicted"].sum(), table["n_gold"].sum()
    micro = ("micro", n_gold, n_pred, tp, *_f1(tp, n_pred, n_gold))
    macro = ("macro", n_gold, n_pred, tp, table["precision"].mean(), table["recall"].mean(),
             table["f1"].mean())
    table = pd.concat([table, pd.DataFrame([micro, macro], columns=table.columns)],
                      ignore_index=True)
    return table.round({"precision": 3, "recall": 3, "f1": 3})


FRAME_REPORT_COLUMNS = ["frame", "support", "n_predicted", "tp", "precision", "recall", "f1"]


def frame_report(truth: Iterable[Iterable[str]], predicted: Iterable[Iterable[str]],
                 frames: Iterable[str] | None = None) -> pd.DataFrame:
    """Per-frame precision, recall, F1 and support as one tidy table, plus micro and macro rows.

    The numbers are :func:`score_frames`'s; this table names the gold count ``support`` and
    lists every frame of ``frames`` (e.g. a codebook's ``frame_id`` column) in that order, so
    tables from different sets line up: a frame nobody coded or predicted has support 0 and
    undefined (NaN) precision, recall and F1. Frames found in the codings but not in
    ``frames`` follow, alphabetically.

    Parameters
    ----------
    truth, predicted : iterable of iterables of str
        Frame ids per unit: the coder's and the system's, in the same unit order.
    frames : iterable of str, optional
        Frames to list first, in order (default: those in the codings, alphabetically).

    Returns
    -------
    DataFrame
        ``frame, support, n_predicted, tp, precision, recall, f1``; the last two rows are
        ``micro`` (over all unit x frame decisions) and ``macro`` (mean over the frames
        coded or predicted).

    Examples
    --------
    >>> t = [("crime_threat",), ("crime_threat", "economic"), ()]
    >>> p = [("crime_threat",), ("economic",), ("economic",)]
    >>> print(frame_report(t, p, ["crime_threat", "economic", "humanitarian"]).to_string())
              frame  support  n_predicted  tp  precision  recall     f1
    0  crime_threat        2            1   1      1.000   0.500  0.667
    1      economic        1            2   1      0.500   1.000  0.667
    2  humanitarian        0            0   0        NaN     NaN    NaN
    3         micro        3            3   2      0.667   0.667  0.667
    4         macro        3            3   2      0.750   0.750  0.667
    """
    table = score_frames(truth, predicted).rename(columns={"n_gold": "support"})
    table = table.set_index("frame")[FRAME_REPORT_COLUMNS[1:]]
    coded = [f for f in table.index if f not in ("micro", "macro")]
    order = list(dict.fromkeys(frames)) if frames is not None else []
    order += sorted(f for f in coded if f not in order)
    empty = {"support": 0, "n_predicted": 0, "tp": 0, "precision": np.nan, "recall": np.nan,
             "f1": np.nan}
    rows = [table.loc[f].to_dict() if f in table.index else empty for f in order]
    summary = (table.loc[["micro", "macro"]] if "micro" in table.index
               else pd.DataFrame([empty, empty], index=["micro", "macro"]))
    out = pd.DataFrame(rows + summary.to_dict("records"), columns=FRAME_REPORT_COLUMNS[1:])
    out.insert(0, "frame", order + ["micro", "macro"])
    return out.astype({"support": int, "n_predicted": int, "tp": int})


def frames_per_text(texts: Iterable[str], codebook: pd.DataFrame | None = None
                    ) -> list[tuple[str, ...]]:
    """The frames the codebook tagger finds in each text, sorted (for :func:`frame_report`).

    Examples
    --------
    >>> frames_per_text(["Criminals were deported.", "Hello."])
    [('crime_threat', 'enforcement_ops'), ()]
    """
    from corpus_tools.frames import tag_frames

    texts = ["" if not isinstance(t, str) else t for t in texts]
    units = pd.DataFrame({"unit_id": [f"u{i}" for i in range(len(texts))], "start": 0,
                          "text": texts})
    hits = tag_frames(units, codebook)
    by_unit = hits.groupby("unit_id")["frame"].agg(lambda s: tuple(sorted(set(s))))
    return [by_unit.get(f"u{i}", ()) for i in range(len(texts))]


def score_stance_labels(truth: Iterable[str], predicted: Iterable[str]) -> pd.DataFrame:
    """Per-class precision/recall/F1 and SemEval-2016 macro-F1 (mean F1 of favor, against).

    Examples
    --------
    >>> t = ["favor", "against", "none", "against"]
    >>> p = ["favor", "none", "none", "against"]
    >>> float(score_stance_labels(t, p).set_index("label").loc["semeval_macro", "f1"])
    0.833
    """
    from corpus_tools.stance import score_stance_per_class

    return score_stance_per_class(list(truth), list(predicted))


def score_quotes_against(pred: pd.DataFrame, gold: pd.DataFrame, ignore: pd.DataFrame,
                         min_overlap: float = 0.3) -> dict[str, float]:
    """Quote finding, speaker and group against a coded set.

    Returns
    -------
    dict
        ``n_gold, n_predicted, n_matched, precision, recall, f1, n_named, speaker_accuracy,
        group_accuracy, attributed_precision`` (share of predicted quotes with a speaker
        whose speaker is right, among matched quotes with a named gold speaker).
    """
    pred = pred[pred["kind"] != "term"].reset_index(drop=True)
    pred = drop_ignored(pred, ignore, min_overlap).reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    pairs = match_quotes(pred, gold, min_overlap)
    precision, recall, f1 = _f1(len(pairs), len(pred), len(gold))
    named = [(p, g) for p, g in pairs if gold.at[g, "speakers"]]
    right = [speaker_accepted(pred.at[p, "speaker"], gold.at[g, "speakers"])
             for p, g in named]
    attributed = [r for (p, _), r in zip(named, right, strict=True)
                  if str(pred.at[p, "speaker"]).strip()]
    same_group = [pred.at[p, "group"] == gold.at[g, "group"] for p, g in pairs]
    return {"n_gold": len(gold), "n_predicted": len(pred), "n_matched": len(pairs),
            "precision": precision, "recall": recall, "f1": f1, "n_named": len(named),
            "speaker_accuracy": float(np.mean(right)) if right else float("nan"),
            "attributed_precision": float(np.mean(attributed)) if attributed else float("nan"),
            "group_accuracy": float(np.mean(same_group)) if same_group else float("nan")}


def speaker_accepted(predicted: object, accepted: Iterable[str]) -> bool:
    """Whether a predicted speaker is one of the coders' accepted strings (compared by
    :func:`~corpus_tools.quote_eval.speaker_key`), or, when the coders give only a surname
    (the article never writes the full name), a full name ending in that surname (the
    registry's ``Zohran Mamdani`` for an article's ``Mamdani``), or another name of the same
    registered actor (``William Barr`` for ``Bill Barr``).

    Examples
    --------
    >>> speaker_accepted("J.B. Pritzker", ["JB Pritzker", "Pritzker"])
    True
    >>> speaker_accepted("Zohran Mamdani", ["Mamdani"])
    True
    >>> speaker_accepted("Zohran Mamdani", ["Ana Mamdani", "Mamdani"])
    False
    >>> speaker_accepted("William Barr", ["Bill Barr", "Barr"])  # the registry's aliases
    True
    """
    keys = {speaker_key(s) for s in accepted}
    key = speaker_key(predicted)
    if key in keys:
        return True
    surnames_only = bool(keys) and all(" " not in k for k in keys)
    if surnames_only and " " in key and key.rsplit(" ", 1)[1] in keys:
        return True
    person = _registered_as(str(predicted))  # one registered person's two names
    return person is not None and any(_registered_as(s) == person for s in accepted
                                      if " " in s.strip())


def _registered_as(name: str) -> str | None:
    """The registry id of the actor ``name`` is a name or alias of, in full; or None
    (``Bill Barr`` and ``William Barr`` are one person)."""
    found = as_registry(None).find(name.strip())
    if found is None or found[1].start != 0 or found[1].end != len(name.strip()):
        return None
    return found[0].actor_id


def matched_pairs(pred: pd.DataFrame, gold: pd.DataFrame, ignore: pd.DataFrame,
                  min_overlap: float = 0.3) -> pd.DataFrame:
    """Gold quotes side by side with the prediction matched to each (or ``None``): the
    error table behind :func:`score_quotes_against`."""
    pred = pred[pred["kind"] != "term"].reset_index(drop=True)
    pred = drop_ignored(pred, ignore, min_overlap).reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    match = dict((g, p) for p, g in match_quotes(pred, gold, min_overlap))
    rows = []
    for g in gold.index:
        p = match.get(g)
        rows.append({
            "article_id": gold.at[g, "article_id"], "start": gold.at[g, "start"],
            "gold_speaker": " | ".join(gold.at[g, "speakers"]),
            "gold_group": gold.at[g, "group"],
            "found": p is not None,
            "speaker": pred.at[p, "speaker"] if p is not None else None,
            "group": pred.at[p, "group"] if p is not None else None,
            "speaker_ok": (p is not None and
                           speaker_accepted(pred.at[p, "speaker"], gold.at[g, "speakers"])),
            "text": gold.at[g, "text"][:70],
        })
    return pd.DataFrame(rows)


def compare_coders(folder: str | Path, first: str = "gold.json",
                   second: str = "gold_second_coder.json",
                   min_overlap: float = 0.3) -> pd.DataFrame:
    """Agreement of two independent codings of one folder (e.g. ``gold.json`` and
    ``gold_second_coder.json``): the second coder's quotes scored against the first's.

    Returns
    -------
    DataFrame
        ``field, n, agreement, kappa, f1``: ``quotes`` (span F1 at ``min_overlap``),
        ``speaker`` (any accepted string shared, over matched quotes both name), ``group``,
        ``stance`` (kappa over the three labels; F1 = SemEval macro-F1) and ``frames``
        (micro-F1).
    """
    from sklearn.metrics import cohen_kappa_score

    folder = Path(folder)
    _, a, ignore = load_coded_set(folder) if first == "gold.json" else (None, None, None)
    if a is None:
        raise CodedSetError("the first coding must be the folder's gold.json")
    b = _load_other_coding(folder, second)
    b_pred = b.assign(kind="direct")
    b_kept = drop_ignored(b_pred, ignore, min_overlap).reset_index(drop=True)
    pairs = match_quotes(b_kept, a.reset_index(drop=True), min_overlap)
    p, r, f = _f1(len(pairs), len(b_kept), len(a))
    rows = [("quotes", len(a), float("nan"), float("nan"), f)]
    both = [(i, j) for i, j in pairs if a.at[j, "speakers"] and b_kept.at[i, "speakers"]]
    same = [bool({speaker_key(s) for s in a.at[j, "speakers"]} &
                 {speaker_key(s) for s in b_kept.at[i, "speakers"]}) for i, j in both]
    rows.append(("speaker", len(both), float(np.mean(same)) if same else float("nan"),
                 float("nan"), float("nan")))
    for field in ("group", "stance"):
        x = [a.at[j, field] for _, j in pairs]
        y = [b_kept.at[i, field] for i, _ in pairs]
        f1 = float("nan")
        if field == "stance":
            f1 = float(score_stance_labels(x, y).set_index("label").loc["semeval_macro", "f1"])
        rows.append((field, len(pairs), float(np.mean([u == v for u, v in zip(x, y,
                                                                               strict=True)])),
                     float(cohen_kappa_score(x, y)), f1))
    frames = score_frames([a.at[j, "frames"] for _, j in pairs],
                          [b_kept.at[i, "frames"] for i, _ in pairs]).set_index("frame")
    rows.append(("frames", len(pairs), float("nan"), float("nan"),
                 float(frames.loc["micro", "f1"]) if "micro" in frames.index else float("nan")))
    return pd.DataFrame(rows, columns=["field", "n", "agreement", "kappa", "f1"]).round(3)


def _load_other_coding(folder: Path, name: str) -> pd.DataFrame:
    """A second coding of the folder's texts, as a gold table."""
    coded = json.loads((folder / name).read_text(encoding="utf-8"))["articles"]
    rows = []
    for file, entry in sorted(coded.items()):
        text = (folder / "text" / file).read_text(encoding="utf-8")
        for q in entry.get("quotes", []):
            s, e = int(q["start"]), int(q["end"])
            speakers = tuple(q.get("speaker") or ())
            rows.append((Path(file).stem, s, e, text[s:e], "direct",
                         speakers[0] if speakers else "", speakers, q.get("group", ""),
                         q.get("stance", ""), tuple(q.get("frames") or ())))
    return pd.DataFrame(rows, columns=GOLD_COLUMNS)
