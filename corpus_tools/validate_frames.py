"""Validating the frame tagger against hand coding, and a supervised baseline.

The hand coding (``data/annotations/frames_gold.csv``) gives, for every quote and every
narration sentence of the corpus, the frames a human coder read in it, following the
codebook's definitions. Two systems are scored against it per frame (precision, recall,
F1 from :func:`sklearn.metrics.precision_recall_fscore_support`) and macro-averaged over
the frames that occur in the gold:

* the dictionary tagger (:func:`corpus_tools.frames.tag_frames`), which was written from
  the codebook and then tuned on this same gold -- its scores are in-sample;
* a supervised baseline: TF-IDF features (stemmed package tokens) and a one-vs-rest
  logistic regression with balanced class weights, evaluated leave-one-article-out
  (:class:`sklearn.model_selection.LeaveOneGroupOut`), so every prediction comes from a
  model that never saw that article. Mendelsohn, Budak & Jurgens (2021) report about
  0.66 F1 for supervised immigration-frame classifiers on thousands of tweets; with a
  few dozen units the baseline here is expected to be far weaker.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import LeaveOneGroupOut, cross_val_predict
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline

from corpus_tools.frames import frame_matrix, load_codebook, tag_frames
from corpus_tools.paths import ANNOTATIONS_DIR
from corpus_tools.tokenize import analyze, stem

FRAMES_GOLD_CSV = ANNOTATIONS_DIR / "frames_gold.csv"
GOLD_COLUMNS = ["article_id", "unit_kind", "start", "end", "text", "frames", "note"]
SCORE_COLUMNS = ["system", "frame", "support", "n_predicted", "precision", "recall", "f1"]


class GoldError(ValueError):
    """A problem in a hand-coding file, naming its file and line."""


def split_frames(value: object) -> list[str]:
    """Frame ids of a ``;``-separated cell (empty or NaN -> no frame), sorted.

    Examples
    --------
    >>> split_frames("economic; crime_threat"), split_frames(float("nan"))
    (['crime_threat', 'economic'], [])
    """
    if not isinstance(value, str):
        return []
    return sorted({f.strip() for f in value.split(";") if f.strip()})


def load_frame_gold(path: str | Path | None = None,
                    codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read and check the hand-coded frames.

    Parameters
    ----------
    path : str or Path, optional
        CSV with ``article_id, unit_kind, start, end, text, frames, note``; defaults to
        ``data/annotations/frames_gold.csv``.
    codebook : DataFrame, optional
        Frame ids are checked against it (default: the project's codebook).

    Returns
    -------
    DataFrame
        The rows, plus ``unit_id`` (``article_id:start-end``) and ``kind`` (= unit_kind).

    Raises
    ------
    GoldError
        Naming the file and line of a missing column, an unknown kind or frame id, a bad
        span or a duplicate unit.
    """
    path = Path(path) if path is not None else FRAMES_GOLD_CSV
    if not path.is_file():
        raise GoldError(f"{path}: hand-coding file not found")
    gold = pd.read_csv(path, dtype={"article_id": str, "frames": str, "note": str,
                                    "text": str}, keep_default_na=False)
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise GoldError(f"{path}: line 1: missing column(s) {missing}")
    known = set((load_codebook() if codebook is None else codebook)["frame_id"])
    seen: dict[tuple[str, int, int], int] = {}
    for i, row in enumerate(gold.itertuples(index=False)):
        line = i + 2
        if row.unit_kind not in {"quote", "narration"}:
            raise GoldError(f"{path}: line {line}: unit_kind {row.unit_kind!r} is not "
                            "'quote' or 'narration'")
        if not 0 <= int(row.start) < int(row.end):
            raise GoldError(f"{path}: line {line}: bad span {row.start}-{row.end}")
        if len(row.text) != int(row.end) - int(row.start):
            raise GoldError(f"{path}: line {line}: text length {len(row.text)} != end - start")
        unknown = sorted(set(split_frames(row.frames)) - known)
        if unknown:
            raise GoldError(f"{path}: line {line}: unknown frame id(s) {unknown}")
        key = (row.article_id, int(row.start), int(row.end))
        if key in seen:
            raise GoldError(f"{path}: line {line}: duplicate unit (first on line {seen[key]})")
        seen[key] = line
    gold = gold.assign(
        start=gold["start"].astype(int), end=gold["end"].astype(int), kind=gold["unit_kind"],
        unit_id=[f"{a}:{s}-{e}" for a, s, e in zip(gold["article_id"], gold["start"],
                                                    gold["end"], strict=True)])
    return gold


def gold_matrix(gold: pd.DataFrame, frames: list[str]) -> pd.DataFrame:
    """Boolean unit x frame table of the hand coding (index ``unit_id``)."""
    coded = [set(split_frames(v)) for v in gold["frames"]]
    data = {f: [f in c for c in coded] for f in frames}
    return pd.DataFrame(data, index=pd.Index(gold["unit_id"].to_numpy(), name="unit_id"))


def score_frames(truth: pd.DataFrame, predicted: pd.DataFrame, system: str) -> pd.DataFrame:
    """Per-frame precision, recall and F1, plus a ``macro`` row.

    The macro average is taken over frames present in ``truth`` (support > 0); a frame
    never predicted has precision 0.

    Examples
    --------
    >>> t = pd.DataFrame({"a": [True, False, True], "b": [False, False, False]})
    >>> p = pd.DataFrame({"a": [True, True, False], "b": [False, True, False]})
    >>> score_frames(t, p, "x")[["frame", "precision", "recall", "f1"]].round(2).values.tolist()
    [['a', 0.5, 0.5, 0.5], ['b', 0.0, 0.0, 0.0], ['macro', 0.5, 0.5, 0.5]]
    """
    frames = list(truth.columns)
    y_true = truth[frames].to_numpy().astype(int)
    y_pred = predicted[frames].to_numpy().astype(int)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, average=None,
                                                 zero_division=0)
    table = pd.DataFrame({"system": system, "frame": frames, "support": s.astype(int),
                          "n_predicted": y_pred.sum(axis=0).astype(int),
                          "precision": p, "recall": r, "f1": f})
    present = table[table["support"] > 0]
    macro = pd.DataFrame([{"system": system, "frame": "macro",
                           "support": int(present["support"].sum()),
                           "n_predicted": int(table["n_predicted"].sum()),
                           "precision": present["precision"].mean(),
                           "recall": present["recall"].mean(), "f1": present["f1"].mean()}])
    return pd.concat([table, macro], ignore_index=True)[SCORE_COLUMNS]


def evaluate_tagger(gold: pd.DataFrame, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """Score :func:`~corpus_tools.frames.tag_frames` on the hand-coded units.

    Returns
    -------
    DataFrame
        ``system ("tagger"), frame, support, n_predicted, precision, recall, f1``.
    """
    codebook = load_codebook() if codebook is None else codebook
    frames = list(codebook["frame_id"])
    units = gold[["unit_id", "article_id", "start", "text"]]
    predicted = frame_matrix(units, tag_frames(units, codebook), frames)
    return score_frames(gold_matrix(gold, frames), predicted, "tagger")


def stemmed_terms(text: str) -> list[str]:
    """Porter-stemmed content terms of a text (the classifier's features).

    Examples
    --------
    >>> stemmed_terms("Deporting criminals from sanctuary cities")
    ['deport', 'crimin', 'sanctuary c']
    """
    return [stem(t) for t in analyze(text)]


def classifier_predictions(gold: pd.DataFrame, frames: list[str],
                           seed: int = 0) -> pd.DataFrame:
    """Leave-one-article-out predictions of a TF-IDF + logistic regression classifier.

    One binary logistic regression per frame (one-vs-rest, ``class_weight="balanced"``,
    ``random_state=seed``) on TF-IDF of :func:`stemmed_terms`; each article's units are
    predicted by a model trained on the other articles. A frame absent from a training
    fold is predicted absent (scikit-learn's constant predictor).

    Returns
    -------
    DataFrame
        Boolean unit x frame predictions, indexed like :func:`gold_matrix`.
    """
    truth = gold_matrix(gold, frames)
    model = make_pipeline(
        TfidfVectorizer(analyzer=stemmed_terms, sublinear_tf=True),
        OneVsRestClassifier(LogisticRegression(class_weight="balanced", random_state=seed,
                                               max_iter=5000)))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Label .* is present in all training")
        warnings.filterwarnings("ignore", message="Label not .* present in all training")
        pred = cross_val_predict(model, gold["text"].to_numpy(),
                                 truth.to_numpy().astype(int),
                                 groups=gold["article_id"].to_numpy(), cv=LeaveOneGroupOut())
    return pd.DataFrame(np.asarray(pred).astype(bool), index=truth.index, columns=frames)


def evaluate_classifier(gold: pd.DataFrame, codebook: pd.DataFrame | None = None,
                        seed: int = 0) -> pd.DataFrame:
    """Score the leave-one-article-out classifier (:func:`classifier_predictions`).

    Returns
    -------
    DataFrame
        ``system ("classifier_loao"), frame, support, n_predicted, precision, recall, f1``.
    """
    codebook = load_codebook() if codebook is None else codebook
    frames = list(codebook["frame_id"])
    predicted = classifier_predictions(gold, frames, seed=seed)
    return score_frames(gold_matrix(gold, frames), predicted, "classifier_loao")


def validation_table(gold: pd.DataFrame, codebook: pd.DataFrame | None = None,
                     seed: int = 0) -> pd.DataFrame:
    """Tagger and classifier scores stacked: one tidy table for the notebook."""
    codebook = load_codebook() if codebook is None else codebook
    return pd.concat([evaluate_tagger(gold, codebook),
                      evaluate_classifier(gold, codebook, seed=seed)], ignore_index=True)
