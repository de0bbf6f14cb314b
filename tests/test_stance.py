"""Stance from the words alone: lexicon scorer, negation, classifier, metrics."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

from corpus_tools.paths import PROJECT_ROOT
from corpus_tools.stance import (
    LexiconError,
    StanceScorer,
    count_stance,
    evaluate_stance,
    load_stance_lexicon,
    score_quotes,
    score_speaker_positions,
    score_stance,
    semeval_f1,
)

HELDOUT = PROJECT_ROOT / "tests" / "fixtures" / "stance_heldout.csv"


def test_negation_flips_polarity():
    assert score_stance("You better comply.").label == "favor"
    assert score_stance("We will not comply.").label == "against"
    assert score_stance("This will not make us safer.").score < 0
    assert score_stance("This makes us safer.").score > 0


def test_scores_bounded_and_evidence_slices_text():
    text = "Criminal illegal aliens roam free; deploying militarized units is cruel."
    result = score_stance(text)
    assert -1 <= result.score <= 1
    for _term, polarity, start, end in result.evidence:
        assert text[start:end]
        assert polarity in (1, -1)


def test_scorer_never_sees_speaker_or_group():
    assert list(inspect.signature(score_stance).parameters) == ["text"]
    quotes = pd.DataFrame({"text": ["We will hunt you down."] * 2,
                           "speaker": ["Tom Homan", "Michelle Wu"],
                           "group": ["administration", "local_officials"]})
    scored = score_quotes(quotes)
    assert scored["stance"].nunique() == 1 and scored["stance_score"].nunique() == 1


def test_score_quotes_leaves_terms_blank():
    quotes = pd.DataFrame({"text": ["sanctuary", "This is cruel."], "kind": ["term", "direct"]})
    scored = score_quotes(quotes)
    assert scored["stance"].tolist() == ["", "against"]
    assert scored["tone"].isna().tolist() == [True, False]


def test_lexicon_errors_name_the_line(tmp_path):
    path = tmp_path / "lex.csv"
    path.write_text("term,polarity,weight,note\n# comment\ncruel,-1,2,\nfear,2,1,\n",
                    encoding="utf-8")
    with pytest.raises(LexiconError, match=r"lex.csv line 4: polarity '2' must be 1 or -1"):
        load_stance_lexicon(path)
    path.write_text("term,polarity,weight\n,1,1\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 2: empty term"):
        load_stance_lexicon(path)


def test_semeval_metric_ignores_none_class():
    assert semeval_f1(["favor", "against"], ["favor", "against"]) == 1.0
    assert semeval_f1(["none", "none"], ["none", "none"]) == 0.0


def test_lexicon_on_gold_does_not_regress():
    result = evaluate_stance()
    table = result["table"].set_index("system")
    # measured 0.936 (the lexicon was written with these quotes in view)
    assert table.loc["lexicon", "semeval_f1"] >= 0.93
    # measured 0.641, leave-one-article-out
    assert table.loc["classifier", "semeval_f1"] >= 0.60
    for matrix in result["confusion"].values():
        assert matrix.to_numpy().sum() == 29


def test_lexicon_on_heldout_statements_does_not_regress():
    heldout = pd.read_csv(HELDOUT)
    assert len(heldout) >= 20 and set(heldout["stance"]) == {"favor", "against", "none"}
    scorer = StanceScorer()
    f1 = semeval_f1(heldout["stance"].tolist(), [scorer.score(t).label for t in heldout["text"]])
    assert f1 >= 0.82  # measured 0.828 on statements written before the lexicon


def test_aggregations():
    quotes = pd.DataFrame({"text": ["a", "b", "c"], "speaker": ["X", "X", "Y"],
                           "group": ["administration", "administration", "advocates"],
                           "stance": ["favor", "none", "against"],
                           "stance_score": [0.5, 0.0, -0.5], "tone": [0.1, 0.2, -0.3]})
    counts = count_stance(quotes)
    assert counts.set_index(["group", "stance"]).loc[("administration", "favor"), "n"] == 1
    assert len(counts) == 6
    positions = score_speaker_positions(quotes)
    assert positions[["speaker", "n_quotes", "mean_stance"]].values.tolist() == [
        ["X", 2, 0.25], ["Y", 1, -0.5]]
