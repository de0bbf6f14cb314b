"""corpus_tools.quotes.cues: reporting verbs and the patterns of a reporting cue."""

from corpus_tools.quotes.cues import (
    _ACCORDING,
    _AFTER_NP_VERB,
    _AFTER_VERB_NP,
    _PROBE,
    SPEECH_VERBS,
)


def test_cue_after_a_quote_name_then_verb():
    m = _AFTER_NP_VERB.match(" Wu said Tuesday.")
    assert m is not None and (m.group("np"), m.group("verb")) == ("Wu", "said")


def test_cue_after_a_quote_verb_then_name_title_and_org():
    m = _AFTER_VERB_NP.match(" said Ana Ruiz, director of the Immigrant Coalition.")
    assert m is not None and m.group("verb") == "said"
    assert m.group("np").startswith("Ana Ruiz, director of the Immigrant Coalition")


def test_according_to_and_a_non_verb_are_told_apart():
    m = _ACCORDING.search("The plan will fail, according to Mayor Jane Doe.")
    assert m is not None and m.group("np").startswith("Mayor Jane Doe")
    assert _PROBE.match(", she told reporters") is not None
    assert _PROBE.match(", the new policy begins") is None


def test_speech_verbs_hold_the_manner_of_speaking_verbs():
    assert {"said", "told", "quipped", "retorted"} <= set(SPEECH_VERBS)
