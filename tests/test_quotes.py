"""Quote extraction and attribution: seeds, held-out fixtures, shapes, robustness."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import load_corpus
from corpus_tools.paths import PROJECT_ROOT
from corpus_tools.quote_eval import evaluate_quotes, list_errors, load_gold_quotes
from corpus_tools.quotes import QUOTE_COLUMNS, extract_quotes, extract_quotes_from_text

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "articles"


def _quotes(text: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_quotes_from_text("Headline\n\n" + text)


def _one(text: str) -> dict:
    q = _quotes(text)
    speech = q[q["kind"] != "term"]
    assert len(speech) >= 1, q
    return speech.iloc[0].to_dict()


@pytest.fixture(scope="module")
def seed_quotes(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_quotes(corpus)


def test_seed_scores_meet_the_bar(seed_quotes):
    scores = evaluate_quotes(seed_quotes, load_gold_quotes()).set_index("article_id")
    overall = scores.loc["all"]
    assert overall["f1"] >= 0.97, list_errors(seed_quotes, load_gold_quotes())
    assert overall["speaker_accuracy"] >= 0.97, list_errors(seed_quotes, load_gold_quotes())
    assert overall["group_accuracy"] >= 0.97


def _score_folder(folder):
    """Extract the quotes of a folder of articles and score them against its gold.csv."""
    corpus = load_corpus(folder)
    assert len(corpus) >= 4
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        predicted = extract_quotes(corpus)
    gold = load_gold_quotes(folder / "gold.csv")
    overall = evaluate_quotes(predicted, gold).set_index("article_id").loc["all"]
    return overall, predicted, gold


def test_fixture_scores_meet_the_bar():
    overall, predicted, gold = _score_folder(FIXTURES)
    assert overall["f1"] >= 0.97, list_errors(predicted, gold)
    assert overall["speaker_accuracy"] >= 0.97, list_errors(predicted, gold)
    assert overall["group_accuracy"] >= 0.95, list_errors(predicted, gold)


def test_last_blind_round_does_not_regress():
    # The eighth blind round (12 articles by two writers), kept apart from the fixtures
    # above: the rules written after it saw it, so it is a floor against regressions at
    # the level reached (F1 0.965, speaker 0.881, group 0.893), not a claim of 0.97.
    overall, predicted, gold = _score_folder(FIXTURES.parent / "heldout_round8")
    assert overall["f1"] >= 0.95, list_errors(predicted, gold)
    assert overall["speaker_accuracy"] >= 0.84, list_errors(predicted, gold)
    assert overall["group_accuracy"] >= 0.84, list_errors(predicted, gold)


def test_columns_and_offsets(seed_quotes, raw_texts):
    assert list(seed_quotes.columns[:len(QUOTE_COLUMNS)]) == QUOTE_COLUMNS
    for row in seed_quotes.itertuples():
        raw = raw_texts[row.article_id]
        assert raw[row.start:row.end] == row.text
        if row.speaker_mention:
            assert raw[row.mention_start:row.mention_end] == row.speaker_mention
    assert seed_quotes["quote_id"].is_unique


def test_unquoted_block_statement_with_dash_line(seed_quotes):
    rollins = seed_quotes[seed_quotes["speaker"] == "Rachael Rollins"]
    assert rollins["kind"].tolist() == ["block"]
    assert rollins["text"].iloc[0].startswith("Deploying militarized units")
    assert rollins["group"].iloc[0] == "local_officials"


def test_terms_are_never_attributed(seed_quotes):
    terms = seed_quotes[seed_quotes["kind"] == "term"]
    assert set(terms["text"]) == {"One Big Beautiful Bill,", "sanctuary"}
    assert (terms["speaker"] == "").all() and (terms["group"] == "none").all()


@pytest.mark.parametrize(("text", "speaker", "kind", "cue"), [
    ('"We will go in,” Mayor Jane Doe said.', "Jane Doe", "direct", "said"),
    ("“We will go in,” said Jane Doe, director of the Lowell Immigrant Coalition.",
     "Jane Doe", "direct", "said"),
    ("Gov. Maura Healey told reporters: “We will not help.”", "Maura Healey", "direct",
     "told (colon)"),
    ("The plan would help “people who have nowhere else to go,” according to Wu.",
     "Michelle Wu", "partial", "according to"),
    ("A DHS spokesperson said the agency would target “the worst of the worst.”",
     "Department of Homeland Security", "partial", "said"),
    ("“We’re ready,” Trump’s border czar Tom Homan said.", "Tom Homan", "direct", "said"),
    ("‘We will not be intimidated,’ said the mayor, Brandon Johnson.", "Brandon Johnson",
     "direct", "said"),
    ("“We are watching,” the official, who spoke on condition of anonymity, said.",
     "the official", "direct", "said"),
    ("Rep. Seth Moulton, D-Mass., called the plan “a disgrace.”", "Seth Moulton", "partial",
     "called"),
    ("The mayor’s spokesperson, Jane Roe, said in an email that “the city follows the law.”",
     "Jane Roe", "partial", "said"),
    ("Asked about the plan, Wu replied, “Not in Boston.”", "Michelle Wu", "direct",
     "replied"),
    ("Noem posted on X: “We are coming.”", "Kristi Noem", "direct", "posted (colon)"),
    ("Illinois Gov. JB Pritzker called the plan “un-American” on Monday.", "JB Pritzker",
     "partial", "called"),
    ("“It’s a disgrace,” Sen. Ted Cruz, R-Texas, told Fox News Digital.", "Ted Cruz",
     "direct", "told"),
    ("'We are not afraid,' said Ana Ruiz, an organizer with the coalition.", "Ana Ruiz",
     "direct", "said"),
    ("“Who is going to pay for this?” Mayor Karen Bass asked.", "Karen Bass", "direct",
     "asked"),
    ("“Who pays?” Mayor Karen Bass asked on Monday at a news conference.", "Karen Bass",
     "direct", "asked"),
    ("Homeland Security Secretary Kristi Noem’s message was blunt: “Get out of the way.”",
     "Kristi Noem", "direct", "message"),
    ("DHS defended the raids, while Mayor Karen Bass called them “an act of intimidation.”",
     "Karen Bass", "partial", "called"),
    ("Asked whether he feared losing funding, Mayor Mike Johnston said, “No.”",
     "Mike Johnston", "direct", "said"),
])
def test_attribution_shapes(text, speaker, kind, cue):
    row = _one(text)
    assert (row["speaker"], row["kind"], row["cue"]) == (speaker, kind, cue)


def test_speaker_in_the_middle_and_nested_quotes():
    q = _quotes("“Call it a ‘crackdown’ if you like,” Wu said, “but it is fear.”")
    assert q["text"].tolist() == ["Call it a ‘crackdown’ if you like,", "but it is fear."]
    assert set(q["speaker"]) == {"Michelle Wu"}


def test_apostrophes_are_not_quote_marks():
    q = _quotes("Trump’s plan isn’t new, and we’re told the ’90s policy returns.")
    assert q.empty


def test_speech_continued_across_paragraphs():
    q = _quotes("Wu said: “First paragraph of the speech.\n\n“Second paragraph of it.”")
    assert q["text"].tolist() == ["First paragraph of the speech.", "Second paragraph of it."]
    assert q["speaker"].tolist() == ["Michelle Wu", "Michelle Wu"]


def test_pronouns_resolve_to_latest_compatible_person():
    q = _quotes("Mayor Michelle Wu met Tom Homan on Friday.\n\n“We said no,” she said.\n\n"
                "“We will come anyway,” he said.")
    assert q["speaker"].tolist() == ["Michelle Wu", "Tom Homan"]


def test_a_new_sentence_after_a_full_quote_is_not_a_tag():
    """Bass speaks in a new sentence about something else: the rules give the quote no
    speaker (no one is named before it) and no cue. (The speaker ranker, which reads the
    window around the quote, may then propose Bass.)"""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q = extract_quotes_from_text(
            "Headline\n\n“We will sue.” Mayor Karen Bass said the city had filed papers on "
            "Monday and that the case would be heard in the federal court in Los Angeles "
            "soon.", rank=False)
    assert q[["start", "end", "text", "kind", "speaker", "speaker_mention", "cue", "group"]] \
        .values.tolist() == [[11, 23, "We will sue.", "direct", "", "", "", "unknown"]]


def test_straight_single_apostrophes_are_not_quotes():
    q = _quotes("The students' union said the '90s rules and rock 'n' roll were back.")
    assert q.empty


def test_definite_descriptions_resolve_by_role():
    q = _quotes("ICE arrested 40 people. Denver Mayor Mike Johnston spoke on Tuesday.\n\n"
                "“Not here,” the mayor said.\n\n"
                "“More will come,” the official, who spoke on condition of anonymity, said.")
    assert q[["speaker", "group"]].values.tolist() == [
        ["Mike Johnston", "local_officials"], ["the official", "unknown"]]


def test_people_named_speaking_in_narration_are_antecedents():
    q = _quotes("Tricia McLaughlin, a DHS spokeswoman, declined to comment.\n\n"
                "Lawrence Benito, executive director of the Illinois Coalition for Immigrant "
                "and Refugee Rights, said the group would rally. “We know our rights,” he said."
                "\n\n“We will march,” Benito said.")
    assert q[["speaker", "group"]].values.tolist() == [["Lawrence Benito", "advocates"]] * 2


def test_pronoun_gender_from_first_names():
    q = _quotes("Mayor Jane Doe spoke first. Later, Sheriff Tom Roe arrived.\n\n"
                "“We will talk,” she said.")
    assert q["speaker"].tolist() == ["Jane Doe"]


def test_office_of_a_person_speaks_for_them():
    q = _quotes("New York Mayor Eric Adams spoke on Monday.\n\n"
                "Adams’s office said the city “will follow the law.”")
    assert q[["speaker", "group"]].values.tolist() == [["Eric Adams", "local_officials"]]


def test_interview_answers_after_a_name_and_colon():
    q = _quotes("State Sen. Bradley Koenig answered two questions.\n\n"
                "Koenig: “No. Read the bill.”\n\n"
                "DHS spokeswoman Kendra Voss fired back: “Spend less time posting.”")
    assert q[["speaker", "group"]].values.tolist() == [
        ["Bradley Koenig", "local_officials"], ["Kendra Voss", "administration"]]


def test_organisations_named_in_full_and_as_the_group():
    q = _quotes("The Tennessee Immigrant and Refugee Rights Coalition said the law “turns "
                "neighbors into suspects.”\n\n"
                "Activists with Siembra NC, a left-wing immigrant advocacy group, filmed agents. "
                "The group claimed that agents had “racially profiled” workers.")
    assert q[["speaker", "group"]].values.tolist() == [
        ["Tennessee Immigrant and Refugee Rights Coalition", "advocates"],
        ["Siembra NC", "advocates"]]


def test_speech_after_a_paragraph_of_reported_speech():
    q = _quotes("At a rally, City Councilor Marguerite Osei told the crowd that Portland would "
                "not back down.\n\n“This state has said it for 40 years.\n\n“We will keep "
                "saying it.”")
    assert q[["speaker", "group"]].values.tolist() == [
        ["Marguerite Osei", "local_officials"]] * 2


def test_people_introduced_without_a_quote_are_antecedents():
    q = _quotes("Brandvold runs the church. “We feed people,” Hallie Brandvold said.\n\n"
                "Across the street lives Tomás Reyna, a retired machinist.\n\n"
                "“I watched them put him in a van,” he said.\n\n"
                "Rosa Ibarra, 41, says she no longer drives. “I am afraid,” she said.")
    assert q["speaker"].tolist() == ["Hallie Brandvold", "Tomás Reyna", "Rosa Ibarra"]


def test_party_tags_and_local_titles():
    q = _quotes("“It has,” Rep. Carl Dorsey (R-Ariz.) told POLITICO.\n\n"
                "“Not here,” said Supervisor Marisol Ontiveros.\n\n"
                "“Never,” said Councilman Walt Brenneman.")
    assert q[["speaker", "group"]].values.tolist() == [
        ["Carl Dorsey", "other"], ["Marisol Ontiveros", "local_officials"],
        ["Walt Brenneman", "local_officials"]]



def test_interview_transcript_answers_are_the_interviewees():
    q = _quotes("Superintendent Angela Whitcomb sat down with the Ledger.\n\n"
                "Q: What changes?\n\n"
                "A: Nothing, for families. That is the point.\n\n"
                "Q: Have you heard from ICE?\n\n"
                "A: No.")
    assert q[["text", "kind", "speaker", "group", "cue"]].values.tolist() == [
        ["Nothing, for families. That is the point.", "block", "Angela Whitcomb",
         "local_officials", "interview answer"],
        ["No.", "block", "Angela Whitcomb", "local_officials", "interview answer"]]


def test_role_cues_skip_clauses_about_something_else():
    from corpus_tools.actors import infer_group_from_role as group

    assert group("a deputy city attorney for Seattle, which is leading the coalition") == \
        "local_officials"
    assert group("a Portland city councillor whose district includes the ICE building") == \
        "local_officials"
    assert group("a spokesperson for the state’s attorney general") == "local_officials"
    assert group("Board member Carla Jiménez") == "local_officials"
    assert group("a law professor at the University of Colorado") == "other"
    assert group("a senior fellow at the Heritage Foundation") == "other"


def test_lower_case_state_in_a_title():
    q = _quotes("“Stop it,” Illinois state Rep. Dwight Harlan, a Republican, told the Caller.")
    assert q[["speaker", "group"]].values.tolist() == [["Dwight Harlan", "local_officials"]]


def test_so_called_and_possessive_nouns_are_no_reporting_verbs():
    q = _quotes("Similar so-called “rapid response” networks have sprung up.\n\n"
                "Lydia Barnes, a spokeswoman for the Illinois Coalition for Immigrant and "
                "Refugee Rights, spoke first. Barnes called DHS's claims “fearmongering” and "
                "insisted volunteers “never physically interfere with an arrest.”")
    assert q[["kind", "speaker"]].values.tolist() == [
        ["term", ""], ["partial", "Lydia Barnes"], ["partial", "Lydia Barnes"]]


def test_the_statement_continued_and_the_agency():
    q = _quotes("The Chicago mayor's office defended the program. “We will not apologize,” "
                "the mayor's office said in a statement.\n\n"
                "“Knowing your rights is not obstruction,” the statement continued.\n\n"
                "ICE agents made arrests. DHS said it will not scale back. "
                "“We will not be deterred,” the agency said.")
    assert q["speaker"].tolist() == ["the mayor's office", "the mayor's office",
                                     "Department of Homeland Security"]


def test_a_run_on_partial_takes_the_speaker_before_it():
    q = _quotes("The Department of Homeland Security said protesters had “repeatedly "
                "attempted to breach” the facility and threatened officers.")
    assert q[["kind", "speaker"]].values.tolist() == [
        ["partial", "Department of Homeland Security"]]


def test_what_x_called():
    q = _quotes("Across Colorado, which has strong laws, agents turned courthouses into what "
                "Marisol Quintero, who directs the legal program at the Colorado Immigrant "
                "Rights Coalition, called “the easiest place in America to find someone.”")
    assert q[["speaker", "group"]].values.tolist() == [["Marisol Quintero", "advocates"]]


def test_a_department_title_takes_the_departments_group():
    q = _quotes("The Justice Department said it would defend the rules. “Pay up,” department "
                "spokesman Carl Benning said.")
    assert q[["speaker", "group"]].values.tolist() == [["Carl Benning", "administration"]]


def test_staff_and_members_take_the_group_pointed_back_at():
    # "her spokesman": the last woman named; "with the group": the last organisation
    q = _quotes("Mayor Renée Alston did not appear. Her spokesman, Kevin Odom, said the city "
                "would not change course.\n\n“We are not going to change,” Odom said.\n\n"
                "Lawyers with the Gulf Coast Immigrant Defense Project met families.\n\n"
                "“Call us,” said Javier Montoya, a staff attorney with the group.")
    assert q[["speaker", "group"]].values.tolist() == [["Kevin Odom", "local_officials"],
                                                       ["Javier Montoya", "advocates"]]
    # no referent with a known group: still unknown, never guessed
    q = _quotes("“Call us,” said Ana Ruiz, a staff attorney with the group.")
    assert q["group"].tolist() == ["unknown"]


def test_guillemets_and_a_first_name_only_speaker():
    q = _quotes("Lidia Calderón and Ernesto Calderón came in 2006. Ernesto Calderón spoke "
                "first.\n\n"
                "María, who asked that her last name not be used, said she brings food. "
                "«If they can take Ernesto from a church, they can take any of us», she said.\n\n"
                "Lidia Calderón said her son asks every night. «I tell him God is with us», "
                "she said.")
    assert q[["text", "speaker"]].values.tolist() == [
        ["If they can take Ernesto from a church, they can take any of us", "María"],
        ["I tell him God is with us", "Lidia Calderón"]]


def test_participle_cues_take_the_clauses_subject():
    q = _quotes("Los Angeles County Supervisor Gloria Mendoza-Reyes sent a letter warning that "
                "the county would “use every tool available” to scrutinize it.\n\n"
                "Ortiz fired back within the hour, calling the post “fearmongering from a man "
                "who knows his record.”")
    assert q[["kind", "speaker", "group"]].values.tolist() == [
        ["partial", "Gloria Mendoza-Reyes", "local_officials"],
        ["partial", "Ortiz", "unknown"]]


def test_titles_before_a_known_first_name_are_not_the_name():
    q = _quotes("Sierra Custody Group Vice President for Government Relations Martin Hale told "
                "the council it would “welcome independent inspections.”\n\n"
                "“I am against voting on a contract I haven’t read,” said Lancaster Mayor Pro "
                "Tem Keith Olander.")
    assert q["speaker"].tolist() == ["Martin Hale", "Keith Olander"]


def test_labels_with_the_sentences_punctuation_are_terms():
    q = _quotes('The department denied grants to so-called "sanctuary jurisdictions."\n\n'
                "The congregation voted to become a “sanctuary congregation,” joining others.")
    assert q["kind"].tolist() == ["term", "term"]


def test_anonymous_official_of_a_department_named_before():
    q = _quotes("The Justice Department said it would appeal. A department official, who spoke "
                "on condition of anonymity, said the ruling “ignores the clear authority "
                "Congress gave the attorney general.”")
    assert q[["speaker", "group"]].values.tolist() == [
        ["Justice Department", "administration"]]


def test_coordinated_verbs_and_the_union():
    q = _quotes("The plant employs 2,800 people, according to the United Food and Commercial "
                "Workers International Union, which represents workers there.\n\n"
                "The union said in a statement that it was sending lawyers and called the "
                "operation “a cruel spectacle.”")
    assert q[["speaker", "group"]].values.tolist() == [
        ["United Food and Commercial Workers International Union", "advocates"]]


def test_a_blunt_message_for_someone_is_the_senders():
    q = _quotes("State Senate Minority Leader Wade Carrington told Fox News Digital the "
                "governor “chose political theater.”\n\n"
                "Carrington had a blunt message for Gov. Elena Marquez: “That is on her "
                "signature.”")
    assert q[["speaker", "group"]].values.tolist() == [
        ["Wade Carrington", "local_officials"], ["Wade Carrington", "local_officials"]]


def test_judges_companies_and_analysts_are_other():
    from corpus_tools.actors import infer_group_from_role as group

    assert group("U.S. District Judge Eleanor Whitcombe") == "other"
    assert group("Company spokesperson Tara Lindqvist") == "other"
    assert group("Priya Raman, an analyst at Halvorsen Capital Markets") == "other"
    assert group("Sofia Arellano, director of the New Mexico Immigrant Law Center") == \
        "advocates"
    assert group("a professor of immigration law at the University of Washington") == "other"

def test_round_5_role_cues():
    from corpus_tools.actors import infer_group_from_role as group

    assert group("Gregory Haskell, the interim U.S. attorney for Oregon") == "administration"
    assert group("U.S. Attorney for the District of Arizona Mark Severino") == "administration"
    assert group("U.S. Attorney General Pam Bondi") == "administration"
    assert group("Assemblywoman Lucía Ferrante, D-Las Vegas") == "local_officials"
    assert group("State Senate Minority Leader Wade Carrington") == "local_officials"
    assert group("Its president, of the Silver State Police Officers Association") == "other"
    assert group("Vincent Marra, president of the Fraternal Order of Police lodge") == "other"
    assert group("managing attorney at the Nevada Immigrant Legal Defense Project") == \
        "advocates"
    assert group("Hector Villaseñor, who has owned Sunport Suds") == "other"
    assert group("the restaurant owner") == "other"
    # a homeowner owns no business (the owner cue does not fire): a private person, whom
    # the coding guideline puts with residents in ``other``
    assert group("a homeowner") == "other"
    assert group("the homeowner") is None
    assert group("U.S. Citizenship and Immigration Services") == "administration"


def test_interview_transcript_with_speaker_labels():
    q = _quotes("Sonoran Public Radio’s Sam Whitaker spoke with Claudia Benítez, supervising "
                "attorney at the Tucson Immigrant Defense Clinic.\n\n"
                "WHITAKER: What changes on Monday?\n\n"
                "BENÍTEZ: Practically, officers can’t wait in the hallways. People say, ‘You "
                "said that last time.’\n\n"
                "UPDATE: The hearing was moved to Tuesday.")
    assert q[["text", "kind", "speaker", "cue"]].values.tolist() == [
        ["What changes on Monday?", "block", "Sam Whitaker", "speaker label"],
        ["Practically, officers can’t wait in the hallways. People say, ‘You said that last "
         "time.’", "block", "Claudia Benítez", "speaker label"]]
    assert q["group"].tolist() == ["unknown", "advocates"]


def test_people_known_by_a_first_name_and_places_that_look_like_names():
    q = _quotes("Harlan Falls, a town of about 9,000, has changed.\n\n"
                "Marisol, a line worker who has lived here for 14 years and asked that her last "
                "name be withheld, said she worries.\n\n"
                "“My husband doesn’t drive anymore,” she said.\n\n"
                "A worker who asked to be identified only by his first name, Martín, said he "
                "hid.\n\n"
                "“I heard them yelling,” he said.")
    assert q["speaker"].tolist() == ["Marisol", "Martín"]


def test_the_subjects_words_decide_the_group_not_what_was_said():
    q = _quotes("Gary Lindqvist, a retired diesel mechanic, said the sheriff was “doing exactly "
                "what he ran on.”\n\n"
                "Sierra Custody Group Vice President Martin Hale told the council that the "
                "company would follow federal standards and would “welcome inspections.”\n\n"
                "The office of Dane County Sheriff Andrea Holloway defended the release, saying "
                "the county “follows Wisconsin law.”")
    assert q[["speaker", "group"]].values.tolist() == [
        ["Gary Lindqvist", "unknown"], ["Martin Hale", "other"],
        ["Andrea Holloway", "local_officials"]]


def test_an_unnamed_officer_and_a_longer_name_than_the_registrys():
    q = _quotes("One Las Vegas Metropolitan Police Department patrol sergeant, who spoke on "
                "condition of anonymity, said the union was wrong.\n\n"
                "“Half my squad speaks Spanish at home,” the sergeant said.")
    assert q["group"].tolist() == ["local_officials"]
    assert q["speaker"].str.contains("sergeant").all()  # not D.C.'s Metropolitan Police


def test_round_6_role_cues():
    from corpus_tools.actors import infer_group_from_role as group

    assert group("Raymond Castellano, who served as acting director of ICE") == "other"
    assert group("a former acting ICE director") == "other"
    assert group("Westfield Education Association President Carla Jimenez") == "other"
    assert group("vice president of the Nebraska Farm Bureau") == "other"
    assert group("Commission Chairman Roger Tate") == "local_officials"
    assert group("Assistant Public Defender Ana Ruiz") == "local_officials"
    assert group("Rep. Mark Delacroix (R-Lake Havasu City)") == "local_officials"
    assert group("Sen. Jake Hollister, R-Plano") == "local_officials"
    assert group("Sen. Ted Cruz, R-Texas") == "other"
    assert group("Rep. Nancy Mace (R-S.C.)") == "other"
    assert group("a reporter for the Star Tribune") == "other"


def test_radio_transcript_labels_with_roles_and_run_on_answers():
    q = _quotes("A conversation between host Marisol Vega and Tacoma Mayor Daniel Okafor.\n\n"
                "MARISOL VEGA, host: What can the city do?\n\n"
                "DANIEL OKAFOR, Mayor of Tacoma: Honestly, less than people would like.\n\n"
                "The ordinance says our police won’t ask about status.\n\n"
                "MARISOL VEGA: Is he wrong?\n\n"
                "MAYOR OKAFOR: He’s describing a choice.\n\n"
                "ROSA, caller from Lakewood: My husband works construction.\n\n"
                "EDITOR’S NOTE: The agency did not respond.")
    assert q[["speaker", "group", "cue"]].values.tolist() == [
        ["Marisol Vega", "other", "speaker label"],
        ["Daniel Okafor", "local_officials", "speaker label"],
        ["Daniel Okafor", "local_officials", "speaker label (continued)"],
        ["Marisol Vega", "other", "speaker label"],
        ["Daniel Okafor", "local_officials", "speaker label"],
        ["Rosa", "unknown", "speaker label"]]


def test_british_single_quotes_with_nested_doubles():
    q = _quotes("Outside the jail, one woman, who gave only her first name, Yesenia, said her "
                "brother was detained.\n\n"
                "‘They told him it was “routine”, and he never came home,’ she said.\n\n"
                "The plan set up what one city council member called ‘a slow-motion "
                "collision’ with Washington.")
    assert q[["text", "speaker", "group"]].values.tolist() == [
        # a woman outside the jail holds no office: a private person (``other``)
        ["They told him it was “routine”, and he never came home,", "Yesenia", "other"],
        ["a slow-motion collision", "one city council member", "local_officials"]]


def test_round_6_speaker_shapes():
    q = _quotes("Reddy said no managers had been charged so far but that “everything is on the "
                "table.”\n\n"
                "Gov. Teresa Lindahl’s office issued a statement calling the arrests “a "
                "deliberate provocation.”\n\n"
                "The American Civil Liberties Union of North Carolina said it was “deeply "
                "alarmed.”\n\n"
                "Gregory Vance, the Border Patrol commander leading what DHS has named "
                "“Operation Queen City,” wrote on X: “Charlotte, we are not going anywhere.”\n\n"
                "The bill's sponsor, Sen. Jake Hollister (R-Gilbert), said the governor “chose "
                "to stand with the cartels.”\n\n"
                "Mexico’s consul general in San José, Rodrigo Bárcenas Lugo, said staff visited "
                "detainees.\n\n"
                "“No one should sign any document,” Bárcenas Lugo said.")
    speech = q[q["kind"] != "term"]
    assert speech["speaker"].tolist() == [
        "Reddy", "Teresa Lindahl", "American Civil Liberties Union of North Carolina",
        "Gregory Vance", "Jake Hollister", "Rodrigo Bárcenas Lugo"]
    assert speech["group"].tolist()[2:5] == ["advocates", "administration", "local_officials"]


def test_she_after_a_definite_subject_is_that_person():
    q = _quotes("U.S. District Judge Helen R. Castellanos heard the case.\n\n"
                "Sandeep Kaur Malhotra, an immigration attorney, said a conviction could "
                "expose him to deportation.\n\n"
                "The judge ordered him released. “You will be in court every time,” she told "
                "him.")
    assert q["speaker"].tolist() == ["Helen R. Castellanos"]


def test_round_7_role_cues():
    from corpus_tools.actors import infer_group_from_role as group

    assert group("the DHS Office of Inspector General") == "other"
    assert group("Palisade Correctional Group, a private company") == "other"
    assert group("Gregory Lund, Meadowbrook’s chief executive") == "other"
    assert group("the special agent in charge of the HSI office") == "administration"
    assert group("a spokeswoman for the Elm City Immigrant Alliance") == "advocates"
    assert group("Patricia Chen, the city’s corporation counsel") == "local_officials"
    assert group("Dolores Whitfield, a former alder who now teaches") == "other"
    assert group("director of policy studies at the Center for Border Policy") == "other"


def test_round_7_speaker_shapes():
    q = _quotes("A spokesperson for Gov. Jared Polis said the Guard would stay home. “The "
                "governor has been clear,” the spokesperson said.\n\n"
                "“We have been here for eleven days,” said Yesenia, 29, who fled Michoacán.\n\n"
                "“Every morning they send us back,” she said.\n\n"
                "Darwin, 34, a carpenter from Honduras, said he had tried three times. “I want "
                "to do it the right way,” he said.\n\n"
                "“Some nights we had two officers,” said a former guard who worked at Red "
                "Mesa until last fall.\n\n"
                "“The constitution does not let Washington conscript us,” said Prof Daniel "
                "Okafor of the University of Chicago.")
    assert q["speaker"].tolist() == ["Jared Polis", "Yesenia", "Yesenia", "Darwin",
                                     "a former guard", "Daniel Okafor"]
    assert q["group"].tolist()[0] == "local_officials"


def test_the_ruling_said_is_the_judge():
    q = _quotes("U.S. District Judge Helena Marsh blocked the grant cuts this month.\n\n"
                "The ruling said “the power of the purse is not a cudgel.”")
    assert q[["speaker", "group"]].values.tolist() == [["Helena Marsh", "other"]]


def test_statements_rulings_and_places():
    q = _quotes("Mamadou is held at Red Mesa, a former state prison run by Palisade.\n\n"
                "Dana Whitfield, a Houston immigration attorney, visits him weekly.\n\n"
                "“They treat us like boxes,” Whitfield said.\n\n"
                "U.S. District Judge Helena Marsh ruled this month. The administration, the "
                "ruling said, “may not use the power of the purse as a cudgel.”\n\n"
                "Ilda Tavares said her brother was taken. “He did nothing wrong,” she said.\n\n"
                "In a statement Tuesday, the Department of Homeland Security said Tavares "
                "entered illegally. The statement said:\n\n"
                "ICE officers arrested Jorge Tavares, who had a final order of removal.")
    speech = q[q["kind"] != "term"]
    assert speech["speaker"].tolist() == ["Dana Whitfield", "Helena Marsh", "Ilda Tavares",
                                          "Department of Homeland Security"]


def test_colon_after_was_blunt_with_a_party_tag_or_an_opening_clause():
    q = _quotes("State Rep. Kevin Doucette, R-Wakefield, was blunt: “This is political "
                "theater.”\n\n"
                "Asked whether the drop would last, Chief Patrol Agent Raymond Ochoa was "
                "careful: “I never declare victory.”")
    assert q[["speaker", "group"]].values.tolist() == [
        ["Kevin Doucette", "local_officials"], ["Raymond Ochoa", "administration"]]


def test_round_8_shapes_and_cues():
    from corpus_tools.actors import infer_group_from_role as group

    assert group("A State Department spokesperson") == "administration"
    assert group("a deputy with the U.S. Marshals Service") == "administration"
    assert group("Select Board Chair Dennis Quimby") == "local_officials"
    assert group("president of the Calcasieu Parish Police Jury") == "local_officials"
    q = _quotes("Acting U.S. Attorney Carol Whitman defended her office. “We will prosecute,” "
                "Whitman said.\n\n"
                "Corinne Maddox, a DHS spokeswoman, released a list. Maddox’s statement "
                "continued: “Every one of these arrests could have been a handoff.”\n\n"
                "Gregory Sandoval, a veteran of the agency who ran its Atlanta office, said "
                "cooperation was “the safest way.”\n\n"
                "Gov. Alicia Moreno did not appear. Her full statement read: “We will see the "
                "administration in court.”")
    assert q[["speaker", "group"]].values.tolist() == [
        ["Carol Whitman", "administration"], ["Corinne Maddox", "administration"],
        ["Gregory Sandoval", "administration"], ["Alicia Moreno", "local_officials"]]


def test_documents_speak_for_who_signed_or_issued_them():
    q = _quotes("The email, signed by OISS Director Karen Lindqvist, said the university “did "
                "not receive any advance notice.”\n\n"
                "The ACLU of Colorado filed a lawsuit on Monday. The complaint says the jail "
                "“manufactured a delay.”")
    assert q["speaker"].tolist()[0] == "Karen Lindqvist"
    assert q["group"].tolist()[1] == "advocates"


def test_organisational_speakers():
    q = _quotes("Gov. Maura Healey’s office said she would “use every tool.”\n\n"
                "A spokesperson at DHS said: “We will not be deterred.”\n\n"
                "“Nobody is above the law,” the spokesperson said.")
    assert q["speaker"].tolist() == ["Maura Healey", "Department of Homeland Security",
                                     "Department of Homeland Security"]


def test_unknown_speakers_are_flagged_not_dropped():
    with pytest.warns(UserWarning, match="unknown group"):
        q = extract_quotes_from_text("H\n\n“It is cold,” said Pat Smith, who lives nearby.")
    assert q[["speaker", "group", "group_source"]].values.tolist() == [
        ["Pat Smith", "unknown", "unknown"]]


def test_role_cues_group_unregistered_speakers():
    q = _quotes("“We comply,” said Harris County Sheriff Luis Obregon.\n\n"
                "“We enforce,” said Dana Whitfield, a White House spokesperson.")
    assert q[["speaker", "group", "group_source"]].values.tolist() == [
        ["Luis Obregon", "local_officials", "role_cue"],
        ["Dana Whitfield", "administration", "role_cue"]]


def test_members_of_congress_from_elsewhere_are_other():
    row = _one("Rep. Seth Moulton, D-Mass., called the plan “a disgrace.”")
    assert (row["group"], row["group_source"]) == ("other", "role_cue")


@pytest.mark.parametrize("text", [
    "", "   \n\n  ", "No quotes at all here.", "“never closes and goes on",
    "stray ” closing and ‘ opening marks ’", '<p>“HTML <b>remnants</b>,” she said.</p>',
    "“a” “b” “c” \" \" \"", "— \n\n— —", "“\n\n”\n\n“",
])
def test_bad_input_never_crashes(text):
    q = extract_quotes_from_text(text)
    for row in q.itertuples():
        assert text[row.start:row.end] == row.text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab .,:;\n\"'“”‘’—–-<>") + ["said", " Wu ", "\n\n",
                                                                   "He ", "Mayor Jo Li"]),
                max_size=120).map("".join))
def test_offsets_always_slice_to_text(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q = extract_quotes_from_text(text)
    for row in q.itertuples():
        assert text[row.start:row.end] == row.text
        assert 0 <= row.start < row.end <= len(text)
        if row.mention_start >= 0:
            assert text[row.mention_start:row.mention_end] == row.speaker_mention


def test_adversarial_input_terminates():
    unit = "“a,” he said “b ” ‘c’ \"d\" — e: “f\n\n"
    text = "H\n\n" + unit * 3000  # ~100 KB of marks, cues and breaks
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q = extract_quotes_from_text(text)
    # it terminates with the right answer: per unit, “a,” is he-said speech and b, c, d and
    # the unclosed “f (closed by the next unit's mark) are quoted terms, at these offsets
    assert len(q) == 5 * 3000
    assert (q["text"] == [text[s:e] for s, e in zip(q["start"], q["end"], strict=True)]).all()
    per_unit = [(1, "a,", "direct", "he", "said"), (14, "b", "term", "", ""),
                (19, "c", "term", "", ""), (23, "d", "term", "", ""), (32, "f", "term", "", "")]
    expected = [(len("H\n\n") + len(unit) * k + off, quote, kind, speaker, cue)
                for k in range(3000) for off, quote, kind, speaker, cue in per_unit]
    assert list(zip(q["start"], q["text"], q["kind"], q["speaker"], q["cue"],
                    strict=True)) == expected


@given(st.lists(st.sampled_from(list("ab Z,;:—“”‘’\"'\n\u00a0\u2007") + ["said", "Wu"]),
                max_size=60).map("".join), st.integers(0, 5))
@settings(max_examples=300, deadline=None)
def test_first_sentence_shortcut_matches_punkt(text, offset):
    """Without . ? ! the shortcut must give exactly Punkt's first span."""
    from corpus_tools.quotes import _first_sentence
    from corpus_tools.segment import split_sentences

    raw = "x" * offset + text
    spans = split_sentences(raw[offset:], offset)
    assert _first_sentence(raw, offset, len(raw)) == (spans[0] if spans else (offset, offset))


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_gc_state_restored_after_extraction():
    import gc

    assert gc.isenabled()
    extract_quotes_from_text("T\n\n“Yes,” she said.")
    assert gc.isenabled()
    gc.disable()
    try:
        extract_quotes_from_text("T\n\n“Yes,” she said.")
        assert not gc.isenabled()  # a caller's choice is left alone
    finally:
        gc.enable()
    with pytest.raises(TypeError):
        extract_quotes_from_text(None)  # type: ignore[arg-type]
    assert gc.isenabled()  # restored on error too


@pytest.mark.parametrize("text", [
    "Michelle\n\nWu said ICE came. Tom Homan\n\nspoke.",
    "Tom\n\nHoman and Mayor Michelle\n\nWu\n\nICE",
    "Headline Tom\n\nHoman said. Related Posts\n\nMichelle Wu",
    "No actors at all\n\nhere.",
])
def test_mentions_from_one_pass_equal_per_paragraph_matching(text):
    from corpus_tools.actors import ActorRegistry
    from corpus_tools.quotes import _body_paragraphs, _Context, _mentions_by_paragraph

    registry = ActorRegistry()
    paragraphs = _body_paragraphs(text, ())
    ctx = _Context(registry, raw=text, paragraphs=paragraphs)
    expected = [registry.find_all(text[a:b], a) for a, b in paragraphs]
    assert _mentions_by_paragraph(text, paragraphs, ctx) == expected
    assert any(expected) or "No actors" in text


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["\u201cWe go,\u201d ", "\u201cWe go,\u2019\u2019 ", "said ",
                                 "saying ", "The ", "A ", "could ", "will ", "began ",
                                 "activists ", "Following ", ", ", ". ", "Hall ", "sheriff ",
                                 "Janet ", "like ", "\u2015 ", "\n\n\"WALLACE: ",
                                 "\n\n\"PENCE: ", "footage of ", "Trump ", "she "]),
                max_size=40).map("".join))
def test_session_6_rules_never_crash(text):
    """The session-6 shapes (determiners, participles, transcript labels in quote marks,
    bare surnames, typeset closers) in any order: the parser returns and its offsets hold."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q = extract_quotes_from_text("Title\n\n" + text)
    for row in q.itertuples():
        assert ("Title\n\n" + text)[row.start:row.end] == row.text
