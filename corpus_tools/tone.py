"""Tone: VADER compound sentiment per text (Hutto & Gilbert 2014).

Uses the lexicon shipped inside the ``vaderSentiment`` package (NLTK's copy of VADER needs
a download). Tone is not stance: VADER scores *illegal* and *criminal* negative whichever
side says them, and a statement against enforcement can be as negative as one for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


#: VADER's cost grows with the square of a text's length (it looks words up by position in
#: its word list). Texts longer than this many words, far longer than any quotation, are
#: scored in windows of ``_WINDOW_WORDS`` words and averaged (weighted by words), which
#: keeps the cost linear on pathological input (an unclosed quote running to the end of
#: a long file). Every realistic text is scored whole, exactly as VADER scores it.
MAX_WORDS_WHOLE = 1000
_WINDOW_WORDS = 250


def _compound(analyzer: SentimentIntensityAnalyzer, text: str) -> float:
    words = text.split()
    if len(words) <= MAX_WORDS_WHOLE:
        return float(analyzer.polarity_scores(text)["compound"])
    windows = [words[i:i + _WINDOW_WORDS] for i in range(0, len(words), _WINDOW_WORDS)]
    scores = [analyzer.polarity_scores(" ".join(w))["compound"] * len(w) for w in windows]
    return round(float(sum(scores) / len(words)), 4)


def score_tone(texts: Iterable[str]) -> list[float]:
    """VADER compound score (-1 most negative .. 1 most positive) of each text.

    Texts of more than :data:`MAX_WORDS_WHOLE` words are scored as the word-weighted mean
    of 250-word windows (linear time); shorter texts get VADER's score unchanged.

    Examples
    --------
    >>> score_tone(["This is dangerous and cruel", "We welcome our neighbors"])
    [-0.7845, 0.4588]
    """
    analyzer = _analyzer()
    return [_compound(analyzer, str(t)) for t in texts]
