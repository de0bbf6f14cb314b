"""The actor registry's growth (issue 13, item 4) and organisation typing from names."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.actors import (
    GROUPS,
    ORG_TYPE_GROUPS,
    ActorRegistry,
    load_actors,
    organization_type,
)
from corpus_tools.roles import group_from_article
from corpus_tools.tokenize import normalize


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return load_actors()


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry()


def test_every_row_has_a_source_note_a_rationale_and_a_known_group(table: pd.DataFrame) -> None:
    assert len(table) >= 110
    assert table["source"].str.strip().ne("").all(), "a row without a source note"
    assert table["rationale"].str.strip().ne("").all()
    assert set(table["group"]) <= set(GROUPS)
    assert set(table["kind"]) == {"person", "organization"}


def test_recurring_actors_2009_2026_are_registered(table: pd.DataFrame) -> None:
    ids = set(table["actor_id"])
    dhs_secretaries = {"janet_napolitano", "rand_beers", "jeh_johnson", "john_kelly",
                       "elaine_duke", "kirstjen_nielsen", "kevin_mcaleenan", "chad_wolf",
                       "alejandro_mayorkas", "kristi_noem"}
    attorneys_general = {"eric_holder", "loretta_lynch", "jeff_sessions", "matthew_whitaker",
                         "william_barr", "merrick_garland", "pam_bondi"}
    assert dhs_secretaries | attorneys_general <= ids
    assert table.set_index("actor_id").loc[sorted(dhs_secretaries), "group"].eq(
        "administration").all()


@pytest.mark.parametrize(("text", "name", "group"), [
    ("Homeland Security Secretary Jeh Johnson announced the program.", "Jeh Johnson",
     "administration"),
    ("Chicago Mayor Brandon Johnson vowed to resist.", "Brandon Johnson", "local_officials"),
    ("Gov. Greg Abbott signed the bill.", "Greg Abbott", "local_officials"),
    ("Mayorkas testified on Tuesday.", "Alejandro Mayorkas", "administration"),
    ("A statement from the National Immigration Law Center followed.",
     "National Immigration Law Center", "advocates"),
    ("The Center for Immigration Studies disagreed.", "Center for Immigration Studies",
     "other"),
])
def test_lookups(registry: ActorRegistry, text: str, name: str, group: str) -> None:
    actor = registry.find(text)[0]
    assert (actor.name, actor.group) == (name, group)


def test_common_surnames_and_words_are_not_aliases(registry: ActorRegistry) -> None:
    # Two Johnsons, an Adams, a Wolf, a Breed, a Holder, Harris County: none by surname alone.
    for word in ("Johnson", "Adams", "Wolf", "Breed", "Holder", "Bass", "Harris", "Brown",
                 "Lynch", "Garland", "Kelly", "Parker", "Scott", "Murphy", "fair", "Earnest"):
        assert normalize(word) not in registry.aliases, word
    assert registry.find("Luis Johnson, a farmworker, spoke.") is None
    assert registry.find("It was a fair fight.") is None


def test_no_alias_belongs_to_two_rows(table: pd.DataFrame) -> None:
    owners: dict[str, set[str]] = {}
    for row in table.itertuples():
        for alias in [row.name, *row.aliases.split("|")]:
            if alias:
                owners.setdefault(alias.lower(), set()).add(row.actor_id)
    assert {a: ids for a, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize(("name", "kind"), [
    ("U.S. Department of Labor", "federal_agency"),
    ("Bureau of Prisons", "federal_agency"),
    ("Oregon Department of Corrections", "local_government"),
    ("Philadelphia Police Department", "local_government"),
    ("Jackson County Sheriff's Office", "local_government"),
    ("City of Berkeley", "local_government"),
    ("Los Angeles Unified School District", "local_government"),
    ("Southeast Immigrant Rights Network", "advocacy"),
    ("Tennessee Justice for Our Neighbors Project", "advocacy"),
    ("Mariposa Legal Defense Fund", "advocacy"),
    ("Cedar Ridge Foods Inc.", "company"),
    ("GEO Group", "company"),
    ("Rice University", "academic"),
    ("the Denver Post", "media"),
    ("Houston Chronicle", "media"),
    ("Supreme Judicial Court", "court"),
    ("U.S. Navy", "military"),
    ("Fraternal Order of Police", "union"),
    ("Senate Judiciary Committee", "legislature"),
])
def test_organisations_are_typed_from_their_names(name: str, kind: str) -> None:
    assert organization_type(name) == kind
    assert kind in ORG_TYPE_GROUPS


@pytest.mark.parametrize("text", ["Maria Sheriffson", "taking questions from reporters Tuesday",
                                  "Ana Diaz", "The"])
def test_people_and_phrases_are_not_organisations(text: str) -> None:
    assert organization_type(text) is None


@pytest.mark.parametrize(("text", "name", "group"), [
    # The organisation a role names gives the group when no role cue does.
    ("Lena Ortiz, a spokeswoman for the Oregon Department of Corrections, said so.",
     "Lena Ortiz", "local_officials"),
    ("Omar Haddad, director of the Southeast Immigrant Rights Network, spoke.",
     "Omar Haddad", "advocates"),
    ("Dana Pike, a fellow at Rice University, spoke.", "Dana Pike", "other"),
    # An organisation speaking gets the group of its type.
    ("The Harbor County Sheriff's Office declined to comment.",
     "Harbor County Sheriff's Office", "local_officials"),
    ("The Supreme Judicial Court ruled on Monday.", "Supreme Judicial Court", "other"),
])
def test_group_from_the_organisation_in_a_role(text: str, name: str, group: str) -> None:
    assert group_from_article(text, name)[0] == group


def test_a_person_named_with_an_organisation_takes_the_role_the_article_gives_it() -> None:
    text = ("VIDA (Voces Inmigrantes del Valle) marched on Monday. \u201cWe won,\u201d said "
            "Tomas Quiroga Vela of VIDA.")
    assert group_from_article(text, "Tomas Quiroga Vela") == ("advocates", "VIDA")
    assert group_from_article("Ana Diaz of Houston went home.", "Ana Diaz") == (None, "")
    # an organisation in a title before the name, introduced elsewhere as a group
    text = ("Marchers from the immigrant rights group Semilla rallied downtown.\n\n\u201cWe act,"
            "\u201d said Semilla executive director Nora Pell in a statement.")
    assert group_from_article(text, "Nora Pell") == ("advocates", "Semilla")


def test_an_organisation_that_is_the_object_of_a_verb_does_not_give_the_role() -> None:
    text = "Rosa Vela, who sued the Oregon Department of Corrections last year, spoke."
    assert group_from_article(text, "Rosa Vela") == (None, "")


def test_the_default_registry_is_built_once_per_process(monkeypatch) -> None:
    """172 rows cost ~65 ms to build; extracting quotes text by text must not rebuild it."""
    from corpus_tools import actors as actors_mod
    from corpus_tools.quotes import extract_quotes_from_text

    actors_mod.as_registry()  # the shared one exists
    built = []
    original = actors_mod.ActorRegistry.__init__

    def counting_init(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(actors_mod.ActorRegistry, "__init__", counting_init)
    for _ in range(3):
        q = extract_quotes_from_text("T\n\n\u201cWe will comply,\u201d Mayor Michelle Wu said.\n")
        assert q["speaker"].tolist() == ["Michelle Wu"]
    assert built == []


def test_short_lookups_match_once_and_shift_to_the_offset(monkeypatch) -> None:
    reg = ActorRegistry()
    text = "Kevin Walsh, not Mayor Walsh, met Naureen Shah of the ACLU"
    fresh, fresh0 = reg._find_all(text, 7), reg._find_all(text, 0)
    calls = []
    find = reg._matcher.find
    monkeypatch.setattr(reg._matcher, "find", lambda *a, **k: calls.append(a) or find(*a, **k))
    got = [reg.find_all(text, offset) for offset in (0, 7, 7, 0)]
    assert len(calls) == 1  # the text was matched once, at offset 0
    assert got[1] == got[2] == fresh  # same actors, spans shifted, as an uncached lookup
    assert got[0] == got[3] == fresh0
    assert [a.name for a, _ in fresh] == ["Naureen Shah", "American Civil Liberties Union"]
    assert [text[t.start - 7:t.end - 7] for _, t in fresh] == ["Naureen Shah", "ACLU"]
    long_text = text + " " * 200  # longer texts are not kept
    reg.find_all(long_text)
    reg.find_all(long_text)
    assert len(calls) == 3


@pytest.mark.parametrize(("text", "name", "group"), [
    # A role naming a registered organisation gives that organisation's group.
    ("OFIR President Dana Kell handed out flyers.", "Dana Kell", "other"),
    ("Tom Reyes, executive director of Causa, thanked the volunteers.", "Tom Reyes",
     "advocates"),
    ("UFCW Local President Ann Moss toured the plant.", "Ann Moss", "advocates"),
])
def test_a_role_naming_a_registered_organisation(text: str, name: str, group: str) -> None:
    assert group_from_article(text, name)[0] == group


def test_state_officials_added_this_round(registry: ActorRegistry) -> None:
    for text, name in (("Sen. de León presented the bill.", "Kevin de León"),
                       ("Bryan Griffin answered for the governor.", "Bryan Griffin")):
        actor = registry.find(text)[0]
        assert (actor.name, actor.group) == (name, "local_officials")
    assert registry.find("Dr. Ponce de León sailed on.") is None


@given(st.text(alphabet=st.sampled_from(list("ab K.,’\n\t\u00a0\u2003")), max_size=300),
       st.integers(min_value=0, max_value=300))
@settings(max_examples=300, deadline=None)
def test_word_before_is_the_last_word_of_the_prefix(text: str, end: int) -> None:
    from corpus_tools.actors import _word_before

    end = min(end, len(text))
    before = text[:end].rstrip()
    assert _word_before(text, end) == (before.rsplit(None, 1)[-1] if before else "")


class _CountingText(str):
    """A text that counts the characters its slices copy."""

    copied = 0

    def __getitem__(self, key):
        part = str.__getitem__(self, key)
        if isinstance(key, slice):
            _CountingText.copied += len(part)
        return part


def test_a_whole_text_lookup_reads_each_character_a_bounded_number_of_times() -> None:
    # every “Wu” is a one-word alias checked for a first name before it (“Kevin Wu” is
    # not the registry's Wu); that check read the whole text before each one
    registry = ActorRegistry()
    for n in (20_000, 80_000):
        text = _CountingText(("Kevin Wu said the city said. " * n)[:n])
        _CountingText.copied = 0
        assert registry.find_all(text) == []  # Kevin Wu is not registered
        assert _CountingText.copied <= 4 * n  # was ~n * n / 60 (345n, 1380n)


def test_a_registered_person_s_group_is_that_of_the_office_held_in_the_article_s_year():
    import pandas as pd

    from corpus_tools.quotes import extract_quotes

    text = ("Title\n\n\u201cWe will keep doing our jobs,\u201d said Tom Homan.\n\n"
            "\u201cThe law is the law,\u201d said Pam Bondi.\n")
    corpus = pd.DataFrame({"article_id": ["a2018", "a2015", "a2022", "a2025", "anone"],
                           "text": [text] * 5,
                           "year": pd.array([2018, 2015, 2022, 2025, pd.NA], dtype="Int64")})
    q = extract_quotes(corpus)
    got = {(a, s): g for a, s, g in zip(q["article_id"], q["speaker"], q["group"],
                                        strict=True)}
    # Homan: acting ICE director 2017-2018, out of federal office, border czar from 2025
    assert [got[(a, "Tom Homan")] for a in ("a2018", "a2022", "a2025", "anone")] == \
        ["administration", "other", "administration", "administration"]
    # Bondi: Florida attorney general 2011-2019 (a state official), U.S. attorney general
    # 2025-; between unlike offices the registry's group stands (a note may omit an office)
    assert [got[(a, "Pam Bondi")] for a in ("a2015", "a2022", "a2025")] == \
        ["local_officials", "administration", "administration"]


def test_office_periods_of_every_registered_person_parse():
    from corpus_tools.actors import office_periods

    actors = load_actors()
    people = actors[actors["kind"] == "person"]
    parsed = [office_periods(s) for s in people["source"]]
    # every note that gives a year gives at least one period, each with first <= last
    assert all(p for s, p in zip(people["source"], parsed, strict=True)
               if any(ch.isdigit() for ch in s))
    assert all(a <= b for p in parsed for a, b, _ in p if b is not None)
