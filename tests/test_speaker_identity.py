"""Speaker identity (issue 13, item 3): one key per person, pronouns to their antecedent,
no fragments as speakers, documents to their issuer."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from corpus_tools.quotes import extract_quotes_from_text


def _quotes(body: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown-group warnings are not under test here
        return extract_quotes_from_text("Headline\n\n" + body)


def _speakers(body: str) -> list[str]:
    return _quotes(body)["speaker"].tolist()


def test_a_bare_surname_refers_back_to_a_registered_full_name() -> None:
    # "Johnson" is no alias (two registered Johnsons), but the article named this one.
    q = _quotes("Chicago Mayor Brandon Johnson spoke on Monday.\n\n"
                "\u201cWe will not be intimidated,\u201d Johnson said.\n")
    assert q[["speaker", "group"]].values.tolist() == [["Brandon Johnson", "local_officials"]]


def test_a_pronoun_skips_names_used_as_modifiers_possessives_and_objects() -> None:
    body = ("San Francisco City Attorney Dennis Whitcomb sued on Friday.\n\n"
            "Whitcomb filed the suit on Friday. He said the suit targets the Trump "
            "administration and Trump\u2019s lawyers, who gave Trump that power.\n\n"
            "\u201cThat is a job for Washington, not for our city,\u201d he said.\n")
    assert _speakers(body) == ["Dennis Whitcomb"]


def test_a_name_as_modifier_is_not_the_speaker() -> None:
    q = _quotes("\u201cWe will win this,\u201d said Dunmore, a top Trump surrogate.\n")
    assert q["speaker"].tolist() == ["Dunmore"]


@pytest.mark.parametrize(("body", "speaker"), [
    # fronted adverbials and participial phrases are not the speaker
    ("Taking questions from reporters Tuesday, Noem said the city \u201cmust comply with "
     "the law now.\u201d\n", "Kristi Noem"),
    ("Elsewhere in the complaint, the coalition said the raids \u201cviolate every norm "
     "we know.\u201d\n", "the coalition"),
    # a surname ending in -ing before a verb is a name, not a participial phrase
    ("Olga Fleming runs the shelter.\n\nFleming told reporters, \u201cWe are full "
     "every night now.\u201d\n", "Olga Fleming"),
    # a name cut at its initials is made whole
    ("\u201cWe will not cooperate with them,\u201d said Jackson County Sheriff A.J. "
     "Holloway.\n", "A.J. Holloway"),
    # the object of a reporting sentence is not its speaker
    ("Gov. Abbott says the sheriff has the authority to \u201chold anyone the state "
     "flags for removal.\u201d\n", "Greg Abbott"),
    # a person named with their organisation is the person
    ("\u201cThis is what organizing does,\u201d said Tomas Quiroga Vela of VIDA.\n",
     "Tomas Quiroga Vela"),
])
def test_speakers_are_names_or_descriptions_never_fragments(body: str, speaker: str) -> None:
    assert _speakers(body) == [speaker]


def test_documents_go_to_their_signers_or_issuer() -> None:
    body = ("In a motion to the district court, the coalition argued the agency plans "
            "\u201cto send soldiers along with its agents.\u201d\n\n"
            "\u201cNothing in the statute allows this,\u201d the filing went on.\n\n"
            "The request said county staff \u201cwere never told about the plan.\u201d\n\n"
            "The letter, signed by Mayor Ana Ruiz and Councilor Ben Tate, said the raids "
            "\u201cterrify our families every day.\u201d\n\n"
            "A report from the Valley Immigrant Coalition said detentions \u201crose sharply "
            "in every region.\u201d\n")
    assert _speakers(body) == ["the coalition", "the coalition", "the coalition", "Ana Ruiz",
                               "Valley Immigrant Coalition"]


def test_a_named_person_in_apposition_to_a_registered_organisation_speaks() -> None:
    q = _quotes("A senior staff attorney at ACLU, Priya Malhotra, told reporters, \u201cNo "
                "family here should live in fear of a knock.\u201d\n")
    assert q[["speaker", "group"]].values.tolist() == [["Priya Malhotra", "advocates"]]


def test_a_document_filed_by_an_organisation_somewhere_is_the_organisation_s() -> None:
    q = _quotes("A lawsuit filed by ACLU in El Paso County says the bill \u201cputs every "
                "tenant of the county at risk.\u201d\n")
    assert q[["speaker", "group"]].values.tolist() == [
        ["American Civil Liberties Union", "advocates"]]
