"""Frames on real news: the dictionary against models trained on real coded quotes (issue 14).

    .venv/bin/python benchmarks/frames_real.py ../shared/realdev:tune /work/realdev2:tune \\
        /work/realdev3:all [--units gold|matched] [--codebook CSV] [--features cues]
        [--schemes loso,loao] [--out CSV] [--log CSV]

Each argument is a coded folder (:mod:`corpus_tools.coded_sets`) with the part of it that
may be read: ``:tune`` (odd-numbered files) or ``:all``. There is no way to ask for the
held-out half. Every gold quote with its ``frames`` is a unit; the folders are the *sets*.

Evaluation schemes (the test units are never seen by anything fitted or chosen):

* ``loso``: leave one set out: train on the other sets' quotes (plus the project's coded
  units, weighted), test on the held-out set;
* ``loao``: leave one article out, all sets pooled.

Variants:

* ``dict``: the codebook tagger (:func:`corpus_tools.coded_sets.frames_per_text`);
* ``model``: one logistic regression per frame (liblinear, ``C=1``) on TF-IDF of the
  quote's word stems (:func:`corpus_tools.matcher.words`, unigrams, ``min_df=2``) plus the
  dictionary's per-frame hits as 0/1 features, with a per-frame probability threshold.
  With ``--features cues`` the dictionary's hits also enter per cue (``frame:indicator``),
  so the model can learn which cues are reliable on real news;
* ``or`` / ``and``: the dictionary's frame OR (AND) the model's, per-frame thresholds;
  the threshold grid includes the values that reduce either to the dictionary alone.

Inside each training fold, 5-fold cross-validation by article over the training *real*
quotes gives out-of-fold probabilities; each frame's threshold is the one with the best
F1 there (ties: the middle of the tied values), and the weight of the project's units
(``--project-weights``, 0 = real quotes only) is the one with the best inner micro-F1.
The project's units are the 1,600 coded statements (``data/annotations/stance_train``) and
the seed hand coding (``data/annotations/frames_gold.csv``); they are always training
data, never test data.

Scores: micro- and macro-F1 (:func:`corpus_tools.coded_sets.score_frames`) per held-out set
and pooled, with percentile bootstrap 95% intervals resampling articles (2,000 draws, seed
0). ``--units matched`` tests on the extractor's quotes matched to gold (the issue's
measure; training still uses gold spans). Output: numbers only (no text of the folders).
The results of issue 14's second frame round are in ``benchmarks/README.md``, "Frames on
real quotes": no learned variant beat the dictionary, so none is shipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from corpus_tools.coded_sets import (
    drop_ignored,
    frames_per_text,
    load_coded_set,
    score_frames,
    split_of,
)
from corpus_tools.frames import load_codebook, tag_frames
from corpus_tools.matcher import words

REPO = Path(__file__).resolve().parents[1]
STATEMENTS = REPO / "data" / "annotations" / "stance_train" / "statements.jsonl"
SEED_FRAMES = REPO / "data" / "annotations" / "frames_gold.csv"
GRID = np.round(np.concatenate([[0.0], np.arange(0.05, 0.951, 0.05), [1.01]]), 2)
VARIANTS = ("dict", "model", "or", "and")
N_INNER = 5


# --- data -----------------------------------------------------------------------------------

def parse_spec(spec: str) -> tuple[str, str]:
    """``FOLDER:tune`` or ``FOLDER:all`` -> (folder, part); anything else is refused."""
    folder, _, part = spec.rpartition(":")
    if part not in ("tune", "all") or not folder:
        raise SystemExit(f"{spec}: give FOLDER:tune or FOLDER:all (the held-out half is "
                         "never read)")
    return folder, part


def set_name(folder: str) -> str:
    return Path(folder).resolve().name


def load_real(specs: list[str], matched: bool) -> pd.DataFrame:
    """One row per gold quote: ``set, article_id, text, frames`` and ``test_text`` (the gold
    span, or the matched extracted quote's text, ``None`` when none matched)."""
    frames = []
    for spec in specs:
        folder, part = parse_spec(spec)
        corpus, gold, ignore = load_coded_set(folder)
        if part == "tune":
            corpus = corpus[corpus["article_id"].map(split_of) == "tune"].reset_index(drop=True)
            gold = gold[gold["article_id"].isin(corpus["article_id"])].reset_index(drop=True)
        table = pd.DataFrame({"set": set_name(folder), "article_id": gold["article_id"],
                              "text": gold["text"], "frames": gold["frames"].map(tuple)})
        table["test_text"] = table["text"]
        if matched:
            table["test_text"] = _matched_texts(corpus, gold, ignore)
        frames.append(table)
    return pd.concat(frames, ignore_index=True)


def _matched_texts(corpus: pd.DataFrame, gold: pd.DataFrame, ignore: pd.DataFrame) -> list:
    from corpus_tools.quote_eval import match_quotes
    from corpus_tools.quotes import extract_quotes

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pred = extract_quotes(corpus)
    speech = drop_ignored(pred[pred["kind"] != "term"], ignore).reset_index(drop=True)
    match = {g: p for p, g in match_quotes(speech, gold.reset_index(drop=True))}
    return [speech.at[match[g], "text"] if g in match else None for g in range(len(gold))]


def load_project() -> pd.DataFrame:
    """The project's coded units: the 1,600 statements and the seed hand coding."""
    rows = []
    with STATEMENTS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            rows.append((rec["text"], tuple(rec.get("frames") or ())))
    seeds = pd.read_csv(SEED_FRAMES, dtype=str, keep_default_na=False)
    rows += [(t, tuple(f for f in fr.split(";") if f)) for t, fr in
             zip(seeds["text"], seeds["frames"], strict=True)]
    return pd.DataFrame(rows, columns=["text", "frames"])


# --- features and model -----------------------------------------------------------------

def stems(text: str) -> list[str]:
    return [w.stem for w in words(text)]


def dict_matrix(predicted: list[tuple[str, ...]], frames: list[str]) -> np.ndarray:
    return np.array([[f in p for f in frames] for p in predicted], dtype=float)


def cues_per_text(texts: list[str], codebook: pd.DataFrame) -> list[list[str]]:
    """The dictionary's hits per text as ``frame:indicator`` strings (one per distinct cue)."""
    units = pd.DataFrame({"unit_id": [f"u{i}" for i in range(len(texts))], "start": 0,
                          "text": texts})
    hits = tag_frames(units, codebook)
    by_unit = (hits["frame"] + ":" + hits["indicator"]).groupby(hits["unit_id"]).agg(
        lambda s: sorted(set(s)))
    return [by_unit.get(f"u{i}", []) for i in range(len(texts))]


def _identity(x: list[str]) -> list[str]:
    return x


class FrameModel:
    """Per-frame logistic regressions on stems TF-IDF + dictionary hits (per frame, or per
    cue when ``cues`` are given)."""

    def __init__(self, frames: list[str]):
        self.frames = frames

    def _x(self, texts: list[str], dict_x: np.ndarray, cues: list | None, fit: bool):
        parts = [self.vec.fit_transform(texts) if fit else self.vec.transform(texts),
                 sparse.csr_matrix(dict_x)]
        if cues is not None:
            parts.append(self.cue_vec.fit_transform(cues) if fit
                         else self.cue_vec.transform(cues))
        return sparse.hstack(parts).tocsr()

    def fit(self, texts: list[str], dict_x: np.ndarray, labels: np.ndarray,
            weights: np.ndarray, cues: list | None = None) -> FrameModel:
        self.vec = TfidfVectorizer(analyzer=stems, min_df=2, sublinear_tf=True)
        self.cue_vec = CountVectorizer(analyzer=_identity, binary=True)
        x = self._x(texts, dict_x, cues, fit=True)
        self.models = []
        for k in range(len(self.frames)):
            y = labels[:, k]
            if y.min() == y.max():
                self.models.append(float(y[0]))
                continue
            lr = LogisticRegression(C=1.0, solver="liblinear", random_state=0, max_iter=1000)
            lr.fit(x, y, sample_weight=weights)
            self.models.append(lr)
        return self

    def proba(self, texts: list[str], dict_x: np.ndarray, cues: list | None = None
              ) -> np.ndarray:
        x = self._x(texts, dict_x, cues, fit=False)
        out = np.zeros((len(texts), len(self.frames)))
        for k, m in enumerate(self.models):
            out[:, k] = m if isinstance(m, float) else m.predict_proba(x)[:, 1]
        return out


def combine(variant: str, dict_x: np.ndarray, proba: np.ndarray,
            thresholds: np.ndarray) -> np.ndarray:
    model = proba >= thresholds[None, :]
    d = dict_x.astype(bool)
    if variant == "dict":
        return d
    if variant == "model":
        return model
    if variant == "or":
        return d | model
    return d & model


def _f1(y: np.ndarray, p: np.ndarray) -> float:
    tp = float((y & p).sum())
    n_p, n_g = float(p.sum()), float(y.sum())
    return 2 * tp / (n_p + n_g) if n_p + n_g else 0.0


def choose_thresholds(variant: str, y: np.ndarray, dict_x: np.ndarray,
                      proba: np.ndarray) -> np.ndarray:
    """Per frame, the grid threshold with the best F1 (ties: the middle tied value)."""
    out = np.zeros(y.shape[1])
    for k in range(y.shape[1]):
        scores = [_f1(y[:, k], combine(variant, dict_x[:, [k]], proba[:, [k]],
                                       np.array([t]))[:, 0]) for t in GRID]
        best = np.flatnonzero(np.isclose(scores, max(scores)))
        out[k] = GRID[best[len(best) // 2]]
    return out


def micro_f1(y: np.ndarray, p: np.ndarray) -> float:
    return _f1(y.ravel(), p.ravel())


# --- one training fold ----------------------------------------------------------------------

def fit_fold(train: pd.DataFrame, project: pd.DataFrame, frames: list[str],
             weights: list[float]) -> dict[str, tuple[FrameModel, np.ndarray, float]]:
    """For each model variant: the model fitted on ``train`` (+ project units at the weight
    chosen by inner CV), its per-frame thresholds and the chosen weight."""
    y_train = labels_of(train, frames)
    groups = train["article_id"].to_numpy()
    n_inner = min(N_INNER, len(set(groups)))
    inner = list(GroupKFold(n_splits=n_inner).split(train, groups=groups))
    best: dict[str, tuple[float, float, np.ndarray]] = {}
    for w in weights:
        oof = np.zeros(y_train.shape)
        for tr, te in inner:
            sub = train.iloc[tr]
            model = _fit(sub, project, frames, w)
            oof[te] = model.proba(list(train["text"].iloc[te]),
                                  np.stack(train["dict_x"].iloc[te].to_numpy()),
                                  _cues(train.iloc[te]))
        dict_x = np.stack(train["dict_x"].to_numpy())
        for variant in VARIANTS[1:]:
            th = choose_thresholds(variant, y_train.astype(bool), dict_x, oof)
            score = micro_f1(y_train.astype(bool), combine(variant, dict_x, oof, th))
            if variant not in best or score > best[variant][0] + 1e-12:
                best[variant] = (score, w, th)
    fitted: dict[float, FrameModel] = {}
    out = {}
    for variant, (_, w, th) in best.items():
        if w not in fitted:
            fitted[w] = _fit(train, project, frames, w)
        out[variant] = (fitted[w], th, w)
    return out


def labels_of(table: pd.DataFrame, frames: list[str]) -> np.ndarray:
    return np.array([[f in fs for f in frames] for fs in table["frames"]], dtype=int)


def _fit(train: pd.DataFrame, project: pd.DataFrame, frames: list[str],
         w: float) -> FrameModel:
    parts = [train] if w == 0 else [train, project]
    data = pd.concat(parts, ignore_index=True)
    weights = np.concatenate([np.ones(len(train))] + ([np.full(len(project), w)] if w else []))
    return FrameModel(frames).fit(list(data["text"]), np.stack(data["dict_x"].to_numpy()),
                                  labels_of(data, frames), weights, _cues(data))


def _cues(table: pd.DataFrame, column: str = "cues") -> list | None:
    return list(table[column]) if column in table.columns else None


# --- evaluation ----------------------------------------------------------------------------

#: (tau, min_hits): a cue is dropped when it fires on at least ``min_hits`` training quotes
#: and fewer than ``tau`` of them are coded with its frame; (0, 2) drops nothing.
PRUNE_GRID = [(tau, m) for tau in (0.0, 0.2, 0.34, 0.5) for m in (2, 3)]


def _cue_stats(cues: list[list[str]], y: np.ndarray, frames: list[str]
               ) -> dict[str, tuple[int, int]]:
    """Per cue (``frame:indicator``): quotes it fires on, and how many are coded its frame."""
    stats: dict[str, list[int]] = {}
    for row, labels in zip(cues, y, strict=True):
        for cue in row:
            k = frames.index(cue.split(":", 1)[0])
            entry = stats.setdefault(cue, [0, 0])
            entry[0] += 1
            entry[1] += int(labels[k])
    return {c: (n, k) for c, (n, k) in stats.items()}


def _pruned(cues: list[list[str]], dropped: set[str], frames: list[str]) -> np.ndarray:
    out = np.zeros((len(cues), len(frames)), dtype=bool)
    for i, row in enumerate(cues):
        for cue in row:
            if cue not in dropped:
                out[i, frames.index(cue.split(":", 1)[0])] = True
    return out


def _dropped(stats: dict[str, tuple[int, int]], tau: float, min_hits: int) -> set[str]:
    return {c for c, (n, k) in stats.items() if n >= min_hits and k / n < tau}


def fit_prune(train: pd.DataFrame, frames: list[str]) -> tuple[set[str], tuple[float, int]]:
    """The cues to drop: (tau, min_hits) chosen by inner 5-fold CV by article (ties: the
    first in :data:`PRUNE_GRID`, i.e. the fewest drops), cues counted on all of ``train``."""
    y = labels_of(train, frames)
    cues = list(train["prune_cues"])
    groups = train["article_id"].to_numpy()
    inner = list(GroupKFold(n_splits=min(N_INNER, len(set(groups)))).split(train, groups=groups))
    best, best_score = PRUNE_GRID[0], -1.0
    for tau, m in PRUNE_GRID:
        pred = np.zeros(y.shape, dtype=bool)
        for tr, te in inner:
            stats = _cue_stats([cues[i] for i in tr], y[tr], frames)
            pred[te] = _pruned([cues[i] for i in te], _dropped(stats, tau, m), frames)
        score = micro_f1(y.astype(bool), pred)
        if score > best_score + 1e-12:
            best, best_score = (tau, m), score
    return _dropped(_cue_stats(cues, y, frames), *best), best


def predict_folds(real: pd.DataFrame, project: pd.DataFrame, frames: list[str],
                  folds: list[tuple[np.ndarray, np.ndarray]], weights: list[float]
                  ) -> tuple[dict[str, np.ndarray], list[dict]]:
    """Out-of-fold predictions (units x frames, bool) for every variant, and per fold the
    chosen weights and thresholds."""
    n = len(real)
    variants = (*VARIANTS, "pruned") if "prune_cues" in real.columns else VARIANTS
    preds = {v: np.zeros((n, len(frames)), dtype=bool) for v in variants}
    test_dict = np.stack(real["test_dict_x"].to_numpy())
    log = []
    for i, (tr, te) in enumerate(folds):
        fitted = fit_fold(real.iloc[tr].reset_index(drop=True), project, frames, weights)
        texts = [t if isinstance(t, str) else "" for t in real["test_text"].iloc[te]]
        preds["dict"][te] = test_dict[te].astype(bool)
        if "pruned" in preds:
            dropped, (tau, m) = fit_prune(real.iloc[tr].reset_index(drop=True), frames)
            preds["pruned"][te] = _pruned(list(real["test_prune_cues"].iloc[te]), dropped,
                                          frames)
            log.append({"fold": i, "variant": "pruned", "tau": tau, "min_hits": m,
                        "n_dropped": len(dropped)})
        for variant, (model, th, w) in fitted.items():
            proba = model.proba(texts, test_dict[te], _cues(real.iloc[te], "test_cues"))
            preds[variant][te] = combine(variant, test_dict[te], proba, th)
            log.append({"fold": i, "variant": variant, "weight": w,
                        **{f"t_{f}": float(t) for f, t in zip(frames, th, strict=True)}})
        print(f"  fold {i + 1}/{len(folds)} done", file=sys.stderr, flush=True)
    return preds, log


def scores_with_ci(y: np.ndarray, p: np.ndarray, articles: np.ndarray, n_boot: int = 2000,
                   seed: int = 0) -> dict[str, float]:
    """Micro- and macro-F1 and percentile bootstrap 95% intervals resampling articles."""
    ids, inv = np.unique(articles, return_inverse=True)
    tp = np.zeros((len(ids), y.shape[1]))
    npred, ngold = np.zeros_like(tp), np.zeros_like(tp)
    np.add.at(tp, inv, (y & p).astype(float))
    np.add.at(npred, inv, p.astype(float))
    np.add.at(ngold, inv, y.astype(float))

    def both(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        t, a, g = w @ tp, w @ npred, w @ ngold  # draws x frames
        with np.errstate(divide="ignore", invalid="ignore"):
            micro = np.where(a.sum(1) + g.sum(1) > 0,
                             2 * t.sum(1) / (a.sum(1) + g.sum(1)), 0.0)
            f = np.where((a > 0) & (g > 0), 2 * t / (a + g), 0.0)
            present = (a > 0) | (g > 0)
            macro = np.where(present.any(1), (f * present).sum(1) / present.sum(1), 0.0)
        return micro, macro

    micro, macro = both(np.ones((1, len(ids))))
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(len(ids), np.full(len(ids), 1 / len(ids)), size=n_boot)
    bm, bM = both(draws.astype(float))
    q = [0.025, 0.975]
    return {"micro": float(micro[0]), "micro_lo": float(np.quantile(bm, q[0])),
            "micro_hi": float(np.quantile(bm, q[1])), "macro": float(macro[0]),
            "macro_lo": float(np.quantile(bM, q[0])), "macro_hi": float(np.quantile(bM, q[1])),
            "n_units": int(len(y)), "n_articles": int(len(ids))}


def run(specs: list[str], matched: bool, codebook: str | None, weights: list[float],
        schemes: list[str], features: str = "frames", prune: bool = False
        ) -> tuple[pd.DataFrame, pd.DataFrame]:
    cb = load_codebook(codebook)
    frames = list(cb["frame_id"])
    real = load_real(specs, matched)
    project = load_project()
    real["dict_x"] = list(dict_matrix(frames_per_text(real["text"], cb), frames))
    tests = [t if isinstance(t, str) else "" for t in real["test_text"]]
    real["test_dict_x"] = list(dict_matrix(frames_per_text(tests, cb), frames))
    project["dict_x"] = list(dict_matrix(frames_per_text(project["text"], cb), frames))
    if features == "cues":
        real["cues"] = cues_per_text(list(real["text"]), cb)
        real["test_cues"] = cues_per_text(tests, cb)
        project["cues"] = cues_per_text(list(project["text"]), cb)
    if prune:
        real["prune_cues"] = cues_per_text(list(real["text"]), cb)
        real["test_prune_cues"] = cues_per_text(tests, cb)
    y = labels_of(real, frames).astype(bool)
    scored = real["test_text"].map(lambda t: isinstance(t, str)).to_numpy()
    sets = list(dict.fromkeys(real["set"]))
    rows, logs = [], []
    for scheme in schemes:
        if scheme == "loso":
            folds = [(np.flatnonzero(real["set"] != s), np.flatnonzero(real["set"] == s))
                     for s in sets]
        else:
            arts = list(dict.fromkeys(real["article_id"]))
            folds = [(np.flatnonzero(real["article_id"] != a),
                      np.flatnonzero(real["article_id"] == a)) for a in arts]
        print(f"{scheme}: {len(folds)} folds", file=sys.stderr, flush=True)
        preds, log = predict_folds(real, project, frames, folds, weights)
        logs += [{"scheme": scheme, **r} for r in log]
        for variant, p in preds.items():
            for part in [*sets, "pooled"]:
                keep = scored & ((real["set"] == part).to_numpy() if part != "pooled" else True)
                s = scores_with_ci(y[keep], p[keep], (real["set"] + "/" +
                                                      real["article_id"]).to_numpy()[keep])
                rows.append({"scheme": scheme, "variant": variant, "set": part, **s})
            if variant != "dict":
                continue
            # Sanity: the dictionary's pooled micro-F1 equals score_frames' on the same units.
            ref = score_frames([tuple(f for f, v in zip(frames, r, strict=True) if v)
                                for r in y[scored]],
                               [tuple(f for f, v in zip(frames, r, strict=True) if v)
                                for r in p[scored]]).set_index("frame").loc["micro", "f1"]
            assert abs(ref - rows[-1]["micro"]) < 1e-3, (ref, rows[-1]["micro"])
    return pd.DataFrame(rows), pd.DataFrame(logs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", help="FOLDER:tune or FOLDER:all")
    parser.add_argument("--units", choices=("gold", "matched"), default="gold")
    parser.add_argument("--codebook", help="a frame codebook CSV (default: the package's)")
    parser.add_argument("--project-weights", default="0,0.1,0.3,1",
                        help="weights of the project's units tried inside the training folds")
    parser.add_argument("--schemes", default="loso,loao")
    parser.add_argument("--features", choices=("frames", "cues"), default="frames",
                        help="the dictionary's hits as features per frame, or per frame "
                             "and per cue (indicator)")
    parser.add_argument("--prune", action="store_true",
                        help="also the variant 'pruned': the dictionary without the cues "
                             "that are mostly wrong on the training quotes")
    parser.add_argument("--out", metavar="CSV", help="write the scores here")
    parser.add_argument("--log", metavar="CSV", help="write the chosen weights/thresholds here")
    args = parser.parse_args(argv)
    weights = [float(w) for w in args.project_weights.split(",")]
    table, log = run(args.sets, args.units == "matched", args.codebook, weights,
                     args.schemes.split(","), args.features, args.prune)
    pd.set_option("display.width", 160)
    print(table.round(3).to_string(index=False))
    if args.out:
        table.round(4).to_csv(args.out, index=False)
    if args.log:
        log.to_csv(args.log, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
