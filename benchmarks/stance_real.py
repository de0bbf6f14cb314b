"""Issue 14 experiment: does learning from real news quotes make the stance model hold?

Reads coded sets of real news (format of :mod:`corpus_tools.coded_sets`) in place and scores
stance variants on the gold quote spans, from the words alone (never the speaker or group):

* ``a_shipped``: today's model (``resources/stance_model.json``, 1,600 project statements);
* ``a_lexicon``: the lexicon scorer, for reference;
* ``b_real``: project statements + the training folds' real quotes, the real quotes with a
  sample weight and the ``none`` bias chosen inside the training folds only (inner folds by
  set or by article group);
* ``c_context``: ``b_real`` plus features of the quote's paragraph (the quote blanked, every
  capitalised name, title and organisation masked: never the speaker or group);
* ``d_stack``: the lexicon's hits and today's model's log-probabilities stacked by a
  logistic regression fitted on the training folds' real quotes;
* ``e_prior``: today's model with its ``none`` bias refitted on the training folds' real
  quotes (real quotes are about one third ``none``, the statements balanced);
* ``f_real_only``: the real quotes alone (no statements), weight 1, bias chosen inside.

Two protocols: leave-one-set-out (train on the statements + the other sets, test on one set)
and leave-one-article-out over the pooled real quotes (``--article-folds K`` groups the
articles into K folds instead, to save time: each fit costs seconds on 1,800 texts).
Intervals: 95% bootstrap over articles (resampled with replacement, seed 0), also for the
difference of each variant from ``a_shipped`` on the same resamples.

Usage (FOLDER[:tune|:all]; ``:tune`` (default) reads only the odd-numbered files)::

    PYTHONPATH=. python benchmarks/stance_real.py ../shared/realdev:tune \\
        /work/realdev2:tune /work/realdev3:all [--out /tmp/stance_real.csv]

Only numbers are printed and written; no text of the folders. The frame experiment on the
same sets is ``benchmarks/frames_real.py``.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.coded_sets import load_coded_set
from corpus_tools.stance import score_stance, semeval_f1
from corpus_tools.stance_model import LABELS, load_stance_model, load_statements, stance_features

ROOT = Path(__file__).resolve().parents[1]
STATEMENTS = ROOT / "data" / "annotations" / "stance_train" / "statements.jsonl"
WEIGHTS = (1.0, 3.0, 10.0)
BIASES = tuple(round(b, 2) for b in np.arange(-1.0, 1.51, 0.25))
# A capitalised word sequence (names, titles before names, organisations, acronyms).
_PROPER = re.compile(r"\b[A-Z][\w.\u2019'&-]*(?:[ \t]+[A-Z][\w.\u2019'&-]*)*")
_TITLE = None


def _titles() -> re.Pattern:
    global _TITLE
    if _TITLE is None:
        from corpus_tools.actors import TITLE_WORDS

        words = sorted({w.rstrip(".") for w in TITLE_WORDS if len(w.rstrip(".")) > 2},
                       key=len, reverse=True)
        _TITLE = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")s?\b", re.I)
    return _TITLE


def masked_context(text: str, start: int, end: int, width: int = 300) -> str:
    """The quote's paragraph (at most ``width`` characters each side) with the quote blanked
    and every capitalised word sequence and title word replaced by ``xname``/``xtitle``."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    left, right = max(left, start - width), min(right, end + width)
    around = text[left:start] + " xquote " + text[end:right]
    around = _PROPER.sub("xname", around)
    return _titles().sub("xtitle", around)


# ------------------------------------------------------------------------------ data


def load_real(specs: Sequence[str]) -> pd.DataFrame:
    """Gold quotes of the coded sets: ``set, article, text, stance, frames, context``."""
    frames = []
    for spec in specs:
        folder, _, split = spec.partition(":")
        split = split or "tune"
        if split not in ("tune", "all"):
            raise SystemExit(f"{spec}: the split must be 'tune' or 'all'")
        corpus, gold, _ = load_coded_set(folder, split=None if split == "all" else "tune")
        texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
        name = Path(folder).name
        gold = gold.assign(set=name, article=name + "/" + gold["article_id"])
        gold["context"] = [masked_context(texts[a], s, e) for a, s, e
                           in zip(gold["article_id"], gold["start"], gold["end"], strict=True)]
        frames.append(gold[["set", "article", "text", "stance", "frames", "context"]])
    real = pd.concat(frames, ignore_index=True)
    bad = sorted(set(real["stance"]) - set(LABELS))
    if bad:
        raise SystemExit(f"unknown stance labels in the gold: {bad}")
    return real


# ------------------------------------------------------------------------------ models


def _fit(feats: list[list[str]], labels: Sequence[str], weights: np.ndarray, c: float = 4.0):
    """TF-IDF + balanced multinomial logistic regression on precomputed feature lists."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, min_df=2)
    x = vec.fit_transform(feats)
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    clf.fit(x, list(labels), sample_weight=weights)
    order = [list(clf.classes_).index(lab) for lab in LABELS]
    return lambda f: clf.decision_function(vec.transform(f))[:, order]


def _labels(decisions: np.ndarray, bias: float) -> list[str]:
    z = decisions.copy()
    z[:, LABELS.index("none")] += bias
    return [LABELS[i] for i in z.argmax(axis=1)]


def _best_bias(decisions: np.ndarray, truth: Sequence[str]) -> float:
    scores = [(semeval_f1(list(truth), _labels(decisions, b)), -abs(b), b) for b in BIASES]
    return max(scores)[2]


class Experiment:
    """Precomputed features of the statements and the real quotes; the variants."""

    def __init__(self, real: pd.DataFrame, statements: pd.DataFrame):
        self.real = real.reset_index(drop=True)
        self.st = statements.reset_index(drop=True)
        self.st_feats = [stance_features(t) for t in self.st["text"]]
        self.q_feats = [stance_features(t) for t in self.real["text"]]
        self.ctx_feats = [[f"ctx:{f}" for f in stance_features(c) if " " not in f]
                          for c in self.real["context"]]
        shipped = load_stance_model()
        self.shipped = shipped
        self.a_dec = shipped.decision(list(self.real["text"])) - np.eye(3)[2] * shipped.none_bias
        self.a_pred = shipped.predict(list(self.real["text"]))
        lex = [score_stance(t) for t in self.real["text"]]
        self.lex_pred = [r.label for r in lex]
        self.lex_x = np.array([[sum(p > 0 for _, p, _, _ in r.evidence),
                                sum(p < 0 for _, p, _, _ in r.evidence), r.score] for r in lex])
        self.fits = 0

    def _decide(self, train: np.ndarray, test: np.ndarray, weight: float, context: bool,
                statements: bool = True) -> np.ndarray:
        feats = list(self.st_feats) if statements else []
        labels = list(self.st["stance"]) if statements else []
        qf = [self.q_feats[i] + (self.ctx_feats[i] if context else []) for i in train]
        w = np.r_[np.ones(len(feats)), np.full(len(train), weight)]
        model = _fit(feats + qf, labels + list(self.real["stance"].iloc[train]), w)
        self.fits += 1
        return model([self.q_feats[i] + (self.ctx_feats[i] if context else []) for i in test])

    def learned(self, train: np.ndarray, test: np.ndarray, inner: list, context: bool,
                statements: bool = True) -> tuple[list[str], dict]:
        """Choose (weight, none bias) on the inner folds of ``train``, refit, label ``test``."""
        truth = self.real["stance"].to_numpy()
        weights = WEIGHTS if statements else (1.0,)
        best = None
        for w in weights:
            dec = np.zeros((len(self.real), 3))
            seen = []
            for itr, ite in inner:
                dec[ite] = self._decide(itr, ite, w, context, statements)
                seen += list(ite)
            seen = np.array(seen)
            bias = _best_bias(dec[seen], truth[seen])
            f1 = semeval_f1(list(truth[seen]), _labels(dec[seen], bias))
            key = (round(f1, 6), -w, -abs(bias))
            if best is None or key > best[0]:
                best = (key, w, bias)
        _, w, bias = best
        return _labels(self._decide(train, test, w, context, statements), bias), {
            "weight": w, "none_bias": bias}

    def stacked(self, train: np.ndarray, test: np.ndarray) -> list[str]:
        from sklearn.linear_model import LogisticRegression

        x = np.c_[self.a_dec - self.a_dec.max(axis=1, keepdims=True), self.lex_x]
        clf = LogisticRegression(C=1.0, max_iter=5000)
        clf.fit(x[train], self.real["stance"].iloc[train])
        return list(clf.predict(x[test]))

    def prior(self, train: np.ndarray, test: np.ndarray) -> list[str]:
        truth = self.real["stance"].to_numpy()
        bias = _best_bias(self.a_dec[train], truth[train])
        return _labels(self.a_dec[test], bias)


def _inner_folds(exp: Experiment, train: np.ndarray, by: str, k: int = 2) -> list:
    """Folds inside ``train``: by set (leave one set out) or ``k`` groups of articles."""
    from sklearn.model_selection import GroupKFold

    groups = exp.real[by].to_numpy()[train]
    if by == "set":
        return [(train[groups != g], train[groups == g]) for g in sorted(set(groups))]
    return [(train[a], train[b]) for a, b in GroupKFold(n_splits=k).split(train, groups=groups)]


def run(exp: Experiment, protocol: str, article_folds: int | None) -> pd.DataFrame:
    """Out-of-fold labels of every variant under one protocol (one row per real quote)."""
    from sklearn.model_selection import GroupKFold

    real = exp.real
    n = len(real)
    idx = np.arange(n)
    if protocol == "set":
        outer = [(idx[real["set"] != s], idx[real["set"] == s]) for s in sorted(set(real["set"]))]
        inner_by = "set"
    else:
        arts = real["article"].to_numpy()
        k = article_folds or len(set(arts))
        outer = [(idx[a], idx[b]) for a, b in GroupKFold(n_splits=k).split(idx, groups=arts)]
        inner_by = "article"
    out = {"a_lexicon": list(exp.lex_pred), "a_shipped": list(exp.a_pred)}
    for name in ("b_real", "c_context", "d_stack", "e_prior", "f_real_only"):
        out[name] = [""] * n
    chosen = []
    for fold, (train, test) in enumerate(outer):
        t0 = time.process_time()
        inner = _inner_folds(exp, train, inner_by)
        for name, kw in (("b_real", {"context": False}), ("c_context", {"context": True}),
                         ("f_real_only", {"context": False, "statements": False})):
            labels, params = exp.learned(train, test, inner, **kw)
            for i, lab in zip(test, labels, strict=True):
                out[name][i] = lab
            chosen.append((protocol, fold, name, params["weight"], params["none_bias"]))
        for i, lab in zip(test, exp.stacked(train, test), strict=True):
            out["d_stack"][i] = lab
        for i, lab in zip(test, exp.prior(train, test), strict=True):
            out["e_prior"][i] = lab
        print(f"  {protocol} fold {fold + 1}/{len(outer)}: {len(test)} quotes, "
              f"{time.process_time() - t0:.0f} CPU s", flush=True)
    print(pd.DataFrame(chosen, columns=["protocol", "fold", "variant", "weight", "none_bias"])
          .groupby(["variant", "weight", "none_bias"]).size().to_string())
    pred = pd.DataFrame(out)
    pred.insert(0, "stance", real["stance"].to_numpy())
    pred.insert(0, "article", real["article"].to_numpy())
    pred.insert(0, "set", real["set"].to_numpy())
    return pred.assign(protocol=protocol)


# ------------------------------------------------------------------------------ scores


def _per_class(truth: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    from sklearn.metrics import f1_score

    f = f1_score(list(truth), list(pred), labels=list(LABELS), average=None, zero_division=0)
    return {f"f1_{lab}": float(v) for lab, v in zip(LABELS, f, strict=True)}


def bootstrap(pred: pd.DataFrame, variant: str, reps: int = 2000, seed: int = 0
              ) -> tuple[float, float, float, float]:
    """95% intervals of macro-F1 and of its difference from ``a_shipped``, by article."""
    rng = np.random.default_rng(seed)
    arts = sorted(set(pred["article"]))
    codes = pd.Categorical(pred["article"], categories=arts).codes
    # Per article: tp, predicted and gold counts of favor and against, for the two scorers.
    counts = {}
    for col in (variant, "a_shipped"):
        c = np.zeros((len(arts), 6))
        for k, lab in enumerate(("favor", "against")):
            hit = (pred[col] == lab).to_numpy()
            gold = (pred["stance"] == lab).to_numpy()
            np.add.at(c[:, 3 * k], codes, hit & gold)
            np.add.at(c[:, 3 * k + 1], codes, hit)
            np.add.at(c[:, 3 * k + 2], codes, gold)
        counts[col] = c

    def macro(c: np.ndarray) -> np.ndarray:  # rows: resamples; F1 = 2 tp / (pred + gold)
        f = [np.divide(2 * c[:, 3 * k], c[:, 3 * k + 1] + c[:, 3 * k + 2],
                       out=np.zeros(len(c)), where=(c[:, 3 * k + 1] + c[:, 3 * k + 2]) > 0)
             for k in range(2)]
        return (f[0] + f[1]) / 2

    draws = rng.integers(0, len(arts), (reps, len(arts)))
    weight = np.stack([np.bincount(d, minlength=len(arts)) for d in draws])
    scores = macro(weight @ counts[variant])
    diffs = scores - macro(weight @ counts["a_shipped"])
    lo, hi = np.percentile(scores, [2.5, 97.5])
    dlo, dhi = np.percentile(diffs, [2.5, 97.5])
    return float(lo), float(hi), float(dlo), float(dhi)


def score_table(pred: pd.DataFrame, protocol: str) -> pd.DataFrame:
    variants = [c for c in pred.columns if c not in ("set", "article", "stance", "protocol")]
    rows = []
    for part in [*sorted(set(pred["set"])), "pooled"]:
        sub = pred if part == "pooled" else pred[pred["set"] == part]
        for v in variants:
            row = {"protocol": protocol, "held_out": part, "variant": v, "n": len(sub),
                   "macro_f1": semeval_f1(list(sub["stance"]), list(sub[v])),
                   **_per_class(sub["stance"], sub[v])}
            if part == "pooled":
                row["ci_lo"], row["ci_hi"], row["diff_lo"], row["diff_hi"] = bootstrap(sub, v)
            rows.append(row)
    return pd.DataFrame(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="coded sets, FOLDER[:tune|:all]")
    parser.add_argument("--statements", default=str(STATEMENTS))
    parser.add_argument("--article-folds", type=int, default=None,
                        help="K article groups instead of leave-one-article-out")
    parser.add_argument("--protocols", default="set,article")
    parser.add_argument("--out", metavar="CSV", help="write the score table (numbers only)")
    parser.add_argument("--labels-out", metavar="CSV",
                        help="write every quote's out-of-fold labels (article ids, no text)")
    args = parser.parse_args(argv)
    real = load_real(args.folders)
    print(f"{len(real)} real quotes, {real['article'].nunique()} articles: "
          f"{real.groupby('set')['stance'].value_counts().unstack(fill_value=0).to_dict('index')}")
    exp = Experiment(real, load_statements(args.statements))
    tables, preds = [], []
    for protocol in args.protocols.split(","):
        pred = run(exp, protocol, args.article_folds)
        preds.append(pred)
        if args.labels_out:
            pd.concat(preds, ignore_index=True).to_csv(args.labels_out, index=False)
        tables.append(score_table(pred, protocol))
        pd.set_option("display.width", 160)
        print(tables[-1].round(3).to_string(index=False), flush=True)
    print(f"{exp.fits} fits")
    if args.out:
        pd.concat(tables, ignore_index=True).round(4).to_csv(args.out, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
