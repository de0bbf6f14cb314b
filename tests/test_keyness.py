"""Tests for corpus_tools.keyness: Monroe et al. (2008) log-odds and Dunning's G2."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from corpus_tools.keyness import (
    dirichlet_prior,
    log_likelihood_g2,
    score_keyness,
    score_log_odds,
)

# A 2-group, 3-word toy table:        x  y  z   n
#   group A                           3  1  0   4
#   group B                           1  1  2   4
#   pooled (= alpha_w, prior pooled)  4  2  2   8  -> alpha_0 = 8
TOY = pd.DataFrame({
    "term": ["x", "y", "z", "x", "y", "z"],
    "group": ["A", "A", "A", "B", "B", "B"],
    "count": [3, 1, 0, 1, 1, 2],
})


def _row(table: pd.DataFrame, term: str, group: str) -> pd.Series:
    return table[(table["term"] == term) & (table["group"] == group)].iloc[0]


def test_log_odds_matches_hand_computation() -> None:
    """Each value written out by hand from Monroe et al. (2008) eqs. 16, 18-20.

    For group A (i) vs the rest, here B (j), n_i = n_j = 4, alpha_0 = 8:
    x: alpha = 4; i: (3 + 4) / (4 + 8 - 3 - 4) = 7/5; j: (1 + 4) / (4 + 8 - 1 - 4) = 5/7
       delta = log(7/5) - log(5/7) = 0.672944; var = 1/7 + 1/5 = 12/35; z = 1.149271
    y: alpha = 2; i: (1 + 2) / (4 + 8 - 1 - 2) = 3/9; j: the same -> delta 0, var 2/3, z 0
    z: alpha = 2; i: (0 + 2) / (4 + 8 - 0 - 2) = 2/10; j: (2 + 2) / (4 + 8 - 2 - 2) = 4/8
       delta = log(0.2) - log(0.5) = -0.916291; var = 1/2 + 1/4 = 3/4; z = -1.058041
    """
    scores = score_log_odds(TOY)
    expected = {
        "x": (math.log(7 / 5) - math.log(5 / 7), 1 / 7 + 1 / 5),
        "y": (0.0, 1 / 3 + 1 / 3),
        "z": (math.log(2 / 10) - math.log(4 / 8), 1 / 2 + 1 / 4),
    }
    for term, (delta, var) in expected.items():
        row = _row(scores, term, "A")
        assert row["delta"] == pytest.approx(delta, abs=1e-12)
        assert row["var"] == pytest.approx(var, abs=1e-12)
        assert row["z"] == pytest.approx(delta / math.sqrt(var), abs=1e-12)
    assert _row(scores, "x", "A")["z"] == pytest.approx(1.149271, abs=1e-6)
    assert _row(scores, "z", "A")["z"] == pytest.approx(-1.058041, abs=1e-6)
    # Two groups: B vs rest is A reversed.
    for term in "xyz":
        assert _row(scores, term, "B")["delta"] == pytest.approx(
            -_row(scores, term, "A")["delta"], abs=1e-12)
        assert _row(scores, term, "B")["count"] == TOY[
            (TOY["term"] == term) & (TOY["group"] == "B")]["count"].iloc[0]


def test_log_odds_output_shape_and_order() -> None:
    scores = score_log_odds(TOY)
    assert list(scores.columns) == ["term", "group", "count", "delta", "var", "z"]
    assert len(scores) == 6
    assert scores["group"].tolist() == ["A"] * 3 + ["B"] * 3
    assert scores["term"].tolist() == ["x", "y", "z", "z", "y", "x"]  # descending z
    assert scores["count"].dtype == np.int64


def test_log_odds_by_other_column_and_rest_pooling() -> None:
    """With 3 groups, 'rest' pools the other two; the grouping column keeps its name."""
    three = pd.DataFrame({"term": ["x", "y"] * 3, "outlet": ["P", "P", "Q", "Q", "R", "R"],
                          "count": [5, 1, 1, 2, 0, 3]})
    scores = score_log_odds(three, by="outlet")
    assert "outlet" in scores.columns
    rest = pd.DataFrame({"term": ["x", "y", "x", "y"], "group": ["P", "P", "rest", "rest"],
                         "count": [5, 1, 1, 5]})
    # Same pooled prior (pooled counts are identical), so P vs rest must agree.
    two = score_log_odds(rest)
    for term in "xy":
        assert _row(scores.rename(columns={"outlet": "group"}), term, "P")["z"] == \
            pytest.approx(_row(two, term, "P")["z"])


def test_prior_options() -> None:
    pooled = dirichlet_prior(TOY)
    assert pooled.to_dict() == {"x": 4.0, "y": 2.0, "z": 2.0}
    # A float is the total prior mass with the pooled shape; 8 = corpus size gives pooled.
    assert dirichlet_prior(TOY, prior=8.0).to_dict() == pooled.to_dict()
    assert dirichlet_prior(TOY, prior=1.0).sum() == pytest.approx(1.0)
    same = score_log_odds(TOY, prior=8.0)
    pd.testing.assert_frame_equal(same, score_log_odds(TOY))
    weak = score_log_odds(TOY, prior=0.1)
    # Weaker shrinkage: larger |delta| for the frequent, lopsided term x.
    assert abs(_row(weak, "x", "A")["delta"]) > abs(_row(same, "x", "A")["delta"])
    uniform = score_log_odds(TOY, prior=pd.Series(0.01, index=["x", "y", "z"]))
    a0 = 0.03
    expected = (math.log((3 + 0.01) / (4 + a0 - 3 - 0.01))
                - math.log((1 + 0.01) / (4 + a0 - 1 - 0.01)))
    assert _row(uniform, "x", "A")["delta"] == pytest.approx(expected)


@pytest.mark.parametrize("prior, message", [
    ("flat", "unknown prior"),
    (0.0, "> 0"),
    (pd.Series({"x": 1.0}), "no alpha_w"),
    (pd.Series({"x": 1.0, "y": 0.0, "z": 1.0}), "> 0"),
])
def test_prior_errors(prior: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        score_log_odds(TOY, prior=prior)


def test_input_errors() -> None:
    with pytest.raises(ValueError, match="at least 2 groups"):
        score_log_odds(TOY[TOY["group"] == "A"])
    with pytest.raises(KeyError, match="missing column"):
        score_log_odds(TOY.rename(columns={"count": "n"}))
    with pytest.raises(ValueError, match="negative"):
        score_keyness(TOY.assign(count=-TOY["count"]))


def test_g2_matches_scipy() -> None:
    """G2 and its p-value equal scipy's log-likelihood chi-square on each 2 x 2 table."""
    keyness = score_keyness(TOY)
    n = TOY.groupby("group")["count"].sum()
    for _, row in keyness.iterrows():
        other = "B" if row["group"] == "A" else "A"
        rest = TOY[(TOY["term"] == row["term"]) & (TOY["group"] == other)]["count"].iloc[0]
        table = np.array([[row["count"], rest],
                          [n[row["group"]] - row["count"], n[other] - rest]])
        g2, p, dof, expected = stats.chi2_contingency(table, correction=False,
                                                      lambda_="log-likelihood")
        assert dof == 1
        assert row["g2"] == pytest.approx(g2, abs=1e-10)
        assert row["p_value"] == pytest.approx(p, abs=1e-10)
        assert row["expected"] == pytest.approx(expected[0, 0])
        assert row["rest_count"] == rest


def test_g2_vectorised_against_power_divergence() -> None:
    rng = np.random.default_rng(4)
    a, b, c, d = (rng.integers(0, 50, size=20).astype(float) + k for k in (0, 1, 0, 1))
    ours = log_likelihood_g2(a, b, c, d)
    for k in range(20):
        obs = np.array([[a[k], c[k]], [b[k], d[k]]])
        exp = stats.contingency.expected_freq(obs)
        ref = stats.power_divergence(obs.ravel(), exp.ravel(), ddof=2,
                                     lambda_="log-likelihood")
        assert ours[k] == pytest.approx(ref.statistic, abs=1e-9)


def test_keyness_log_ratio_and_direction() -> None:
    keyness = score_keyness(TOY)
    assert list(keyness.columns) == ["term", "group", "count", "rest_count", "expected", "g2",
                                     "p_value", "log_ratio", "direction"]
    # Hardie's log ratio: log2 of relative frequencies; a zero count becomes 0.5.
    assert _row(keyness, "x", "A")["log_ratio"] == pytest.approx(math.log2(3))
    assert _row(keyness, "z", "A")["log_ratio"] == pytest.approx(math.log2((0.5 / 4) / (2 / 4)))
    assert _row(keyness, "x", "A")["direction"] == "over"
    assert _row(keyness, "z", "A")["direction"] == "under"
    assert _row(keyness, "y", "A")["g2"] == pytest.approx(0.0, abs=1e-12)
    assert _row(keyness, "y", "A")["p_value"] == pytest.approx(1.0)
    assert keyness.groupby("group")["g2"].apply(lambda s: s.is_monotonic_decreasing).all()
