"""Mentions: people and organisations the narration names, as antecedents (step 4).

:func:`_narration_mentions` finds people named as speaking or with a title
(``Ana Ruiz, an organizer with X, said``; ``Gov. JB Pritzker``), organisations and
descriptions; the roster maps surnames of unregistered people back to their full names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from corpus_tools.actors import _MODIFIER, GROUPS, TITLE_WORDS, Actor, infer_group_from_role
from corpus_tools.quotes.cues import _PARTY_AFTER, _VERB
from corpus_tools.quotes.names import (
    _NOT_NAME,
    _ORG_HEADS,
    _PLACE_HEADS,
    _ROLE_WORDS,
    _STATE_NAMES,
    _first_name_gender,
    _gender_of,
    _inside_longer_name,
    _name_in,
    _pronoun_gender,
)
from corpus_tools.quotes.state import (
    _actor_stub,
    _Context,
    _copy_speaker,
    _last_match,
    _latest,
    _Quote,
    _word_positions,
)
from corpus_tools.roles import _group_of_registered_org, registered_surname
from corpus_tools.tokenize import Token

#: A title followed by a capitalised name: ``Mayor Karen Bass``, ``Ald. Daniel La Spata``.
_TITLES = ("Mayor", r"Gov\.", "Governor", "Sheriff", "Councilor", "Councilman", "Councilwoman",
           r"Ald\.", "Alderman", r"Sen\.", "Senator", r"Rep\.", "Representative",
           "Congresswoman", "Congressman", "Secretary", "Director", "Commissioner", "Chief",
           "Judge", r"Dr\.", "Attorney General", "District Attorney", "President", r"Rev\.",
           "Reverend", "Pastor", "Father", "Rabbi", "Imam", "Bishop", "Assemblyman",
           "Assemblywoman", "Councilmember", "Council Member", r"U\.S\. Attorney",
           "Public Defender", "Federal Defender")


def _titles_at_word_start(titles: Sequence[str]) -> str:
    r"""``\b(?:t1|t2|...)`` for titles that start with a capital letter, written so that
    the regex engine can skip to their first letters: the titles grouped by that letter
    (in their order: the alternatives of one letter are tried as before; those of
    different letters never match at the same place), each group ``L(?<!\wL)(?:...)``
    (``\b`` before a letter is: no word character before it). A pattern led by ``\b`` is
    tried at every position; this one only where a title's first letter is.

    Examples
    --------
    >>> _titles_at_word_start(["Mayor", r"Gov\.", "Governor"])
    '(?:M(?<!\\wM)(?:ayor)|G(?<!\\wG)(?:ov\\.|overnor))'
    """
    by_letter: dict[str, list[str]] = {}
    for title in titles:
        by_letter.setdefault(title[0], []).append(title[1:])
    return "(?:" + "|".join(f"{c}(?<!\\w{c})(?:{'|'.join(rest)})"
                            for c, rest in by_letter.items()) + ")"


_TITLED_NAME = re.compile(_titles_at_word_start(_TITLES) + r"\s+"
                          r"(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-Z]\.)?"
                          r"(?:\s+[\"\u201c][A-Z][\w’'-]+[\"\u201d])?"  # Jesus “Chuy” Garcia
                          r"(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w’'-]+|"
                          r"(?:de|la|van|von|del)(?=\s+[A-ZÀ-ÖØ-Þ]))){1,3})")
#: ``, a Republican from Denison``: a legislator's hometown after the name.
_PARTY_FROM_AFTER = re.compile(r",[ \t]+an?[ \t]+(?:Republican|Democrat)[ \t]+from[ \t]+"
                               r"[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2}")
_NICKNAME = re.compile(r"\s+[\"\u201c][A-Z][\w’'-]+[\"\u201d]")
#: ``Siembra NC, a left-wing immigrant advocacy group`` -- an organisation in narration.
_ORG_APPOSITIVE = re.compile(r"(?P<org>[A-Z][\w.&\u2019'-]*(?:[ \t]+(?:of|for|and|the|"
                             r"[A-Z][\w.&\u2019'-]*)){0,7}),[ \t]+(?:a|an)[ \t]+"
                             r"(?P<role>(?:[\w-]+[ \t]+){0,4}(?:group|organization|"
                             r"organisation|coalition|nonprofit|network|alliance|union))\b")
#: An organisation named in the narration by its capitalised name (``the United Food and
#: Commercial Workers International Union``): the antecedent of ``the union``.
#: (This pattern and the others led by a capital letter test the character before it right
#: after that letter, ``X(?<![\w...]X)``: the same test as a lookbehind in front, but the
#: regex engine then skips straight to the capital letters instead of trying every place.)
_NAMED_ORG = re.compile(r"(?P<org>[A-Z](?<![\w\u2019'.-][A-Z])[\w.&\u2019'-]*(?:[ \t]+"
                        r"(?:of|for|and|on|[A-Z][\w.&\u2019'-]*)){0,8}?[ \t]+(?:Coalition|Union|"
                        r"Center|Centre|"
                        r"Association|Project|Network|Alliance|Institute|Foundation|Fund|League|"
                        r"Federation|Services|Church|Partnership|Collaborative|Clinic|Society|"
                        r"Charities))\b")
#: ``María, who asked that her last name not be used``: a person known by a first name.
#: ``Yesenia, a Tucson mother of three who asked that only her first name be used``;
#: ``identified only by his first name, Martín,``.
#: ``a man named Teodoro``; ``who identified himself only as Luis``.
_FIRST_NAME_ONLY = re.compile(r"(?<![\w\u2019'.-])(?P<name>[A-Z][^\W\d_]+),[ \t]+(?:an?[ \t]+"
                              r"[^,.;:\n]{1,80}?[ \t]+)?who[ \t]+[^,.;:\n]{0,160}?(?:last|full|"
                              r"family|first|sur)[ \t]*name|"
                              r"\bfirst[ \t]+name,[ \t]+(?P<name2>[A-Z][^\W\d_]+)\b|"
                              r"\b(?:named|only as|(?:identified|introduced)[ \t]+(?:him|her|"
                              r"them)sel(?:f|ves)[ \t]+as)[ \t]+(?P<name3>[A-Z][^\W\d_]+)\b"
                              r"(?![ \t]+[A-Z])|"
                              r"(?<![\w\u2019'.-])(?P<name4>[A-Z][^\W\d_]+),[ \t]+(?:an?[ \t]+)?"
                              r"\d{1,3}(?:-year-old)?[ \t,]")  # “Darwin, 34,”
#: ``Tomás Reyna, a retired machinist`` / ``Rosa Ibarra, 41,`` -- a person in narration.
#: ``C.M. Cronen, who's the ICE field office director``: initials open a name too.
_NAME_APPOSITIVE = re.compile(r"(?P<name>[A-ZÀ-ÖØ-Þ](?<![\w\u2019'.-][A-ZÀ-ÖØ-Þ])"
                              r"(?:\.(?:[ \t]?[A-Z]\.){0,2}|[\w\u2019'-]+)"
                              r"(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w\u2019'-]+){1,3}),[ \t]+"
                              r"(?:a|an|who(?:[\u2019']s)?|\d{1,3},)[ \t]")
#: ``Rosa Ibarra``: a known first name and a capitalised word (see ``first_names.txt``).
#: The surname is a lookahead, so ``Superintendent Angela Whitcomb`` still yields Angela.
_FIRST_LAST = re.compile(r"(?P<first>[A-Z](?<![\w\u2019'.-][A-Z])[^\W\d_]+)"
                         r"(?=[ \t]+(?P<last>[A-ZÀ-ÖØ-Þ][\w\u2019'-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ]"
                         r"[\w\u2019'-]+){0,2}))")  # two surnames: “Rosa Elena Quintero Díaz”
#: Where an appositive ends: a comma, a semicolon, a line break or a sentence's period
#: (not the one in ``U.S.``).
_APPOSITIVE_END = re.compile(r"[,;\n\u201c\u201d\"]|(?<=[a-z]{2})\.(?=\s)")
#: A role that points back at someone named before: ``Her spokesman, Kevin Odom`` (the
#: last woman's group), ``a staff attorney with the group`` (the last organisation's).
_STAFF_OF = re.compile(r"\b(?P<pron>[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:top\s+|chief\s+|"
                       r"senior\s+|executive\s+)?(?:[a-z]+\s+){0,2}?(?:spokes(?:man|woman|person)|"
                       r"press secretary|secretary|adviser|advisor|counsel|"
                       r"chief of staff|aide|deputy|communications director|office|president|"
                       r"director|chair(?:man|woman)?|leader|founder)\b")
#: A title set off before a name: ``Hennepin county's sheriff, Rosalind Achebe``.
_TITLE_BEFORE = re.compile(r"(?:^|[.;:\n\u201c\u201d\"]\s*|,\s+)"
                           r"(?P<title>[^,.;:\n\u201c\u201d\"]{1,50}?\b(?:sheriff|mayor|chief|"
                           r"director|spokes(?:man|woman|person)|secretary|commissioner|"
                           r"president|attorney|superintendent|chair(?:man|woman)?|leader|"
                           r"governor|council ?member|aide|chief of staff|office)"
                           r"(?:[ \t]+(?:for|of|with|at)[ \t]+the[ \t]+\w+)?),[ \t]*$", re.I)
_MEMBER_OF = re.compile(r"\b(?:with|for|of|at|from)\s+the\s+(?:group|organi[sz]ation|nonprofit|"
                        r"coalition|network|collaborative|alliance|clinic|agency|department)\b"
                        r"(?![\w\u2019'-])|"
                        r"\bthe\s+(?:group|organi[sz]ation|nonprofit)[\u2019']s\b")
#: ``of the National Immigrant Justice Center`` right after a name: who the person is with.
_AFFILIATION = re.compile(r"[ \t]+(?:of|with|from|at)[ \t]+(?:the[ \t]+)?[A-Z][^,.;:\n]{0,100}")
#: What every narration pattern needs (names and titles are capitalised; an unnamed
#: speaker is an ``official`` or a ``spokes...``).
_NARRATION_HINT = re.compile(r"[A-Z]|official|spokes")
#: What a paragraph needs for some patterns to match there (each a superset of what they
#: need, so skipping a paragraph without it changes nothing): a comma before ``a``/``an``,
#: ``who`` or a number (:data:`_ORG_APPOSITIVE`, :data:`_NAME_APPOSITIVE`); a ``name``,
#: ``only as`` or a comma before a number (``Darwin, 34,``): :data:`_FIRST_NAME_ONLY`, whose
#: other branches need ``...last name``, ``first name,`` or ``named``.
_APPOSITIVE_HINT = re.compile(r",[ \t]+(?:a|who|\d)")
_FIRST_NAME_HINT = re.compile(r"name|only as|sel(?:f|ves) as|,[ \t]+(?:an?[ \t]+)?\d")
#: Words of which a paragraph needs one for a pattern to match there, looked up with
#: ``str.find`` (first in the whole article, then in the paragraph: a regex alternation of
#: words is tried at every position): the unnamed speaker's noun (:data:`_NARRATED_DESC`),
#: an organisation's head word (:data:`_NAMED_ORG`), an appositive's organisation noun
#: (:data:`_ORG_APPOSITIVE`). (Not for long lists such as the reporting verbs: a word
#: the article lacks costs a scan of the whole article.)
_DESC_WORDS = ("official", "spokes", "sergeant", "officer", "deputy", "detective", "trooper",
               "lieutenant", "captain", "agent", "man", "mother", "father", "resident",
               "neighbo", "worker", "laborer", "student", "parent", "relative", "witness")
_ORG_WORDS = ("Coalition", "Union", "Center", "Centre", "Association", "Project", "Network",
              "Alliance", "Institute", "Foundation", "Fund", "League", "Federation", "Services",
              "Church", "Partnership", "Collaborative", "Clinic", "Society", "Charities")
_ORG_NOUNS = ("group", "organization", "organisation", "coalition", "nonprofit", "network",
              "alliance", "union")
#: ``Lawrence Benito, executive director of X, said the group...``: a person named in the
#: narration as speaking (two to five capitalised words, an optional appositive, a cue).
_NARRATED = re.compile(r"(?P<name>[A-ZÀ-ÖØ-Þ](?<![\w\u2019'.-][A-ZÀ-ÖØ-Þ])"
                       # a full stop only after an initial (``A.J.``, ``Thomas E. Perez``), so
                       # a name never runs on across sentences (``Gov. Jan Brewer. Jerrold``)
                       r"(?:\.|[\w\u2019'-]*(?<=\b[A-Z])\.|[\w\u2019'-]*)"
                       r"(?:[ \t]+[A-ZÀ-ÖØ-Þ](?:[\w\u2019'-]*(?<=\b[A-Z])\.|[\w\u2019'-]*)){1,4})"
                       r"(?P<app>(?:,[^,;:!?\u201c\u201d\"\n]{1,160}){1,2},)?,?\s+(?:" + _VERB +
                       r")\b")
#: ``Adams’s office``, ``Luna's spokeswoman``: speaks for the owner.
_OWNER = re.compile(r"^(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})[\u2019']s?\s+"
                    r"(?:office|spokesperson|spokesman|spokeswoman|press secretary|aides?|"
                    r"staff|team|campaign)\b")
#: Capitalised words just before a surname: ``Kevin`` in ``Her spokesman, Kevin Odom``.
_NAME_BEFORE = re.compile(r"(?:(?:[A-ZÀ-ÖØ-Þ][\w\u2019'-]*\.?|state|city|county)[ \t]+){1,4}$")
#: ``A senior DHS official, who requested anonymity, said the agency...``: an unnamed
#: speaker introduced in the narration, the antecedent of a later ``the official``.
_NARRATED_DESC = re.compile(r"(?<![\w-])(?P<desc>(?:[Aa]n?|[Oo]ne)\s+(?:[\w.-]+\s+){0,7}?(?:"
                            r"official|spokesperson|spokesman|spokeswoman|sergeant|officer|"
                            r"deputy|detective|trooper|lieutenant|captain|agent|"
                            r"(?P<private>woman|man|mother|father|resident|neighbou?r|worker|"
                            r"laborer|student|parent|relative|witness)))\b"
                            r"(?P<for>\s+(?:for|of|with|at)\s+[^,;:!?\u201c\u201d\"\n]{1,60}?)?"
                            r"(?P<app>,[^,;:!?\u201c\u201d\"\n]{1,160},)?\s+(?:\w+ly\s+)?"
                            r"(?:" + _VERB + r")\b")
#: Private people's nouns that say a gender (``A woman ... told Univision``: *she*).
_FEMALE_NOUNS = frozenset({"woman", "mother"})
_MALE_NOUNS = frozenset({"man", "father"})


#: ``Hall met with ICE officials ...`` at a sentence's start: a person named by surname
#: alone (an excerpt that begins after their introduction), the antecedent of a later *he*.
_SURNAME_SUBJECT = re.compile(r"(?:\A|(?<=\n)|(?<=[.!?\u201d\"]\s)|(?<=[.!?]\u201d\s))"
                              r"(?P<name>[A-Z][a-z][\w\u2019'-]*[a-rt-z])\s+(?:\w+ly\s+)?"
                              r"(?P<verb>" + _VERB + r"|met|spoke|argued|wrote|called)\b")


_STATES_LOWER = frozenset(_STATE_NAMES)
#: Collective nouns that open sentences as subjects (``Police said``) and end in no *s*.
_COLLECTIVE = frozenset("""police staff management leadership congress justice court media
press clergy public government city county state agency jury panel prosecution defense
administration everyone everybody someone somebody nobody anyone""".split())
_AFTER_PREPOSITION = re.compile(r"\b(?:at|in|from|to|of|near|outside|inside|into|for|with)"
                                r"[ \t]+$")
_INDEFINITE = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s")


def _group_by_reference(role: str, pos: int, ctx: _Context) -> str | None:
    """The group of whom a role points back at: ``her spokesman`` -> the last woman named
    before ``pos``; ``an attorney with the group`` -> the last organisation. None when the
    referent's group is not known."""
    staff = _STAFF_OF.search(role)
    pron = staff.group("pron").lower() if staff else ""
    if pron in ("his", "her"):
        ref = _latest(ctx.persons, pos, ctx, "m" if pron == "his" else "f")
    elif pron or _MEMBER_OF.search(role):  # “Its president”, “with the group”
        ref = _latest(ctx.organizations, pos, ctx)
    else:
        return None
    return ref.group if ref is not None and ref.group in GROUPS else None


def _add_to_roster(q: _Quote, ctx: _Context) -> None:
    """An unregistered person: later mentions of the surname refer to them."""
    surname = q.speaker.split()[-1]
    if surname in ctx.roster:
        return
    ctx.roster[surname] = q
    for pos, (pstart, pend) in _surname_mentions(surname, q.open_mark, ctx):
        ctx.persons.add((pos, ctx.sentence_start(pos, pstart, pend), q))


def _surname_mentions(surname: str, lo: int, ctx: _Context
                      ) -> Iterator[tuple[int, tuple[int, int]]]:
    """Where ``\\bsurname\\b`` occurs in the body paragraphs from ``lo`` on, with the
    paragraph, in text order (what ``re.finditer`` over each paragraph gives).

    Looked up in the article's word index, so each surname costs its own occurrences, not
    a pass over the text: a match starts a ``\\w+`` run, and that run is the surname's
    first one. A surname that does not start with a word character is scanned for.
    """
    pattern = re.compile(r"\b" + re.escape(surname) + r"\b")
    starts = ctx.paragraph_starts
    lead = re.match(r"\w+", surname)
    if lead is None:  # the pattern's own semantics, paragraph by paragraph
        for k in range(max(0, bisect.bisect_right(starts, lo) - 1), len(starts)):
            pstart, pend = ctx.paragraphs[k]
            for m in pattern.finditer(ctx.raw, max(pstart, lo), pend):
                yield m.start(), (pstart, pend)
        return
    positions = _word_positions(ctx).get(lead.group(), [])
    last_end = -1  # finditer's matches do not overlap
    for i in range(bisect.bisect_left(positions, lo), len(positions)):
        p = positions[i]
        k = bisect.bisect_right(starts, p) - 1
        if k < 0 or p < last_end or p >= ctx.paragraphs[k][1]:
            continue
        pstart, pend = ctx.paragraphs[k]
        m = pattern.match(ctx.raw, p, pend)
        if m is not None:
            last_end = m.end()
            yield p, (pstart, pend)


def _register(q: _Quote, ctx: _Context) -> None:
    if q.speaker:
        ctx.last = q
    if not q.speaker or q.group_source == "unknown" and not q.speaker[:1].isupper():
        return
    if q.speaker_kind == "person":
        known = ctx.roster.get(q.speaker.split()[-1])
        if known is not None and known.speaker == q.speaker and known.group == "unknown" \
                and q.group != "unknown":
            # the attribution said who they are (“State Senate Minority Leader ...”): later
            # mentions of the surname keep it
            known.group, known.group_source = q.group, q.group_source
        ctx.persons.add((q.open_mark, q.open_mark, q))
        if not q.actor_id and len(q.speaker.split()) >= 2:
            _add_to_roster(q, ctx)
    elif q.speaker_kind == "organization" or q.actor_id:
        ctx.organizations.add((q.open_mark, q.open_mark, q))


def _mentions_by_paragraph(raw: str, paragraphs: Sequence[tuple[int, int]], ctx: _Context
                           ) -> list[list[tuple[Actor, Token]]]:
    """``registry.find_all`` of each paragraph, from one pass over the whole text.

    Tokens never cross a paragraph break (they hold no whitespace), so the whole-text
    matches inside a paragraph are that paragraph's own, unless a multiword alias ran
    across a break: the paragraphs such a match touches are matched again on their own.
    """
    starts = [a for a, _ in paragraphs]
    found: list[list[tuple[Actor, Token]]] = [[] for _ in paragraphs]
    redo: set[int] = set()
    for actor, tok in ctx.registry.find_all(raw):
        first = bisect.bisect_right(starts, tok.start) - 1
        last = bisect.bisect_right(starts, tok.end - 1) - 1
        if first == last and first >= 0 and tok.end <= paragraphs[first][1]:
            found[first].append((actor, tok))
        elif last >= 0:  # across a break (or from outside the body into it)
            redo.update(k for k in range(max(first, 0), last + 1)
                        if tok.start < paragraphs[k][1] and tok.end > paragraphs[k][0])
    for k in sorted(redo):
        pstart, pend = paragraphs[k]
        found[k] = ctx.registry.find_all(raw[pstart:pend], pstart)
    return found


#: Words after which a name is still a clause's subject or a title's bearer.
_SUBJECT_AFTER = frozenset("""and but or that said says told added wrote asked when while
as if because since so then where whom who than according""".split())


def _weak_mention(raw: str, start: int, end: int, floor: int) -> bool:
    """Whether a name at ``raw[start:end]`` is a modifier, a possessive or the object of a
    verb or preposition (``the Trump administration``, ``Trump’s plans``, ``gave Trump``),
    not the subject a later *he* or *she* refers back to."""
    if _MODIFIER.match(raw, end) or raw.startswith(("\u2019s", "'s"), end):
        return True
    before = raw[max(floor, start - 30):start].split()
    prev = before[-1] if before else ""
    if not prev or not prev[:1].islower() or prev.endswith((",", ";", ":", "\u201d", '"')):
        return False  # (after a closing quote the name is the tag's subject)
    return prev.lower() not in TITLE_WORDS and prev.lower() not in _SUBJECT_AFTER


def _surname_unregistered(actor: Actor, ctx: _Context) -> bool:
    """Whether a registered person's surname alone is not one of their aliases (``Adams``
    for Eric Adams, kept out to spare the other Adamses): then the article's full mention
    lets a later bare surname refer back to them."""
    surname = actor.name.split()[-1]
    return len(actor.name.split()) >= 2 and surname[:1].isupper() and \
        not ctx.registry.has_alias(surname)


def _narration_mentions(raw: str, paragraphs: Sequence[tuple[int, int]],
                        ctx: _Context) -> None:
    """Registered actors mentioned in the narration, as antecedents for pronouns."""
    for k, mentions in enumerate(_mentions_by_paragraph(raw, paragraphs, ctx)):
        for actor, tok in mentions:
            stub = _actor_stub(actor, tok.start, tok.end)
            if actor.kind == "person":
                stub.weak = _weak_mention(raw, tok.start, tok.end, paragraphs[k][0])
                ctx.persons.add((tok.start, -1 - k, stub))
                if " " in tok.norm and not stub.weak and _surname_unregistered(actor, ctx):
                    _add_to_roster(stub, ctx)  # “Mayor Eric Adams ... Adams’s office said”
            else:
                ctx.organizations.add((tok.start, -1 - k, stub))
    # the words the article has (most paragraphs then need no look-up at all)
    org_words, org_nouns = _words_in(raw, _ORG_WORDS), _words_in(raw, _ORG_NOUNS)
    desc_words = _words_in(raw, _DESC_WORDS)
    for pstart, pend in paragraphs:
        if not _NARRATION_HINT.search(raw, pstart, pend):
            continue  # every pattern below needs a capital letter, ``official`` or ``spokes``
        for m in _TITLED_NAME.finditer(raw, pstart, pend):
            bare = _NICKNAME.sub("", m.group("name"))  # Jesus “Chuy” Garcia -> Jesus Garcia
            name = _name_in(bare) or bare  # “Mayor Pro Tem Keith ...”
            if ctx.registry.find(name) is not None or name.split()[-1] in ctx.roster:
                continue
            start = m.end("name") - len(name) if m.group("name").endswith(name) else \
                m.start("name")
            # the role: the words before the title (``Washington Attorney General``), and
            # an appositive after the name when the title alone says nothing (``the Rev. X,
            # the church's pastor``)
            role = raw[_title_start(raw, pstart, m.start()):m.end()]
            tag = _PARTY_AFTER.match(raw, m.end(), pend) or _PARTY_FROM_AFTER.match(raw, m.end(),
                                                                                pend)
            if tag:  # “Sen. Lupe Ortiz-Carrillo (D-Tucson)”, “Rep. X, a Republican from Denison”
                role += tag.group()  # a state legislator
            if infer_group_from_role(role) is None:
                role += " " + _role_context(raw, pstart, m.end(), m.end())
            _add_named_person(name, start, m.end("name"), role, ctx)
        for m in _NARRATED.finditer(raw, pstart, pend):
            if _AFTER_PREPOSITION.search(raw, max(pstart, m.start() - 12), m.start()) and \
                    not _first_name_gender(m.group("name").split()[0]):
                continue  # “a former guard who worked at Red Mesa until ..., said”
            app = (m.group("app") or "").strip(" ,")
            if app and _name_in(app) == app:  # “consul in San José, Rodrigo Bárcenas Lugo,”
                start = m.start("app") + m.group("app").find(app)
                if ctx.registry.find(app) is None and app.split()[-1] not in ctx.roster:
                    _add_named_person(app, start, start + len(app),
                                      _role_context(raw, pstart, m.start(), start), ctx)
                continue
            words = _name_in(m.group("name")).split()
            while words and words[0].lower() in _NOT_NAME:
                words.pop(0)
            if len(words) < 2:
                continue
            name = " ".join(words)
            if ctx.registry.find(name) is not None or words[-1] in ctx.roster:
                continue
            start = raw.find(name, m.start("name"), m.end("name"))
            if start < 0:  # the name was written with a line break or punctuation
                continue
            # the role: from the start of the clause (``White House Press Secretary``)
            # through the appositive
            _add_named_person(name, start, start + len(name),
                              _role_context(raw, pstart, start, start + len(name)), ctx)
        appositive = _APPOSITIVE_HINT.search(raw, pstart, pend) is not None
        for m in _ORG_APPOSITIVE.finditer(raw, pstart, pend) \
                if appositive and _has_word(raw, org_nouns, pstart, pend) else ():
            _add_organization(m.group("org"), m.start("org"), m.group("role"), ctx)
        named_org = _has_word(raw, org_words, pstart, pend)
        # “the United Food and ... Union”
        for m in _NAMED_ORG.finditer(raw, pstart, pend) if named_org else ():
            _add_organization(m.group("org"), m.start("org"), m.group("org"), ctx)
        first_name = _FIRST_NAME_HINT.search(raw, pstart, pend) is not None
        # “María, who asked that ...”
        for m in _FIRST_NAME_ONLY.finditer(raw, pstart, pend) if first_name else ():
            key = next(k for k in ("name", "name2", "name3", "name4") if m.group(k))
            if m.group(key).lower() in _NOT_NAME or m.group(key).lower() in _PLACE_HEADS:
                continue
            before = raw[max(pstart, m.start() - 30):m.start()].split()
            if key == "name4" and before and before[-1][:1].isupper():
                continue  # “Rosa Ibarra, 41,”: a surname, not a first name alone
            # the role: the description up to the name (“A deportation officer who has
            # worked out of ICE's Yakima sub-office ..., Russ”; not “Outside the county jail,”)
            lo = m.start() if key == "name" else \
                _clause_start(raw, pstart, m.start(), 240, ".;:\n\u201c\u201d\"")
            described = _last_match(_INDEFINITE, raw[lo:m.start()])
            role = raw[lo + (described.start() if described else 0):m.end()]
            _add_named_person(m.group(key), m.start(key), m.end(key), role, ctx,
                              roster=False, gender=_pronoun_gender(m.group()))
        for m in _NAME_APPOSITIVE.finditer(raw, pstart, pend) if appositive else ():
            _add_if_person(m.group("name"), m.start("name"), pstart, ctx)
        for m in _FIRST_LAST.finditer(raw, pstart, pend):
            if _first_name_gender(m.group("first")):
                _add_if_person(raw[m.start():m.end("last")], m.start(), pstart, ctx)
        for m in _SURNAME_SUBJECT.finditer(raw, pstart, pend):
            _add_if_surname(m.group("name"), m.start("name"), pstart, ctx)
        unnamed = _has_word(raw, desc_words, pstart, pend)
        for m in _NARRATED_DESC.finditer(raw, pstart, pend) if unnamed else ():
            app = (m.group("app") or "").strip(" ,")
            if app and _name_in(app) == app:
                continue  # “A spokeswoman for the group, Marisol Ortega, said”: she is named
            owner = _spokesperson_for(m.group("desc"), m.group("for") or "", ctx)
            if owner is not None:  # “A spokesperson for Gov. Jared Polis said”: Polis
                ctx.persons.add((m.start("desc"), m.start("desc"), owner))
                continue
            _add_description(m.group("desc"), m.start("desc"), ctx,
                             raw[_clause_start(raw, pstart, m.start()):m.end()],
                             gender=_description_gender(m.group("private") or "",
                                                        m.group("app") or ""))


def _words_in(raw: str, words: Sequence[str]) -> tuple[str, ...]:
    """The ``words`` that occur in ``raw`` (anywhere, as substrings), in their order.

    Examples
    --------
    >>> _words_in("The officer said", ("agent", "officer", "said"))
    ('officer', 'said')
    """
    return tuple(w for w in words if w in raw)


def _has_word(raw: str, words: Sequence[str], start: int, end: int) -> bool:
    """Whether one of ``words`` occurs in ``raw[start:end]`` (as ``re.search(raw, start,
    end)`` of their alternation would find), without slicing ``raw``.

    Examples
    --------
    >>> raw = "the officer said"
    >>> _has_word(raw, ("officer",), 0, 11), _has_word(raw, ("officer",), 0, 8)
    (True, False)
    """
    for w in words:
        if raw.find(w, start, end) >= 0:
            return True
    return False


def _clause_start(raw: str, lo: int, pos: int, reach: int = 80,
                  delimiters: str = ".;:\n\u201c\u201d\"") -> int:
    """Start of the clause holding ``pos``: after the last delimiter (``. ; :``, quote mark
    or line break) before it, looking back at most ``reach`` characters (not before
    ``lo``)."""
    lo = max(lo, pos - reach)
    return max(lo, *(raw.rfind(ch, lo, pos) + 1 for ch in delimiters))


def _role_context(raw: str, lo: int, start: int, end: int) -> str:
    """The words that say who a person named at ``raw[start:end]`` is: the title before the
    name in its clause (``DHS spokeswoman``; not past a comma, so ``..., County Executive``
    leaves out the clause before) and an appositive after it (``, a spokesman for ICE,``)."""
    head = _clause_start(raw, lo, start, 40, ".;:,\n\u201c\u201d\"")
    tail = end
    affiliation = _AFFILIATION.match(raw, end, end + 120)  # “Javier Montalvo of the ...”
    if affiliation:
        end = tail = affiliation.end()
    if raw[end:end + 1] == ",":
        stop = _APPOSITIVE_END.search(raw, end + 1, end + 160)
        tail = stop.start() if stop else min(len(raw), end + 160)
    return raw[head:tail]


def _title_start(raw: str, lo: int, pos: int) -> int:
    """Where a title's capitalised lead-in starts (``Washington`` of ``Washington Attorney
    General``; never a lower-case word, so ``tore into Newark Mayor X`` gives ``Newark``)."""
    lead = _NAME_BEFORE.search(raw, max(lo, pos - 40), pos)
    return lead.start() if lead else pos


def _add_if_person(text: str, start: int, pstart: int, ctx: _Context) -> None:
    """Add a name found in the narration to the roster, unless it is a registered actor,
    an organisation's name or already known."""
    words = text.split()
    while words and (words[0].lower() in _NOT_NAME or words[0].lower() in _ROLE_WORDS):
        words.pop(0)  # “Supervisor Marisol Ontiveros, who wrote the measure”
    while words and words[-1].lower().strip(".,") in _NOT_NAME:
        words.pop()  # “Maria Lopez Tuesday”
    if len(words) < 2 or words[-1].lower() in _ORG_HEADS | _PLACE_HEADS:
        return
    name = " ".join(words)
    if words[-1] in ctx.roster:
        if ctx.roster[words[-1]].speaker != name and _first_name_gender(words[0]):
            at = ctx.raw.find(name, start, start + len(text))
            # “Lidia Calderón”, after Ernesto Calderón: her own antecedent for “she said”
            _add_named_person(name, at, at + len(name), "", ctx, roster=False)
        return
    if ctx.registry.find(name) is not None:
        return
    at = ctx.raw.find(name, start, start + len(text))
    if _AFTER_PREPOSITION.search(ctx.raw, max(0, at - 12), at) and \
            not _first_name_gender(words[0]):
        return  # “held at Red Mesa, a former state prison”: a place
    _add_named_person(name, at, at + len(name),
                      _role_context(ctx.raw, pstart, at, at + len(name)), ctx)


def _add_if_surname(word: str, start: int, pstart: int, ctx: _Context) -> None:
    """A capitalised word that opens a sentence as the subject of a verb (``Hall met ...``):
    a person known by surname alone, unless it is a function word, a registered actor, an
    organisation's or place's head word, already known, or a word the article also writes
    in lower case (``Police said``: a noun)."""
    low = word.lower()
    if low in _NOT_NAME or low in _ROLE_WORDS or low in _ORG_HEADS | _PLACE_HEADS | \
            _COLLECTIVE or \
            word in ctx.roster or ctx.registry.find(word) is not None or \
            low in _STATES_LOWER or _word_positions(ctx).get(low) or \
            _full_name(word, start, ctx) is not None:  # “Dwayne Fisher ... Fisher said”
        return
    actor = registered_surname(ctx.raw, word, ctx.registry)
    if actor is not None:  # “Hall met ...” in an article about the Davidson County sheriff
        _add_to_roster(_actor_stub(actor, start, start + len(word)), ctx)
        return
    _add_named_person(word, start, start + len(word),
                      _role_context(ctx.raw, pstart, start, start + len(word)), ctx)


def _add_organization(org: str, start: int, role: str, ctx: _Context) -> None:
    """An organisation introduced in the narration with an appositive: the antecedent of a
    later ``the group`` / ``the coalition``."""
    words = org.split()
    while words and words[0].lower() in _NOT_NAME:
        words.pop(0)
    if not words or ctx.registry.find(" ".join(words)) is not None:
        return
    name = " ".join(words)
    stub = _Quote(start, start + len(org), -1, start, start + len(org), True)
    group = infer_group_from_role(f"{name}, a {role}")
    stub.speaker, stub.speaker_kind = name, "organization"
    stub.group, stub.group_source = (group, "role_cue") if group else ("unknown", "unknown")
    stub.role = role.lower()
    ctx.organizations.add((start, start, stub))


def _description_gender(noun: str, appositive: str) -> str:
    """``f``/``m`` for a private person's noun (``woman``) or appositive (``who identified
    herself as``), else ``""``."""
    noun = noun.lower()
    return "f" if noun in _FEMALE_NOUNS else "m" if noun in _MALE_NOUNS else \
        _pronoun_gender(appositive.replace("herself", "her").replace("himself", "him"))


def _add_description(desc: str, start: int, ctx: _Context, role: str,
                     gender: str = "") -> None:
    """An unnamed speaker introduced in the narration (``A senior DHS official``, ``A woman,
    who identified herself as a family acquaintance,``): the antecedent of a later ``the
    official`` or *she*, speaking for the organisation it names."""
    stub = _Quote(start, start + len(desc), -1, start, start + len(desc), True)
    stub.gender = gender
    found = ctx.registry.find(desc)
    if found is not None and _inside_longer_name(desc, found[1].start):
        found = None  # “Las Vegas Metropolitan Police Department” is not D.C.'s
    if found is not None and found[0].kind != "person":
        actor = found[0]
        stub.speaker, stub.actor_id, stub.group = actor.name, actor.actor_id, actor.group
        stub.group_source, stub.speaker_kind = "registry", actor.kind
    else:
        group = infer_group_from_role(role)
        stub.speaker, stub.speaker_kind = desc, "person"
        stub.group, stub.group_source = (group, "role_cue") if group else ("unknown", "unknown")
    stub.role = role.lower()
    ctx.persons.add((start, start, stub))  # an official is a person (``he said``)


def _spokesperson_for(desc: str, owner: str, ctx: _Context) -> _Quote | None:
    """``a spokesperson`` + `` for Gov. Jared Polis``: the person or agency spoken for (a
    copy whose role is the spokesperson's, so ``the spokesperson said`` finds it), or
    None."""
    if not owner or not desc.lower().split()[-1].startswith("spokes"):
        return None
    owner = owner.split(None, 1)[1] if len(owner.split()) > 1 else ""
    stub = _Quote(0, 0, -1, 0, 0, True)
    found = ctx.registry.find(owner)
    name = _name_in(owner)
    if found is not None and (not name or found[0].kind == "person"):
        stub = _actor_stub(found[0], 0, 0)  # its role and gender are the spokesperson's
    elif name:
        known = ctx.roster.get(name.split()[-1])
        if known is not None and known.speaker.endswith(name):
            _copy_speaker(known, stub)
        else:
            group = infer_group_from_role(owner)
            stub.speaker, stub.speaker_kind = name, "person"
            stub.group, stub.group_source = (group, "role_cue") if group else ("unknown",
                                                                             "unknown")
    else:
        return None
    stub.role = f"{desc} for {owner}".lower()
    stub.gender = ""  # the spokesperson's pronoun is not the owner's
    return stub


def _full_name(surname: str, pos: int, ctx: _Context) -> _Quote | None:
    """The first earlier mention of ``surname`` with a first name (``Dwayne Fisher runs a
    taco truck`` before ``Fisher said``), added to the roster; or None."""
    positions = _word_positions(ctx).get(surname, ())
    # mentions already found to carry no first name are not read again (their text says
    # so, whatever the position asked about): each mention is read once per article
    first = ctx.no_first_name.get(surname, 0)
    for n in range(first, len(positions)):
        p = positions[n]
        if p >= pos:
            break
        before = _NAME_BEFORE.search(ctx.raw, max(0, p - 80), p)
        if before is None:
            ctx.no_first_name[surname] = n + 1
            continue
        words = _name_in(before.group() + surname).split()
        while words and words[0].lower() in _NOT_NAME:
            words.pop(0)
        owner = [i for i, w in enumerate(words[:-1]) if w.endswith(("\u2019s", "'s"))]
        if owner:  # “Sonoran Public Radio’s Sam Whitaker”: the name follows the owner
            words = words[owner[-1] + 1:]
        if len(words) < 2 or words[-1] != surname:
            ctx.no_first_name[surname] = n + 1
            continue
        after = p + len(surname)
        role = _role_context(ctx.raw, 0, before.start(), after)
        name = " ".join(words)
        start = ctx.raw.find(name, max(0, p - 80), after)
        _add_named_person(name, start, start + len(name), role, ctx)
        return ctx.roster.get(surname)
    return None


def _group_of_title_before(start: int, ctx: _Context) -> str | None:
    """The group a title right before ``, Name`` implies: ``Hennepin county's sheriff,
    Rosalind Achebe`` (a role noun), ``Hobbs' press secretary, Dana Reyes-Holt`` (the
    owner's group), ``Her spokesman, Kevin Odom`` (the last woman's)."""
    lead = _TITLE_BEFORE.search(ctx.raw, max(0, start - 60), start)
    if lead is None:
        return None
    title = lead.group("title")
    owner = _OWNER.match(title)
    if owner:
        name = owner.group("owner")
        found = ctx.registry.find(name)
        known = found[0] if found is not None else ctx.roster.get(name.split()[-1])
        group = known.group if known is not None else None
        return group if group in GROUPS else None
    return infer_group_from_role(title) or _group_by_reference(title, start, ctx)


def _add_named_person(name: str, start: int, end: int, role: str, ctx: _Context,
                      roster: bool = True, gender: str = "") -> None:
    """A person named in the narration (not a quote's speaker): an antecedent for pronouns
    and definite descriptions, and (``roster``) a roster entry for later mentions of the
    surname."""
    stub = _Quote(start, end, -1, start, end, True)
    stub.speaker, stub.speaker_kind = name, "person"
    stub.gender = gender or _gender_of(name)
    stub.role = role.lower()
    title = role[:len(role) - len(name)].strip() if role.endswith(name) else role
    group = _group_of_registered_org(title, ctx.registry, opening=True) or \
        infer_group_from_role(role) or _group_by_reference(role, start, ctx) or \
        _group_of_title_before(start, ctx)  # “NAACP Bucks County President”: the NAACP's
    stub.group, stub.group_source = (group, "role_cue") if group else ("unknown", "unknown")
    if roster:
        _add_to_roster(stub, ctx)
    else:
        ctx.persons.add((start, start, stub))
