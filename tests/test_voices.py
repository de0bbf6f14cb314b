"""Voices: quote counts and mentions vs quotes on small hand-made tables."""

from __future__ import annotations

import pandas as pd

from corpus_tools.voices import (
    compare_voice_and_mention,
    count_mentions,
    count_quotes,
    count_speakers,
)

QUOTES = pd.DataFrame({
    "article_id": ["a", "a", "a", "b"],
    "text": ["We will go in.", "sanctuary", "No way, not here.", "Protect residents."],
    "kind": ["direct", "term", "direct", "partial"],
    "speaker": ["Tom Homan", "", "Michelle Wu", "Michelle Wu"],
    "actor_id": ["homan", "", "wu", "wu"],
    "group": ["administration", "none", "local_officials", "local_officials"],
    "outlet": ["X", "X", "X", "Y"],
})
ACTORS = pd.DataFrame({
    "actor_id": ["homan", "wu", "walsh"],
    "name": ["Tom Homan", "Michelle Wu", "Marty Walsh"],
    "aliases": ["Homan|border czar Tom Homan", "Wu|Mayor Michelle Wu|Boston Mayor Michelle Wu",
                "Walsh"],
    "group": ["administration", "local_officials", "local_officials"],
})
UNITS = pd.DataFrame({
    "article_id": ["a", "a"],
    "kind": ["narration", "quote"],
    "start": [100, 200],
    "text": ["Boston Mayor Michelle Wu met Homan; Wu left.", "Wu Wu Wu"],
})


def test_count_quotes_excludes_terms_and_orders_groups():
    out = count_quotes(QUOTES)
    assert out["group"].tolist() == ["administration", "local_officials"]
    assert out["n_quotes"].tolist() == [1, 2]
    assert out["n_words"].tolist() == [4, 6]
    assert abs(out["share_quotes"].sum() - 1) < 1e-12


def test_count_quotes_by_outlet_and_group():
    out = count_quotes(QUOTES, by=["outlet", "group"])
    assert out[["outlet", "group", "n_quotes"]].values.tolist() == [
        ["X", "administration", 1], ["X", "local_officials", 1], ["Y", "local_officials", 1]]


def test_count_speakers():
    out = count_speakers(QUOTES)
    assert out.iloc[0].to_dict() == {"speaker": "Michelle Wu", "group": "local_officials",
                                    "n_quotes": 2, "n_words": 6, "articles": "a;b"}


def test_mentions_longest_alias_with_raw_offsets():
    m = count_mentions(UNITS, ACTORS)
    assert m["actor_id"].tolist() == ["wu", "homan", "wu"]
    assert m["text"].tolist() == ["Boston Mayor Michelle Wu", "Homan", "Wu"]
    assert m["start"].tolist() == [100, 129, 136]


def test_voice_vs_mention_only_narration_counts():
    out = compare_voice_and_mention(QUOTES, UNITS, ACTORS)
    assert out[["actor_id", "n_mentions", "n_quotes"]].values.tolist() == [
        ["wu", 2, 2], ["homan", 1, 1]]
