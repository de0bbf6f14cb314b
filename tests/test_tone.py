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


def test_long_texts_scored_in_windows_short_ones_whole():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from corpus_tools.tone import MAX_WORDS_WHOLE

    vader = SentimentIntensityAnalyzer()
    short = " ".join(["cruel"] * MAX_WORDS_WHOLE)
    assert score_tone([short]) == [vader.polarity_scores(short)["compound"]]
    # 1,250 words: five windows of 250, weighted by words; sign and range preserved.
    long = " ".join(["we", "welcome", "our", "good", "neighbors"] * 250)
    (tone,) = score_tone([long])
    window = vader.polarity_scores(" ".join(long.split()[:250]))["compound"]
    assert tone == round(window, 4) and 0 < tone <= 1
    # pathological input stays cheap: 100,000 words finish (quadratic VADER would not)
    assert -1 <= score_tone(["word said he, " * 25_000])[0] <= 1
