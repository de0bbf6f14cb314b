"""Stance model: a supervised classifier beside the transparent lexicon scorer.

The lexicon scorer (:mod:`corpus_tools.stance`) was written from the seed articles and misses
most stance on real news. This model learns stance from labelled statements (SemEval-2016
Task 6 labels, Mohammad et al. 2016), from the words alone, never the speaker or group:

* features: word unigrams and bigrams with negation scope marked (a word between a negator
  and the next punctuation mark becomes ``NOT_word``; Das & Chen 2001, Pang, Lee &
  Vaithyanathan 2002), plus pseudo-words for the lexicon's cues with their negation-aware
  polarity (``__lex_favor__``, ``__lex_against__``) and for the naming categories of
  :mod:`corpus_tools.naming` (``__name_criminality__``, ``__name_membership__`` ...);
  weighted by sublinear TF-IDF;
* classifier: multinomial logistic regression (scikit-learn), balanced class weights;
* ``none`` calibration: an additive bias on the ``none`` log-odds and an abstention
  threshold (``none`` when neither P(favor) nor P(against) reaches it), both chosen by
  leave-one-source-out cross-validation on the training statements (never on real news) to
  maximise SemEval macro-F1 (the mean of F1 favor and F1 against).

The training command also stores the per-class precision/recall/F1 of the model and of the
lexicon on the same cross-validation folds (:func:`training_cv_table` reads them back).

The fitted model ships as a JSON text file (``resources/stance_model.json``: vocabulary, idf,
coefficients, bias, and where the training data came from), so prediction needs no pickle and
the numbers can be read. Retrain with::

    python -m corpus_tools.stance_model data/annotations/stance_train/statements.jsonl

"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.paths import RESOURCES_DIR

LABELS = ("favor", "against", "none")
MODEL_PATH = RESOURCES_DIR / "stance_model.json"
_TOKEN = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?|[.,;:!?()\u2014]")
_NEGATORS = frozenset({"not", "no", "never", "nothing", "none", "without", "neither", "nor",
                       "cannot", "nobody", "nowhere"})
_SCOPE_END = frozenset(".,;:!?()\u2014")


def _is_negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith(("n't", "n\u2019t"))


@lru_cache(maxsize=1)
def _lexicon():
    from corpus_tools.stance import StanceScorer

    return StanceScorer()


@lru_cache(maxsize=1)
def _naming():
    from corpus_tools.naming import load_naming

    return load_naming()


def stance_features(text: str) -> list[str]:
    """The model's features of one text: negation-marked uni- and bigrams and cue pseudo-words.

    Examples
    --------
    >>> stance_features("We will not cooperate, ever.")[:5]
    ['we', 'will', 'not', 'NOT_cooperate', 'ever']
    >>> "__lex_against__" in stance_features("We will not comply.")
    True
    """
    from corpus_tools.naming import find_names

    words, negated = [], False
    for tok in _TOKEN.findall(text.lower()):
        if tok in _SCOPE_END:
            negated = False
            words.append("|")
            continue
        words.append(f"NOT_{tok}" if negated else tok)
        if _is_negator(tok):
            negated = True
    unigrams = [w for w in words if w != "|"]
    bigrams = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)
               if a != "|" and b != "|"]
    extra = [("__lex_favor__" if polarity > 0 else "__lex_against__")
             for _, polarity, _, _ in _lexicon().score(text).evidence]
    extra += [f"__name_{category}__" for _, _, _, category in find_names(text, _naming())]
    return unigrams + bigrams + extra


@dataclass
class StanceModel:
    """A fitted stance model: TF-IDF vocabulary and weights, logistic-regression coefficients
    and the ``none`` bias. Build with :func:`fit_stance_model` or :func:`load_stance_model`.
    """

    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray
    classes: tuple[str, ...] = LABELS
    none_bias: float = 0.0
    none_threshold: float = 0.0
    info: dict = field(default_factory=dict)

    def _vectorizer(self):
        from sklearn.feature_extraction.text import TfidfVectorizer

        vec = TfidfVectorizer(analyzer=stance_features, vocabulary=self.vocabulary,
                              sublinear_tf=True)
        vec.idf_ = self.idf
        return vec

    def decision(self, texts: Sequence[str]) -> np.ndarray:
        """Log-odds per class (rows: texts, columns: :attr:`classes`), ``none`` bias added."""
        x = self._vectorizer().transform([str(t) for t in texts])
        scores = np.asarray(x @ self.coef.T) + self.intercept
        scores[:, self.classes.index("none")] += self.none_bias
        return scores

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities (softmax of :meth:`decision`)."""
        z = self.decision(texts)
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def predict(self, texts: Sequence[str]) -> list[str]:
        """One label per text.

        Examples
        --------
        >>> model = load_stance_model()
        >>> model.predict(["Sanctuary cities protect criminals; honor every detainer.",
        ...                "We will never hand our neighbors over to ICE."])
        ['favor', 'against']
        """
        if not len(texts):
            return []
        return labels_from_proba(self.predict_proba(texts), self.none_threshold, self.classes)

    def top_features(self, n: int = 15) -> pd.DataFrame:
        """The ``n`` heaviest features of each class: what the model learned, for reading."""
        names = np.empty(len(self.vocabulary), dtype=object)
        for term, i in self.vocabulary.items():
            names[i] = term
        rows = []
        for c, label in enumerate(self.classes):
            order = np.lexsort((names, -self.coef[c]))[:n]
            rows += [(label, rank + 1, names[i], round(float(self.coef[c, i]), 4))
                     for rank, i in enumerate(order)]
        return pd.DataFrame(rows, columns=["label", "rank", "feature", "weight"])

    def to_json(self, path: str | Path) -> None:
        """Write the model as readable JSON (sorted vocabulary, rounded weights)."""
        terms = sorted(self.vocabulary, key=self.vocabulary.get)
        header = {
            "format": "corpus_tools stance model 1",
            "classes": list(self.classes),
            "none_bias": round(float(self.none_bias), 6),
            "none_threshold": round(float(self.none_threshold), 6),
            "intercept": [round(float(v), 6) for v in self.intercept],
            "info": self.info,
            "feature_columns": ["term", "idf", *(f"weight_{c}" for c in self.classes)],
        }
        # One feature per line: readable, and a retrained model diffs line by line.
        rows = [json.dumps([t, round(float(self.idf[i]), 5),
                            *(round(float(w), 5) for w in self.coef[:, i])], ensure_ascii=False)
                for i, t in enumerate(terms)]
        text = json.dumps(header, indent=1, ensure_ascii=False)[:-2]
        text += ',\n "features": [\n' + ",\n".join(rows) + "\n ]\n}\n"
        Path(path).write_text(text, encoding="utf-8")


def labels_from_proba(proba: np.ndarray, none_threshold: float = 0.0,
                      classes: Sequence[str] = LABELS) -> list[str]:
    """One label per row of class probabilities, abstaining to ``none`` below a threshold.

    The most probable class wins, except that a text whose P(favor) and P(against) are both
    below ``none_threshold`` is ``none`` (the model is not sure enough to take a side).

    Parameters
    ----------
    proba : array of shape (n_texts, n_classes)
        Columns in the order of ``classes``.
    none_threshold : float, default 0.0
        0 never abstains.
    classes : sequence of str, default ``LABELS``

    Returns
    -------
    list of str

    Examples
    --------
    >>> p = np.array([[0.5, 0.3, 0.2], [0.4, 0.35, 0.25], [0.2, 0.3, 0.5]])
    >>> labels_from_proba(p)
    ['favor', 'favor', 'none']
    >>> labels_from_proba(p, none_threshold=0.45)
    ['favor', 'none', 'none']
    """
    proba = np.asarray(proba, dtype=float)
    best = proba.argmax(axis=1)
    sided = proba[:, [classes.index("favor"), classes.index("against")]].max(axis=1)
    none = classes.index("none")
    return [classes[none] if s < none_threshold else classes[b] for b, s in zip(best, sided,
                                                                                  strict=True)]


def load_stance_model(path: str | Path | None = None) -> StanceModel:
    """Read a model written by :meth:`StanceModel.to_json` (default: the shipped model)."""
    path = Path(path) if path else MODEL_PATH
    return _load_cached(str(Path(path).resolve()))


@lru_cache(maxsize=4)
def _load_cached(path: str) -> StanceModel:
    payload = json.loads(Path(path).read_text(encoding="utf-8"))
    if payload.get("format") != "corpus_tools stance model 1":
        raise ValueError(f"{path}: not a corpus_tools stance model")
    feats = payload["features"]
    return StanceModel(
        vocabulary={f[0]: i for i, f in enumerate(feats)},
        idf=np.array([f[1] for f in feats], dtype=float),
        coef=np.array([f[2:] for f in feats], dtype=float).T.copy(),
        intercept=np.array(payload["intercept"], dtype=float),
        classes=tuple(payload["classes"]), none_bias=float(payload["none_bias"]),
        none_threshold=float(payload.get("none_threshold", 0.0)),
        info=payload.get("info", {}))


def fit_stance_model(texts: Sequence[str], labels: Sequence[str], c: float = 4.0,
                     none_bias: float = 0.0, min_df: int = 2,
                     info: dict | None = None, none_threshold: float = 0.0) -> StanceModel:
    """Fit the model on labelled texts.

    Parameters
    ----------
    texts, labels : sequences
        Statements and their labels (``favor``, ``against``, ``none``).
    c : float, default 4.0
        Inverse regularisation strength of the logistic regression.
    none_bias : float, default 0.0
        Added to the ``none`` log-odds at prediction (see :func:`choose_none_bias`).
    min_df : int, default 2
        Features seen in fewer texts are dropped (keeps the shipped file small).
    info : dict, optional
        Provenance stored with the model (data, counts, scores).
    none_threshold : float, default 0.0
        Abstain (``none``) when neither P(favor) nor P(against) reaches it
        (:func:`labels_from_proba`).

    Returns
    -------
    StanceModel
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    bad = sorted(set(labels) - set(LABELS))
    if bad:
        raise ValueError(f"unknown stance label(s) {bad}; expected {LABELS}")
    vec = TfidfVectorizer(analyzer=stance_features, sublinear_tf=True, min_df=min_df)
    x = vec.fit_transform([str(t) for t in texts])
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    clf.fit(x, list(labels))
    order = [list(clf.classes_).index(label) for label in LABELS]
    return StanceModel(vocabulary={t: int(i) for t, i in vec.vocabulary_.items()},
                       idf=vec.idf_.copy(), coef=clf.coef_[order].copy(),
                       intercept=clf.intercept_[order].copy(), none_bias=none_bias,
                       none_threshold=none_threshold, info=dict(info or {}))


def source_folds(groups: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Leave-one-source-out folds: each fold tests one source and trains on all the others.

    Parameters
    ----------
    groups : sequence of str
        The source of each item (an outlet style, a writer, an article).

    Returns
    -------
    list of (train_indices, test_indices)
        One fold per distinct source, in sorted order of the sources; a source is never on
        both sides of a fold.

    Examples
    --------
    >>> [(tr.tolist(), te.tolist()) for tr, te in source_folds(["b", "a", "b"])]
    [([0, 2], [1]), ([1], [0, 2])]
    """
    from sklearn.model_selection import LeaveOneGroupOut

    groups = np.asarray([str(g) for g in groups])
    if len(set(groups)) < 2:
        raise ValueError(f"leave-one-source-out needs at least two sources, got "
                         f"{sorted(set(groups))}")
    return list(LeaveOneGroupOut().split(groups, groups, groups))


def cross_validate_decisions(texts: Sequence[str], labels: Sequence[str],
                             groups: Sequence[str], c: float = 4.0) -> np.ndarray:
    """Out-of-fold log-odds (no ``none`` bias) of every text, leave-one-source-out.

    Returns
    -------
    ndarray of shape (n_texts, 3)
        Columns in the order of ``LABELS``; row ``i`` comes from the model that never saw
        ``groups[i]``.
    """
    texts, labels = list(texts), list(labels)
    decisions = np.zeros((len(texts), len(LABELS)))
    for train, test in source_folds(groups):
        model = fit_stance_model([texts[i] for i in train], [labels[i] for i in train], c=c)
        decisions[test] = model.decision([texts[i] for i in test])
    return decisions


def _labels_from_decisions(decisions: np.ndarray, bias: float, threshold: float) -> list[str]:
    z = decisions.copy()
    z[:, LABELS.index("none")] += bias
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return labels_from_proba(z / z.sum(axis=1, keepdims=True), threshold)


def cross_validate(texts: Sequence[str], labels: Sequence[str], groups: Sequence[str],
                   c: float = 4.0, biases: Sequence[float] = (0.0,),
                   thresholds: Sequence[float] = (0.0,),
                   decisions: np.ndarray | None = None) -> pd.DataFrame:
    """Leave-one-source-out scores (one outlet style or one writer left out per fold).

    Parameters
    ----------
    texts, labels, groups : sequences
        Statements, their labels and their sources.
    c : float, default 4.0
    biases, thresholds : sequences of float
        ``none`` biases and abstention thresholds to score (every combination).
    decisions : ndarray, optional
        Out-of-fold log-odds from :func:`cross_validate_decisions` (computed when omitted).

    Returns
    -------
    DataFrame
        One row per (bias, threshold): ``none_bias, none_threshold, semeval_macro_f1,
        accuracy, n``, pooled over the held-out folds.
    """
    from corpus_tools.stance import semeval_f1

    labels = list(labels)
    if decisions is None:
        decisions = cross_validate_decisions(texts, labels, groups, c=c)
    rows = []
    for bias in biases:
        for threshold in thresholds:
            pred = _labels_from_decisions(decisions, bias, threshold)
            rows.append((bias, threshold, semeval_f1(labels, pred),
                         float(np.mean([p == t for p, t in zip(pred, labels, strict=True)])),
                         len(labels)))
    return pd.DataFrame(rows, columns=["none_bias", "none_threshold", "semeval_macro_f1",
                                       "accuracy", "n"])


def training_cv_table(model: StanceModel | None = None) -> pd.DataFrame:
    """Per-class scores of the model and of the lexicon on the model's own training CV.

    The training command stores them in the model file (``info["cv_per_class"]``): the
    model's out-of-fold labels (leave-one-source-out, with the chosen ``none`` calibration)
    and the lexicon's labels of the same statements.

    Returns
    -------
    DataFrame
        ``scorer, label, n_gold, n_predicted, tp, precision, recall, f1`` (see
        :func:`corpus_tools.stance.score_stance_per_class`); empty when the file has none.

    Examples
    --------
    >>> t = training_cv_table()
    >>> sorted(set(t["scorer"])), t["label"].tolist()[:4]
    (['lexicon', 'model'], ['favor', 'against', 'none', 'semeval_macro'])
    """
    model = model or load_stance_model()
    columns = ["scorer", "label", "n_gold", "n_predicted", "tp", "precision", "recall", "f1"]
    rows = model.info.get("cv_per_class", [])
    return pd.DataFrame([r[:len(columns)] for r in rows], columns=columns)


def load_statements(path: str | Path) -> pd.DataFrame:
    """Labelled training statements (JSON Lines with at least ``id, text, stance``).

    Raises
    ------
    ValueError
        Naming the file and line of a record that is not an object, lacks a field or has an
        unknown label.
    """
    path = Path(path)
    rows, problems = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{path.name} line {n}: invalid JSON ({err.msg})")
            continue
        if not isinstance(rec, dict) or not {"id", "text", "stance"} <= set(rec):
            problems.append(f"{path.name} line {n}: needs an object with id, text, stance")
            continue
        if rec["stance"] not in LABELS:
            problems.append(f"{path.name} line {n}: stance {rec['stance']!r} is not one of "
                            f"{LABELS}")
            continue
        rows.append(rec)
    if problems:
        raise ValueError("; ".join(problems))
    return pd.DataFrame(rows)


def _cv_per_class(data: pd.DataFrame, decisions: np.ndarray, bias: float,
                  threshold: float) -> list[list]:
    """Per-class rows (JSON-ready) of the model's out-of-fold labels and the lexicon's."""
    from corpus_tools.stance import score_stance, score_stance_per_class

    truth = data["stance"].tolist()
    scorers = {"model": _labels_from_decisions(decisions, bias, threshold),
               "lexicon": [score_stance(t).label for t in data["text"]]}
    rows = []
    for name, pred in scorers.items():
        for rec in score_stance_per_class(truth, pred).itertuples(index=False):
            rows.append([name, rec.label, int(rec.n_gold), int(rec.n_predicted), int(rec.tp),
                         None if pd.isna(rec.precision) else float(rec.precision),
                         None if pd.isna(rec.recall) else float(rec.recall), float(rec.f1)])
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Retrain the shipped model: ``python -m corpus_tools.stance_model STATEMENTS.jsonl``."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("statements", help="JSON Lines: id, text, stance, group column")
    parser.add_argument("--group-by", default="style",
                        help="column for leave-one-group-out cross-validation")
    parser.add_argument("--out", default=str(MODEL_PATH))
    parser.add_argument("--c", type=float, default=4.0)
    parser.add_argument("--source", help="provenance of the statements, stored in the model")
    args = parser.parse_args(argv)
    data = load_statements(args.statements)
    if args.group_by not in data.columns:
        parser.error(f"{args.statements}: no column {args.group_by!r} to group by")
    biases = [round(b, 2) for b in np.arange(-1.0, 1.01, 0.25)]
    thresholds = [0.0, 0.4, 0.45, 0.5, 0.55, 0.6]
    decisions = cross_validate_decisions(data["text"], data["stance"], data[args.group_by],
                                         c=args.c)
    cv = cross_validate(data["text"], data["stance"], data[args.group_by], c=args.c,
                        biases=biases, thresholds=thresholds, decisions=decisions)
    best = cv.sort_values(["semeval_macro_f1", "none_threshold", "none_bias"],
                          ascending=[False, True, True]).iloc[0]
    print(cv[cv["none_threshold"] == best["none_threshold"]].round(3).to_string(index=False))
    per_class = _cv_per_class(data, decisions, float(best["none_bias"]),
                              float(best["none_threshold"]))
    info = {"training_data": args.source or Path(args.statements).name,
            "n_statements": len(data),
            "labels": {k: int(v) for k, v in data["stance"].value_counts().sort_index().items()},
            "cv": f"leave-one-{args.group_by}-out",
            "cv_semeval_macro_f1": round(float(best["semeval_macro_f1"]), 4),
            "c": args.c, "min_df": 2,
            "cv_per_class_columns": ["scorer", "label", "n_gold", "n_predicted", "tp",
                                     "precision", "recall", "f1"],
            "cv_per_class": per_class}
    model = fit_stance_model(data["text"], data["stance"], c=args.c,
                             none_bias=float(best["none_bias"]),
                             none_threshold=float(best["none_threshold"]), info=info)
    model.to_json(args.out)
    print(f"wrote {args.out}: {len(model.vocabulary)} features, none bias "
          f"{model.none_bias:+.2f}, none threshold {model.none_threshold:.2f}, "
          f"CV SemEval macro-F1 {best['semeval_macro_f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def score_quotes_model(quotes: pd.DataFrame, model: StanceModel | str | Path | None = None
                       ) -> pd.DataFrame:
    """Add ``stance_model`` (the model's label) to a quote table; scare-quote terms get "".

    Only ``text`` (and ``kind``) are read: never the speaker or group.

    Examples
    --------
    >>> q = pd.DataFrame({"text": ["Honor every detainer.", "x"], "kind": ["direct", "term"]})
    >>> score_quotes_model(q)["stance_model"].tolist()
    ['favor', '']
    """
    if not isinstance(model, StanceModel):
        model = load_stance_model(model)
    out = quotes.copy()
    texts = out["text"].astype(str).tolist()
    out["stance_model"] = model.predict(texts) if texts else []
    if "kind" in out.columns:
        out.loc[out["kind"] == "term", "stance_model"] = ""
    return out
