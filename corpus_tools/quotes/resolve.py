"""Resolve: turn a speaker mention into a speaker (step 4).

:func:`_resolve` sends a mention to a registered actor (longest alias), a pronoun to the
most recent person of compatible gender, a definite description (``the mayor``,
``the agency``) to the most recent speaker or named person with that role, and anyone
else to the name as the article gives it, grouped by role cues or flagged ``unknown``.
Transcript labels (``MAYOR WU:``) are resolved here too.
"""

from __future__ import annotations

import bisect
import re

from corpus_tools.actors import _STATE_NAMES as _STATE_ALTERNATION
from corpus_tools.actors import GROUPS, infer_group_from_role
from corpus_tools.quotes.cues import BARE_PLURALS
from corpus_tools.quotes.mentions import _OWNER, _full_name, _group_by_reference
from corpus_tools.quotes.names import (
    _ROLE_WORDS,
    _clean_np,
    _first_name_gender,
    _gender_of,
    _name_in,
    _org_like,
    _org_name,
)
from corpus_tools.quotes.spans import OPEN_DOUBLE, OPEN_SINGLE, STRAIGHT_DOUBLE
from corpus_tools.quotes.state import (
    _actor_stub,
    _Context,
    _copy_speaker,
    _latest,
    _Quote,
    _word_positions,
    _words_by_casefold,
)
from corpus_tools.roles import full_names, misspelt_surname, registered_surname

#: A party tag after a name: ``Sen. Jake Hollister (R-Gilbert)``, ``Rep. X, D-Texas``.
_PARTY_TAIL = re.compile(r"[ \t]*\(?[RDI]-[A-Z][^()\n,]{0,30}\)?[ \t]*$")
_PRONOUN_HEAD = re.compile(r"^\s*(?:he|she|they|we|i)\b", re.I)
_PRONOUNS = {"he": "m", "she": "f", "they": "", "we": "", "i": ""}
#: ``the mayor``, ``the agency``: a definite description, resolved by role noun.
_DEFINITE = re.compile(r"^the\s+(?:[\w.-]+\s+){0,2}?(?P<noun>mayor|governor|senator|sheriff|"
                       r"congressman|congresswoman|representative|attorney general|"
                       r"district attorney|secretary|director|chief|commissioner|judge|"
                       r"spokesperson|spokesman|spokeswoman|official|officials|agency|"
                       r"department|office|administration|organization|group|coalition|"
                       r"president|czar|councilor|alderman|statement|union|company|pastor|"
                       r"priest|professor|superintendent|supervisor|leader|lawmaker|"
                       r"legislator|chairman|chairwoman|sergeant|officer|deputy|detective|trooper|"
                       r"lieutenant|captain|agent|ruling|opinion)\b", re.I)
#: What a role noun may be written as in a mention or a registry role.
_NOUN_FORMS = {"governor": ("governor", "gov."), "senator": ("senator", "sen."),
               "congressman": ("congressman", "rep."), "congresswoman": ("congresswoman", "rep."),
               "representative": ("representative", "rep."), "alderman": ("alderman", "ald."),
               "spokesperson": ("spokesperson", "spokesman", "spokeswoman"),
               "officials": ("official",), "agency": ("agency", "department"),
               "priest": ("priest", "rev.", "reverend", "father"),
               "pastor": ("pastor", "rev.", "reverend"),
               "agent": ("agent", "deportation officer", "ice officer")}
#: ``department spokesman``: a title naming an organisation mentioned before.
_ORG_TITLE = re.compile(r"(?<![\w-])(?P<noun>department|agency|office)\s+(?:spokes(?:man|woman|"
                        r"person)|official|press secretary)\b")
#: A journalist's role in a transcript label (``host``, ``anchor``): the press, *other*.
_PRESS_ROLE = re.compile(r"\b(?:host|anchor|reporter|correspondent|interviewer|moderator|"
                         r"journalist|columnist)\b", re.I)
_ORG_NOUNS = frozenset("agency department office administration organization group "
                       "coalition statement".split())


#: ``an official who was not authorized to speak``: the description ends at the clause.
_RELATIVE = re.compile(r"\s+(?:who|whom|whose|which|that)\b")


#: Right before a role noun: the person serves it (``spokesman for the Bristol County
#: sheriff's office`` is no sheriff).
_SERVES = re.compile(r"\b(?:for|to|with|of[ \t]+the)[ \t]+(?:the[ \t]+|[\w-]+[\u2019']s[ \t]+)?"
                     r"(?:[\w.-]+[ \t]+){0,3}$")


def _has_role(q: _Quote, noun: str) -> bool:
    for form in _NOUN_FORMS.get(noun, (noun,)):
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", q.role):
            if not _SERVES.search(q.role, max(0, m.start() - 40), m.start()):
                return True
    return False


def _definite_referent(noun: str, pos: int, ctx: _Context,
                        organizations_only: bool = False, group: str | None = None
                        ) -> _Quote | None:
    """The most recent person or organisation before ``pos`` whose role has ``noun``
    (``the mayor`` -> Mayor Mike Johnston); for organisation nouns (``the agency``), else
    the most recent organisation; of ``group`` when the noun's words imply one (``the
    advocacy organization`` is not the agency named last), or None if there is none."""
    best: tuple[int, _Quote] | None = None
    for items in (ctx.organizations,) if organizations_only else (ctx.persons,
                                                                 ctx.organizations):
        for at, _, ref in items.before(pos):
            if _has_role(ref, noun):
                if best is None or at > best[0]:
                    best = (at, ref)
                break
    if best is not None:
        return best[1]
    if noun not in _ORG_NOUNS:
        return None
    if group is not None:
        return next((ref for _, _, ref in ctx.organizations.before(pos) if ref.group == group),
                    None)
    return _latest(ctx.organizations, pos, ctx)


_OWNED_WORDS = re.compile(r"^(?P<owner>[Hh]er|[Hh]is|[Tt]heir|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}?"
                          r"(?=[\u2019']s?\s))(?:[\u2019']s?)?\s+(?:full\s+|written\s+|"
                          r"prepared\s+)?(?:statement|message|remarks|post|letter|email)$")
#: A document as the subject of a reporting verb (``The email ... said``, ``The complaint
#: says``), and who signed it.
_DOCUMENT = re.compile(r"^(?:the|an?)\s+(?:[\w.-]+\s+){0,2}?(?P<noun>email|e-mail|memo|letter|"
                       r"summary|report|complaint|lawsuit|filing|release|notice|post|request|"
                       r"motion|petition|brief|study|analysis)\b", re.I)
#: Who signed or issued a document: ``signed by X``, ``a report from X``, ``a letter by X``.
_SIGNED_BY = re.compile(r"\b(?:(?:signed|written|sent|filed|issued|authored|released|published)"
                        r"\s+by|(?:email|memo|letter|report|complaint|lawsuit|filing|release|"
                        r"notice|request|motion|petition|brief|study|analysis|statement)\s+"
                        r"(?:from|by))\s+(?P<who>[^,;:]{2,80}?)(?=\s+(?:in|on|at|last|this|"
                        r"over|against|after|before|earlier|today|yesterday)\b|[,;:]|$)")
#: A document named before a quote: its issuer speaks for a later ``the filing said``.
_DOCUMENT_WORD = re.compile(r"\b(?:email|memo|letter|report|complaint|lawsuit|filing|"
                            r"request|motion|petition|brief|statement)\b", re.I)
#: A role described before a name in apposition (``A staff attorney at ACLU, X,``).
_ROLE_HEAD = re.compile(r"^(?:[Aa]n?|[Tt]he)[ \t]+[a-z]")
#: A name cut after its initials (``Sheriff A.J`` of ``Sheriff A.J. Holloway``) and the rest.
_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z]\.){0,3}[A-Z]\.?$")
_REST_OF_NAME = re.compile(r"\.?[ \t]*(?:[A-Z]\.[ \t]*){0,2}[A-Z][\w\u2019'-]+")
_OPENERS = OPEN_DOUBLE + OPEN_SINGLE + STRAIGHT_DOUBLE
_THE = re.compile(r"\b[Tt]he\s")


def _sentence_subject(pos: int, ctx: _Context, gender: str) -> _Quote | None:
    """The person a definite subject of the sentence holding ``pos`` refers to: in ``The
    judge ordered X released. “...,” she told him.`` *she* is the judge, not the last woman
    named. None when the sentence opens otherwise."""
    k = bisect.bisect_right(ctx.paragraphs, pos, key=lambda x: x[0]) - 1
    if k < 0:
        return None
    pstart, pend = ctx.paragraphs[k]
    if not _THE.search(ctx.raw, max(pstart, pos - 200), pos):
        return None  # no definite subject nearby: spare the sentence split
    starts = ctx.starts(pstart, pend)
    i = bisect.bisect_right(starts, pos) - 1  # the sentence holding pos
    if i > 0 and ctx.raw[starts[i]] in _OPENERS:  # “...,” she told him: the sentence
        i -= 1  # before says who
    definite = _DEFINITE.match(ctx.raw[starts[i] if i >= 0 else pstart:pos])
    if definite is None or definite.group("noun").lower() in _ORG_NOUNS:
        return None
    ref = _definite_referent(definite.group("noun").lower(), pos, ctx)
    ok = ref is not None and ref.speaker_kind == "person" and (not ref.gender or
                                                                ref.gender == gender)
    return ref if ok else None


def _paragraph_floor(pos: int, ctx: _Context) -> int:
    """The start of the paragraph before the one holding ``pos``."""
    k = bisect.bisect_right(ctx.paragraphs, pos, key=lambda x: x[0]) - 1
    return ctx.paragraphs[max(0, k - 1)][0] if k >= 0 else 0


def _last_mentioned(pos: int, ctx: _Context) -> _Quote | None:
    """The organisation mentioned last before ``pos`` (which issued the document the next
    sentence quotes), within the current or previous paragraph; or None. (A person's
    document names its author: ``signed by``.)"""
    last = ctx.organizations.before(pos, 1)
    if not last:
        return None
    at, _, org = last[0]
    k = bisect.bisect_right(ctx.paragraphs, pos, key=lambda x: x[0]) - 1
    floor = ctx.paragraphs[max(0, k - 1)][0] if k >= 0 else 0
    return org if at >= floor else None


#: ``Edina, Minnesota, Mayor Jim Hovland``: a town and its state before a title and name.
_PLACE_FIRST = re.compile(rf"^[A-Z][\w.\u2019'-]*(?:[ \t]+[A-Z][\w.\u2019'-]*){{0,2}},[ \t]*"
                          rf"(?:{_STATE_ALTERNATION}),[ \t]+(?=[A-Z][\w.]*[ \t]+[A-Z])")


#: Auxiliaries, which end a description wherever they stand.
_AUXILIARY = (r"is|are|was|were|has|have|had|do|does|did|don[\u2019']t|doesn[\u2019']t|"
              r"didn[\u2019']t|can|could|will|would|should|may|might|must")
#: A finite verb in a description (``... comes from``, ``... declined to``, ``... are
#: clamoring``): the subject ends before it.
_FINITE = re.compile(r"(?:" + _AUXILIARY + r"|comes|goes|seems|wants|plans|remains|declined|"
                     r"greeted|passed)")
_DETERMINERS = frozenset("the a an one another".split())
#: The words of a description after its determiner, up to a verb, preposition or relative.
_DESCRIPTION_AFTER = re.compile(
    r"(?:[ \t]+(?!(?:" + _AUXILIARY + r"|began|said|told|went|made|took|gave|came|got|saw|"
    r"left|spoke|wrote|sent|met|held|kept|says|of|in|on|at|for|to|with|by|from|and|or|but|"
    r"who|that|which|whose|whom)\b)(?![a-z]+ed\b(?![ \t]+[a-z]+(?<!ly)\b(?![ \t]*[,.])))"
    r"(?![a-z]+ed[ \t]+(?:her|his|their|its|the|a|an|my|our)\b)[a-z][\w-]*){1,4}")
#: ``our top constable, regarding ICE's decision``: what the speaker talks about.
_PARTICIPLE_CLAUSE = re.compile(r",[ \t]+[a-z]+ing\b")


def _resolve(np_text: str, np_start: int, attribution: str, q: _Quote, ctx: _Context,
             pos: int) -> bool:
    """Fill ``q``'s speaker from a mention; return False if the mention names nobody."""
    cleaned = _clean_np(np_text)
    if not cleaned:
        return False
    cut = np_text.find(cleaned)  # what cleaning cut from the front (callers pass the start
    if cut > 0:  # of the phrase or of its first non-space character)
        for shift in (cut, cut - len(np_text) + len(np_text.lstrip())):
            if shift >= 0 and ctx.raw.startswith(cleaned[:24], np_start + shift):
                np_start += shift
                break
    np_text = cleaned
    place = _PLACE_FIRST.match(np_text)
    if place:  # “said Edina, Minnesota, Mayor Jim Hovland”: the place is the title's
        np_start += place.end()
        np_text = np_text[place.end():]
    if _INITIALS_END.search(np_text[-12:]):  # “Sheriff A.J” cut from “Sheriff A.J. Holloway”
        at = ctx.raw.find(np_text, np_start, np_start + len(np_text) + 8)
        rest = _REST_OF_NAME.match(ctx.raw, at + len(np_text)) if at >= 0 else None
        if rest:
            np_start, np_text = at, ctx.raw[at:rest.end()]
    owned = _OWNED_WORDS.match(np_text)
    if owned:  # “Maddox’s statement”, “Her full statement”: the owner speaks
        owner = owned.group("owner")
        np_start += np_text.find(owner)
        np_text = owner
    # “Her full statement read:” reaches here as “Her”: a possessive is its pronoun
    np_text = {"her": "she", "his": "he", "their": "they"}.get(np_text.lower(), np_text)
    lead = np_text.split()[0].lower()
    offset = np_start
    q.mention, q.mention_start, q.mention_end = np_text, offset, offset + len(np_text)
    if lead in _PRONOUNS and len(np_text.split()) <= 3:
        pron = lead
        q.mention = np_text.split()[0]
        q.mention_end = q.mention_start + len(q.mention)
        # a name between the pronoun and the quote is no antecedent (“He also called out
        # Cox “...””: he is named before, not Cox)
        before = min(pos, offset) if offset >= 0 else pos
        if pron in ("he", "she"):
            ref = _sentence_subject(pos, ctx, _PRONOUNS[pron]) or \
                _latest(ctx.persons, before, ctx, _PRONOUNS[pron])
        else:
            ref = _latest(ctx.organizations, before, ctx) or _latest(ctx.persons, before, ctx)
        if ref is None:
            q.speaker, q.group, q.group_source = q.mention, "unknown", "unknown"
            return True
        _copy_speaker(ref, q)
        return True
    parts = np_text.split(",")
    head = parts[0]
    found = ctx.registry.find(head, offset)
    named = _PARTY_TAIL.sub("", parts[1].strip()).rstrip(".") if len(parts) > 1 else ""
    if found is not None and found[0].kind != "person" and _ROLE_HEAD.match(head) and \
            len(named.split()) >= 2 and _name_in(named) == named and \
            ctx.registry.find(named) is None:
        # “A staff attorney at ACLU, Priya Malhotra, told”: the named person speaks
        q.speaker, q.speaker_kind, q.gender = named, "person", _gender_of(named)
        q.role = np_text.lower()
        q.group = infer_group_from_role(head) or found[0].group
        q.group_source = "role_cue"
        return True
    if found is not None and found[0].kind == "person" and " " not in found[1].norm:
        # “Walsh said” after “ICE spokesman Kevin Walsh”: the article's Walsh, not the
        # registry's, when the article introduced someone else by that surname
        local = ctx.roster.get(found[1].text)
        if local is not None and local.actor_id != found[0].actor_id and \
                local.speaker != found[0].name and len(local.speaker.split()) >= 2:
            _copy_speaker(local, q)
            return True
    # “A former guard who worked at Red Mesa”: a name after “who” is not the speaker's
    name = _name_in(_RELATIVE.split(head, maxsplit=1)[0])
    if found is None and not name and len(parts) > 1 and not _PRONOUN_HEAD.match(head):
        # a generic head with the name in apposition: "the mayor, Brandon Johnson"
        appositive = _PARTY_TAIL.sub("", parts[1].strip()).rstrip(".")
        named = _name_in(appositive)
        titles = appositive[:len(appositive) - len(named)].split() if named and \
            appositive.endswith(named) else ["-"]
        if all(w.lower() in _ROLE_WORDS or w.lower().rstrip(".") in _ROLE_WORDS
               for w in titles):  # “The bill's sponsor, Sen. Jake Hollister (R-Gilbert),”
            name = _name_in(appositive)
            found = ctx.registry.find(appositive)
    if found is None and not name:  # not in a participle clause (“, regarding ICE's ...”)
        found = ctx.registry.find(_PARTICIPLE_CLAUSE.split(np_text, maxsplit=1)[0], offset)
    at = head.rfind(name) + offset if name else -1
    chapter = found is not None and found[0].kind != "person" and name != "" and \
        re.fullmatch(r"[ \t]+of[ \t]+(?:the[ \t]+)?", np_text[found[1].end - offset:at - offset])
    if chapter:  # “the American Civil Liberties Union of North Carolina”: the group's chapter
        actor, tok = found
        q.speaker = re.sub(r"^[Tt]he\s+", "", np_text[tok.start - offset:at - offset + len(name)])
        q.actor_id, q.group, q.group_source = actor.actor_id, actor.group, "registry"
        q.speaker_kind, q.role = "organization", f"{actor.role} {np_text.lower()}"
        return True
    if found is not None and found[0].kind != "person" and len(name.split()) >= 2 \
            and (at >= found[1].end or at + len(name) <= found[1].start) \
            and ctx.registry.find(name) is None and not _DOCUMENT.match(np_text):
        # “ICE spokeswoman Carla Benning said”: the person speaks, in the agency's group
        q.speaker, q.speaker_kind, q.gender = name, "person", _gender_of(name)
        q.role = np_text.lower()
        group = infer_group_from_role(attribution) or found[0].group
        q.group, q.group_source = group, "role_cue"
        return True
    if found is not None:
        actor, tok = found
        q.speaker, q.actor_id, q.group = actor.name, actor.actor_id, actor.group
        q.group_source, q.speaker_kind, q.gender = "registry", actor.kind, actor.gender
        q.role = f"{actor.role} {np_text.lower()}"
        return True
    org = _org_name(head) if found is None else ""
    if org and (not name or name in org):
        q.speaker, q.speaker_kind, q.role = org, "organization", np_text.lower()
        group = infer_group_from_role(attribution) or infer_group_from_role(org)
        q.group, q.group_source = (group, "role_cue") if group else ("unknown", "unknown")
        return True
    key, verb_phrase, first_only = "", False, False
    if name:
        key = name.split()[-1]
    elif head.strip()[:1].isupper():  # “Adams”, or “Adams’s office” -> Adams
        owner = _OWNER.match(head.strip())
        words = (owner.group("owner") if owner else head).split()
        # “Kirsch ultimately agreed and declared ...”: a known surname, then lower-case words
        verb_phrase = owner is None and len(words) > 1 and all(
            w[:1].islower() for w in words[1:]) and (
            words[0] in ctx.roster or _registered_named(words[0], pos, ctx) is not None)
        # “drawled Janet like she was ...”: a first name alone, then the reporter's words
        first_only = owner is None and len(words) > 1 and not verb_phrase and \
            _first_name_gender(words[0]) is not None and \
            all(w[:1].islower() for w in words[1:])
        key = words[0] if verb_phrase or first_only else words[-1]
    known = ctx.roster.get(key) or (_registered_named(key, pos, ctx) if key else None)
    if known is None and not name and key and (len(head.split()) == 1 or first_only) and \
            key[:1].isupper():
        if first_only:  # the one person named before with that first name
            people = {p.speaker: p for _, _, p in ctx.persons.before(pos)
                      if p.speaker.split()[0] == key and len(p.speaker.split()) >= 2}
            known = next(iter(people.values())) if len(people) == 1 else None
        # “Odom said” after “Her spokesman, Kevin Odom,”
        known = known or _full_name(key, pos, ctx)
        if known is None:  # “said Ceasar” after “A day laborer, who identified himself as Ceasar”
            known = next((p for _, _, p in ctx.persons.before(pos) if p.speaker == key), None)
        if known is None:  # “Herrra called” after “City Attorney Dennis Herrera”
            known = _misspelt(key, pos, ctx)
        if known is None:  # “Johnston said” in an article about Denver
            actor = registered_surname(ctx.raw, key, ctx.registry)
            known = _actor_stub(actor, offset, offset) if actor is not None else None
    if known is not None and (not name or known.speaker.endswith(name)):
        _copy_speaker(known, q)
        if q.group == "unknown":
            group = _group_from_cues(np_text, attribution, pos, ctx)
            if group:
                q.group, q.group_source = group, "role_cue"
        return True
    definite = _DEFINITE.match(np_text) if len(head.split()) <= 4 else None
    if definite and definite.group("noun").lower() == "statement" and ctx.last is not None:
        org = _latest(ctx.organizations, pos, ctx)
        issuer = org if org is not None and org.start > ctx.last.open_mark else ctx.last
        _copy_speaker(issuer, q)  # “...,” the statement continued; “DHS said ... The
        return True  # statement said:”
    document = _DOCUMENT.match(np_text)
    if document:  # “The email, signed by X, said”; “The summary says” after “an ICE summary”
        by = _SIGNED_BY.search(np_text)
        if by and _resolve(by.group("who"), np_start + by.start("who"), attribution, q, ctx,
                           pos):
            return True
        ref = _last_mentioned(min(pos, np_start), ctx)  # named before the document
        last = ctx.last  # “In a filing, the state said “...” ... the request claimed”
        if last is not None and last.speaker and (ref is None or ref.start < last.close_mark) \
                and _DOCUMENT_WORD.search(ctx.raw, max(0, last.open_mark - 250),
                                          last.open_mark) and \
                last.open_mark >= _paragraph_floor(pos, ctx):
            _copy_speaker(last, q)  # no organisation named since that quote closed
            return True
        if ref is not None:
            _copy_speaker(ref, q)
            return True
    if definite:
        noun = definite.group("noun").lower()
        ref = _definite_referent("judge" if noun in ("ruling", "opinion") else noun, pos, ctx,
                                 group=infer_group_from_role(np_text))
        if ref is not None:
            _copy_speaker(ref, q)
            return True
    group = _group_from_cues(np_text, attribution, pos, ctx)
    titled = None if name else _ORG_TITLE.search(np_text)
    ref = _definite_referent(titled.group("noun").lower(), pos, ctx, True) if titled else None
    if ref is not None:
        _copy_speaker(ref, q)  # “A department official, who ..., said”: the department
        return True
    q.role = np_text.lower()
    if name:
        q.speaker, q.speaker_kind, q.gender = name, "person", _gender_of(name)
    elif np_text[:1].isupper() or np_text.split()[0].lower() in ("a", "an", "the", "one") \
            or re.fullmatch(BARE_PLURALS, np_text.split()[0]):  # “activists reacted ...”
        words = _RELATIVE.split(np_text.split(",")[0], maxsplit=1)[0].split()
        words = words[:1] if first_only else words
        verb = next((i for i, w in enumerate(words) if i and _FINITE.fullmatch(w)), None)
        words = words[:verb]  # “The 18 year old comes from ...”: the subject only
        if verb is not None and len(words) == 1 and words[0].lower() in _PRONOUNS:
            return _resolve(words[0], np_start, attribution, q, ctx, pos)  # “She greeted”
        if len(words) > 1 and words[0].lower() == "the" and words[1][:1].isupper():
            words = words[1:]  # “the San Diego County Sheriff's Office” -> its name
        if len(words) == 1 and words[0].lower() in _DETERMINERS and np_start >= 0 and \
                verb is None:  # (a verb right after the determiner: nothing to add)
            # a determiner cut from its noun (“The billionaire businessman began ...”)
            rest = _DESCRIPTION_AFTER.match(ctx.raw, np_start + len(words[0]))
            if rest is not None and ctx.raw.startswith(words[0], np_start):
                return _resolve(words[0] + rest.group(), np_start, attribution, q, ctx, pos)
        if len(words) == 1 and words[0][:1].isupper() and words[0].lower() != "it" and \
                words[0].lower() in _word_positions(ctx) and not _first_name_gender(words[0]):
            return False  # “Video”, “Dozens”: a word the article also writes in lower case
        q.speaker = " ".join(words[:12])
        q.speaker_kind = "organization" if _org_like(np_text) else ""
        if len(words) == 1 and _first_name_gender(words[0]):  # “said Yesenia, 29,”
            q.speaker_kind, q.gender = "person", _gender_of(words[0])
    else:
        return False
    q.group, q.group_source = (group, "role_cue") if group else ("unknown", "unknown")
    return True


def _registered_named(surname: str, pos: int, ctx: _Context) -> _Quote | None:
    """The registered person last named in full before ``pos`` whose surname is
    ``surname`` (``Sheriff Terry Johnson`` before ``Johnson is accused of saying``), when
    the surname alone is no alias in the registry; or None."""
    if not surname[:1].isupper() or ctx.registry.has_alias(surname):
        return None
    best: tuple[int, _Quote] | None = None
    for at, _, ref in ctx.persons.before(pos):
        if ref.actor_id and ref.speaker.split()[-1] == surname and \
                (best is None or at > best[0]):
            best = (at, ref)
    return best[1] if best is not None else None


def _misspelt(key: str, pos: int, ctx: _Context) -> _Quote | None:
    """The person an article named in full before ``pos`` whose surname ``key`` misspells
    (:func:`corpus_tools.roles.misspelt_surname`), or None."""
    if len(key) < 5 or ctx.registry.find(key) is not None:
        return None
    if ctx.full_names is None:
        ctx.full_names = full_names(ctx.raw)
    full = misspelt_surname(ctx.raw, key, ctx.full_names)
    if full is None:
        return None
    surname = full.split()[-1]
    known = ctx.roster.get(surname) or _full_name(surname, pos, ctx)
    if known is None:
        found = ctx.registry.find(full)
        if found is not None and found[0].kind == "person" and found[1].start < pos:
            return _actor_stub(found[0], found[1].start, found[1].start)
    return known


def _group_from_cues(np_text: str, attribution: str, pos: int, ctx: _Context) -> str | None:
    """The group the attribution's role cues imply; for a title naming an organisation
    mentioned before (``department spokesman Carl Benning`` after ``The Justice Department
    said``), that organisation's group."""
    group = infer_group_from_role(attribution)
    titled = _ORG_TITLE.search(np_text) if group is None else None
    if titled:
        ref = _definite_referent(titled.group("noun").lower(), pos, ctx, True)
        group = ref.group if ref is not None and ref.group in GROUPS else None
    return group or _group_by_reference(attribution, pos, ctx)


def _labelled_speaker(label: str, role: str | None, pos: int, ctx: _Context,
                      transcript: bool = False) -> _Quote | None:
    """The person a transcript label names (``BENÍTEZ`` -> Claudia Benítez, named before
    ``pos``; ``MAYOR OKAFOR`` -> Daniel Okafor), or None: a label that names nobody known
    (``UPDATE:``) is no speaker, unless it gives a role (``ROSA, caller from Lakewood:``)
    or, in a ``transcript``, is one word that can be a surname (``WALLACE:`` among
    ``PENCE:``)."""
    words = [w for w in label.split() if w.lower().strip(".") not in _ROLE_WORDS]
    name = " ".join(words) or label
    cache_key = (name, len(ctx.persons))  # a page of labels costs one lookup per label
    if cache_key not in ctx.labels:
        ctx.labels[cache_key] = _find_labelled(name, pos, ctx)
    found = ctx.labels[cache_key]
    if found is not None and found.speaker.isupper():  # named in capitals only: the label
        proper = _Quote(pos, pos, -1, pos, pos, True)
        _copy_speaker(found, proper)
        proper.speaker = " ".join(w.capitalize() for w in found.speaker.split())
        found = proper
    if not role:
        found = ctx.label_speakers.get(name, found)  # ``MARISOL VEGA:`` after ``..., host:``
        if found is not None or not (transcript and _UNKNOWN_LABEL.fullmatch(label)):
            return found
    if found is not None and found.group != "unknown":
        return found
    # the label's own role: ``DANIEL OKAFOR, Mayor of Tacoma``, ``MARISOL VEGA, host``
    group = (infer_group_from_role(role) or ("other" if _PRESS_ROLE.search(role) else None)
             ) if role else None
    if found is not None and group is None:
        return found
    stub = _Quote(pos, pos, -1, pos, pos, True)
    if found is not None:
        _copy_speaker(found, stub)
    else:
        stub.speaker = " ".join(w.capitalize() for w in name.split())
        stub.speaker_kind, stub.gender = "person", _gender_of(stub.speaker)
        stub.role = (role or "").lower()
    stub.group, stub.group_source = (group, "role_cue") if group else ("unknown", "unknown")
    ctx.label_speakers[name] = stub
    return stub


#: A one-word transcript label that can be a surname (not ``UPDATE``, ``NOTE`` ...).
_UNKNOWN_LABEL = re.compile(r"(?!(?:UPDATE|NOTE|CORRECTION|EDITOR|WATCH|READ|MORE|RELATED|"
                            r"VIDEO|PHOTOS?|BREAKING|CROSSTALK|LAUGHTER|APPLAUSE)\b)"
                            r"[A-Z][A-Z\u2019'-]{2,20}")


def _find_labelled(label: str, pos: int, ctx: _Context) -> _Quote | None:
    key = label.casefold()
    for _, _, person in ctx.persons.before(pos):
        if person.speaker and key in (person.speaker.casefold(),
                                      person.speaker.split()[-1].casefold()):
            return person
    surname = key.title()
    if surname not in _word_positions(ctx):  # “McDonald”, “DeLuca”: the article's spelling
        surname = next((w for w in _words_by_casefold(ctx).get(key, ()) if w != label), "")
    named = _full_name(surname, pos, ctx) if surname else None  # “Radio’s Sam Whitaker”
    if named is not None:
        return named
    found = ctx.registry.find(label.title())
    if found is not None and found[0].kind == "person":
        stub = _Quote(pos, pos, -1, pos, pos, True)
        _resolve(label.title(), pos, label, stub, ctx, pos)
        return stub
    return None
