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


def _fixture_quote_texts() -> list[str]:
    import warnings

    from corpus_tools.paths import PROJECT_ROOT
    from corpus_tools.quotes import extract_quotes_from_text

    texts = []
    folders = [PROJECT_ROOT / "tests" / "fixtures" / "articles", PROJECT_ROOT / "data" / "raw"]
    for path in sorted(p for folder in folders for p in folder.glob("*.txt")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quotes = extract_quotes_from_text(path.read_text(encoding="utf-8"), path.stem)
        texts.extend(quotes["text"].astype(str))
    return texts


def test_scores_equal_vadersentiment_on_every_fixture_quote():
    # The faster analyzer (word list lower-cased once per text, no emoji copy when the
    # text has none) must give VADER's own scores, all four of them, on real quotes and on
    # texts that exercise each rule it touches.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from corpus_tools.tone import _analyzer

    stock, fast = SentimentIntensityAnalyzer(), _analyzer()
    rules = ["It was never so good", "never this bad", "without doubt a good plan",
             "It is kind of good but NOT GREAT", "at least good", "the least good idea",
             "no good comes of it", "not very good at all!!", "sort of bad?? really??",
             "the bomb went off", "I love it \U0001f600 but \u2639\ufe0f", "  padded text  ",
             "He said “it’s not cruel,” but they disagree", ""]
    texts = _fixture_quote_texts() + rules
    assert len(texts) > 500
    differ = [t for t in texts if fast.polarity_scores(t) != stock.polarity_scores(t)]
    assert differ == []
    assert score_tone(texts) == [stock.polarity_scores(t)["compound"] for t in texts]
