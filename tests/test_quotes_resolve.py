"""corpus_tools.quotes.resolve: a speaker mention to a speaker."""

from corpus_tools.actors import ActorRegistry
from corpus_tools.quotes import extract_quotes_from_text
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


def _speakers(text: str) -> list[tuple[str, str, str]]:
    q = extract_quotes_from_text(text)
    return list(zip(q["text"], q["speaker"], q["group"], strict=True))


def test_a_qualified_organisation_noun_is_not_the_last_organisation() -> None:
    # "The advocacy group" is the advocacy group named before, not the agency named last.
    text = ("Title\n\nThe Valley Immigrant Rights Coalition held a vigil. \u201cWe will be "
            "there every night,\u201d the coalition said.\n\nImmigration and Customs "
            "Enforcement detained two more men on Tuesday.\n\nThe advocacy group says the "
            "families are \u201cwaiting for any word at all from the detention center.\u201d\n")
    text_, speaker, group = _speakers(text)[-1]
    assert text_.startswith("waiting for any word")
    assert (speaker, group) == ("Valley Immigrant Rights Coalition", "advocates")


def test_a_bare_role_after_the_name_before_the_verb() -> None:
    # A role without an article between the name and the verb: the named person speaks.
    text = ("Title\n\nCritics say the rule is cruel.\n\n\u201cThe rule splits families "
            "apart,\u201d Omar Lutz, senior counsel for the Harbor Immigrant Rights Network, "
            "wrote in a statement.\n")
    assert _speakers(text)[-1][1:] == ("Omar Lutz", "advocates")


def test_a_named_spokesperson_issuing_a_statement_speaks() -> None:
    text = ("Title\n\nICE spokeswoman Rita Olmos issued a statement saying, \u201cOfficers "
            "make arrests at courthouses to enforce the law.\n\n\u201cThese arrests are "
            "targeted.\u201d\n")
    assert [row[1:] for row in _speakers(text)] == [("Rita Olmos", "administration")] * 2


def test_a_capitalised_name_word_is_no_reporting_verb() -> None:
    # "States" in "the United States" is part of a name, not the verb "states".
    text = ("Title\n\nAs a reason, United States Trade Envoy Ana Ruiz claimed that the "
            "mills buy \u201cnot just steel but whole towns,\u201d in a radio interview.\n")
    row = extract_quotes_from_text(text, rank=False).iloc[0]
    assert (row["speaker"], row["cue"]) == ("Ana Ruiz", "claimed")


def test_which_x_calls_introduces_the_next_quote_not_the_last() -> None:
    text = ("Title\n\nAna Ruiz claimed that students come \u201cnot just to study but to take "
            "over buildings and cause chaos,\u201d referring to campus protests, which the "
            "Harbor Council calls \u201criots.\u201d\n")
    q = extract_quotes_from_text(text)
    assert q["speaker"].tolist() == ["Ana Ruiz", "Harbor Council"]
