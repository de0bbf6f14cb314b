"""Stance toward federal immigration enforcement in sanctuary jurisdictions, from the words.

Labels follow SemEval-2016 Task 6 (Mohammad et al. 2016): ``favor``, ``against``,
``none``. Two scorers, neither of which ever sees the speaker's name or group (the point
is to compare groups):

* a transparent lexicon/rule scorer: cue terms with a polarity toward the target
  (``resources/stance_lexicon.csv``) matched on Porter stems of the package's tokens
  (the same leftmost-longest matcher as the frame tagger); a negator within three tokens
  before a cue flips it (``will not comply``, ``none of this makes us safer``);
* a scikit-learn classifier (TF-IDF + logistic regression) trained on hand-coded quotes
  plus synthetic statements, evaluated leave-one-article-out.

The metric is SemEval's: the mean of F1(favor) and F1(against).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools.matcher import Pattern, match_patterns, parse_pattern, pattern_index, select_hits
from corpus_tools.matcher import words as _words
from corpus_tools.paths import ANNOTATIONS_DIR, IN_CHECKOUT, RESOURCES_DIR, resolve_dir
from corpus_tools.tokenize import analyze
from corpus_tools.tone import score_tone

LABELS = ("favor", "against", "none")
NEGATORS = frozenset({"not", "no", "never", "nothing", "none", "without", "neither", "nor",
                      "cannot"})
NEGATION_WINDOW = 3
#: |score| at or above which a text takes a side.
THRESHOLD = 0.25


class LexiconError(ValueError):
    """A malformed stance lexicon; the message names the file, line and problem."""


@dataclass(frozen=True)
class StanceResult:
    """Label, score in [-1, 1] and the cues that produced it (term, polarity, start, end)."""

    label: str
    score: float
    evidence: tuple[tuple[str, int, int, int], ...]


def load_stance_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the stance lexicon (``term, polarity, weight, note``).

    Raises
    ------
    LexiconError
        Naming the line of an empty term, a polarity other than 1/-1, or a weight that is
        not a positive number.
    """
    path = resolve_dir(path, RESOURCES_DIR / "stance_lexicon.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, start=1)
                if line.strip() and not line.lstrip().startswith("#")]
    header = None
    rows = []
    problems = []
    for (lineno, _), fields in zip(numbered, csv.reader(line for _, line in numbered),
                                   strict=True):
        if header is None:
            header = [f.strip() for f in fields]
            if header[:3] != ["term", "polarity", "weight"]:
                raise LexiconError(f"{path.name} line {lineno}: header must start with "
                                   "term,polarity,weight")
            continue
        if len(fields) < 3:
            problems.append(f"{path.name} line {lineno}: needs term,polarity,weight")
            continue
        term, polarity, weight = (str(f).strip() for f in fields[:3])
        where = f"{path.name} line {lineno}"
        if not term:
            problems.append(f"{where}: empty term")
            continue
        if polarity not in ("1", "-1", "+1"):
            problems.append(f"{where}: polarity {polarity!r} must be 1 or -1")
            continue
        try:
            w = float(weight)
        except ValueError:
            problems.append(f"{where}: weight {weight!r} is not a number")
            continue
        if not w > 0:
            problems.append(f"{where}: weight must be positive")
            continue
        try:
            parse_pattern(term)
        except ValueError as err:
            problems.append(f"{where}: {err}")
            continue
        rows.append({"term": term, "polarity": int(polarity), "weight": w,
                     "note": str(fields[3]) if len(fields) > 3 else ""})
    if problems:
        raise LexiconError("; ".join(problems))
    if not rows:
        raise LexiconError(f"{path.name}: no entries")
    return pd.DataFrame(rows)


class StanceScorer:
    """The lexicon scorer; build once, call :meth:`score` per text.

    Examples
    --------
    >>> s = StanceScorer()
    >>> s.score("We will not comply with this cruel abuse of power.").label
    'against'
    >>> s.score("Criminal illegal aliens will be arrested; you better comply.").label
    'favor'
    """

    def __init__(self, lexicon: pd.DataFrame | str | Path | None = None,
                 threshold: float = THRESHOLD):
        table = lexicon if isinstance(lexicon, pd.DataFrame) else load_stance_lexicon(lexicon)
        self.patterns: list[Pattern] = [parse_pattern(t) for t in table["term"]]
        self.polarity = {p.text: int(v) for p, v in zip(self.patterns, table["polarity"],
                                                          strict=True)}
        self.weight = {p.text: float(w) for p, w in zip(self.patterns, table["weight"],
                                                        strict=True)}
        self.threshold = threshold
        self._patterns = tuple(self.patterns)
        self._index = pattern_index(self._patterns)  # once, not per text

    def score(self, text: str) -> StanceResult:
        """Stance of one text (its words only)."""
        words = _words(text)
        hits = select_hits([(i, j, p.text) for i, j, p
                            in match_patterns(words, self._patterns, self._index)], [])
        pro = con = 0.0
        evidence = []
        for i, j, term in hits:
            before = words[max(0, i - NEGATION_WINDOW):i]
            negated = any(w.norm in NEGATORS or w.norm.endswith("n't") for w in before)
            polarity = -self.polarity[term] if negated else self.polarity[term]
            if polarity > 0:
                pro += self.weight[term]
            else:
                con += self.weight[term]
            evidence.append((term, polarity, words[i].start, words[j - 1].end))
        score = (pro - con) / (pro + con + 1.0)
        label = ("favor" if score >= self.threshold else
                 "against" if score <= -self.threshold else "none")
        return StanceResult(label, round(score, 6), tuple(evidence))


_DEFAULT: StanceScorer | None = None


def score_stance(text: str) -> StanceResult:
    """Stance of one text with the shipped lexicon (see :class:`StanceScorer`)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = StanceScorer()
    return _DEFAULT.score(text)


def score_quotes(quotes: pd.DataFrame, lexicon: pd.DataFrame | str | Path | None = None
                 ) -> pd.DataFrame:
    """Add ``stance``, ``stance_score`` (lexicon) and ``tone`` (VADER) to a quote table.

    Only the ``text`` column is read. Scare-quote terms (``kind == "term"``) get empty
    stance and tone.
    """
    scorer = StanceScorer(lexicon) if lexicon is not None else None
    out = quotes.copy()
    texts = out["text"].astype(str).tolist()
    # terms are not scored at all (their stance and tone would be thrown away)
    speech = (out["kind"].to_numpy() != "term" if "kind" in out.columns
              else np.ones(len(out), dtype=bool))
    said = [t for t, keep in zip(texts, speech, strict=True) if keep]
    # each distinct text scored once (a quote repeated in a batch is scored the same)
    distinct = list(dict.fromkeys(said))
    stance = dict(zip(distinct, [(scorer.score(t) if scorer else score_stance(t))
                                 for t in distinct], strict=True))
    tone = dict(zip(distinct, score_tone(distinct), strict=True))
    results = [stance[t] for t in said]
    labels = np.full(len(out), "", dtype=object)
    scores = np.full(len(out), np.nan)
    tones = np.full(len(out), np.nan)
    labels[speech] = [r.label for r in results]
    scores[speech] = [r.score for r in results]
    tones[speech] = [tone[t] for t in said]
    out["stance"] = labels
    out["stance_score"] = scores
    out["tone"] = tones
    return out


# --------------------------------------------------------------------------- evaluation


def semeval_f1(truth: list[str], predicted: list[str]) -> float:
    """SemEval-2016 Task 6 metric: the mean of F1(favor) and F1(against).

    Examples
    --------
    >>> semeval_f1(["favor", "against", "none"], ["favor", "against", "against"])
    0.8333333333333333
    """
    from sklearn.metrics import f1_score

    return float(f1_score(truth, predicted, labels=["favor", "against"], average="macro",
                          zero_division=0))


def score_stance_per_class(truth: list[str], predicted: list[str]) -> pd.DataFrame:
    """Per-class precision, recall and F1 of stance labels, and the SemEval-2016 macro-F1.

    Parameters
    ----------
    truth, predicted : lists of str
        Hand-coded and automatic labels (``favor``, ``against``, ``none``), same order.

    Returns
    -------
    DataFrame
        One row per class (``favor``, ``against``, ``none``) and a last ``semeval_macro`` row
        (the mean F1 of favor and against; SemEval-2016 Task 6): ``label, n_gold,
        n_predicted, tp, precision, recall, f1``, rounded to 3 decimals. A class never
        predicted (or never coded) has precision (recall) 0, not NaN.

    Examples
    --------
    >>> t = ["favor", "against", "none", "against"]
    >>> p = ["favor", "none", "none", "against"]
    >>> table = score_stance_per_class(t, p).set_index("label")
    >>> table.loc["against", ["precision", "recall", "f1"]].tolist()
    [1.0, 0.5, 0.667]
    >>> float(table.loc["semeval_macro", "f1"])
    0.833
    """
    from sklearn.metrics import precision_recall_fscore_support

    truth, predicted = list(truth), list(predicted)
    if len(truth) != len(predicted):
        raise ValueError(f"{len(truth)} coded labels but {len(predicted)} predicted ones")
    labels = list(LABELS)
    if truth:
        precision, recall, f1, _ = precision_recall_fscore_support(
            truth, predicted, labels=labels, average=None, zero_division=0)
    else:
        precision = recall = f1 = np.zeros(len(labels))
    tp = [sum(t == p == label for t, p in zip(truth, predicted, strict=True))
          for label in labels]
    table = pd.DataFrame({"label": labels, "n_gold": [truth.count(x) for x in labels],
                          "n_predicted": [predicted.count(x) for x in labels], "tp": tp,
                          "precision": precision, "recall": recall, "f1": f1})
    table.loc[len(table)] = ("semeval_macro", len(truth), len(predicted), sum(tp), np.nan,
                             np.nan, float(np.mean(f1[:2])))
    return table.round({"precision": 3, "recall": 3, "f1": 3})


def load_stance_gold(path: str | Path | None = None) -> pd.DataFrame:
    """Hand-coded stance of the gold quotes (default ``data/annotations/stance_gold.csv``;
    an empty table when the package is installed without the project checkout)."""
    if path is None and not IN_CHECKOUT:
        return pd.DataFrame(columns=["article_id", "quote_id", "start", "end", "text", "stance",
                                     "justification"])
    path = resolve_dir(path, ANNOTATIONS_DIR / "stance_gold.csv")
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    bad = gold[~gold["stance"].isin(LABELS)]
    if len(bad):
        raise LexiconError(f"{path.name} line {bad.index[0] + 2}: stance "
                           f"{bad['stance'].iloc[0]!r} is not one of {', '.join(LABELS)}")
    return gold


def load_stance_extra(path: str | Path | None = None) -> pd.DataFrame:
    """Synthetic labelled statements (training only), ``data/annotations/stance_extra.csv``."""
    path = resolve_dir(path, ANNOTATIONS_DIR / "stance_extra.csv")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _classifier():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        TfidfVectorizer(analyzer=lambda t: analyze(t, drop_stopwords=False), sublinear_tf=True),
        LogisticRegression(class_weight="balanced", max_iter=2000, random_state=0),
    )


def predict_stance_loao(gold: pd.DataFrame, extra: pd.DataFrame | None = None) -> list[str]:
    """Leave-one-article-out predictions of the TF-IDF + logistic-regression classifier.

    For each article, the model is trained on the other articles' hand-coded quotes plus
    the synthetic statements (which are never test items), then predicts the held-out
    article.
    """
    from sklearn.model_selection import LeaveOneGroupOut

    extra = load_stance_extra() if extra is None else extra
    predicted = pd.Series(index=gold.index, dtype=object)
    texts, labels = gold["text"].to_numpy(), gold["stance"].to_numpy()
    for train, test in LeaveOneGroupOut().split(texts, labels, gold["article_id"]):
        x = list(texts[train]) + list(extra["text"])
        y = list(labels[train]) + list(extra["stance"])
        model = _classifier().fit(x, y)
        predicted.iloc[test] = model.predict(list(texts[test]))
    return predicted.tolist()


def evaluate_stance(gold: pd.DataFrame | None = None,
                    extra: pd.DataFrame | None = None) -> dict[str, object]:
    """Agreement of the lexicon and the classifier with the hand coding.

    Returns
    -------
    dict
        ``table`` (system, semeval_f1, accuracy, kappa, n), ``predictions`` (one row per
        gold quote with hand, lexicon and classifier labels) and ``confusion`` (a dict of
        3x3 DataFrames, rows = hand coding, columns = prediction, in ``LABELS`` order).
    """
    from sklearn.metrics import cohen_kappa_score, confusion_matrix

    gold = load_stance_gold() if gold is None else gold
    preds = gold[["article_id", "quote_id", "text", "stance"]].rename(
        columns={"stance": "hand"}).copy()
    preds["lexicon"] = [score_stance(t).label for t in gold["text"]]
    preds["lexicon_score"] = [score_stance(t).score for t in gold["text"]]
    preds["classifier"] = predict_stance_loao(gold, extra)
    rows, confusion = [], {}
    for system in ("lexicon", "classifier"):
        truth, guess = preds["hand"].tolist(), preds[system].tolist()
        rows.append({"system": system, "semeval_f1": semeval_f1(truth, guess),
                     "accuracy": float(np.mean([a == b for a, b in zip(truth, guess,
                                                                       strict=True)])),
                     "kappa": float(cohen_kappa_score(truth, guess, labels=list(LABELS))),
                     "n": len(truth)})
        confusion[system] = pd.DataFrame(confusion_matrix(truth, guess, labels=list(LABELS)),
                                         index=list(LABELS), columns=list(LABELS))
    return {"table": pd.DataFrame(rows), "predictions": preds, "confusion": confusion}


# --------------------------------------------------------------------------- aggregation


def count_stance(quotes: pd.DataFrame, by: str = "group") -> pd.DataFrame:
    """Quotes per stance label and ``by`` value: tidy ``by, stance, n, share``.

    Needs the ``stance`` column from :func:`score_quotes` (terms are left out).
    """
    speech = quotes[quotes["stance"].isin(LABELS)]
    full = pd.MultiIndex.from_product([sorted(speech[by].unique()), list(LABELS)],
                                      names=[by, "stance"])
    counts = speech.groupby([by, "stance"]).size().reindex(full, fill_value=0)
    out = counts.rename("n").reset_index()
    out["share"] = out["n"] / out.groupby(by)["n"].transform("sum").clip(lower=1)
    return out


def score_speaker_positions(quotes: pd.DataFrame) -> pd.DataFrame:
    """Each speaker's mean stance score and mean tone over their quotes: ``speaker, group,
    n_quotes, mean_stance, mean_tone``; sorted by group then name."""
    speech = quotes[quotes["stance"].isin(LABELS) & (quotes["speaker"] != "")]
    out = (speech.groupby(["speaker", "group"], sort=True)
           .agg(n_quotes=("text", "size"), mean_stance=("stance_score", "mean"),
                mean_tone=("tone", "mean"))
           .reset_index())
    return out.sort_values(["group", "speaker"], kind="stable").reset_index(drop=True)
