"""Actors: the registry of who is who, alias lookup, and role cues for everyone else.

The registry (``resources/actors.csv``) has one row per person or organisation with its
canonical ``name``, ``|``-separated ``aliases``, ``role``, ``organization``, ``level``,
``party``, ``kind`` (person/organization), ``gender`` (for pronoun resolution), ``group``
and the ``rationale`` for the group coding. Speakers outside the registry get a group from
role cues in their attribution (:func:`infer_group_from_role`), or ``unknown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from corpus_tools.paths import RESOURCES_DIR, resolve_dir
from corpus_tools.tokenize import TermMatcher, Token, tokenize

GROUPS = ("administration", "local_officials", "advocates", "other")
REQUIRED_COLUMNS = ("actor_id", "name", "aliases", "group")
OPTIONAL_COLUMNS = ("role", "organization", "level", "party", "kind", "gender", "rationale")

#: The fifty states by name (for state agencies, as role cues and as organisation types).
_STATE_NAMES = (r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|"
                r"Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|"
                r"Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|"
                r"Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|"
                r"North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
                r"South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
                r"Wisconsin|Wyoming)")
#: Role cues, checked in order (more specific first). Each is (group, pattern); patterns
#: are matched case-sensitively where capitals matter (ICE, Gov.) and have no nested
#: quantifiers.
ROLE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Watchdogs and contractors of federal agencies are not the administration.
    ("other", re.compile(r"\b(?:(?<!to the )(?<!by the )(?<!from the )(?<!for the )"
                         r"[Ii]nspector [Gg]eneral|private (?:prison )?(?:company|"
                         r"contractor|operator)|Correctional (?:Group|Services|Corporation)|"
                         r"CoreCivic|GEO Group|chief executive|CEO)\b")),
    # Former officials speak for themselves, not for the office they left.
    ("other", re.compile(r"\bformer (?:acting |deputy |assistant |senior |top )?(?:[A-Z]{2,4} |"
                         r"federal |immigration |Homeland Security |Trump administration |"
                         r"Obama administration |Biden administration |White House )?(?:director|"
                         r"official|officer|agent|secretary|commissioner|chief|head|czar|"
                         r"attorney|adviser|advisor|prosecutor|alder|alderman|mayor|governor|"
                         r"sheriff|council ?member|councilor|senator|representative|lawmaker|"
                         r"legislator|judge)\b|\bwho (?:previously |once )?"
                         r"(?:served|worked) as\b", re.I)),
    # Candidates do not hold the office they run for (an incumbent's re-election aside).
    ("other", re.compile(r"\bcandidate for (?!re-?election)|\b(?:mayoral|council|"
                         r"congressional|gubernatorial|school board) candidate\b", re.I)),
    # Teachers' and farm organisations are interest groups, not immigrant advocates.
    ("other", re.compile(r"\b(?:Education Association|Federation of Teachers|teachers[\u2019']? "
                         r"union|Farm Bureau)s?\b", re.I)),
    # City and county lawyers on either side of a case.
    ("local_officials", re.compile(r"\bpublic defender\b|\bcorporation counsel\b", re.I)),
    # A state's own departments are state government (``the Oregon Department of Justice``,
    # ``New York State Department of Labor``), not the federal ones.
    ("local_officials", re.compile(rf"\b{_STATE_NAMES}(?:[ \t]State)?[ \t](?:Department|Office|"
                                   r"Division)[ \t]of[ \t][A-Z]")),
    # Federal agencies and titles the general administration cue below does not name.
    ("administration", re.compile(r"\bHSI\b|\bHomeland Security Investigations\b|"
                                  r"\bspecial agent in charge\b|\bState Department\b|"
                                  r"\bDepartment of State\b|\bMarshals? Service\b|"
                                  r"\bU\.S\. Marshals?\b", re.I)),
    # New England towns and Louisiana parishes govern through boards and juries.
    ("local_officials", re.compile(r"\b(?:Select ?[Bb]oard|Selectboard|[Tt]own (?:[Mm]anager|"
                                   r"[Aa]dministrator|[Cc]lerk)|[Ff]irst [Ss]electman|Police Jury|"
                                   r"Parish (?:President|Council))\b")),
    # Immigrant organisations by name (“Elm City Immigrant Alliance”), legal collectives and
    # migrant shelters.
    ("advocates", re.compile(r"\bImmigrants?(?: [A-Z]\w+){0,2} (?:Alliance|Coalition|Project|"
                             r"Network|Center|Council|Committee|Fund|Collaborative|Rights)\b|"
                             r"\bLegal (?:Collective|Aid|Defense|Clinic)\b|\b(?:migrant|"
                             r"refugee) shelter\b|\bshelter (?:director|operator)\b")),
    # Police unions are neither officials nor advocates ("union" below is an advocates cue).
    ("other", re.compile(r"\b(?:police|officers[\u2019']?|deputies[\u2019']?|"
                         r"sheriffs[\u2019']?|troopers[\u2019']?) (?:union|association|"
                         r"benevolent association|guild)\b|\bFraternal Order of Police\b", re.I)),
    # Justice Department deputies are federal, whatever word precedes them.
    ("administration", re.compile(r"\b(?:Associate|Deputy|Assistant|Acting) (?:Attorney General\b|"
                                  r"Atty\. Gen\.)|\b(?:Justice Department|Department of Justice|"
                                  r"DOJ)[\u2019']s [Cc]ivil [Rr]ights [Dd]ivision\b")),
    # Foreign governments speak for themselves: other (``Mexican Foreign Affairs Secretary``).
    ("other", re.compile(r"\b(?:Mexic(?:an|o[\u2019']s)|Guatemal(?:an|a[\u2019']s)|"
                         r"Hondur(?:an|as[\u2019'])|Salvadoran|El Salvador[\u2019']s|"
                         r"Canad(?:ian|a[\u2019']s)|Venezuel(?:an|a[\u2019']s)|Cuban|Colombian|"
                         r"Haitian|[Ff]oreign)[ \t]+(?:[\w\u2019'-]+[ \t]+){0,3}?(?:[Ss]ecretary|"
                         r"[Mm]inister|[Mm]inistry|[Pp]resident|[Aa]mbassador|[Cc]onsul|"
                         r"[Gg]overnment|officials?)\b")),
    ("local_officials", re.compile(r"\b(?:state(?:[\u2019']s)?|Massachusetts|New York|Illinois|"
                                   r"California|(?-i:[A-Z][a-z]+)) attorney general\b", re.I)),
    # A president's own officers (``Trump's attorney general``, ``Biden's border czar``).
    ("administration", re.compile(r"\b(?:Trump|Biden|Obama|Bush|[Tt]he president)[\u2019']s"
                                  r"[ \t]+(?:top[ \t]+|chief[ \t]+|senior[ \t]+|deputy[ \t]+)?"
                                  r"(?:attorney general|homeland security secretary|border czar|"
                                  r"adviser|advisor|aide|spokes\w+|press secretary|chief of "
                                  r"staff|immigration (?:chief|adviser|advisor))\b")),
    # ``New York's attorney general`` (not ``Trump's attorney general``)
    ("local_officials", re.compile(rf"\b{_STATE_NAMES}[\u2019']s[ \t]+attorney[ \t]+general\b",
                                   re.I)),
    ("administration", re.compile(r"\bU\.?S\.? Attorney General\b|\bAttorney General of the "
                                  r"United States\b", re.I)),
    # An attorney general by title whom the registry does not know is a state's (the federal
    # ones are registered or say ``U.S.``)
    ("local_officials", re.compile(r"\bAttorney General(?=[ \t]+[A-Z])")),
    # Catholic clergy and religious by title (``Sister Ann Dolan``, ``Father Ed Park``) speak
    # for faith organisations (the guideline's advocates). Not ``Rev.``/``Pastor``: the
    # project's fixtures code a congregation's own pastor by what they say (unknown).
    ("advocates", re.compile(r"(?:^|\b)(?:Sister|Father|"
                             r"Bishop|Archbishop|Cardinal|Msgr\.|Monsignor)(?=[ \t]+[A-Z]|$)")),
    ("advocates", re.compile(r"\b(?:immigrant|migrant|refugee)s?[\u2019']? all(?:y|ies)\b",
                             re.I)),
    ("advocates", re.compile(r"\b(?:ACLU|American Civil Liberties Union|coalition|immigrant[- ]"
                             r"rights?|legal aid|advocates?|advocacy|nonprofit|non-profit|"
                             r"refugee|asylum seekers|human rights|civil rights|civil liberties|"
                             r"organizer|activist|union|Charities|Inmigrantes?|"
                             r"immigra\w* (?:(?:legal|law|rights) )?(?:law|legal|justice|"
                             r"defense) (?:center|project|services|clinic|network|fund)|"
                             r"immigrant (?:justice|defense)|legal services)\b", re.I)),
    # A protester is a private person wherever the protest is (``one of a handful of
    # protesters at the Border Patrol station``); an organiser is an advocate (above).
    ("other", re.compile(r"(?:^|\bwho[ \t]+(?:was|is)[ \t]+|,[ \t]+)(?:(?:an?|one)[ \t]+"
                         r"(?:[\w-]+[ \t]+){0,2}?(?:protester|protestor|demonstrator)\b|"
                         r"one of (?:[\w-]+[ \t]+){0,5}?(?:protesters|protestors|"
                         r"demonstrators)\b)", re.I)),
    ("administration", re.compile(r"\b(?:ICE|DHS|CBP|USCIS|DOJ|FBI)\b|\bWhite House\b|"
                                  r"\bJustice Department\b|\bDepartment of (?:Homeland Security|"
                                  r"Justice)\b|\bHomeland Security\b|\bborder czar\b|"
                                  r"\bImmigration and Customs\b|\bBorder Patrol\b|"
                                  r"\bCitizenship and Immigration Services\b|"
                                  r"\bCustoms and Border\b|\bPatrol Agent\b|\bpress secretary\b|"
                                  r"\bU\.S\. [Aa]ttorney(?:[\u2019']s [Oo]ffice)?\b(?! General)|"
                                  r"\bUnited States [Aa]ttorney\b(?! General)|"
                                  r"\b[Aa]ttorney for the (?:[A-Z]\w+ )?District of\b|"
                                  r"\bthe president\b|"
                                  r"\b(?:Trump|Biden|Obama|Bush) administration\b|"
                                  r"\badministration official\b|"
                                  r"\bfederal (?:law enforcement|immigration) "
                                  r"(?:official|officer|agent)s?\b|\bfederal agents?\b",
                                  re.I)),
    # Abbreviated titles end in "." and so sit outside the \b...\b group ("Gov. Pritzker":
    # no word boundary between "." and the space).
    # Capitalised local titles (lower-case "supervisor" is any boss)
    ("local_officials", re.compile(r"\b(?:Supervisor|County Executive|Board of Supervisors|"
                                   r"Selectwoman|Alderwoman|Alderperson|Board [Mm]ember|"
                                   r"Assembly(?:man|woman|member|person)|Assembly [Mm]ember|"
                                   r"Commissioner|Councilmember|Commission Chair\w*|"
                                   r"(?:County )?Board President|"
                                   r"[Ss]tate (?:Senate|House|Assembly|Legislature)|"
                                   r"Legislature)\b")),
    ("local_officials", re.compile(r"\b(?:Ald|Gov|Lt\. Gov|state Sen|state Rep|Sup)\.(?=\s|,|$)|"
                                   r"\b(?:Mayor|Governor|sheriff|district "
                                   r"attorney|DA|city council(?:or|man|woman|member)?|"
                                   r"council ?member|council(?:man|woman)|council?lor|"
                                   r"alderman|alder|"
                                   r"(?:city|county) (?:attorney|solicitor)|superintendent|"
                                   r"school (?:board|committee|district)|"
                                   r"county (?:executive|commissioner|"
                                   r"judge|board)|police (?:chief|commissioner|department)|"
                                   r"chief of police|"
                                   r"state (?:senator|representative|police|lawmaker|legislator)|"
                                   r"(?:highway|state) patrol|state troopers?|"
                                   r"selectman|"
                                   r"city manager|county)\b", re.I)),
    # Federal judges, companies and their analysts, academics and think tanks: other.
    ("other", re.compile(r"\b(?:U\.S\. |federal |Chief )?(?:District|Circuit|Magistrate|"
                         r"Bankruptcy) Judge\b|\bfederal judge\b", re.I)),
    # ``Judge Edith Jones``: a judge by title (a county judge, a local executive in Texas, is
    # matched above)
    ("other", re.compile(r"(?:^|\b)Judge(?=[ \t]+[A-Z]|$)")),
    ("other", re.compile(r"\b(?:company|corporation|Inc\.|Corp\.|LLC|analyst|economist|"
                         r"Chamber of Commerce|business (?:group|leaders?|owners?)|"
                         r"(?:co-)?owner)(?=\W|$)", re.I)),
    ("other", re.compile(r"\bwho (?:has )?own(?:s|ed) (?:[a-z]+ )?[A-Z]")),  # a named business
    # the press (not the reporters a speaker talks to)
    ("other", re.compile(r"(?<!told )(?<!to )(?<!with )(?<!by )(?<!told the )(?<!asked )"
                         r"\b(?:reporter|correspondent|journalist|columnist|news anchor|"
                         r"radio host|show host)s?\b", re.I)),
    ("other", re.compile(r"\bCenter for(?: [A-Z]\w+){1,3} (?:Policy|Studies|Research)\b|"
                         r"\bpolicy studies\b")),  # think tanks by name
    ("other", re.compile(r"\b(?:professor|university|scholar|researcher|(?:senior )?fellow at|"
                         r"think tank|Heritage Foundation|Cato Institute|Brookings|"
                         r"Migration Policy Institute|Center for Immigration Studies)\b", re.I)),
    ("other", re.compile(r"\bchief justice\b", re.I)),  # ``the California chief justice``
    # Justices of a supreme court (``Justice Ana Ruiz``; not the Justice Department).
    ("other", re.compile(r"(?<!of )\b(?:Chief |Associate )?Justices?(?:$|[ \t]+(?!Department)"
                         r"[A-Z][a-z])")),
    # Residents, protesters and party members with no office: other.
    ("other", re.compile(r"\b(?:native|longtime resident|resident|protest(?:er|ers|or|ors|"
                         r"ing)|demonstrators?)\b|^(?:a[ \t]+)?(?:Republican|Democrat|"
                         r"Democratic|GOP)$", re.I)),
    # Members of Congress (federal legislators, not the administration): other.
    ("other", re.compile(r"\b(?:Rep\.|Sen\.|Congressman|Congresswoman|Congressmember|"
                         r"U\.S\. (?:Rep|Sen)\.|senator|representative)(?=\s|,|$)", re.I)),
    # Private people described by their work or family, with no office (the guideline's
    # residents): ``a day laborer``, ``one woman who posted a video``, ``whose son was
    # detained``. Last, so that any office or organisation named with them wins.
    ("other", re.compile(r"\b(?:an?|one|another)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:woman|man|"
                         r"mother|father|mom|dad|grandmother|grandfather|parent|wife|husband|"
                         r"daughter|son|sister|brother|relative|neighbou?r|bystander|witness|"
                         r"(?:day |farm ?)?(?:laborer|labourer|worker)|student|shopper|"
                         r"customer|employee|homeowner|tenant|parishioner|churchgoer|"
                         r"teenager|teen)\b|"
                         r"\bone of (?:[\w\u2019'-]+[ \t]+){0,3}?(?:supporters|critics|neighbou?rs|"
                         r"residents|parents|workers|students)\b|"
                         r"^(?:the|some|several|many|other|two|three|four|five|\d+)[ \t]+"
                         r"(?:[\w-]+[ \t]+){0,2}?(?:women|men|mothers|fathers|families|parents|"
                         r"detainees|residents|workers|students|neighbou?rs|protesters|"
                         r"demonstrators|immigrants|migrants)\b|"
                         r"\b(?:immigration|defense|private|criminal|family)[ \t]+(?:attorney|"
                         r"lawyer)\b|\b(?:teacher|nurse|physician|farmer|rancher)s?\b|"
                         r"\bwhose[ \t]+(?:[\w-]+[ \t]+){0,2}?"
                         r"(?:son|daughter|husband|wife|father|mother|brother|sister|parents?|"
                         r"child(?:ren)?|relatives?|family|cousin|uncle|aunt|nephew|niece|"
                         r"partner|fianc[\u00e9e]e?|boyfriend|girlfriend)\b", re.I)),
)
#: A party tag names a member of Congress's state (``Sen. Ted Cruz, R-Texas``) but a state
#: legislator's hometown (``Rep. Mark Delacroix (R-Lake Havasu City)``).
_PARTY_PLACE = re.compile(r"\b(?:Rep|Sen)\.[ \t][^()\n]{1,40}?[(,][ \t]*[RDI]-(?P<place>[A-Z][\w.]*"
                          r"(?:[ \t][A-Z][\w.]*){0,2})")
#: ``Rep. Steven Holt, a Republican from Denison``: a legislator introduced by hometown.
_PARTY_FROM = re.compile(r"\b(?:Rep|Sen)\.[ \t][^,()\n]{1,40},[ \t]+an?[ \t]+"
                         r"(?:Republican|Democrat)[ \t]+from[ \t]+"
                         r"(?P<place>[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})")
#: A party tag on its own (``R-Ky.``, ``(D-Calif.)``): a state names a member of Congress.
_STATE_PARTY_TAG = re.compile(r"(?:^|[(,][ \t]*)[RDI]-(?P<place>[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)"
                              r"{0,2})")
_STATES = frozenset("""alabama alaska arizona arkansas california colorado connecticut delaware
florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
massachusetts michigan minnesota mississippi missouri montana nebraska nevada new hampshire
jersey mexico york north carolina dakota ohio oklahoma oregon pennsylvania rhode island south
tennessee texas utah vermont virginia washington west wisconsin wyoming ala ariz ark calif colo
conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev n.h n.j n.m n.y n.c
n.d okla ore pa r.i s.c s.d tenn vt va wash w.va wis wyo al ak az ar ca co ct de fl hi id il
in ia ks me mi mn ms mt ne nv nh nj nm ny nc nd oh ok or ri sc sd tn tx ut wa wv wi wy
d.c dc""".split())
#: A relative clause about something else (``a city attorney for Seattle, which leads the
#: coalition``; ``a councillor whose district includes the ICE building``): not a role.
_ABOUT_SOMETHING_ELSE = re.compile(r",?\s+(?:which|whose)\b[^,;:]*")
#: What someone protests, sues or opposes is not their role (``a resident protesting ICE``).
_OPPOSED_OBJECT = re.compile(r"\b(?P<verb>protest(?:ing|ed|s)?|oppos(?:ing|ed|es)|"
                             r"su(?:ing|ed|es)|criticiz(?:ing|ed|es)|fight(?:ing|s)?|"
                             r"resist(?:ing|ed|s)?)[ \t]+(?:the[ \t]+)?(?=[A-Z])[^,;:.\n]*")
#: Whom someone writes or speaks to is not their role (``wrote in a letter to Attorney General
#: Jeff Sessions``, ``told Gov. X``).
_ADDRESSEE = re.compile(r"\b(?P<verb>(?:wrote|writes|writing|letter|spoke|speaks|speaking|"
                        r"talked|talking|sent|sending|appealed|appealing)\b[^,;:.\n]{0,30}?"
                        r"\bto|told|tells|telling|asked|asks|urged|urges|thanked|thanks)"
                        r"[ \t]+(?:the[ \t]+)?(?=[A-Z])[^,;:.\n]*")
_REQUIRED_GROUP = set(GROUPS)
#: A person's name followed by one of these is a modifier, not the speaker.
_MODIFIER = re.compile(r"[’']?s? ?(?:administration|campaign|era|White House|team|"
                       r"surrogates?|allies|ally|supporters?|loyalists?|backers?|voters|"
                       r"critics|appointees?|nominees?|transition)\b", re.I)


#: Titles and role words that may stand before a name (``Mayor Wu``, ``Sen. Warren``).
TITLE_WORDS = frozenset("""mayor gov gov. governor lt lt. rep rep. sen sen. senator representative
congresswoman congressman president president-elect vice secretary director chief
commissioner attorney general judge justice sheriff councilor councilwoman councilman
spokesperson spokesman spokeswoman press officer official officials executive chairman
chairwoman chair dr dr. mr mr. ms ms. mrs mrs. acting deputy czar counsel superintendent
captain sgt. sgt lieutenant detective pastor reverend rev rev. father professor prof.
council member councilmember alder assemblyman assemblywoman assemblymember delegate
supervisor trustee associate assistant patrol agent officer special leader minority majority
pro tem whip speaker prof prof. sister affairs relations communications manager administrator
clerk treasurer comptroller auditor commander consul ambassador""".split())


def _another_first_name(text: str, tok: Token, offset: int) -> bool:
    """Whether a one-word (surname) alias is preceded by a capitalised word that is not a
    title: ``Kevin Walsh`` is not the registry's Marty Walsh (whose full-name alias would
    have matched first), ``Mayor Walsh`` and ``Boston's Walsh`` are."""
    prev = _word_before(text, tok.start - offset)
    if not prev[:1].isupper() or prev.endswith((".", "\u2019s", "'s", ",", ":", ";")):
        return False
    return prev.lower() not in TITLE_WORDS and not prev.isupper()


def _word_before(text: str, end: int) -> str:
    """The last whitespace-separated word of ``text[:end]`` (``""`` if none), as
    ``text[:end].rstrip().rsplit(None, 1)[-1]``, reading back only as far as that word
    (copying the whole prefix for each surname of a whole-text lookup made the lookup
    quadratic in the text's length).

    Examples
    --------
    >>> _word_before("Mayor Kevin  Walsh", 13), _word_before("  Walsh", 2)
    ('Kevin', '')
    """
    reach = 64
    while True:
        lo = max(0, end - reach)
        before = text[lo:end].rstrip()
        word = before.rsplit(None, 1)[-1] if before else ""
        if lo == 0 or len(word) < len(before):  # whitespace before the word: it is whole
            return word
        reach *= 4


class RegistryError(ValueError):
    """A malformed actor registry; the message names the file, line and problem."""


def infer_group_from_role(text: str) -> str | None:
    """Group implied by role cues in an attribution, or None.

    Examples
    --------
    >>> infer_group_from_role("Harris County Sheriff Ed Gonzalez")
    'local_officials'
    >>> infer_group_from_role("a DHS spokesperson")
    'administration'
    >>> infer_group_from_role("Priya Natarajan, director of the Immigrant Justice Coalition")
    'advocates'
    >>> infer_group_from_role("a local pastor") is None
    True
    >>> infer_group_from_role("a councillor whose district includes the ICE building")
    'local_officials'
    >>> infer_group_from_role("Dana Cole, there protesting ICE")
    'other'
    """
    text = _ABOUT_SOMETHING_ELSE.sub("", text)
    text = _OPPOSED_OBJECT.sub(r"\g<verb>", text)
    text = _ADDRESSEE.sub(r"\g<verb>", text)
    tag = _PARTY_PLACE.search(text) or _PARTY_FROM.search(text)
    if tag and not all(w.lower().strip(".") in _STATES for w in tag.group("place").split()):
        return "local_officials"  # a state legislator, tagged with a hometown
    for group, pattern in ROLE_CUES:
        if pattern.search(text):
            return group
    tag = _STATE_PARTY_TAG.search(text)
    if tag:  # ``James Comer, R-Ky.``: a member of Congress, by the state; ``Corey Stewart
        # (R-At Large)``, ``(D-Tucson)``: a district or hometown, a state or local legislator
        states = all(w.lower().strip(".") in _STATES for w in tag.group("place").split())
        return "other" if states else "local_officials"
    return None


def load_actors(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the actor registry.

    Parameters
    ----------
    path : str or Path, optional
        Defaults to ``resources/actors.csv``, resolved from the package.

    Raises
    ------
    RegistryError
        Naming the line of a missing id or name, a duplicate id, or an unknown group; a
        missing file or one that is not CSV.
    """
    shown = path  # as the user gave it, for messages
    path = resolve_dir(path, RESOURCES_DIR / "actors.csv")
    shown = path if shown is None or str(shown) == "" else shown
    if not path.is_file():
        raise RegistryError(f"{shown}: actor registry not found (no such file)")
    try:
        actors = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        what = ("the file is empty" if isinstance(err, pd.errors.EmptyDataError) else
                f"not valid UTF-8 at byte offset {err.start}"
                if isinstance(err, UnicodeDecodeError) else
                str(err).strip().removeprefix("Error tokenizing data. C error: "))
        raise RegistryError(f"{shown}: not an actor registry CSV ({what})") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in actors.columns]
    if missing:
        raise RegistryError(f"{path.name}: missing column(s) {', '.join(missing)}")
    for col in OPTIONAL_COLUMNS:
        if col not in actors.columns:
            actors[col] = ""
    problems = []
    for i, row in actors.iterrows():
        line = f"{path.name} line {i + 2}"
        if not row["actor_id"].strip() or not row["name"].strip():
            problems.append(f"{line}: empty actor_id or name")
        if row["group"] not in _REQUIRED_GROUP:
            problems.append(f"{line}: group {row['group']!r} is not one of {', '.join(GROUPS)}")
    for aid in sorted(set(actors.loc[actors["actor_id"].duplicated(), "actor_id"])):
        problems.append(f"{path.name}: duplicate actor_id {aid!r}")
    if problems:
        raise RegistryError("; ".join(problems))
    return actors


def _norm(text: str) -> str:
    return " ".join(t.norm for t in tokenize(text))


@dataclass(frozen=True)
class Actor:
    """One registry row, as used by the quote extractor."""

    actor_id: str
    name: str
    group: str
    kind: str
    gender: str
    #: role and organisation, lower-cased: what ``the mayor`` / ``the agency`` may refer to
    role: str = ""


#: Texts up to this long have their ``find_all`` kept (at most ``_SHORT_CACHE`` of them).
_SHORT_TEXT = 200
_SHORT_CACHE = 4096


class ActorRegistry:
    """Alias lookup over a registry table (longest alias wins; ambiguous aliases skipped).

    Examples
    --------
    >>> reg = ActorRegistry()
    >>> reg.find("Boston Mayor Michelle Wu’s office")[0].name
    'Michelle Wu'
    """

    def __init__(self, actors: pd.DataFrame | str | Path | None = None):
        table = actors if isinstance(actors, pd.DataFrame) else load_actors(actors)
        for col in OPTIONAL_COLUMNS:
            if col not in table.columns:
                table = table.assign(**{col: ""})
        self.table = table
        self.actors: dict[str, Actor] = {}
        #: actor id -> (``source`` note, ``role``): the offices a person held, and when
        self._offices: dict[str, tuple[str, str]] = {}
        #: surname -> registered people with it, each with their role and organisation as
        #: written (``Mayor of Denver (2023-) City and County of Denver``)
        self.surnames: dict[str, list[tuple[Actor, str]]] = {}
        owners: dict[str, set[str]] = {}
        for row in table.itertuples(index=False):
            kind = row.kind or ("person" if row.gender else "organization")
            # a person's organisation (``the mayor`` of the City of Boston); an
            # organisation's own name, not its parent's (ICE is not ``the department``)
            role = f"{row.role} {row.organization if kind == 'person' else row.name}"
            role = role.strip().lower()
            actor = Actor(row.actor_id, row.name, row.group, kind, row.gender, role)
            self.actors[row.actor_id] = actor
            self._offices[row.actor_id] = (str(getattr(row, "source", "")), str(row.role))
            if kind == "person" and len(row.name.split()) >= 2:
                self.surnames.setdefault(row.name.split()[-1], []).append(
                    (actor, f"{row.role} {row.organization}"))
            for alias in [row.name, *str(row.aliases).split("|")]:
                norm = _norm(alias)
                if norm:
                    owners.setdefault(norm, set()).add(row.actor_id)
        self.aliases = {a: next(iter(ids)) for a, ids in sorted(owners.items()) if len(ids) == 1}
        self._matcher = TermMatcher(self.aliases)  # compiled once
        #: ``find_all`` of short texts (names, roles: the same few again and again), at
        #: offset 0; bounded, emptied when full
        self._short: dict[str, tuple[tuple[Actor, Token], ...]] = {}

    def group_in_year(self, actor_id: str, year: object) -> str | None:
        """The group of a registered person in ``year`` (:func:`group_in_year` of the row's
        ``source`` note); their registry group when the year is unknown; None for an id
        that is not a registered person.

        Examples
        --------
        >>> reg = ActorRegistry()
        >>> [reg.group_in_year("tom_homan", y) for y in (2018, 2022, 2025, None)]
        ['administration', 'other', 'administration', 'administration']
        """
        actor = self.actors.get(actor_id)
        if actor is None or actor.kind != "person":
            return None
        try:
            when = int(str(year)[:4])
        except ValueError:
            return actor.group
        if not 1900 < when < 2100:
            return actor.group
        source, role = self._offices[actor_id]
        return group_in_year(source, when, actor.group, role)

    def has_alias(self, text: str) -> bool:
        """Whether ``text`` is one actor's alias (or name), as normalised for lookup.

        Examples
        --------
        >>> reg = ActorRegistry()
        >>> reg.has_alias("Mayorkas"), reg.has_alias("Johnson")
        (True, False)
        """
        return _norm(text) in self.aliases

    def find_all(self, text: str, offset: int = 0) -> list[tuple[Actor, Token]]:
        """Every registered actor mentioned in ``text`` (longest alias first, left to right),
        with the matching token span (offsets shifted by ``offset``)."""
        if len(text) > _SHORT_TEXT:
            return self._find_all(text, offset)
        found = self._short.get(text)
        if found is None:
            if len(self._short) >= _SHORT_CACHE:
                self._short.clear()
            found = self._short[text] = tuple(self._find_all(text, 0))
        if not offset:
            return list(found)
        return [(actor, Token(tok.start + offset, tok.end + offset, tok.text, tok.norm))
                for actor, tok in found]

    def _find_all(self, text: str, offset: int) -> list[tuple[Actor, Token]]:
        """:meth:`find_all` without the cache."""
        found = self._matcher.find(text, offset, min_tokens=1, keep=self.aliases.keys())
        kept, shadowed = [], set()
        for tok in found:
            if tok.norm not in self.aliases:
                continue
            actor = self.actors[self.aliases[tok.norm]]
            if actor.kind == "person" and " " not in tok.norm and \
                    _another_first_name(text, tok, offset):
                shadowed.add(actor.actor_id)  # “Kevin Walsh”: someone else named Walsh
                continue
            kept.append((actor, tok))
        if shadowed:  # a bare surname in a text that names another person by it is theirs,
            named = {a.actor_id for a, t in kept if " " in t.norm}  # unless ours is named too
            kept = [(a, t) for a, t in kept
                    if a.actor_id not in shadowed or a.actor_id in named or " " in t.norm]
        return kept

    def find(self, text: str, offset: int = 0) -> tuple[Actor, Token] | None:
        """The actor a mention refers to: a person before an organisation (``Naureen Shah
        of the ACLU`` is Shah), then the longest alias, then the first. A person's name
        used as a modifier (``Trump administration official``) does not count.

        Examples
        --------
        >>> ActorRegistry().find("Naureen Shah of the American Civil Liberties Union")[0].name
        'Naureen Shah'
        """
        found = [f for f in self.find_all(text, offset)
                 if not (f[0].kind == "person" and _MODIFIER.match(text, f[1].end - offset))]
        if not found:
            return None
        return max(found, key=lambda f: (f[0].kind == "person", len(f[1].norm.split()),
                                         -f[1].start))


#: Organisation types read from an organisation's own name, checked in order (the first
#: that matches wins), each with the group its speakers take when the registry does not
#: know them (``realdev/GUIDELINE.md``): federal agencies are the administration; city,
#: county and state government (agencies, police, sheriffs, schools) are local officials;
#: advocacy organisations are advocates; companies, universities and think tanks, the
#: press, courts, Congress and the military are other. Patterns are bounded (no nested
#: quantifiers), so typing is linear in the name.
ORG_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Police unions and teachers' unions are interest groups, not advocates or officials.
    ("union", re.compile(r"\b(?:Police|Officers|Deputies|Sheriffs|Troopers|Teachers|"
                         r"Education) (?:Union|Association|Benevolent Association|Guild)\b|"
                         r"\bFraternal Order of Police\b|\bFederation of Teachers\b")),
    ("court", re.compile(r"\b(?:Supreme|Superior|District|Circuit|Appeals|Appellate|Municipal|"
                         r"Immigration|Juvenile|Family|Judicial) Court\b|\bCourt of Appeals\b|"
                         r"\bSupreme Judicial Court\b|\bhigh court\b|\bappeals court\b")),
    ("legislature", re.compile(r"^(?:the )?(?:U\.S\. |United States )?(?:Congress|Senate|House"
                               r"(?: of Representatives)?)\b|\b(?:Senate|House) (?:[A-Z]\w+ )?"
                               r"(?:Judiciary|Homeland Security|Appropriations|Oversight) "
                               r"Committee\b|\bCongressional\b")),
    ("military", re.compile(r"\b(?:U\.S\. )?(?:Army|Navy|Air Force|Marine Corps|Marines|"
                            r"Coast Guard|National Guard|Pentagon|Northern Command)\b|"
                            r"\bDepartment of (?:Defense|War)\b")),
    ("local_government", re.compile(
        r"\b(?:City|County|Town|Village|Borough|Parish|Township) (?:of|Council|Commission|"
        r"Board|Hall|Attorney|Manager|Clerk|Government|Executive|Jail)\b|"
        r"\b(?:City|County|Town) of\b|\bCity and County\b|"
        r"\b[A-Z]\w+ (?:County|Parish)\b|"
        r"\b(?:Police|Fire|Sheriff[\u2019']?s?|Corrections?|Probation) (?:Department|Office|"
        r"Bureau|Service)\b|\bSheriff[\u2019']s Office\b|\bPolice\b|"
        r"\b(?:School District|Public Schools|Board of (?:Education|Supervisors)|School Board|"
        r"Unified School)\b|\bStates? (?:Patrol|Police|Legislature|Senate|Assembly|House)\b|"
        r"\bHighway Patrol\b|\bGeneral Assembly\b|"
        rf"\b{_STATE_NAMES} (?:Department|Office|Division|Bureau|Agency|Commission|Board|"
        r"Attorney General|Governor|Legislature|State)\b|"
        rf"\b(?:State|Commonwealth) of {_STATE_NAMES}\b|"
        r"\b(?:Mayor|Governor)[\u2019']s Office\b|\bDistrict Attorney\b")),
    ("federal_agency", re.compile(
        r"^(?:the )?(?:U\.S\.|United States|Federal)\b(?! (?:Chamber|Conference|Catholic))|"
        r"\b(?:ICE|CBP|DHS|DOJ|FBI|DEA|ATF|USCIS|HSI|ERO|EOIR|FEMA|HHS)\b|"
        r"\bDepartment of (?:Homeland Security|Justice|State|Labor|Health and Human Services|"
        r"Education|Agriculture|the Treasury|Treasury|Housing|Transportation|Commerce|"
        r"Energy|the Interior|Interior|Veterans Affairs)\b|"
        r"\b(?:Justice|State|Homeland Security) Department\b|\bWhite House\b|"
        r"\bBorder Patrol\b|\bBureau of Prisons\b|\bMarshals Service\b|"
        r"\bOffice of Refugee Resettlement\b|\bImmigration and Customs Enforcement\b|"
        r"\bCustoms and Border Protection\b|\bCitizenship and Immigration Services\b|"
        r"\b(?:Trump|Obama|Biden|Bush) [Aa]dministration\b")),
    ("company", re.compile(r"(?:\bInc\.?|\bLLC|\bL\.L\.C\.|\bCorp\.?|\bCorporation|\bCo\.|"
                           r"\bCompany|\bLtd\.?|\bHoldings|\bEnterprises|\bIndustries|"
                           r"\bGEO Group|\bCoreCivic|\bFarms|\bFoods|\bBank)(?=\W|$)")),
    ("academic", re.compile(r"\b(?:University|College|Institute|School of|Law School|"
                            r"Think Tank|Research Center|Policy Center|Foundation)\b|"
                            r"\bCenter for(?: [A-Z]\w+){1,4} (?:Studies|Research|Policy)\b")),
    ("media", re.compile(
        r"\b(?:Times|Tribune|Journal|Herald|Gazette|Chronicle|Telegraph|Inquirer|Examiner|"
        r"Courier|Sentinel|Observer|Dispatch|Bulletin|Globe|Radio|TV|Television|"
        r"Broadcasting|Magazine|Newspaper|Public Media|News|Newsroom)$|\bNews\b|"
        r"\b(?:Washington|New York|Associated|Free|Huffington|Denver|Daily|Morning|Evening|"
        r"Sunday|National|Houston|Boston|Guardian) (?:Post|Press)\b|"
        r"^(?:The )?(?:Reuters|NPR|CNN|MSNBC|NBC|ABC|CBS|PBS|Fox|Univision|Telemundo|"
        r"Politico|Axios|ProPublica|Breitbart|Newsweek)\b")),
    ("advocacy", re.compile(
        r"\b(?:Coalition|Alliance|Project|Network|Fund|Action|Advocates|Advocacy|Defenders|"
        r"Collective|Collaborative|Solidarity|Sanctuary|Legal Aid|Legal Services|Legal Defense|"
        r"Rights|Immigrants?|Refugees?|Migrants?|Dreamers|Union|Organizing|"
        r"Committee|Caucus|Charities|Ministries|Diocese|Archdiocese|Church|Interfaith|"
        r"Congregations?)\b|\bCenter for\b|\bUnidos\b|\bInmigrantes?\b|\bCentro\b|"
        # a community's own centre or association (``Guatemalan-Maya Center``)
        r"\b(?:Guatemalan|Salvadoran|Honduran|Mexican|Haitian|Somali|Venezuelan|Cuban|"
        r"Dominican|Latino|Latina|Latinx|Hispanic|Maya|Mayan|Arab|Asian|African|Muslim|"
        r"Filipino|Vietnamese|Korean|Chinese|Indian|Brazilian|Colombian|Ecuadorian)"
        r"[\w\s-]{0,30}\b(?:Center|Centre|Association|Council|Community|Services)\b")),
)
#: The group each organisation type takes.
ORG_TYPE_GROUPS = {"union": "other", "court": "other", "legislature": "other",
                   "military": "other", "local_government": "local_officials",
                   "federal_agency": "administration", "company": "other",
                   "academic": "other", "media": "other", "advocacy": "advocates"}
#: An organisation's name: two or more capitalised words (joiners allowed), or an acronym.
_ORG_SHAPE = re.compile(r"^(?:[Tt]he )?(?:[A-Z][\w.&\u2019'-]*|[A-Z]{2,6})(?:[ \t]+(?:of|for|"
                        r"and|the|on|de|del|la|[A-Z][\w.&\u2019'-]*)){0,9}$")


def organization_type(name: str) -> str | None:
    """The type of organisation a name denotes, from its words, or None.

    One of the keys of :data:`ORG_TYPE_GROUPS`: ``federal_agency``, ``local_government``,
    ``advocacy``, ``company``, ``academic``, ``media``, and ``union``, ``court``,
    ``legislature``, ``military``. Only a name (capitalised words, ``of``/``for``/``and``/
    ``the`` between them) is typed; a phrase or sentence is not.

    Parameters
    ----------
    name : str
        The organisation's name as the article gives it.

    Returns
    -------
    str or None

    Examples
    --------
    >>> organization_type("Philadelphia Police Department")
    'local_government'
    >>> organization_type("U.S. Department of Labor")
    'federal_agency'
    >>> organization_type("Southeast Immigrant Rights Network")
    'advocacy'
    >>> organization_type("Cedar Ridge Foods Inc.")
    'company'
    >>> organization_type("the Denver Post")
    'media'
    >>> organization_type("taking questions from reporters") is None
    True
    """
    name = " ".join(name.split())
    if not _ORG_SHAPE.match(name):
        return None
    for kind, pattern in ORG_TYPES:
        if pattern.search(name):
            return kind
    return None


def group_from_organization(name: str) -> str | None:
    """The group of an organisation the registry does not know, from its type, or None.

    Examples
    --------
    >>> group_from_organization("Cook County Sheriff's Office")
    'local_officials'
    >>> group_from_organization("University of Texas")
    'other'
    """
    kind = organization_type(name)
    return ORG_TYPE_GROUPS[kind] if kind else None


#: ``Acting ICE Director 2017-2018``, ``U.S. President 2017-2021 and 2025-``, ``... from 2023``:
#: the years of one office in a registry row's ``source`` note.
_YEARS = re.compile(r"\b(?:from[ \t]+)?(?P<start>(?:19|20)\d\d)(?:[ \t]*[-\u2013][ \t]*"
                    r"(?P<end>(?:19|20)\d\d)?(?P<open>(?<=[-\u2013])|(?<=[-\u2013][ \t]))?)?")


#: Federal executive offices the role cues leave alone (they read words in articles, where
#: ``president`` or ``secretary`` alone says little).
_FEDERAL_TITLE = re.compile(r"^(?:U\.S\. (?:President|Vice President|(?:[A-Z]\w+ )?Secretary|"
                            r"Ambassador)|Vice President|White House|(?:[A-Z]\w+ )?Policy "
                            r"Council|deputy chief of staff)|\bSecretary of (?:Homeland|State|"
                            r"Labor|Energy|Defense)\b")


def _same_office(title: str, role: str) -> bool:
    """Whether a ``source`` note's office is the registry row's ``role`` (``Governor of
    Florida`` in ``Governor of Florida (2011-2019)``; ``White House border czar`` and
    ``Border czar``)."""
    title, role = title.lower().strip(), re.sub(r"\([^()]*\)", "", role).lower().strip(" ,")
    return bool(title and role) and (title in role or role in title)


def office_periods(source: str, role: str = "", group: str | None = None
                   ) -> list[tuple[int, int | None, str | None]]:
    """The offices a registry ``source`` note lists: ``(first year, last year or None while
    in office, group of the office)``, the group from the office's title
    (:func:`infer_group_from_role`; None when the title says nothing). The office of the
    row's ``role`` has the row's ``group`` (the registry's decision, e.g. a member of
    Congress coded with the city she represents).

    Examples
    --------
    >>> office_periods("Acting ICE Director 2017-2018; White House border czar 2025-")
    [(2017, 2018, 'administration'), (2025, None, 'administration')]
    >>> office_periods("Governor of Florida 2011-2019; U.S. Senator 2019-")
    [(2011, 2019, 'local_officials'), (2019, None, 'other')]
    >>> office_periods("Acting ICE Director January-February 2025")
    [(2025, 2025, 'administration')]
    >>> office_periods("Press secretary to Florida Gov. Ron DeSantis from 2023",
    ...                role="Spokesman for Florida Gov. Ron DeSantis", group="local_officials")
    [(2023, None, 'local_officials')]
    """
    periods: list[tuple[int, int | None, str | None]] = []
    for part in re.sub(r"\([^()]*\)", "", source).split(";"):
        years = list(_YEARS.finditer(part))
        if not years:
            continue
        title = part[:years[0].start()].strip(" ,")
        inferred = ("administration" if _FEDERAL_TITLE.search(title) else
                    infer_group_from_role(title)) if title else None
        for m in years:
            start = int(m.group("start"))
            # ``2017-`` and ``from 2023`` are still in office; ``2017`` alone is one year
            dash = m.group(0).rstrip().endswith(("-", "\u2013")) or \
                m.group(0).startswith("from")
            end = int(m.group("end")) if m.group("end") else (None if dash else start)
            # the row's own office: named in its role, or held now when the role gives no
            # years (``Spokesman for Gov. X`` and ``... from 2023``)
            own = group and (_same_office(title, role) or end is None and
                             role and not _YEARS.search(role))
            periods.append((start, end, group if own else inferred))
    return periods


@lru_cache(maxsize=4096)
def group_in_year(source: str, year: int, default: str, role: str = "") -> str:
    """A registered person's group in ``year``, from the offices of their ``source`` note:
    the group of the offices held that year when they agree; ``other`` after every office
    has ended (a former official), or between two federal offices (``Tom Homan`` between
    ICE and the White House); otherwise ``default`` (a year before the first office listed,
    or offices that disagree or say nothing). The coding guideline's group is the role at
    the time.

    Examples
    --------
    >>> src = "Acting ICE Director 2017-2018; White House border czar 2025-"
    >>> [group_in_year(src, y, "administration") for y in (2017, 2021, 2025)]
    ['administration', 'other', 'administration']
    >>> group_in_year("Governor of Florida 2011-2019; U.S. Senator 2019-", 2015, "other")
    'local_officials'
    >>> group_in_year("Mayor of Boston 2021-", 2019, "local_officials")  # before: kept
    'local_officials'
    >>> group_in_year("Mayor of Boston 2014-2021", 2024, "local_officials")
    'other'
    >>> pressley = "U.S. Representative (MA-07) 2019-; Boston City Council 2010-2019"
    >>> group_in_year(pressley, 2020, "local_officials", role="U.S. Representative, MA-07")
    'local_officials'
    """
    periods = office_periods(source, role, default)
    held = {g for a, b, g in periods if a <= year and (b is None or year <= b)}
    if held:
        return held.pop() if len(held) == 1 and None not in held else default
    periods = [p for p in periods if p[2] is not None]  # offices whose group is known
    if not periods:
        return default
    if all(b is not None and b < year for _, b, _ in periods):
        return "other"  # every office ended: a former official
    before = [(b, g) for _, b, g in periods if b is not None and b < year]
    after = [(a, g) for a, _, g in periods if a > year]
    if before and after and max(before)[1] == "administration" == min(after)[1]:
        return "other"  # out of federal office between two terms
    return default


def as_registry(actors: ActorRegistry | pd.DataFrame | str | Path | None = None
                ) -> ActorRegistry:
    """The registry for ``actors``: itself, one built from a table or CSV path, or (for
    ``None``) the shipped registry, built once per process and shared (read-only).

    Examples
    --------
    >>> as_registry() is as_registry()
    True
    """
    if isinstance(actors, ActorRegistry):
        return actors
    if actors is None:
        return _default_registry()
    return ActorRegistry(actors)


@lru_cache(maxsize=1)
def _default_registry() -> ActorRegistry:
    return ActorRegistry()
