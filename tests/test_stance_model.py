"""The supervised stance model: features, fitting, the shipped file, its training data."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import numpy as np
import pytest

from corpus_tools.stance_model import (
    LABELS,
    fit_stance_model,
    load_stance_model,
    load_statements,
    stance_features,
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
