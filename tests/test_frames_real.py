"""benchmarks/frames_real.py: the frame experiment on real coded quotes, on a tiny coded set
written here (our own sentences). The real sets it is meant for are read in place by the
script and are not needed here."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from corpus_tools.coded_sets import score_frames

#: (file, quotes as (text, frames)); odd-numbered files are the tuning half.
ARTICLES = {
    "d01_a.txt": [("Criminals are released onto our streets every week.", ["crime_threat"]),
                  ("The raids tore families apart and spread fear.",
                   ["enforcement_ops", "humanitarian"])],
    "d02_b.txt": [("The county was sued for holding people too long.", ["legality_authority"]),
                  ("This is a stunt for the campaign.", ["political_conflict"])],
    "d03_c.txt": [("Agents arrested forty people at the plant.", ["enforcement_ops"]),
                  ("The court said the detainer was unlawful.", ["legality_authority"])],
    "d05_d.txt": [("Gangs threaten public safety.", ["crime_threat"]),
                  ("Our immigrant neighbors belong here.", ["immigrant_belonging"])],
}


def _script():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "frames_real.py"
    spec = importlib.util.spec_from_file_location("frames_real", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _coded_set(root: Path, files: dict[str, list]) -> Path:
    (root / "text").mkdir(parents=True)
    gold = {}
    for name, quotes in files.items():
        text, coded = "", []
        for quote, frames in quotes:
            text += 'She said, "'
            coded.append({"start": len(text), "end": len(text) + len(quote),
                          "speaker": ["Ana Ruiz", "Ruiz"], "group": "other",
                          "stance": "none", "frames": frames})
            text += quote + '"\n\n'
        (root / "text" / name).write_text(text, encoding="utf-8")
        gold[name] = {"quotes": coded, "ignore": []}
    (root / "gold.json").write_text(json.dumps({"articles": gold}), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def three_sets(tmp_path_factory) -> list[Path]:
    base = tmp_path_factory.mktemp("frames_real")
    names = list(ARTICLES)
    # three sets of two articles each, the articles renamed so each set has two odd files
    sets = []
    for k in range(3):
        files = {f"d{2 * i + 1:02d}_{k}{i}.txt": ARTICLES[names[(k + i) % 4]] for i in range(2)}
        sets.append(_coded_set(base / f"set{k}", files))
    return sets


def test_held_out_half_cannot_be_asked_for(three_sets):
    script = _script()
    for spec in (str(three_sets[0]), f"{three_sets[0]}:heldout"):
        with pytest.raises(SystemExit, match="never read"):
            script.parse_spec(spec)


def test_tune_part_reads_only_odd_files(tmp_path):
    script = _script()
    folder = _coded_set(tmp_path / "s", ARTICLES)
    tune = script.load_real([f"{folder}:tune"], matched=False)
    assert sorted(set(tune["article_id"])) == ["d01_a", "d03_c", "d05_d"]
    every = script.load_real([f"{folder}:all"], matched=False)
    assert "d02_b" in set(every["article_id"])
    assert list(every["text"]) == list(every["test_text"])


def test_bootstrap_point_estimates_are_score_frames():
    script = _script()
    frames = ["a", "b", "c"]
    y = np.array([[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1]], dtype=bool)
    p = np.array([[1, 0, 0], [0, 0, 0], [1, 1, 1], [0, 1, 0]], dtype=bool)
    s = script.scores_with_ci(y, p, np.array(["x", "x", "y", "z"]), n_boot=200)
    ref = score_frames([[f for f, v in zip(frames, r, strict=True) if v] for r in y],
                       [[f for f, v in zip(frames, r, strict=True) if v] for r in p]
                       ).set_index("frame")
    assert s["micro"] == pytest.approx(ref.loc["micro", "f1"], abs=1e-3)
    assert s["macro"] == pytest.approx(ref.loc["macro", "f1"], abs=1e-3)
    assert s["micro_lo"] <= s["micro"] <= s["micro_hi"]
    assert s["n_articles"] == 3


def test_thresholds_can_fall_back_to_the_dictionary():
    script = _script()
    y = np.array([[1], [0], [1], [0]], dtype=bool)
    dict_x = np.array([[1], [0], [1], [0]], dtype=float)  # the dictionary is right
    proba = np.array([[0.2], [0.9], [0.1], [0.8]])  # the model is wrong
    for variant in ("or", "and"):
        th = script.choose_thresholds(variant, y, dict_x, proba)
        assert (script.combine(variant, dict_x, proba, th) == y).all(), (variant, th)
    assert script.choose_thresholds("or", y, dict_x, proba)[0] > 0.9  # the model never adds


def test_experiment_runs_and_is_deterministic(three_sets):
    script = _script()
    specs = [f"{s}:tune" for s in three_sets]
    first, log = script.run(specs, matched=False, codebook=None, weights=[0.0],
                            schemes=["loso"])
    second, _ = script.run(specs, matched=False, codebook=None, weights=[0.0],
                           schemes=["loso"])
    assert first.equals(second)
    assert set(first["variant"]) == {"dict", "model", "or", "and"}
    assert set(first["set"]) == {"set0", "set1", "set2", "pooled"}
    # every quote of these sentences carries a cue of its own frame
    dict_pooled = first.query("variant == 'dict' and set == 'pooled'")
    assert dict_pooled["micro"].item() == pytest.approx(1.0)
    assert set(log["weight"]) == {0.0}


def test_pruning_drops_a_cue_that_is_wrong_on_the_training_quotes():
    import pandas as pd

    script = _script()
    frames = ["crime_threat", "legality_authority"]
    rows = []
    for i in range(10):  # one quote per article; 'charges' is never coded crime here
        rows.append((f"a{i}", ("crime_threat",), ["crime_threat:crime"]))
        rows.append((f"a{i}", ("legality_authority",),
                     ["crime_threat:charges", "legality_authority:court"]))
    train = pd.DataFrame(rows, columns=["article_id", "frames", "prune_cues"])
    dropped, (tau, _) = script.fit_prune(train, frames)
    assert dropped == {"crime_threat:charges"} and tau > 0
    pred = script._pruned([["crime_threat:charges", "legality_authority:court"]], dropped, frames)
    assert pred.tolist() == [[False, True]]
