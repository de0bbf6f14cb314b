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
    score_stance_per_class,
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


def test_score_quotes_scores_each_distinct_text_once(monkeypatch):
    import corpus_tools.stance as stance_mod

    texts = ["We will not comply with cruel raids.", "Arrest the criminals now.",
             "We will not comply with cruel raids.", "sanctuary",
             "Arrest the criminals now.", "We will not comply with cruel raids."]
    kinds = ["direct", "direct", "direct", "term", "direct", "direct"]
    quotes = pd.DataFrame({"text": texts, "kind": kinds})
    stanced: list[str] = []
    toned: list[str] = []
    real_score, real_tone = StanceScorer.score, stance_mod.score_tone

    def counting_score(self, text):
        stanced.append(text)
        return real_score(self, text)

    def counting_tone(batch):
        toned.extend(batch)
        return real_tone(batch)

    monkeypatch.setattr(StanceScorer, "score", counting_score)
    monkeypatch.setattr(stance_mod, "score_tone", counting_tone)
    scored = score_quotes(quotes, lexicon=stance_mod.load_stance_lexicon())
    assert sorted(stanced) == sorted(toned) == sorted(set(texts) - {"sanctuary"})
    # every row gets its own text's scores, as scoring row by row would
    for text, kind, label, value, tone in zip(texts, kinds, scored["stance"],
                                              scored["stance_score"], scored["tone"],
                                              strict=True):
        if kind == "term":
            assert label == "" and pd.isna(value) and pd.isna(tone)
            continue
        alone = real_score(StanceScorer(), text)
        assert (label, value) == (alone.label, alone.score)
        assert tone == real_tone([text])[0]


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


def test_per_class_table_hand_checked():
    truth = ["favor", "favor", "favor", "against", "against", "none"]
    pred = ["favor", "against", "none", "against", "favor", "none"]
    table = score_stance_per_class(truth, pred).set_index("label")
    # favor: tp 1, predicted 2, gold 3 -> P 1/2, R 1/3, F1 2*(1/6)/(5/6) = 0.4
    assert table.loc["favor", ["n_gold", "n_predicted", "tp"]].tolist() == [3, 2, 1]
    assert table.loc["favor", ["precision", "recall", "f1"]].tolist() == [0.5, 0.333, 0.4]
    # against: tp 1, predicted 2, gold 2 -> 0.5 / 0.5 / 0.5; none: tp 1, predicted 2, gold 1
    assert table.loc["against", ["precision", "recall", "f1"]].tolist() == [0.5, 0.5, 0.5]
    assert table.loc["none", ["precision", "recall", "f1"]].tolist() == [0.5, 1.0, 0.667]
    assert table.loc["semeval_macro", "f1"] == 0.45  # (0.4 + 0.5) / 2, none left out
    assert table.loc["semeval_macro", "tp"] == 3
    assert table.index.tolist() == ["favor", "against", "none", "semeval_macro"]


def test_per_class_table_never_predicted_class_scores_zero_not_nan():
    table = score_stance_per_class(["favor", "against"], ["against", "against"])
    table = table.set_index("label")
    assert table.loc["favor", ["precision", "recall", "f1"]].tolist() == [0.0, 0.0, 0.0]
    assert table.loc["none", "n_gold"] == 0 and table.loc["none", "f1"] == 0.0
    with pytest.raises(ValueError, match="2 coded labels but 1 predicted"):
        score_stance_per_class(["favor", "none"], ["favor"])


def test_speaker_labels_never_overlap():
    import matplotlib

    matplotlib.use("Agg")
    from corpus_tools.plots_stance import plot_speaker_positions

    # Eight speakers crowded near one spot and two far away: the old fixed offset
    # stacked their labels on top of each other.
    positions = pd.DataFrame({
        "speaker": [f"Speaker number {i}" for i in range(8)] + ["Far A", "Far B"],
        "group": ["administration", "local_officials"] * 5,
        "n_quotes": [1, 2, 3, 1, 2, 3, 1, 2, 5, 1],
        "mean_stance": [0.60, 0.62, 0.64, 0.61, 0.63, 0.60, 0.65, 0.62, -0.9, -0.5],
        "mean_tone": [0.50, 0.52, 0.55, 0.47, 0.45, 0.58, 0.50, 0.53, -0.9, 0.2],
    })
    fig = plot_speaker_positions(positions)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert sorted(t.get_text() for t in ax.texts) == sorted(
        f"{s} ({n})" for s, n in zip(positions["speaker"], positions["n_quotes"], strict=True))
    crossing = [(ax.texts[i].get_text(), ax.texts[j].get_text())
                for i in range(len(boxes)) for j in range(i + 1, len(boxes))
                if boxes[i].overlaps(boxes[j])]
    assert crossing == []
    again = plot_speaker_positions(positions).axes[0]
    assert [t.get_position() for t in again.texts] == [t.get_position() for t in ax.texts]
