"""The supervised stance model: features, fitting, the shipped file, its training data."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import numpy as np
import pytest

from corpus_tools.stance_model import (
    LABELS,
    MODEL_PATH,
    cross_validate,
    fit_stance_model,
    labels_from_proba,
    load_stance_model,
    load_statements,
    main,
    source_folds,
    stance_features,
    training_cv_table,
)

TRAIN = Path(__file__).resolve().parents[1] / "data" / "annotations" / "stance_train"


def test_negation_scope_runs_to_the_next_punctuation() -> None:
    feats = stance_features("We will not hand over our neighbors, we will protect them.")
    assert "NOT_hand" in feats and "NOT_neighbors" in feats
    assert "protect" in feats and "NOT_protect" not in feats


def test_lexicon_and_naming_cues_become_pseudo_words() -> None:
    assert "__lex_against__" in stance_features("We will not comply.")
    assert "__name_criminality__" in stance_features("They arrested criminal aliens.")


def test_the_model_reads_text_only() -> None:
    model = load_stance_model()
    params = list(inspect.signature(model.predict).parameters)
    assert params == ["texts"]


def test_save_and_load_give_the_same_predictions(tmp_path: Path) -> None:
    texts = ["deport them all now", "protect our immigrant neighbors", "the meeting is at noon",
             "honor every detainer", "stop the raids", "budget hearing on roads"] * 3
    labels = ["favor", "against", "none"] * 6
    model = fit_stance_model(texts, labels, min_df=1, none_bias=0.3)
    model.to_json(tmp_path / "m.json")
    again = load_stance_model(tmp_path / "m.json")
    probe = ["deport the raids", "protect roads", "noon detainer"]
    assert again.predict(probe) == model.predict(probe)
    np.testing.assert_allclose(again.predict_proba(probe), model.predict_proba(probe),
                               atol=1e-4)
    assert again.none_bias == 0.3


def test_unknown_label_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown stance label"):
        fit_stance_model(["a b", "c d"], ["favor", "pro"], min_df=1)


def test_shipped_model_on_clear_statements() -> None:
    model = load_stance_model()
    assert model.predict([
        "Sanctuary politicians keep releasing criminals; honor every ICE detainer.",
        "We will never hand our neighbors over to ICE, and the raids must stop.",
        "The council meets at 7 p.m. Thursday to discuss the road budget.",
    ]) == ["favor", "against", "none"]
    assert model.info["n_statements"] == 1600


def test_statements_file_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "1", "text": "x", "stance": "favor"}\n[1, 2]\n'
                    '{"id": "3", "text": "y", "stance": "maybe"}\n', encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_statements(path)
    assert "s.jsonl line 2: needs an object" in str(err.value)
    assert "s.jsonl line 3: stance 'maybe'" in str(err.value)


def test_training_statements_are_coded_and_agree() -> None:
    data = load_statements(TRAIN / "statements.jsonl")
    assert len(data) == 1600 and data["id"].is_unique
    assert set(data["stance"]) == set(LABELS)
    agree = (data["coder1_stance"] == data["coder2_stance"]).mean()
    assert agree == pytest.approx(0.991, abs=0.001)  # AGREEMENT.md
    disagreed = data[data["coder1_stance"] != data["coder2_stance"]]
    for _, row in disagreed.iterrows():  # majority of the two coders and the writer
        votes = [row["coder1_stance"], row["coder2_stance"], row["writer_stance"]]
        expected = max(set(votes), key=votes.count) if len(set(votes)) < 3 else "none"
        assert row["stance"] == expected, row["id"]
    assert json.loads((TRAIN / "statements.jsonl").read_text().splitlines()[0])["writer"] in "AB"


def test_source_folds_never_put_a_source_in_train_and_test() -> None:
    data = load_statements(TRAIN / "statements.jsonl")
    folds = source_folds(data["style"])
    assert len(folds) == data["style"].nunique() == 9
    styles = data["style"].to_numpy()
    for train, test in folds:
        assert len(set(styles[test])) == 1  # one source held out per fold
        assert not set(styles[train]) & set(styles[test])
        assert len(train) + len(test) == len(data)
    tested = np.sort(np.concatenate([test for _, test in folds]))
    assert (tested == np.arange(len(data))).all()  # every statement tested exactly once
    with pytest.raises(ValueError, match="at least two sources"):
        source_folds(["wire", "wire"])


def test_cross_validate_scores_each_bias_and_threshold_on_out_of_fold_decisions() -> None:
    labels = ["favor", "against", "none", "favor"]
    decisions = np.array([[2.0, 0.0, 0.0],     # favor, sure
                          [0.0, 0.5, 0.4],     # against, barely above none
                          [0.0, 0.0, 1.0],     # none
                          [0.3, 0.0, 0.2]])    # favor, unsure
    cv = cross_validate(["a", "b", "c", "d"], labels, ["s1", "s1", "s2", "s2"],
                        biases=(0.0, 1.0), thresholds=(0.0, 0.5), decisions=decisions)
    cv = cv.set_index(["none_bias", "none_threshold"])
    assert cv.loc[(0.0, 0.0), "accuracy"] == 1.0
    # A threshold of 0.5 keeps only the sure favor: the unsure favor and the against abstain.
    assert cv.loc[(0.0, 0.5), "accuracy"] == 0.5
    assert cv.loc[(0.0, 0.5), "semeval_macro_f1"] == pytest.approx((2 / 3 + 0) / 2)
    # A +1 none bias turns both unsure texts to none.
    assert cv.loc[(1.0, 0.0), "accuracy"] == 0.5


def test_none_threshold_abstains_when_neither_side_is_likely(tmp_path: Path) -> None:
    proba = np.array([[0.45, 0.40, 0.15], [0.70, 0.20, 0.10], [0.30, 0.30, 0.40]])
    assert labels_from_proba(proba) == ["favor", "favor", "none"]
    assert labels_from_proba(proba, 0.5) == ["none", "favor", "none"]
    assert labels_from_proba(proba, 0.8) == ["none", "none", "none"]
    texts = ["deport them all now", "protect our immigrant neighbors", "the meeting is at noon",
             "honor every detainer", "stop the raids", "budget hearing on roads"] * 3
    labels = ["favor", "against", "none"] * 6
    model = fit_stance_model(texts, labels, min_df=1, none_threshold=0.99)
    assert set(model.predict(texts)) == {"none"}
    model.to_json(tmp_path / "m.json")
    assert load_stance_model(tmp_path / "m.json").none_threshold == 0.99
    assert set(load_stance_model(tmp_path / "m.json").predict(texts)) == {"none"}


def test_training_cv_table_is_the_shipped_models_own_cv() -> None:
    model = load_stance_model()
    table = training_cv_table(model).set_index(["scorer", "label"])
    assert table.loc[("model", "semeval_macro"), "f1"] == pytest.approx(
        model.info["cv_semeval_macro_f1"], abs=5e-4)
    counts = model.info["labels"]
    for scorer in ("model", "lexicon"):
        for label in LABELS:
            assert table.loc[(scorer, label), "n_gold"] == counts[label]
        mean = table.loc[[(scorer, "favor"), (scorer, "against")], "f1"].mean()
        assert table.loc[(scorer, "semeval_macro"), "f1"] == pytest.approx(mean, abs=1e-3)
    # The model beats the lexicon on its own training CV, per side.
    assert (table.loc[("model", "favor"), "f1"] > table.loc[("lexicon", "favor"), "f1"])
    assert (table.loc[("model", "against"), "f1"] > table.loc[("lexicon", "against"), "f1"])


def _close(a: object, b: object, tol: float) -> bool:
    """JSON values equal, floats within ``tol`` (the solver's tolerance, not bytes)."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= tol
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y, tol) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k], tol) for k in a)
    return a == b


@pytest.mark.slow  # nine fits on 1,600 statements, about two minutes on two cores
def test_training_command_reproduces_the_shipped_model(tmp_path: Path) -> None:
    """Retraining gives the shipped model: same vocabulary, classes and settings, weights
    within 1e-3 (lbfgs stops at its tolerance, which can move the 5th decimal across BLAS
    builds), and the same decision on every training statement. On one machine two runs are
    byte-identical."""
    shipped = load_stance_model()
    out = tmp_path / "model.json"
    assert main([str(TRAIN / "statements.jsonl"), "--out", str(out),
                 "--source", shipped.info["training_data"]]) == 0
    new, old = json.loads(out.read_text()), json.loads(MODEL_PATH.read_text())
    assert [f[0] for f in new["features"]] == [f[0] for f in old["features"]]
    assert _close(new, old, 1e-3)
    texts = [json.loads(line)["text"] for line in
             (TRAIN / "statements.jsonl").read_text(encoding="utf-8").splitlines() if line]
    assert list(load_stance_model(out).predict(texts)) == list(shipped.predict(texts))
