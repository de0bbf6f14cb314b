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
* ``none`` calibration: an additive bias on the ``none`` log-odds, chosen by cross-validation
  to maximise SemEval macro-F1 (the mean of F1 favor and F1 against) without starving
  ``none``.

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
        return [self.classes[i] for i in self.decision(texts).argmax(axis=1)]

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
        info=payload.get("info", {}))


def fit_stance_model(texts: Sequence[str], labels: Sequence[str], c: float = 4.0,
                     none_bias: float = 0.0, min_df: int = 2,
                     info: dict | None = None) -> StanceModel:
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
                       info=dict(info or {}))


def cross_validate(texts: Sequence[str], labels: Sequence[str], groups: Sequence[str],
                   c: float = 4.0, biases: Sequence[float] = (0.0,)) -> pd.DataFrame:
    """Leave-one-group-out scores (e.g. one outlet style or one writer left out per fold).

    Returns
    -------
    DataFrame
        One row per ``none`` bias: ``none_bias, semeval_macro_f1, accuracy, n``, pooled over
        the held-out folds.
    """
    from sklearn.model_selection import LeaveOneGroupOut

    from corpus_tools.stance import semeval_f1

    texts, labels, groups = list(texts), list(labels), list(groups)
    decisions = np.zeros((len(texts), len(LABELS)))
    for train, test in LeaveOneGroupOut().split(texts, labels, groups):
        model = fit_stance_model([texts[i] for i in train], [labels[i] for i in train], c=c)
        decisions[test] = model.decision([texts[i] for i in test])
    rows = []
    for bias in biases:
        z = decisions.copy()
        z[:, LABELS.index("none")] += bias
        pred = [LABELS[i] for i in z.argmax(axis=1)]
        rows.append((bias, semeval_f1(labels, pred),
                     float(np.mean([p == t for p, t in zip(pred, labels, strict=True)])),
                     len(texts)))
    return pd.DataFrame(rows, columns=["none_bias", "semeval_macro_f1", "accuracy", "n"])


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
    biases = [round(b, 2) for b in np.arange(-1.0, 1.01, 0.25)]
    cv = cross_validate(data["text"], data["stance"], data[args.group_by], c=args.c,
                        biases=biases)
    best = cv.sort_values(["semeval_macro_f1", "none_bias"], ascending=[False, True]).iloc[0]
    print(cv.round(3).to_string(index=False))
    info = {"training_data": args.source or Path(args.statements).name,
            "n_statements": len(data),
            "labels": {k: int(v) for k, v in data["stance"].value_counts().sort_index().items()},
            "cv": f"leave-one-{args.group_by}-out",
            "cv_semeval_macro_f1": round(float(best["semeval_macro_f1"]), 4),
            "c": args.c, "min_df": 2}
    model = fit_stance_model(data["text"], data["stance"], c=args.c,
                             none_bias=float(best["none_bias"]), info=info)
    model.to_json(args.out)
    print(f"wrote {args.out}: {len(model.vocabulary)} features, none bias "
          f"{model.none_bias:+.2f}, CV SemEval macro-F1 {best['semeval_macro_f1']:.3f}")
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
