"""Roles: a speaker's role from anywhere in the article, for speakers the quote leaves unknown.

Reporters give a person's role once, often far from the quote: a title before the name
(``Springfield Mayor Dana Ortiz``), an appositive after it (``Lee Park, a spokesman for the
sheriff's office``; ``R.J. Moss, who's the ICE field office director``) or before it (``A
staff attorney at ACLU, Priya Malhotra,``). When the extractor could not group a named
speaker from the attribution, :func:`find_roles` collects these role phrases for every mention
of the speaker's full name or surname, in text order, and :func:`group_from_article` maps the
first phrase that names a role to a group with the same role cues as everywhere else
(:func:`corpus_tools.actors.infer_group_from_role`). The speaker's name is cut out of each
phrase first, so a name never decides a group. A role that names an organisation
(``a spokeswoman for the Oregon Department of Corrections``, ``Juntos executive director``,
``Ana Soto of ORG``) gives the group of that organisation's type
(:func:`corpus_tools.actors.organization_type`) or of the role the article gives it (``the
group Juntos``); a speaker that is itself an organisation is grouped by its type.
``unknown`` stays where the article states no role. All patterns are bounded (no nested
quantifiers), so the pass is linear in the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from corpus_tools._nltk import nltk_module
from corpus_tools.actors import (
    _STATE_NAMES,
    TITLE_WORDS,
    Actor,
    ActorRegistry,
    as_registry,
    group_from_organization,
    infer_group_from_role,
)

#: Words that are part of a role before a name (titles, places, organisations): capitalised
#: words and abbreviations, a few lower-case joiners.
_TITLE_WORD = (r"(?:[A-Z][\w.\u2019'&-]*|of|the|for|and|de|del|state|county|city|acting|deputy|"
               r"executive|director|president|founder|co-founder|organizer|coordinator|"
               r"chair(?:man|woman)?|manager|native|resident|immigrant|ally|activist)")
_TITLE_BEFORE = re.compile(rf"((?:{_TITLE_WORD}[ \t]+){{1,7}})$")
#: ``, a spokesman for X,`` / ``, who's the ICE field office director in Boston,``
_APPOSITIVE_AFTER = re.compile(r"^,[ \t]+(?:who(?:[\u2019']s|[ \t]+is|[ \t]+was|[ \t]+"
                               r"serves[ \t]+as|[ \t]+leads|[ \t]+heads)[ \t]+|"
                               # ``, working Tuesday as an attorney in the Rapid Response Network``
                               r"(?:working|serving|who[ \t]+works|who[ \t]+worked)(?:[ \t]+\w+)?"
                               r"[ \t]+as[ \t]+)?"
                               r"((?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|whose|[A-Z][\w.\u2019'&-]*|"
                               r"(?:executive|deputy|assistant|senior|acting|chief|founding|"
                               r"co-?founder|founder|director|president|chair\w*|head|member|"
                               r"spokes\w+|leader|organizer|attorney|lawyer|manager|officer|"
                               r"secretary|commissioner|supervisor|coordinator)|"
                               # ``, staff attorney with X``, ``, policy director for X``
                               r"(?:[a-z][\w-]*[ \t]+){1,2}(?=(?:attorney|lawyer|counsel|"
                               r"director|organizer|manager|officer|coordinator|analyst|"
                               r"advocate|spokes\w+)\b))\b"
                               r"[^,.;:\"\u201c\u201d()\n]{0,120})")
#: ``A staff attorney at ACLU, Priya Malhotra,``: the phrase ends with ", " just before
#: the name. A possessive name may stand for the article (``New York's attorney general,
#: Letitia James,``); it is kept in the phrase, since it says whose office it is.
_APPOSITIVE_BEFORE = re.compile(r"(?:^|[.;:\n\"\u201c\u201d]\s*|\b)(?:(?:[Aa]n?|[Tt]he|[Hh]is|"
                                r"[Hh]er|[Ii]ts|[Tt]heir)[ \t]+|(?=(?:[A-Z][\w.-]*[ \t]+){0,2}"
                                r"[A-Z][\w.-]*[\u2019']s[ \t]+[a-z]))"
                                r"([^,.;:\"\u201c\u201d\n]{3,100}),[ \t]+$")
#: ``Ana Soto of ORG``: the organisation a person is named with.
_OF_ORG_AFTER = re.compile(r"^[ \t]+(?:of|from|with)[ \t]+(?:the[ \t]+)?"
                           r"(?P<org>[A-Z][\w.&\u2019'-]*(?:[ \t]+(?:of|for|and|the|"
                           r"[A-Z][\w.&\u2019'-]*)){0,6})")
#: ``Immigrant activists with the group Juntos``: how an organisation is introduced.
_GROUP_BEFORE = re.compile(r"([^.;:\n\"\u201c\u201d]{0,80}\b(?:group|organization|organisation|"
                           r"nonprofit|coalition|network))[ \t]+$")
#: ``ORG (Its Full Name in Spanish)``: an expansion or gloss.
_PAREN_AFTER = re.compile(r"^[ \t]*\(([^()\n]{3,120})\)")
#: An appositive that names whom a spokesperson speaks for (``spokesperson for the X``).
_NAMES_ITS_OWNER = re.compile(r"\b(?:for|of|at|with)[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+)?[A-Z]")
#: Spokespeople speak for the organisation named in their sentence.
_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person)|press (?:secretary|officer)|public "
                     r"information officer|communications director)\b", re.I)
_WINDOW = 160
#: An organisation named in a role phrase: at its start (``Juntos executive director``) or
#: after a preposition of belonging (``a spokeswoman for the Oregon Department of
#: Corrections``), not the object of a verb (``who sued the Justice Department``).
_ORG_IN_ROLE = re.compile(r"(?:^|\b(?:of|for|at|with|from|in)[ \t]+)(?:the[ \t]+)?"
                          r"(?P<org>[A-Z][\w.&\u2019'-]*(?:[ \t]+(?:of|for|and|the|on|"
                          r"[A-Z][\w.&\u2019'-]*)){0,8})")
#: A speaker string that is itself an organisation's name: an acronym or several words.
_ORG_SPEAKER = re.compile(r"^(?:[A-Z]{2,6}|\S+(?:[ \t]+\S+)+)$")


def _mentions(raw: str, name: str) -> Iterator[tuple[int, int]]:
    """Spans of the full name, then of the surname alone (whole words), in text order."""
    parts = name.split()
    forms = [name] if len(parts) == 1 else [name, parts[-1]]
    spans = set()
    for form in forms:
        if len(form) < 3:
            continue
        for m in re.finditer(rf"(?<![\w]){re.escape(form)}(?![\w])", raw):
            spans.add((m.start(), m.end()))
    yield from sorted(spans)


def _clause_before(raw: str, start: int, end: int) -> str:
    """The paragraph's text before a spokesperson's mention (at most :data:`_WINDOW`
    characters) and the rest of the mention's line up to the next comma or full stop: where
    the organisation they speak for is named (``X officials ..., according to Sgt. Y, a
    spokesman``)."""
    lo = raw.rfind("\n", max(0, start - _WINDOW), start)
    lo = lo + 1 if lo >= 0 else max(0, start - _WINDOW)
    stops = [i for i in (raw.find(".", end, end + _WINDOW), raw.find("\n", end, end + _WINDOW))
             if i != -1]
    return raw[lo:start] + " " + raw[end:min(stops) if stops else end + _WINDOW]


def find_roles(raw: str, name: str) -> list[str]:
    """Role phrases attached to mentions of ``name`` in ``raw``, in text order.

    Examples
    --------
    >>> text = ("Denver Mayor Mike Johnston spoke first. Later, Johnston, who leads the "
    ...         "city, said more.")
    >>> find_roles(text, "Mike Johnston")
    ['Denver Mayor', 'the city']
    """
    roles: list[str] = []
    for start, end in _mentions(raw, name):
        before = raw[max(0, start - _WINDOW):start]
        after = raw[end:end + _WINDOW]
        m = _TITLE_BEFORE.search(before)
        if m and m.group(1).strip():
            roles.append(" ".join(m.group(1).split()))
        m = _APPOSITIVE_AFTER.match(after)
        if m:
            roles.append(" ".join(m.group(1).split()))
        m = _APPOSITIVE_BEFORE.search(before)
        if m:
            roles.append(" ".join(m.group(1).split()))
        m = _GROUP_BEFORE.search(before)
        if m:
            roles.append(" ".join(m.group(1).split()))
        m = _PAREN_AFTER.match(after)
        if m:
            roles.append(" ".join(m.group(1).split()))
        if roles and _SPOKES.search(roles[-1]) and not _NAMES_ITS_OWNER.search(roles[-1]):
            roles.append(_clause_before(raw, start, end))
    # Whole names and surnames never count as roles.
    cleaned = []
    for role in roles:
        for part in {name, *name.split()}:
            role = role.replace(part, " ")
        role = " ".join(role.split())
        if role and role not in cleaned:
            cleaned.append(role)
    return cleaned


def _organisations_named_with(raw: str, name: str) -> list[str]:
    """Organisations a person is named with (``Ana Soto of ORG``), in text order."""
    orgs = []
    for _, end in _mentions(raw, name):
        m = _OF_ORG_AFTER.match(raw[end:end + _WINDOW])
        org = m.group("org").rstrip(".") if m else ""
        if org and org not in orgs:
            orgs.append(org)
    return orgs


def _organisations_in_roles(raw: str, name: str) -> list[str]:
    """Organisations a role phrase names (``Juntos executive director``)."""
    orgs = [_trim_org(m.group("org")) for role in find_roles(raw, name)
            for m in _ORG_IN_ROLE.finditer(role)]
    return [org for org in orgs if len(org) > 2]


def _trim_org(org: str) -> str:
    """An organisation's name without a trailing full stop or joiner (``Causa and``)."""
    words = org.rstrip(".").split()
    while words and words[-1] in ("of", "for", "and", "the", "on"):
        words.pop()
    return " ".join(words)


def group_from_article(raw: str, name: str, _depth: int = 0,
                       registry: ActorRegistry | None = None) -> tuple[str | None, str]:
    """The group implied by the first role the article gives ``name``, and that role.

    A role that names an organisation of the registry (``president of ORG``) gives that
    organisation's group.

    Parameters
    ----------
    raw : str
        The article.
    name : str
        The speaker's name as the article gives it.
    registry : ActorRegistry, optional
        Defaults to the shipped registry.

    Returns
    -------
    (str or None, str)
        The group and the role phrase it comes from; ``(None, "")`` if no role gives one.

    Examples
    --------
    >>> group_from_article("R.J. Moss, who's the ICE field office director, disagrees.",
    ...                    "R.J. Moss")
    ('administration', 'the ICE field office director')
    >>> group_from_article("Ana Diaz went home.", "Ana Diaz")
    (None, '')
    >>> group_from_article("TRAC director Ana Diaz went home.", "Ana Diaz")
    ('other', 'TRAC director')
    """
    registry = as_registry(registry)
    for role in find_roles(raw, name):
        group = infer_group_from_role(role) or _group_of_org_in(role) or \
            _group_of_registered_org(role, registry)
        if group:
            return group, role
    if _ORG_SPEAKER.match(name.strip()):
        group = group_from_organization(name)  # the speaker is an organisation
        if group:
            return group, name
    if not _depth:  # “Ana Soto of ORG”: the role the article gives ORG
        for org in _organisations_named_with(raw, name) + _organisations_in_roles(raw, name):
            group = group_from_article(raw, org, 1, registry)[0]
            if group:
                return group, org
    return None, ""


def _group_of_registered_org(role: str, registry: ActorRegistry,
                             opening: bool = False) -> str | None:
    """The group of an organisation of the registry a role phrase names (``OFIR
    President``); people named in a role (``Trump's adviser``) do not count. With
    ``opening``, only an organisation that opens a title owns it (``NAACP Bucks County
    President``: the NAACP's, whatever *County* says).

    Examples
    --------
    >>> _group_of_registered_org("NAACP Bucks County President", as_registry(), True)
    'advocates'
    >>> _group_of_registered_org("a lawyer suing ICE", as_registry(), True) is None
    True
    """
    found = registry.find(role)
    if found is None or found[0].kind != "organization":
        return None
    if opening and (found[1].start > 0 or not role[:1].isupper() or
                    role.split()[-1].lower().strip(".,") not in TITLE_WORDS):
        return None
    return found[0].group


def _group_of_org_in(role: str) -> str | None:
    """The group of the first organisation a role phrase names whose type is known."""
    for m in _ORG_IN_ROLE.finditer(role):
        group = group_from_organization(_trim_org(m.group("org")))  # “the Department of”
        if group:
            return group
    return None


#: Speakers an article names only collectively: ``the state`` (its government, in a filing or
#: a statement), ``Ohio officials``, ``the high court``.
_THE_STATE = re.compile(r"^(?:the[ \t]+)?state(?:[ \t]+government)?$", re.I)
_STATE_OFFICIALS = re.compile(rf"^(?:the[ \t]+)?(?:{_STATE_NAMES}|[Ss]tate)[ \t]+(?:officials|"
                              r"authorities|lawmakers|leaders|prosecutors|attorneys|lawyers)$")
_THE_COURT = re.compile(r"^(?:the[ \t]+)?(?:high|supreme|appeals|appellate|district|federal|"
                        r"lower)?[ \t]*court$", re.I)
_STATE_NAME = re.compile(rf"\b{_STATE_NAMES}\b")
#: A court's name: capitalised words ending in ``Court`` (``the Supreme Judicial Court``).
_COURT_NAME = re.compile(r"\b((?:[A-Z][\w.\u2019'-]*[ \t]+){1,5})Court\b")


def collective_speaker(raw: str, speaker: str, pos: int) -> tuple[str, str | None]:
    """The speaker and group of a speaker the article names collectively, or
    ``(speaker, None)``.

    ``the state`` speaks for the state named last before ``pos`` (its name when the article
    gives one) and is a local official, as are ``Ohio officials`` and ``state lawmakers``
    (state government: see the coding guideline); ``the high court`` is the court named last
    before ``pos`` and, like every court, ``other``. The scans are linear in ``raw[:pos]``.

    Parameters
    ----------
    raw : str
        The article.
    speaker : str
        The speaker as the extractor found it.
    pos : int
        Where the speaker is mentioned: only names before it count.

    Returns
    -------
    (str, str or None)
        The speaker (named if the article names it) and its group, or None.

    Examples
    --------
    >>> text = "Vermont sued on Monday. In its brief, the state said the rule was void."
    >>> collective_speaker(text, "the state", text.index("the state"))
    ('Vermont', 'local_officials')
    >>> collective_speaker(text, "Vermont officials", 0)
    ('Vermont officials', 'local_officials')
    >>> text = "The Tri-County Appeals Court ruled. The high court said no."
    >>> collective_speaker(text, "the high court", 40)
    ('Tri-County Appeals Court', 'other')
    >>> collective_speaker(text, "the neighbours", 40)
    ('the neighbours', None)
    """
    speaker = " ".join(speaker.split())
    if _THE_STATE.match(speaker):
        names = _STATE_NAME.findall(raw, 0, pos)
        return (names[-1] if names else speaker), "local_officials"
    if _STATE_OFFICIALS.match(speaker):
        return speaker, "local_officials"
    if _THE_COURT.match(speaker):
        courts = [m.group(0) for m in _COURT_NAME.finditer(raw, 0, pos)]
        name = re.sub(r"^(?:The|the)[ \t]+", "", courts[-1]) if courts else speaker
        return name, "other"
    return speaker, None


#: A lawsuit or complaint quoted as the speaker (``the lawsuit reads``, ``the suit alleges``).
_LAWSUIT_SPEAKER = re.compile(r"^(?:the|a|an|their|its)[ \t]+(?:[\w-]+[ \t]+)?(?:lawsuit|suit|"
                              r"complaint|petition)$", re.I)
#: Who sued, at a sentence's start: ``The agency sued the city``, ``Two groups, X and Y, have
#: filed a lawsuit``. Bounded (at most 150 characters of subject), so linear in the text.
_SUED = re.compile(r"(?P<who>[A-Z][^.;:!?\n\u201c\u201d\"]{0,150}?)[ \t]+(?:has[ \t]+|have"
                   r"[ \t]+|had[ \t]+)?(?:sued|filed[ \t]+(?:a[ \t]+|the[ \t]+|their[ \t]+|"
                   r"its[ \t]+)?(?:law)?suit|brought[ \t]+(?:a[ \t]+)?(?:law)?suit)\b")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?][ \t])|(?<=[.!?][\u201d\"][ \t]))(?=[A-Z])", re.M)
_CLAUSE_OPENER = re.compile(r"^(?:In|On|At|Last|After|Before|Earlier|Later|This|That|When|"
                            r"Since|On\s+\w+day)\b")


def plaintiff(raw: str, pos: int) -> str | None:
    """Who filed the lawsuit an article quotes at ``pos``: the subject of the last sentence
    before it that says someone sued, or None.

    Parameters
    ----------
    raw : str
        The article.
    pos : int
        Where the lawsuit is quoted.

    Returns
    -------
    str or None
        The plaintiff's name (the first named in an appositive list), without a leading
        *the*.

    Examples
    --------
    >>> plaintiff("Yet the Harbor Port Authority sued the county. The suit says it erred.", 60)
    'Harbor Port Authority'
    >>> plaintiff("The agency sued the county. The suit says it erred.", 40) is None
    True
    >>> plaintiff("Two groups, Harbor Watch and the Tern Society, have sued. It says.", 60)
    'Harbor Watch'
    >>> plaintiff("Nobody went to court.", 20) is None
    True
    """
    found = None
    for start in _SENTENCE_START.finditer(raw, max(0, pos - 3000), pos):
        m = _SUED.match(raw, start.start(), pos)
        if m:
            found = m.group("who")
    if found is None:
        return None
    parts = [p.strip() for p in found.split(",") if p.strip()]
    for part in parts:
        words = part.split()
        if _CLAUSE_OPENER.match(part) and len(parts) > 1:
            continue  # “In March, the ACLU sued”
        if any(w[:1].isupper() for w in words[1:]) or words[0].isupper():
            name = re.split(r"[ \t]+and[ \t]+", part)[0]
            return re.sub(r"^(?:(?:Yet|But|And|So|Now|Then)[ \t]+)?(?:[Tt]he[ \t]+)?", "", name)
    return None


def lawsuit_speaker(raw: str, speaker: str, pos: int) -> str | None:
    """The plaintiff (:func:`plaintiff`) when ``speaker`` is a lawsuit or complaint (``the
    lawsuit``, ``the suit``), else None.

    Examples
    --------
    >>> text = "Harbor Watch sued the port. The lawsuit says the port lied."
    >>> lawsuit_speaker(text, "The lawsuit", text.index("The lawsuit"))
    'Harbor Watch'
    >>> lawsuit_speaker(text, "Harbor Watch", 0) is None
    True
    """
    if not _LAWSUIT_SPEAKER.match(" ".join(speaker.split())):
        return None
    return plaintiff(raw, pos)


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (NLTK's ``edit_distance``, loaded without ``import nltk``)."""
    return nltk_module("nltk.metrics.distance").edit_distance(a, b)


#: A first name and a surname (``Dana Ortiz``), for :func:`misspelt_surname`.
_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)[ \t]+(?=([A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?)\b)")


def full_names(raw: str) -> dict[str, set[tuple[str, str]]]:
    """Every ``First Last`` pair of the article, by the first three letters of the surname:
    the index :func:`misspelt_surname` searches (built once per article, in one pass).

    Examples
    --------
    >>> full_names("Dana Whitcombe spoke.")
    {'Whi': {('Dana', 'Whitcombe')}}
    """
    index: dict[str, set[tuple[str, str]]] = {}
    for m in _FULL_NAME.finditer(raw):
        index.setdefault(m.group(2)[:3], set()).add((m.group(1), m.group(2)))
    return index


def misspelt_surname(raw: str, surname: str,
                     index: dict[str, set[tuple[str, str]]] | None = None) -> str | None:
    """The full name an article gives a person whose surname it later misspells (``Dana
    Ortiz`` for ``Ortis``): the one full name whose surname shares the first three letters
    and is at most two edits away. None if there is no such name or more than one.

    ``index`` is :func:`full_names` of ``raw``, for callers that ask about many surnames.

    Examples
    --------
    >>> misspelt_surname("County Manager Dana Whitcombe spoke. Later Whitcomb said no.",
    ...                  "Whitcomb")
    'Dana Whitcombe'
    >>> misspelt_surname("Dana Whitcombe and Lee Whitcomber spoke.", "Whitcomb") is None
    True
    """
    if len(surname) < 5 or not surname[:1].isupper():
        return None
    pairs = (index if index is not None else full_names(raw)).get(surname[:3], ())
    found = {(first, last) for first, last in pairs
             if last != surname and abs(len(last) - len(surname)) <= 2 and
             _edit_distance(last, surname) <= 2}
    names = {last for _, last in found}
    if len(names) != 1:
        return None
    first = sorted(f for f, _ in found)[0]
    return f"{first} {names.pop()}"


#: Capitalised words of a registry row's role and organisation that name no place or body
#: of its own (``Mayor of Denver``: only ``Denver`` tells which article is about it).
_GENERIC_ROLE_WORDS = frozenset("""city county state states united department office mayor
governor attorney general secretary director homeland security immigration customs
enforcement border protection justice president police sheriff commissioner acting deputy
former senator representative chief democratic republican house white federal national
administration council district court senate assembly board public agency service services
commission bureau patrol chair executive washington""".split())


_SHERIFF = re.compile(r"\b[Ss]heriff\b")


def registered_surname(raw: str, surname: str,
                       registry: ActorRegistry | None = None) -> Actor | None:
    """The registered person a bare surname names, when the article names the place or
    organisation of exactly one registered person of that surname (``Johnston``, in an
    article that mentions Denver, is Denver's mayor Mike Johnston); or None. The registry
    keeps such surnames out of its aliases (too common to match on their own): the
    article's own words must point to the person.

    Examples
    --------
    >>> registered_surname("In Denver, Johnston said no.", "Johnston").name
    'Mike Johnston'
    >>> registered_surname("In Ohio, Johnston said no.", "Johnston") is None
    True

    A sheriff's title in the article points to a sheriff who is the only registered person
    of that surname (``the sheriff`` and ``Hodgson``):

    >>> registered_surname("The sheriff was angry. Hodgson said no.", "Hodgson").name
    'Thomas Hodgson'
    """
    people = as_registry(registry).surnames.get(surname, [])
    named = [actor for actor, written in people if _names_place_of(raw, written)]
    if len(named) == 1:
        return named[0]
    if len(people) == 1 and "sheriff" in people[0][1].lower() and _SHERIFF.search(raw):
        return people[0][0]  # the one registered person of the surname, a sheriff
    return None


def _names_place_of(raw: str, written: str) -> bool:
    """Whether ``raw`` names a place or organisation of a registry row's role
    (``written``), other than a generic office word."""
    words = sorted({w for w in re.findall(r"[A-Z][a-z]{3,}", written)
                    if w.lower() not in _GENERIC_ROLE_WORDS})
    return any(re.search(rf"(?<![\w-]){w}(?![\w-])", raw) for w in words)


#: Words of a title before a name besides :data:`corpus_tools.actors.TITLE_WORDS`
#: (``U.S. District Judge``, ``Senate President Pro Tem``).
_TITLE_EXTRA = frozenset("u.s. us federal district circuit magistrate state county city senate "
                         "house pro tem".split())
#: Lower-case particles of a surname (``de León``).
_PARTICLES = frozenset("de del la van von der da di du le bin al".split())


def split_title(speaker: str) -> tuple[str, str]:
    """A speaker string cut into the title before the name and the name.

    Parameters
    ----------
    speaker : str
        A speaker as an attribution gives it (``U.S. District Judge Ana Ruiz``).

    Returns
    -------
    (str, str)
        The title (empty if none) and the name; ``("", speaker)`` when the words after
        the title are not a name.

    Examples
    --------
    >>> split_title("U.S. District Judge Ana B. Ruiz")
    ('U.S. District Judge', 'Ana B. Ruiz')
    >>> split_title("Sen. de Vries")
    ('Sen.', 'de Vries')
    >>> split_title("Chief Deputy")
    ('', 'Chief Deputy')
    >>> split_title("Lena Ostrowski")
    ('', 'Lena Ostrowski')
    """
    words = speaker.split()
    cut = 0
    while cut < len(words) - 1 and (words[cut].lower() in TITLE_WORDS or
                                    words[cut].lower() in _TITLE_EXTRA):
        cut += 1
    name = words[cut:]
    if not cut or not name or not all(w[:1].isupper() or w in _PARTICLES for w in name) or \
            not name[-1][:1].isupper() or name[-1].lower() in TITLE_WORDS:
        return "", speaker
    return " ".join(words[:cut]), " ".join(name)


def resolve_unknown_groups(raw: str, quotes: pd.DataFrame) -> pd.DataFrame:
    """Give named speakers left ``unknown`` the group of a role stated elsewhere in ``raw``.

    Only rows with ``group == "unknown"`` and a capitalised speaker name change; their
    ``group_source`` becomes ``"article_role"``. Other rows are returned as they were.
    """
    speakers = quotes["speaker"].fillna("").astype(str)
    unknown = (quotes["group"] == "unknown") & speakers.str.match(r"[A-Z]")
    if not unknown.any():
        return quotes
    out = quotes.copy()
    cache: dict[str, str | None] = {}
    for i in out.index[unknown]:
        name = str(out.at[i, "speaker"]).strip()
        if name not in cache:
            cache[name] = group_from_article(raw, name)[0]
        if cache[name]:
            out.at[i, "group"] = cache[name]
            out.at[i, "group_source"] = "article_role"
    return out
