"""Tests for corpus_tools.context: bigram collocations and keyword in context."""

from __future__ import annotations

import pandas as pd
import pytest
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

from corpus_tools.context import extract_collocations, kwic
from corpus_tools.units import extract_units

POLITICO = "000_674bf23a13580e8a"


def _quote(raw: str, aid: str, text: str, speaker: str, group: str) -> dict:
    start = raw.index(text)
    return {"article_id": aid, "start": start, "end": start + len(text), "text": text,
            "kind": "direct", "speaker": speaker, "group": group}


@pytest.fixture(scope="module")
def units(corpus: pd.DataFrame, raw_texts: dict[str, str]) -> pd.DataFrame:
    """Units from two hand-located quotes, so the tests do not depend on the extractor."""
    raw = raw_texts[POLITICO]
    quotes = pd.DataFrame([
        _quote(raw, POLITICO, "The highest degree of national security and public safety "
               "concerns are in sanctuary cities,", "Stephen Miller", "administration"),
        _quote(raw, POLITICO, "You better comply, or you’re next,", "Pam Bondi",
               "administration"),
    ])
    return extract_units(corpus, quotes)


def test_collocations_toy() -> None:
    units = pd.DataFrame({
        "text": ["Sanctuary cities refuse ICE. Sanctuary cities protect residents.",
                 "Border czar Homan. The border czar spoke.", "cities refuse"],
        "group": ["a", "a", "b"]})
    out = extract_collocations(units, n=5, min_freq=2)
    assert list(out.columns) == ["group", "rank", "bigram", "word1", "word2", "count", "score"]
    a = out[out["group"] == "a"]
    assert set(a["bigram"]) == {"sanctuary cities", "border czar"}
    assert a["rank"].tolist() == [1, 2]
    assert a["score"].is_monotonic_decreasing
    assert out[out["group"] == "b"].empty  # 'cities refuse' occurs once in b


def test_collocation_scores_are_nltk_likelihood_ratio() -> None:
    texts = ["Sanctuary cities refuse ICE.", "Sanctuary cities protect residents.",
             "ICE agents arrest. ICE agents deport."]
    out = extract_collocations(pd.DataFrame({"text": texts, "group": "g"}), min_freq=2)
    docs = [t.lower().replace(".", "").split() for t in texts]
    finder = BigramCollocationFinder.from_documents(docs)
    ref = dict(finder.score_ngrams(BigramAssocMeasures.likelihood_ratio))
    for w1, w2, score in zip(out["word1"], out["word2"], out["score"], strict=True):
        assert score == pytest.approx(ref[(w1, w2)])


def test_collocations_never_span_units_or_blanks() -> None:
    units = pd.DataFrame({"text": ["alpha beta", "alpha beta", "gamma", "delta",
                                   "epsilon" + " " * 12 + "zeta", "epsilon     zeta"],
                          "group": "g"})
    out = extract_collocations(units, min_freq=1, n=20)
    assert "gamma delta" not in set(out["bigram"])
    assert "epsilon zeta" not in set(out["bigram"])
    assert out.iloc[0]["bigram"] == "alpha beta" and out.iloc[0]["count"] == 2


def test_kwic_offsets_index_raw_text(units: pd.DataFrame, raw_texts: dict[str, str]) -> None:
    rows = kwic("sanctuary", units, window=8)
    assert list(rows.columns) == ["article_id", "unit_id", "speaker", "group", "start", "end",
                                  "left", "match", "right"]
    assert len(rows) == 19  # 20 in the raw files, one of them in a headline (not a unit)
    for aid, start, end, match in zip(rows["article_id"], rows["start"], rows["end"],
                                      rows["match"], strict=True):
        assert raw_texts[aid][start:end] == match
        assert match.lower() == "sanctuary"
    assert rows.groupby("article_id")["start"].apply(lambda s: s.is_monotonic_increasing).all()
    assert rows["left"].str.split().str.len().max() <= 8 + 1  # '…' may mark a blanked quote


def test_kwic_groups_speakers_and_blanking(units: pd.DataFrame) -> None:
    rows = kwic("sanctuary city", units, window=3)
    miller = rows[rows["speaker"] == "Stephen Miller"]
    assert len(miller) == 1
    assert miller.iloc[0]["group"] == "administration"
    assert miller.iloc[0]["match"] == "sanctuary cities"
    assert miller.iloc[0]["right"] == ""  # the quote ends there
    # In the narration the quoted words are blanked, so Miller's words are not 'press'.
    press = rows[rows["group"] == "press"]
    assert not (press["start"] == miller.iloc[0]["start"]).any()
    homan = rows[rows["left"].str.endswith("All these")]
    assert len(homan) == 1 and homan.iloc[0]["group"] == "press"  # not coded in this fixture


def test_kwic_window_folding_and_errors() -> None:
    units = pd.DataFrame({"article_id": ["x"], "start": [10], "group": ["press"],
                          "text": ["one two three Sanctuary City four five six"]})
    row = kwic("sanctuary cities", units, window=2).iloc[0]
    assert (row["left"], row["match"], row["right"]) == ("two three", "Sanctuary City",
                                                         "four five")
    assert (row["start"], row["end"]) == (10 + 14, 10 + 28)
    assert kwic("sanctuary cities", units, fold_plurals=False).empty
    assert kwic("sanctuary", units, window=0).iloc[0]["left"] == ""
    with pytest.raises(ValueError, match="no word tokens"):
        kwic("  ", units)
    with pytest.raises(ValueError, match="window"):
        kwic("sanctuary", units, window=-1)
    with pytest.raises(KeyError, match="missing column"):
        kwic("sanctuary", units.drop(columns="group"))
