"""Validation on your own corpus: a blind coding sheet, and each measure's agreement with it.

Automated text measures must be validated on the corpus they are used on (Grimmer & Stewart
2013, "Text as Data", *Political Analysis* 21(3): "validate, validate, validate"). Two steps:

1. :func:`sample_coding_sheet` draws a stratified sample of quotes (by group and outlet,
   every stratum represented) and writes two files: the **sheet** a coder fills in (the quote,
   its context and blank ``code_stance``, ``code_frames``, ``code_group`` columns; nothing the
   package computed is shown, so the coding is blind) and a **key** with the package's
   speaker and group for each row.
2. :func:`score_coding_sheet` reads a filled-in sheet, recomputes every automated measure
   from the quote's words (stance by the lexicon and by the model, frames by the codebook
   tagger) and joins the key's group, then reports agreement per measure: n, accuracy,
   Cohen's kappa, F1 (SemEval macro-F1 for stance, micro-F1 for frames) and the confusion
   matrix. :func:`refit_stance_on_sheet` fits the stance model on the coder's labels too
   and reports cross-validated scores (grouped by article, so no article is in both halves).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

SHEET_COLUMNS = ["sheet_id", "article_id", "outlet", "context_before", "quote",
                 "context_after", "code_stance", "code_frames", "code_group", "coder_note"]
KEY_COLUMNS = ["sheet_id", "article_id", "quote_id", "start", "end", "speaker", "group"]
STANCE_LABELS = ("favor", "against", "none")


def sample_coding_sheet(corpus: pd.DataFrame, quotes: pd.DataFrame, n: int = 60,
                        by: tuple[str, ...] = ("group", "outlet"), seed: int = 0,
                        context: int = 240) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A stratified, blind coding sheet of quotes and its key.

    Parameters
    ----------
    corpus : DataFrame
        From :func:`corpus_tools.load_corpus` (``article_id, text``).
    quotes : DataFrame
        From :func:`corpus_tools.extract_quotes`; scare-quote terms are left out.
    n : int, default 60
        Rows to draw (all quotes when there are fewer). Each stratum gets at least one row,
        the rest in proportion to its size (largest remainders first).
    by : tuple of str, default ("group", "outlet")
        Columns that define the strata (those missing from ``quotes`` are ignored).
    seed : int, default 0
        Seed of the draw: the same corpus, ``n`` and seed give the same sheet.
    context : int, default 240
        Characters of article text shown before and after each quote.

    Returns
    -------
    sheet, key : DataFrame
        :data:`SHEET_COLUMNS` (rows in a seeded random order, so strata are not in blocks)
        and :data:`KEY_COLUMNS`, joined by ``sheet_id``.

    Examples
    --------
    >>> from corpus_tools import load_corpus, extract_quotes
    >>> corpus = load_corpus()
    >>> sheet, key = sample_coding_sheet(corpus, extract_quotes(corpus), n=10)
    >>> len(sheet), bool(sheet["code_stance"].eq("").all()), "group" in sheet.columns
    (10, True, False)
    """
    speech = quotes[quotes["kind"] != "term"].reset_index(drop=True) if "kind" in quotes \
        else quotes.reset_index(drop=True)
    if speech.empty:
        return pd.DataFrame(columns=SHEET_COLUMNS), pd.DataFrame(columns=KEY_COLUMNS)
    strata_cols = [c for c in by if c in speech.columns]
    keys = (speech[strata_cols].fillna("").astype(str).agg(" | ".join, axis=1)
            if strata_cols else pd.Series("all", index=speech.index))
    rng = np.random.default_rng(seed)
    sizes = keys.value_counts().sort_index()
    n = min(n, len(speech))
    take = allocate(sizes, n)
    chosen: list[int] = []
    for stratum, k in take.items():
        members = np.sort(speech.index[keys == stratum].to_numpy())
        chosen += sorted(rng.choice(members, size=k, replace=False).tolist())
    order = rng.permutation(len(chosen))
    picked = speech.loc[[chosen[i] for i in order]].reset_index(drop=True)
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    outlets = (dict(zip(corpus["article_id"], corpus["outlet"], strict=True))
               if "outlet" in corpus.columns else {})
    rows, key_rows = [], []
    for i, q in picked.iterrows():
        raw = texts[q["article_id"]]
        start, end = int(q["start"]), int(q["end"])
        sheet_id = f"s{i + 1:03d}"
        rows.append((sheet_id, q["article_id"], outlets.get(q["article_id"], ""),
                     " ".join(raw[max(0, start - context):start].split()), raw[start:end],
                     " ".join(raw[end:end + context].split()), "", "", "", ""))
        key_rows.append((sheet_id, q["article_id"], q.get("quote_id", ""), start, end,
                         q.get("speaker", ""), q.get("group", "")))
    return (pd.DataFrame(rows, columns=SHEET_COLUMNS),
            pd.DataFrame(key_rows, columns=KEY_COLUMNS))


def allocate(sizes: pd.Series, n: int) -> pd.Series:
    """Rows per stratum: one each, the rest proportional to size (largest remainder, ties by
    stratum name), never more than a stratum holds.

    Examples
    --------
    >>> allocate(pd.Series({"a": 10, "b": 5, "c": 1}), 8).to_dict()
    {'a': 5, 'b': 2, 'c': 1}
    """
    sizes = sizes.sort_index()
    if n < len(sizes):  # fewer rows than strata: the largest strata first
        top = sizes.sort_values(ascending=False, kind="stable").index[:n]
        return pd.Series(1, index=sorted(top))
    take = pd.Series(1, index=sizes.index)
    while take.sum() < n:
        room = sizes - take
        share = (sizes / sizes.sum()) * n - take
        share[room <= 0] = -np.inf
        take[share.sort_index().idxmax()] += 1
    return take


def write_coding_sheet(sheet: pd.DataFrame, key: pd.DataFrame, path: str | Path) -> Path:
    """Write ``SHEET.csv`` and ``SHEET.key.csv`` beside it (UTF-8 with BOM for spreadsheets);
    return the sheet's path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.to_csv(path, index=False, encoding="utf-8-sig")
    key.to_csv(path.with_suffix(".key.csv"), index=False, encoding="utf-8")
    return path


class SheetError(ValueError):
    """A coded sheet that cannot be scored; the message names the file, row and problem."""


def _read_sheet_csv(path: Path) -> pd.DataFrame:
    """The sheet as strings, or a :class:`SheetError` naming the file, the line when pandas
    knows it, and what is wrong (missing, not CSV, not UTF-8, empty)."""
    if not path.is_file():
        raise SheetError(f"{path}: no such file")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        raise SheetError(f"{path}: not a coding sheet (the file is empty)") from None
    except pd.errors.ParserError as err:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(err))
        what = (f"line {found[2]}: {found[3]} fields where the header has {found[1]}"
                if found else str(err).strip().removeprefix("Error tokenizing data. "))
        raise SheetError(f"{path}: not a coding sheet ({what}; is it a CSV written by "
                         "'corpus-tools sample'?)") from None
    except UnicodeDecodeError as err:
        raise SheetError(f"{path}: not a coding sheet (not valid UTF-8 at byte offset "
                         f"{err.start})") from None


def read_coded_sheet(path: str | Path) -> pd.DataFrame:
    """A filled-in sheet joined with its key; only rows with a ``code_stance`` are kept.

    Raises
    ------
    SheetError
        Naming the file and line of an unknown stance label, and a missing key file.
    """
    path = Path(path)
    sheet = _read_sheet_csv(path)
    missing = [c for c in ("sheet_id", "quote", "code_stance") if c not in sheet.columns]
    if missing:
        raise SheetError(f"{path}: not a coding sheet (line 1: missing column(s) "
                         f"{', '.join(missing)}; write one with 'corpus-tools sample')")
    key_path = path.with_suffix(".key.csv")
    if not key_path.is_file():
        raise SheetError(f"{path.name}: its key {key_path.name} is not beside it")
    key = pd.read_csv(key_path, dtype=str, keep_default_na=False, encoding="utf-8")
    problems = [f"{path.name} line {i + 2}: code_stance {v!r} is not one of "
                f"{', '.join(STANCE_LABELS)}"
                for i, v in enumerate(sheet["code_stance"].str.strip().str.lower())
                if v and v not in STANCE_LABELS]
    if problems:
        raise SheetError("; ".join(problems))
    sheet["code_stance"] = sheet["code_stance"].str.strip().str.lower()
    sheet["line"] = np.arange(2, len(sheet) + 2)  # the row's line in the file, for errors
    coded = sheet[sheet["code_stance"] != ""]
    if coded.empty:
        raise SheetError(f"{path}: no coded rows (fill in code_stance: "
                         f"{', '.join(STANCE_LABELS)}, on at least one row)")
    return coded.merge(key[["sheet_id", "speaker", "group"]], on="sheet_id", how="left")


def _agreement(measure: str, truth: list[str], pred: list[str], f1: float) -> dict:
    from sklearn.metrics import cohen_kappa_score

    agree = float(np.mean([t == p for t, p in zip(truth, pred, strict=True)])) if truth else \
        float("nan")
    kappa = float(cohen_kappa_score(truth, pred)) if len(set(truth) | set(pred)) > 1 else \
        float("nan")
    return {"measure": measure, "n": len(truth), "accuracy": agree, "kappa": kappa, "f1": f1}


def score_coding_sheet(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Agreement of every automated measure with a coder's sheet.

    Returns
    -------
    summary : DataFrame
        ``measure, n, accuracy, kappa, f1`` for ``stance (lexicon)``, ``stance (model)``,
        ``group`` (rows whose ``code_group`` is filled) and ``frames (tagger)`` (rows whose
        ``code_frames`` is filled, ``none`` meaning no frame: micro-F1 over frames; accuracy
        is the share of rows with the same frame set). Uncoded measures are left out.
    confusion : DataFrame
        Long confusion table: ``measure, coded, predicted, n``.
    """
    from corpus_tools.coded_sets import score_frames, score_stance_labels
    from corpus_tools.stance import score_stance
    from corpus_tools.stance_model import load_stance_model

    coded = read_coded_sheet(path)
    texts = coded["quote"].tolist()
    truth = coded["code_stance"].tolist()
    rows, confusion = [], []
    predictions = {"stance (lexicon)": [score_stance(t).label for t in texts],
                   "stance (model)": load_stance_model().predict(texts)}
    for measure, pred in predictions.items():
        table = score_stance_labels(truth, pred).set_index("label")
        rows.append(_agreement(measure, truth, pred, float(table.loc["semeval_macro", "f1"])))
        confusion += [(measure, t, p) for t, p in zip(truth, pred, strict=True)]
    grouped = coded[coded.get("code_group", pd.Series("", index=coded.index)).str.strip() != ""]
    if len(grouped):
        g_truth = grouped["code_group"].str.strip().tolist()
        g_pred = grouped["group"].fillna("unknown").tolist()
        rows.append(_agreement("group", g_truth, g_pred, float("nan")))
        confusion += [("group", t, p) for t, p in zip(g_truth, g_pred, strict=True)]
    framed, f_truth, f_pred = _sheet_frames(coded, path)
    if len(framed):  # rows whose frames were coded; "none" = coded, no frame
        micro = score_frames(f_truth, f_pred).set_index("frame")
        f1 = float(micro.loc["micro", "f1"]) if "micro" in micro.index else float("nan")
        rows.append({"measure": "frames (tagger)", "n": len(f_truth),
                     "accuracy": float(np.mean([t == p for t, p in zip(f_truth, f_pred,
                                                                        strict=True)])),
                     "kappa": float("nan"), "f1": f1})
    summary = pd.DataFrame(rows, columns=["measure", "n", "accuracy", "kappa", "f1"])
    conf = (pd.DataFrame(confusion, columns=["measure", "coded", "predicted"])
            .value_counts().rename("n").reset_index()
            .sort_values(["measure", "coded", "predicted"]).reset_index(drop=True))
    return summary.round(3), conf


def _sheet_frames(coded: pd.DataFrame, path: str | Path,
                  codebook: pd.DataFrame | None = None
                  ) -> tuple[pd.DataFrame, list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Rows whose ``code_frames`` is filled, the coder's frames and the tagger's, per row.

    Raises
    ------
    SheetError
        Naming the file and line of a frame id the codebook does not have.
    """
    from corpus_tools.coded_sets import frames_per_text
    from corpus_tools.frames import load_codebook

    codebook = load_codebook() if codebook is None else codebook
    known = set(codebook["frame_id"])
    column = coded.get("code_frames", pd.Series("", index=coded.index)).str.strip()
    framed = coded[column != ""]
    truth, problems = [], []
    for line, value in zip(framed.get("line", [""] * len(framed)), framed["code_frames"],
                           strict=True):
        ids = {f.strip() for f in value.replace(",", ";").split(";")}
        ids = {f for f in ids if f and f.lower() != "none"}
        problems += [f"{Path(path).name} line {line}: code_frames {f!r} is not a frame of the "
                     f"codebook ({', '.join(codebook['frame_id'])})" for f in sorted(ids - known)]
        truth.append(tuple(sorted(ids)))
    if problems:
        raise SheetError("; ".join(problems))
    return framed, truth, frames_per_text(framed["quote"], codebook)


def sheet_codes_frames(path: str | Path) -> bool:
    """True when at least one coded row of the sheet has ``code_frames`` filled in (``none``
    counts: coded, no frame); without one the frame tagger cannot be scored on it.

    Raises
    ------
    SheetError
        Every problem :func:`read_coded_sheet` reports.
    """
    coded = read_coded_sheet(path)
    column = coded.get("code_frames", pd.Series("", index=coded.index))
    return bool((column.str.strip() != "").any())


def score_sheet_frames(path: str | Path, codebook: pd.DataFrame | None = None
                       ) -> pd.DataFrame:
    """Per-frame precision, recall, F1 and support of the frame tagger on a coded sheet.

    Parameters
    ----------
    path : str or Path
        A sheet from :func:`write_coding_sheet` with ``code_frames`` filled in (``;``- or
        ``,``-separated frame ids; ``none`` = coded, no frame), its key beside it. Rows
        whose ``code_frames`` is blank are not scored.
    codebook : DataFrame, optional
        From :func:`corpus_tools.frames.load_codebook` (default: the project's).

    Returns
    -------
    DataFrame
        :func:`corpus_tools.coded_sets.frame_report` over the coded rows: ``frame, support,
        n_predicted, tp, precision, recall, f1``, every codebook frame in codebook order,
        then ``micro`` and ``macro``.

    Raises
    ------
    SheetError
        Naming the file and line of a frame id the codebook does not have, a sheet on which
        no row has ``code_frames`` filled in (frames not coded: no score, not a zero one;
        see :func:`sheet_codes_frames`), and every problem :func:`read_coded_sheet` reports.
    """
    from corpus_tools.coded_sets import frame_report
    from corpus_tools.frames import load_codebook

    codebook = load_codebook() if codebook is None else codebook
    framed, truth, pred = _sheet_frames(read_coded_sheet(path), path, codebook)
    if framed.empty:
        raise SheetError(f"{path}: frames were not coded (no row has code_frames filled in; "
                         "'none' means coded, no frame)")
    return frame_report(truth, pred, codebook["frame_id"])


def score_sheet_stance_per_class(path: str | Path) -> pd.DataFrame:
    """Per-class precision, recall and F1 of the lexicon and the model against a coded sheet.

    Parameters
    ----------
    path : str or Path
        A coded sheet from ``corpus-tools sample`` (rows with ``code_stance`` are scored).

    Returns
    -------
    DataFrame
        ``scorer`` (``lexicon``, ``model``) then the columns of
        :func:`corpus_tools.stance.score_stance_per_class`: one row per class and a
        ``semeval_macro`` row per scorer.
    """
    from corpus_tools.stance import score_stance, score_stance_per_class
    from corpus_tools.stance_model import load_stance_model

    coded = read_coded_sheet(path)
    texts, truth = coded["quote"].tolist(), coded["code_stance"].tolist()
    predictions = {"lexicon": [score_stance(t).label for t in texts],
                   "model": load_stance_model().predict(texts)}
    return pd.concat([score_stance_per_class(truth, pred).assign(scorer=name)
                      for name, pred in predictions.items()], ignore_index=True
                     )[["scorer", "label", "n_gold", "n_predicted", "tp", "precision", "recall",
                        "f1"]]


def refit_stance_on_sheet(path: str | Path, statements: str | Path | None = None,
                          folds: int = 5, seed: int = 0) -> pd.DataFrame:
    """Fit the stance model on the project's statements plus the coder's labels, scored by
    cross-validation on the coded rows grouped by article (an article's quotes never sit in
    both the training and the test half).

    Returns
    -------
    DataFrame
        ``model, n, semeval_macro_f1``: the shipped model and the refitted one on the same
        held-out rows.
    """
    from sklearn.model_selection import GroupKFold

    from corpus_tools.stance import semeval_f1
    from corpus_tools.stance_model import fit_stance_model, load_stance_model, load_statements

    coded = read_coded_sheet(path).reset_index(drop=True)
    base = load_statements(statements) if statements else _shipped_statements()
    k = min(folds, coded["article_id"].nunique())
    if k < 2:
        raise SheetError(f"{Path(path).name}: refitting needs coded quotes from at least two "
                         "articles")
    refit = [""] * len(coded)
    for train, test in GroupKFold(n_splits=k).split(coded, groups=coded["article_id"]):
        model = fit_stance_model([*base["text"], *coded.loc[train, "quote"]],
                                 [*base["stance"], *coded.loc[train, "code_stance"]])
        for i, label in zip(test, model.predict(coded.loc[test, "quote"].tolist()),
                            strict=True):
            refit[i] = label
    shipped = load_stance_model().predict(coded["quote"].tolist())
    truth = coded["code_stance"].tolist()
    return pd.DataFrame([("shipped", len(coded), semeval_f1(truth, shipped)),
                         (f"refit ({k}-fold by article)", len(coded),
                          semeval_f1(truth, refit))],
                        columns=["model", "n", "semeval_macro_f1"]).round(3)


def _shipped_statements() -> pd.DataFrame:
    from corpus_tools.paths import ANNOTATIONS_DIR
    from corpus_tools.stance_model import load_statements

    path = ANNOTATIONS_DIR / "stance_train" / "statements.jsonl"
    if not path.is_file():
        raise SheetError("the project's training statements are not installed (a wheel "
                         "install has only the fitted model): pass statements=PATH")
    return load_statements(path)
