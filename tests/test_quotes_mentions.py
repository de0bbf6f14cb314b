"""corpus_tools.quotes.names and .mentions: names in a mention, people in the narration."""

from corpus_tools.actors import ActorRegistry
from corpus_tools.quotes.mentions import _narration_mentions
from corpus_tools.quotes.names import _clean_np, _name_in
from corpus_tools.quotes.state import _Context


def test_name_in_strips_titles_and_roles():
    assert _name_in("Harris County Sheriff Ed Gonzalez") == "Ed Gonzalez"
    assert _name_in("Gov. Teresa Lindahl") == "Teresa Lindahl"
    assert _name_in("the spokeswoman") == ""


def test_name_in_stops_at_the_apposition():
    assert _name_in("Ana Ruiz, an organizer with the coalition") == "Ana Ruiz"


def test_clean_np_drops_a_leading_conjunction():
    assert _clean_np("and Mayor Jane Doe") == "Mayor Jane Doe"


def test_narration_mentions_record_a_titled_person_with_offsets():
    raw = "Gov. JB Pritzker spoke on Monday about the plan."
    ctx = _Context(ActorRegistry(), raw=raw, paragraphs=[(0, len(raw))])
    _narration_mentions(raw, ctx.paragraphs, ctx)
    found = [(pos, q.speaker, q.speaker_kind) for pos, _, q in ctx.persons.before(len(raw))]
    assert found == [(raw.index("Pritzker"), "JB Pritzker", "person")]  # at the surname
