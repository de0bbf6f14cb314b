"""Tone: VADER from the lexicon shipped in vaderSentiment, offline."""

from __future__ import annotations

from corpus_tools.tone import score_tone


def test_vader_scores_offline():
    negative, positive = score_tone(["This is dangerous and cruel", "We welcome our neighbors"])
    assert negative < -0.5 and positive > 0.3


def test_tone_is_not_stance():
    # Both sides' vocabulary reads negative to VADER.
    admin, local = score_tone(["criminal illegal aliens", "cruel and harmful raids"])
    assert admin < 0 and local < 0
