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


def score_tone(texts: Iterable[str]) -> list[float]:
    """VADER compound score (-1 most negative .. 1 most positive) of each text.

    Examples
    --------
    >>> score_tone(["This is dangerous and cruel", "We welcome our neighbors"])
    [-0.7845, 0.4588]
    """
    analyzer = _analyzer()
    return [float(analyzer.polarity_scores(str(t))["compound"]) for t in texts]
