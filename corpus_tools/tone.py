"""Tone: VADER compound sentiment per text (Hutto & Gilbert 2014).

Uses the lexicon shipped inside the ``vaderSentiment`` package (NLTK's copy of VADER needs
a download). Tone is not stance: VADER scores *illegal* and *criminal* negative whichever
side says them, and a statement against enforcement can be as negative as one for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from vaderSentiment import vaderSentiment as _vader
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText


class _Analyzer(SentimentIntensityAnalyzer):
    """VADER with the same scores and less per-call work.

    ``vaderSentiment`` lower-cases the whole word list of a text again inside every
    negation and idiom check (three of each per sentiment word) and in the *but* check,
    calls its per-word rules on words outside its lexicon (which score 0 whatever their
    neighbours), and copies the text character by character looking for emoji. Here the
    lower-cased list is made once per text and reused by the three checks, words outside
    the lexicon get their 0 directly, and a text without an emoji character skips the copy
    (the copy would equal the text). Everything else is VADER's own code, so
    :func:`score_tone` equals ``SentimentIntensityAnalyzer().polarity_scores`` (tested on
    every quote of the fixtures).
    """

    def __init__(self) -> None:
        super().__init__()
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
        self._words: list[str] | None = None
        self._lower: list[str] = []

    def _lowered(self, words: list[str]) -> list[str]:
        if words is not self._words:  # the list of another text (or a direct call)
            self._words, self._lower = words, [str(w).lower() for w in words]
        return self._lower

    def polarity_scores(self, text: str) -> dict[str, float]:
        if not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)
        sentitext = SentiText(text.strip())
        sentiments: list[float] = []
        words = sentitext.words_and_emoticons
        lower = self._lowered(words)
        lexicon = self.lexicon
        for i, item in enumerate(lower):
            if item in _vader.BOOSTER_DICT:
                sentiments.append(0)
                continue
            if item not in lexicon:  # sentiment_valence would append 0 and change nothing
                sentiments.append(0)
                continue
            if i < len(words) - 1 and item == "kind" and lower[i + 1] == "of":
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, words[i], i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, sentitext.text)

    # The three checks below are VADER's (vaderSentiment 3.3.2, MIT licence), reading the
    # cached lower-cased list instead of lower-casing the text's words on every call.
    def _but_check(self, words: list[str], sentiments: list[float]) -> list[float]:
        low = self._lowered(words)
        if "but" in low:
            bi = low.index("but")
            for sentiment in sentiments:
                si = sentiments.index(sentiment)
                if si < bi:
                    sentiments.pop(si)
                    sentiments.insert(si, sentiment * 0.5)
                elif si > bi:
                    sentiments.pop(si)
                    sentiments.insert(si, sentiment * 1.5)
        return sentiments

    def _negation_check(self, valence: float, words: list[str], start_i: int,
                        i: int) -> float:
        low = self._lowered(words)
        negated = _vader.negated
        if start_i == 0:
            if negated([low[i - 1]]):
                valence = valence * _vader.N_SCALAR
        if start_i == 1:
            if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
                valence = valence * 1.25
            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                pass
            elif negated([low[i - 2]]):
                valence = valence * _vader.N_SCALAR
        if start_i == 2:
            if low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this") or (
                    low[i - 1] == "so" or low[i - 1] == "this"):
                valence = valence * 1.25
            elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                pass
            elif negated([low[i - 3]]):
                valence = valence * _vader.N_SCALAR
        return valence

    def _special_idioms_check(self, valence: float, words: list[str], i: int) -> float:
        low = self._lowered(words)
        special, booster = _vader.SPECIAL_CASES, _vader.BOOSTER_DICT
        onezero = f"{low[i - 1]} {low[i]}"
        twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
        twoone = f"{low[i - 2]} {low[i - 1]}"
        threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
        threetwo = f"{low[i - 3]} {low[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in special:
                valence = special[seq]
                break
        if len(low) - 1 > i:
            zeroone = f"{low[i]} {low[i + 1]}"
            if zeroone in special:
                valence = special[zeroone]
        if len(low) - 1 > i + 1:
            zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
            if zeroonetwo in special:
                valence = special[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in booster:
                valence = valence + booster[n_gram]
        return valence


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return _Analyzer()


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
