"""corpus_tools.quotes.resolve: a speaker mention to a speaker."""

from corpus_tools.actors import ActorRegistry
from corpus_tools.quotes.resolve import _resolve
from corpus_tools.quotes.state import _Context, _Quote

RAW = "Ana Ruiz met Tom Hale. Later the two spoke. “We are ready,” she said."


def _ctx() -> _Context:
    ctx = _Context(ActorRegistry(), raw=RAW, paragraphs=[(0, len(RAW))])
    for name, gender in (("Ana Ruiz", "f"), ("Tom Hale", "m")):
        person = _Quote(0, 0, 0, 0, 0, True, speaker=name, speaker_kind="person",
                        gender=gender, group="unknown", group_source="unknown")
        ctx.persons.add((RAW.index(name), 0, person))
    return ctx


def _quote() -> _Quote:
    start = RAW.index("We")
    return _Quote(start, RAW.index("”"), 0, start - 1, RAW.index("”"), True)


def test_she_goes_to_the_latest_female_person():
    q = _quote()
    pos = RAW.index("she")
    assert _resolve("she", pos, "said", q, _ctx(), pos)
    assert (q.speaker, q.mention, q.mention_start) == ("Ana Ruiz", "she", pos)


def test_he_goes_to_the_latest_male_person():
    q = _quote()
    pos = RAW.index("she")
    assert _resolve("he", pos, "said", q, _ctx(), pos)
    assert q.speaker == "Tom Hale"


def test_a_pronoun_without_antecedent_stays_the_mention():
    q = _quote()
    ctx = _Context(ActorRegistry(), raw=RAW, paragraphs=[(0, len(RAW))])
    pos = RAW.index("she")
    assert _resolve("she", pos, "said", q, ctx, pos)
    assert (q.speaker, q.group) == ("she", "unknown")
