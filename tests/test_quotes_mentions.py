"""corpus_tools.quotes.names and .mentions: names in a mention, people in the narration."""

import random
import re
from pathlib import Path

import pytest

from corpus_tools.actors import ActorRegistry
from corpus_tools.quotes import mentions
from corpus_tools.quotes.mentions import _narration_mentions
from corpus_tools.quotes.names import _clean_np, _name_in
from corpus_tools.quotes.state import _Context

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SEEDS = Path(__file__).parent.parent / "data" / "raw"


def test_name_in_strips_titles_and_roles():
    assert _name_in("Harris County Sheriff Ed Gonzalez") == "Ed Gonzalez"
    assert _name_in("Gov. Teresa Lindahl") == "Teresa Lindahl"
    assert _name_in("the spokeswoman") == ""


def test_name_in_stops_at_the_apposition():
    assert _name_in("Ana Ruiz, an organizer with the coalition") == "Ana Ruiz"


def test_clean_np_drops_a_leading_conjunction():
    assert _clean_np("and Mayor Jane Doe") == "Mayor Jane Doe"


def test_narration_mentions_record_a_titled_person_with_offsets():
    raw = "Gov. Teresa Lindahl spoke on Monday about the plan."  # not in the registry
    ctx = _Context(ActorRegistry(), raw=raw, paragraphs=[(0, len(raw))])
    _narration_mentions(raw, ctx.paragraphs, ctx)
    found = [(pos, q.speaker, q.speaker_kind) for pos, _, q in ctx.persons.before(len(raw))]
    assert found == [(raw.index("Lindahl"), "Teresa Lindahl", "person")]  # at the surname


# --- issue 15: the narration patterns written so the regex engine skips to their first letter

_LEAD = r"(?<![\w\u2019'.-])"


def _as_written_before(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with its word-start test in front again (``(?<![...])(?P<g>[A-Z]``, how
    it was written before): the reference the rewritten pattern must equal."""
    text = pattern.pattern
    if pattern is mentions._TITLED_NAME:
        lead = mentions._titles_at_word_start(mentions._TITLES)
        assert text.startswith(lead)
        return re.compile(r"\b(?:" + "|".join(mentions._TITLES) + ")" + text[len(lead):])
    rewritten = re.compile(r"(\(\?P<\w+>)(\[[^\]]+\])\(\?<!\[\\w\\u2019'\.-\]\2\)")
    old, n = rewritten.subn(lambda m: _LEAD + m.group(1) + m.group(2), text, count=1)
    assert n == 1 and old.startswith(_LEAD)
    return re.compile(old)


def _stress_texts() -> list[str]:
    """Fixture articles, the seeds and random strings made of the patterns' pieces (titles
    after letters, names with apostrophes and accents, commas before numbers)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    pieces = ["Mayor", "Gov.", "Governor", "xMayor", "Council Member", "U.S. Attorney", "Rev.",
              "Jane", "Doe", "María", "O'Neil", "McDonald", "Élise", "-Ana", "’Ana", ".Ana",
              "said", "told", "saying", "so-called", "a", "an", "A", "One", "who", "name",
              "named", "only as", "first", "34", "Union", "Center", "group", "coalition",
              "official", "spokeswoman", "for", "of", ",", ".", "\n", "’", "'", "-", "\t"]
    rng = random.Random(15)
    for _ in range(1500):
        texts.append("".join(rng.choice(pieces) + rng.choice(["", " ", " ", ", ", "\t"])
                             for _ in range(rng.randint(1, 40))))
    return texts


@pytest.mark.parametrize("name", ["_TITLED_NAME", "_NAMED_ORG", "_NAME_APPOSITIVE",
                                  "_FIRST_LAST", "_NARRATED"])
def test_rewritten_narration_patterns_find_what_the_lookbehind_forms_found(name):
    new = getattr(mentions, name)
    old = _as_written_before(new)
    assert old.pattern != new.pattern
    compared = 0
    for text in _stress_texts():
        rng = random.Random(len(text))
        for start in (0, rng.randint(0, len(text)), text.find("\n\n") + 1):
            got = [(m.span(), m.groupdict()) for m in new.finditer(text, start, len(text))]
            assert got == [(m.span(), m.groupdict()) for m in old.finditer(text, start,
                                                                            len(text))]
            compared += len(got)
    assert compared > 20  # the texts do exercise the pattern


def test_first_name_hint_is_there_wherever_the_first_name_pattern_matches():
    found = 0
    for text in _stress_texts():
        for m in mentions._FIRST_NAME_ONLY.finditer(text):
            found += 1
            assert mentions._FIRST_NAME_HINT.search(text, m.start(), m.end())
    assert found > 20


@pytest.mark.parametrize("name, needs", [
    ("_ORG_APPOSITIVE", ["_ORG_NOUNS"]),
    ("_NAMED_ORG", ["_ORG_WORDS"]),
    ("_NARRATED_DESC", ["_DESC_WORDS"]),
])
def test_every_narration_match_holds_the_words_its_paragraph_is_checked_for(name, needs):
    found = 0
    for text in _stress_texts():
        for m in getattr(mentions, name).finditer(text):
            found += 1
            for words in needs:
                assert mentions._has_word(text, getattr(mentions, words), m.start(), m.end())
    assert found > 10
