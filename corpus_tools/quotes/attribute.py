"""Attribute: attach a quote to the reporting cue around it and resolve its speaker (step 3).

:func:`_attribute_after` reads the cue after the quote, :func:`_attribute_before` the
cue before it in the same sentence, :func:`_dash_speaker` a dash line after a block.
"""

from __future__ import annotations

import re

from corpus_tools.quotes.cues import (
    _ACCORDING,
    _AFTER_NP_CLAUSE_VERB,
    _AFTER_NP_VERB,
    _AFTER_VERB_NP,
    _CLAUSE_BREAK,
    _COLON_SUBJECT,
    _CONTRAST,
    _DATELINE,
    _DOCUMENT_TAG,
    _LATE_CUE,
    _LEADING_CLAUSE,
    _MESSAGE_CUE,
    _PARTY_AFTER,
    _POSSESSIVE_CUE,
    _PRONOUN_TAIL,
    _SHORT_TAG,
    _SPEAKS_FOR,
    _SPEAKS_FOR_GROUP,
    _STATEMENT_RE,
    _SUBJECT,
    _VERB_RE,
    BARE_PLURALS,
)
from corpus_tools.quotes.names import _LABEL, _LEADING_CONJUNCTION
from corpus_tools.quotes.resolve import _resolve
from corpus_tools.quotes.spans import _DASH_LINE, _NON_SPACE, _TERMINAL, _first_sentence
from corpus_tools.quotes.state import _Context, _last_match, _Quote

#: An adverbial phrase before a clause's subject (``Following a swiftly called meeting,``).
_OPENING_PHRASE = re.compile(r"\s*(?:Following|After|Before|During|Despite|Since|Upon|"
                             r"Amid|Within|Throughout)\b")
#: A name right before *saying*, after a noun of a recording (``footage of Trump saying``).
_NAME_BEFORE_PARTICIPLE = re.compile(r"\b(?:footage|video|clip|recording|tape|audio)\s+"
                                     r"(?:of|showing|shows)\s+(?P<name>(?:[A-Z][\w.\u2019'-]*"
                                     r"\s+){0,2}[A-Z][\w.\u2019'-]*)\s*$")
#: A relative clause about what the reporter just named (``, which X calls``).
_RELATIVE_HEAD = re.compile(r"\s*(?:which|that)\s", re.I)


#: ``, which the agency calls “...”``: the subject of an object relative clause speaks.
_OBJECT_RELATIVE = re.compile(r",\s+(?:which|that)\s+")
_RELATIVE_SUBJECT = re.compile(r"(?:the\s+)?[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,4}\s*$")


def _attribute_after(raw: str, q: _Quote, pend: int, next_open: int, ctx: _Context) -> bool:
    """``“...,” Wu said`` or ``“...,” said Wu, mayor of Boston``."""
    content = raw[q.start:q.end].rstrip()
    # After a complete sentence (“...?” / “...!” / “...”) a capitalised word starts new
    # narration, unless the sentence is only a short tag: “Who will pay?” Bass asked.
    ends = q.closed and content[-1:] in _TERMINAL
    if ends:  # the first character after the quote, without slicing the paragraph's rest
        after = _NON_SPACE.search(raw, q.close_mark + 1, pend)
        ends = not (after and after.group().islower())
    a = q.close_mark + 1 if q.closed else q.end
    b = min(pend, next_open if next_open > a else pend, a + 300)
    if a >= b:
        return False
    # ``had “repeatedly attempted to breach” the facility and threatened officers``: the
    # reporter's sentence goes on, so the words right after are no ``NP said`` tag
    # (a later ``according to X`` or ``, X said`` still is)
    runs_on = q.kind == "partial" and content[-1:].isalnum() and \
        raw[a:b].lstrip()[:1].islower()
    s0, s1 = _first_sentence(raw, a, b)
    seg = raw[a:s1]
    if ends and not _SHORT_TAG.match(seg):
        return False
    m = None if runs_on else _AFTER_VERB_NP.match(seg)
    if m:
        np_text = m.group("np")
        if _resolve(np_text, a + m.start("np") + (len(np_text) - len(np_text.lstrip())),
                    seg, q, ctx, q.open_mark):
            q.cue = m.group("verb").lower()
            return True
    m = None if runs_on else _AFTER_NP_VERB.match(seg) or _AFTER_NP_CLAUSE_VERB.match(seg)
    if m:
        np_text = m.group("np")
        lead = len(np_text) - len(np_text.lstrip(" ,\u2014\u2013-"))
        if len(np_text.split()) <= 12 and _resolve(np_text, a + m.start("np") + lead,
                                                    seg, q, ctx, q.open_mark):
            q.cue = m.group("verb").lower()
            return True
    m = _ACCORDING.search(seg)
    if m and _resolve(m.group("np"), a + m.start("np"), seg, q, ctx, q.open_mark):
        q.cue = "according to"
        return True
    for m in _LATE_CUE.finditer(seg):  # “...” of these immigrants, Albence said.
        np_text = m.group("np")
        if _RELATIVE_HEAD.match(np_text):  # “..., which the agency calls “...””: the verb
            continue  # introduces the next quote
        if len(np_text.split()) <= 8 and _resolve(np_text, a + m.start("np"), seg, q, ctx,
                                                  q.open_mark):
            q.cue = m.group("verb").lower()
            return True
    return False


def _attribute_before(raw: str, q: _Quote, clause_start: int, ctx: _Context) -> bool:
    """``X said she would use “...”`` / ``X told reporters: “...”``."""
    pre = raw[clause_start:q.open_mark]
    if not pre.strip():
        return False
    # a capitalised word inside a name (“the United States”) is no verb
    verbs = [v for v in _VERB_RE.finditer(pre) if not (v.group("verb")[:1].isupper() and
                                                        pre[:v.start()].rstrip()[-1:].isalpha())]
    colon = pre.rstrip().endswith(":")
    for m in reversed(verbs) if verbs else ():
        verb = m.group("verb").lower()
        if verb == "according to":
            tail = pre[m.end():]
            if _resolve(tail.split(",")[0], clause_start + m.end() + 1, tail, q, ctx,
                        q.open_mark):
                q.cue = "according to"
                return True
            continue
        head_start = max(pre.rfind(ch, 0, m.start()) for ch in ";\u2014\u2015\u201d\"") + 1
        around_name = False
        if head_start > 0 and not pre[head_start:m.start()].strip(" ,") and \
                pre[head_start - 1] == "\u201d":  # the subject runs on before a quoted name
            opened = pre.rfind("\u201c", 0, head_start - 1)
            if opened > 0:
                head_start = max(pre.rfind(ch, 0, opened) for ch in ";\u2014\u2015\u201d\"") + 1
                around_name = True
        if pre[head_start:m.start()].endswith(" and ") and any(
                head_start <= v.start() and v.end() <= m.start() and
                v.group("verb").lower() != "according to" for v in verbs):
            continue  # “The union said ... and called it “...””: the earlier verb's subject
        np_text = pre[head_start:m.start()]
        np_text = _LEADING_CLAUSE.sub("", _LABEL.sub("", _DATELINE.sub("", np_text, count=1),
                                                    count=1), count=1)
        tag = _DOCUMENT_TAG.search(np_text)
        if tag:  # “The administration, the ruling said, “...””: the ruling speaks
            np_text = np_text[tag.start("doc"):]
        relative = _last_match(_OBJECT_RELATIVE, np_text)
        if relative is not None and _RELATIVE_SUBJECT.match(np_text, relative.end()):
            np_text = np_text[relative.end():]  # “..., which the agency calls “...””
        # “DHS defended the raids, while Mayor Bass called them ...”: the subject is Bass
        cut = None if around_name else _last_match(_CLAUSE_BREAK, np_text)
        # a short subject after a contrast (“X was not available to comment, but his
        # secretary Y said”): a verb before it is the other clause's
        contrast = None if around_name else _last_match(_CONTRAST, np_text)
        if contrast is not None and (len(np_text[contrast.end():].split()) > 8 or
                                     cut is not None and cut.end() > contrast.end()):
            contrast = None
        if contrast is not None:
            cut = contrast
        np_start = m.start() - len(np_text) + (contrast.end() if contrast is not None else 0)
        if not verb.endswith("ing") and not _PRONOUN_TAIL.search(np_text) and \
                any(np_start <= v.start() and v.end() <= m.start() for v in verbs):
            continue  # “Reddy said no managers had been charged but that “...””: “said”
        if cut is not None:
            np_text = np_text[cut.end():]
        pronoun = _PRONOUN_TAIL.search(np_text)  # “a policy he described as ...”
        if pronoun and pronoun.start() > 0:
            np_text = np_text[pronoun.start():]
        np_off = clause_start + m.start() - len(np_text)
        if verb.endswith("ing"):  # “Ortiz fired back, calling the post ...”: the subject
            conj = _LEADING_CONJUNCTION.match(np_text.lstrip())  # “But he tempered ...”
            if conj is not None:
                skip = len(np_text) - len(np_text.lstrip()) + conj.end()
                np_text, np_off = np_text[skip:], np_off + skip
            # “Following a (swiftly called,) late meeting, the Council”: the subject is
            # after the opening phrase (or what is left of it after a clause break)
            opener = _OPENING_PHRASE.match(np_text) or re.match(r"\s*[a-z]", np_text)
            if opener is not None and "," in np_text[opener.end():] and \
                    not re.match(r"\s*(?:he|she|they|" + BARE_PLURALS + r")\b", np_text):
                skip = np_text.rindex(",") + 1
                np_text, np_off = np_text[skip:], np_off + skip
            shown = _NAME_BEFORE_PARTICIPLE.search(np_text) if verb == "saying" else None
            if shown is not None:  # “footage of Trump saying”: Trump
                np_text, np_off = shown.group("name"), np_off + shown.start("name")
            subject = _SUBJECT.match(np_text)
            if subject is None:
                continue
            lead = len(subject.group(0)) - len(subject.group(0).lstrip())
            if _resolve(subject.group(0).strip(), np_off + lead, subject.group(0), q, ctx,
                        q.open_mark):
                q.cue = verb
                return True
            continue
        # the subject's words only: ``X, a retired mechanic, said the sheriff was “...”`` is
        # no sheriff
        attribution = pre[m.start() - len(np_text) if cut is not None else head_start:m.end()]
        if _resolve(np_text, np_off + (len(np_text) - len(np_text.lstrip())), attribution, q,
                    ctx, q.open_mark):
            q.cue = f"{verb} (colon)" if colon else verb
            speaks_for = _SPEAKS_FOR.match(pre, m.end()) if q.group == "unknown" else None
            if speaks_for:  # “Hale told the council that the company would ...”
                q.group = _SPEAKS_FOR_GROUP[speaks_for.group("noun").lower()]
                q.group_source = "role_cue"
            return True
    m = _STATEMENT_RE.search(pre)
    if m and _resolve(pre[:m.start()], clause_start, pre, q, ctx, q.open_mark):
        q.cue = "statement"
        return True
    m = _last_match(_POSSESSIVE_CUE, pre)  # “Noem’s message to the city was blunt: ...”
    if m and _resolve(m.group("np"), clause_start + m.start("np"), pre[m.start():], q, ctx,
                      q.open_mark):
        q.cue = m.group("noun").lower()
        return True
    m = _MESSAGE_CUE.match(pre)  # “Carrington had a blunt message for Marquez: ...”
    if m and _resolve(m.group("np"), clause_start + m.start("np"), pre, q, ctx, q.open_mark):
        q.cue = m.group("noun").lower()
        return True
    m = _COLON_SUBJECT.match(pre) if colon else None
    if m and _resolve(m.group("np"), clause_start + m.start("np"), pre, q, ctx, q.open_mark):
        q.cue = "colon"
        return True
    if colon:  # “Asked whether ..., Ochoa was careful:”; “Rep. X, R-Wakefield, was blunt:”
        lead = len(pre) - len(_LEADING_CLAUSE.sub("", pre, count=1))
        tag = _PARTY_AFTER.search(pre, lead)
        rest = pre[lead:tag.start()] + pre[tag.end():].lstrip(",") if tag else pre[lead:]
        m = _COLON_SUBJECT.match(rest)
        if m and m.start("np") == len(rest) - len(rest.lstrip()) and _resolve(
                m.group("np"), clause_start + lead + m.start("np"), pre, q, ctx, q.open_mark):
            q.cue = "colon"
            return True
    return False


def _dash_speaker(raw: str, pstart: int, pend: int, ctx: _Context, q: _Quote) -> bool:
    m = _DASH_LINE.match(raw[pstart:pend])
    if not m:
        return False
    key = "name" if m.group("name") else "name2"
    if _resolve(m.group(key), pstart + m.start(key), m.group(key), q, ctx, q.open_mark):
        q.cue = "dash line"
        return True
    return False
