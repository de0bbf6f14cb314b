"""Fit the speaker ranker on PolNeAR train and write ``corpus_tools/resources/speaker_ranker.json``.

    .venv/bin/python benchmarks/train_ranker.py ROOT [--out PATH]

``ROOT`` is a PolNeAR checkout (Newell, Margolin & Ruths 2018, LREC;
https://github.com/networkdynamics/PolNeAR). Only the ``train`` split is read. The script

1. runs the rules (``extract_quotes(..., rank=False)``) on every train article;
2. proposes candidates and features for each quote
   (:func:`corpus_tools.quotes.rank.quote_candidates`); a candidate is positive when it
   overlaps the gold Source span or names it (:func:`corpus_tools.polnear._names_match`);
3. fits a ``LogisticRegression`` (liblinear, ``C=0.3``, ``random_state=0``) on the
   candidates of every quote the rules leave without a speaker (the quotes the ranker acts
   on) that matches a gold quote with a source;
4. chooses the threshold by 5-fold cross-validation over articles (``GroupKFold``): among
   the thresholds whose out-of-fold fills keep the train split's attributed precision at
   least ``--min-precision`` (0.91), the one with the best speaker accuracy (ties: the
   higher threshold);
5. writes the coefficients (rounded to 6 places), intercept, threshold, counts, the
   citation, the code's git commit and the command, keys sorted: the same checkout and
   code give a byte-identical file. No PolNeAR text is written.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from corpus_tools.clean import corpus_headlines
from corpus_tools.polnear import _names_match, load_polnear, score_polnear, speaker_verdict
from corpus_tools.quote_eval import match_quotes
from corpus_tools.quotes import _body_paragraphs, extract_quotes
from corpus_tools.quotes import rank as rs

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "corpus_tools" / "resources" / rs.MODEL_FILE
N_FOLDS = 5


def _n_words(text: str) -> int:
    return len(rs._WORDS.findall(text))


def _label(c: rs.Candidate, g: pd.Series | None) -> bool:
    if g is None or g["source_start"] < 0:
        return False
    for part in str(g["source_spans"]).split(";"):
        s, e = (int(x) for x in part.split())
        if c.start < e and s < c.end:
            return True
    return c.kind == "name" and _names_match(c.text, str(g["source_text"]))


def build_rows(corpus: pd.DataFrame, gold: pd.DataFrame, pred: pd.DataFrame,
               registry=None) -> tuple[list[dict], pd.DataFrame]:
    """Feature dicts and a table of candidates (one row each: article, quote, label ...)
    for every rules quote that is not ``term``."""
    feats, rows = [], []
    headlines = corpus_headlines(corpus)
    excludes = corpus["exclude"] if "exclude" in corpus.columns else [()] * len(corpus)
    pred_by = dict(tuple(pred.groupby("article_id", sort=False)))
    gold_by = dict(tuple(gold.groupby("article_id", sort=False)))
    for aid, raw, exclude, headline in zip(corpus["article_id"], corpus["text"], excludes,
                                           headlines, strict=True):
        p = pred_by.get(aid)
        if p is None:
            continue
        p = p.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
        g = gold_by.get(aid, gold.iloc[:0]).reset_index(drop=True)
        cols = ["article_id", "start", "end"]
        pairs = dict(match_quotes(p[cols], g[cols]))
        views = [rs.QuoteView(int(r.start), int(r.end), r.kind, r.speaker,
                              int(r.mention_start), int(r.mention_end))
                 for r in p.itertuples(index=False)]
        sents = rs._Sentences(raw, _body_paragraphs(raw, exclude or (), headline))
        spans = sorted((v.start, v.end) for v in views)
        before = rs.speakers_so_far(views)
        for i, v in enumerate(views):
            if v.kind == "term":
                continue
            gi = pairs.get(i)
            gq = g.loc[gi] if gi is not None else None
            scored = _n_words(raw[v.start:v.end]) >= 3
            # a fragment the ranker may replace: was the rules' speaker right anyway?
            rules_right = bool(v.speaker) and gq is not None and \
                speaker_verdict(p.loc[i], gq) != ""
            for c, f in rs.quote_candidates(raw, sents, v, before[i][0], registry, spans):
                feats.append(f)
                rows.append({"article_id": aid, "quote": i, "start": c.start, "end": c.end,
                             "distance": v.start - c.end if c.end <= v.start
                             else c.start - v.end,
                             "label": _label(c, gq), "matched": gq is not None,
                             "has_source": gq is not None and gq["source_start"] >= 0,
                             "rules_empty": rs.needs_ranker(v), "scored": scored,
                             "rules_attributed": bool(v.speaker), "rules_right": rules_right})
            if rs.needs_ranker(v) and scored:  # a fill-able quote, with or without candidates
                rows.append({"article_id": aid, "quote": i, "start": -1, "end": -1,
                             "distance": 10**9, "label": False, "matched": gq is not None,
                             "has_source": gq is not None and gq["source_start"] >= 0,
                             "rules_empty": True, "scored": True, "placeholder": True,
                             "rules_attributed": bool(v.speaker), "rules_right": rules_right})
                feats.append({})
    table = pd.DataFrame(rows)
    if "placeholder" not in table.columns:
        table["placeholder"] = False
    table["placeholder"] = table["placeholder"].fillna(False).astype(bool)
    return feats, table


def _fit(x, y) -> LogisticRegression:
    return LogisticRegression(solver="liblinear", C=0.3, random_state=0, max_iter=1000).fit(x, y)


def _top(table: pd.DataFrame, prob: np.ndarray) -> pd.DataFrame:
    """The best candidate of each fill-able quote (rules silent, scored), with its prob."""
    t = table.assign(prob=np.where(table["placeholder"], -1.0, np.round(prob, 12)))
    t = t[t["rules_empty"] & t["scored"]]
    t = t.sort_values(["article_id", "quote", "prob", "distance", "start"],
                      ascending=[True, True, False, True, True], kind="stable")
    return t.groupby(["article_id", "quote"], sort=True).head(1)


def choose_threshold(top: pd.DataFrame, correct: int, attributed: int, scored: int,
                     min_precision: float) -> tuple[float, list[dict]]:
    """The threshold with the best speaker accuracy whose attributed precision stays at
    least ``min_precision`` (1.0 — never fill — when none does)."""
    curve, best = [], (-1.0, 1.0)
    for t in np.round(np.arange(0.30, 0.96, 0.01), 2):
        fills = top[top["prob"] >= t]
        right = int(fills["label"].sum())
        # a fill that replaces a fragment adds no attributed quote and may lose a right one
        gain = right - int(fills["rules_right"].sum())
        added = len(fills) - int(fills["rules_attributed"].sum())
        ap = (correct + gain) / (attributed + added) if attributed + added else 0
        acc = (correct + gain) / scored if scored else 0
        curve.append({"threshold": float(t), "fills": len(fills), "right": right,
                      "attributed_precision": round(ap, 4), "speaker_accuracy": round(acc, 4)})
        if ap >= min_precision and acc >= best[0]:
            best = (acc, float(t))
    return best[1], curve


def _git_commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True,
                             text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def train(root: str | Path, min_precision: float = 0.91, pred: pd.DataFrame | None = None
          ) -> tuple[dict, list[dict]]:
    """The model dict written to the JSON file, and the threshold curve."""
    corpus, gold = load_polnear(root, "train")
    if pred is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pred = extract_quotes(corpus, rank=False)
    rules = score_polnear(pred, gold).iloc[-1]
    feats, table = build_rows(corpus, gold, pred)
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(feats)
    y = table["label"].to_numpy()
    fit_rows = (table["matched"] & table["has_source"] & table["rules_empty"]
                & ~table["placeholder"]).to_numpy()
    if y[fit_rows].all() or not y[fit_rows].any():
        raise ValueError("the training candidates need both positive and negative labels")
    model = _fit(x[fit_rows], y[fit_rows])
    # out-of-fold probabilities for the threshold
    groups = table["article_id"].to_numpy()
    n_folds = min(N_FOLDS, len(set(groups)))
    oof = np.zeros(len(table))
    for train_idx, test_idx in GroupKFold(n_splits=n_folds).split(x, y, groups):
        keep = train_idx[fit_rows[train_idx]]
        if len(set(y[keep])) < 2:
            oof[test_idx] = model.predict_proba(x[test_idx])[:, 1]
            continue
        oof[test_idx] = _fit(x[keep], y[keep]).predict_proba(x[test_idx])[:, 1]
    top = _top(table, oof)
    threshold, curve = choose_threshold(
        top, int(rules["n_speaker_correct"]), int(rules["n_attributed"]),
        int(rules["n_speaker_scored"]), min_precision)
    names = vec.get_feature_names_out()
    coefficients = {str(n): round(float(c), 6) for n, c in zip(names, model.coef_[0],
                                                              strict=True)}
    out = {
        "model": "logistic regression over candidate speakers (scikit-learn "
                 "LogisticRegression, liblinear, C=0.3, random_state=0)",
        "coefficients": coefficients,
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": threshold,
        "threshold_rule": f"best {N_FOLDS}-fold (by article) out-of-fold speaker accuracy on "
                          f"PolNeAR train with attributed precision >= {min_precision}",
        "training": {"split": "train", "articles": int(len(corpus)),
                     "quotes": int(table.loc[fit_rows, ["article_id", "quote"]]
                                   .drop_duplicates().shape[0]),
                     "candidates": int(fit_rows.sum()), "positives": int(y[fit_rows].sum()),
                     "rules_speaker_correct": int(rules["n_speaker_correct"]),
                     "rules_attributed": int(rules["n_attributed"]),
                     "rules_speaker_scored": int(rules["n_speaker_scored"])},
        "dataset": rs.CITATION,
        "git_commit": _git_commit(),
        "command": "python benchmarks/train_ranker.py POLNEAR_ROOT"
                   + ("" if min_precision == 0.91 else f" --min-precision {min_precision}"),
    }
    return out, curve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a PolNeAR checkout")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-precision", type=float, default=0.91)
    parser.add_argument("--curve", action="store_true", help="print the threshold curve")
    args = parser.parse_args(argv)
    model, curve = train(args.root, args.min_precision)
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.curve:
        print(pd.DataFrame(curve).to_string(index=False))
    print(f"threshold {model['threshold']}; {model['training']}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
