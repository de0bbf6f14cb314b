"""Spans: pair quote marks in a paragraph and classify what they enclose (step 1 and 2).

One left-to-right pass per paragraph (:func:`_scan_paragraph`) pairs curly, straight and
mixed marks, keeping apostrophes apart; :func:`_trim` drops empty spans. Helpers tell
scare quotes and titles (``term``) from speech, spot dash lines (``— Name``), block intros
and the labels of an interview transcript.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus_tools.clean import Headline
from corpus_tools.doc import make_article_doc
from corpus_tools.quotes.state import _Context, _Quote
from corpus_tools.segment import ASCII_FOLD, split_sentences

OPEN_DOUBLE = "\u201c\u201e\u201f\u00ab"  # “ „ ‟ «
CLOSE_DOUBLE = "\u201d\u00bb"  # ” »
OPEN_SINGLE = "\u2018"
CLOSE_SINGLE = "\u2019"
STRAIGHT_DOUBLE = '"'
_SPACE = " \t\r\n\u00a0"
_BEFORE_OPEN = _SPACE + "([{\u2014\u2013-/:;,"
_DASH_LINE = re.compile(r"^[\u2014\u2013]{1,2}[\s\u00a0]*(?P<name>\S.{0,150})$|^-{1,2}\s+"
                        r"(?P<name2>\S.{0,150})$")
#: An interview transcript: ``Q: ...`` then ``A: ...`` (the answer is the interviewee's).
_QUESTION = re.compile(r"Q(?:uestion)?\s*[:.\u2014]\s")
_ANSWER = re.compile(r"A(?:nswer)?\s*[:\u2014]\s+")
#: A transcript line: ``BENÍTEZ: Practically, ...`` (a speaker's surname in capitals).
_UPPER = r"[^\W\d_a-z]"
#: ``DANIEL OKAFOR, Mayor of Tacoma: ...``: with the speaker's role after a comma.
_SPEAKER_LABEL = re.compile(r"(?P<label>" + _UPPER + r"(?:" + _UPPER + r"|[ .\u2019'-](?=" +
                            _UPPER + r")){1,40})(?:,[ \t]+(?P<role>[^:\n]{1,120}))?:[ \t]+(?=\S)")
#: First-person words: an unlabelled transcript paragraph that goes on with the speaker.
_FIRST_PERSON = re.compile(r"\b(?:I|I[\u2019']m|I[\u2019']ve|we|We|our|Our|my|My|me|us)\b")
#: Right before a label in quote marks: ``so-called`` or an article.
_LABEL_BEFORE = re.compile(r"(?:\bso-called|(?<![\w-])(?:a|an|the))\s*$", re.I)
#: ``Pritzker called the plan “un-American”``: a word put in the speaker's mouth, not a
#: scare quote (``so-called`` excluded; a capitalised name, ``what they called “Operation
#: Safe Streets”``, stays a term).
_CHARACTERIZED = re.compile(r"(?<![\w-])(?:called|described\s+(?:[\w\u2019'-]+\s+){1,4}as|"
                            r"accused\s+(?:[\w\u2019'.-]+\s+){1,4}of)"
                            r"\s+(?:[\w\u2019'-]+\s+){0,4}$")


def _characterized(raw: str, lo: int, hi: int) -> bool:
    """Does ``raw[lo:hi]`` end in ``called`` / ``described ... as`` / ``accused ... of``?
    (The substring test first: the regex costs a scan per start position.)"""
    window = raw[lo:hi]
    return ("called" in window or "described" in window or "accused" in window) and \
        _CHARACTERIZED.search(raw, lo, hi) is not None
_TERMINAL = ".?!\u2026"
_TERMINAL_OR_COMMA = _TERMINAL + ","
_MARK = re.compile("[" + OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "\"']")
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_ALNUM = re.compile(r"[^\W_]")  # exactly str.isalnum: \w without the underscore
#: The first character that ``str.lstrip()`` keeps (without slicing the rest of a paragraph).
_NON_SPACE = re.compile(r"\S")


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _scan_paragraph(raw: str, pstart: int, pend: int, para: int) -> list[_Quote]:
    """Pair quote marks in one paragraph in a single pass."""
    quotes: list[_Quote] = []
    open_at = -1
    open_kind = ""  # "double" or "single"
    nested = False  # a “double” inside a ‘single’ (British style: ‘... “routine” ...’)
    for m in _MARK.finditer(raw, pstart, pend):
        i = m.start()
        ch = raw[i]
        prev = raw[i - 1] if i > pstart else " "
        nxt = raw[i + 1] if i + 1 < pend else " "
        if open_kind == "single" and ch in OPEN_DOUBLE and not nested:
            nested = True
        elif nested and ch in CLOSE_DOUBLE:
            nested = False
        elif ch in OPEN_DOUBLE:
            if open_at >= 0 and open_kind == "double":
                quotes.append(_Quote(open_at + 1, i, para, open_at, i, False))
            if open_kind != "double":
                open_at, open_kind = i, "double"
            else:
                open_at = i
        elif ch in CLOSE_DOUBLE:
            if open_kind == "double":
                quotes.append(_Quote(open_at + 1, i, para, open_at, i, True))
                open_at, open_kind = -1, ""
            elif open_kind:  # a double closer ends a mismatched single
                open_at, open_kind = -1, ""
        elif ch == STRAIGHT_DOUBLE:
            if open_kind == "double":
                quotes.append(_Quote(open_at + 1, i, para, open_at, i, True))
                open_at, open_kind = -1, ""
            elif (prev in _BEFORE_OPEN or i == pstart) and nxt not in _SPACE:
                open_at, open_kind = i, "double"
        elif ch in (CLOSE_SINGLE, "'") and open_kind == "double" and nxt == ch and \
                (_is_word(prev) or prev in _TERMINAL_OR_COMMA):
            # “...’’: two single closers typeset for one double (from ``''``)
            quotes.append(_Quote(open_at + 1, i, para, open_at, i + 1, True))
            open_at, open_kind = -1, ""
        elif ch == OPEN_SINGLE and open_kind == "" and not _is_word(prev):
            open_at, open_kind = i, "single"
        elif ch in (CLOSE_SINGLE, "'") and open_kind == "single" and not _is_word(nxt):
            if _is_word(prev) or prev in _TERMINAL_OR_COMMA or prev in CLOSE_DOUBLE:
                quotes.append(_Quote(open_at + 1, i, para, open_at, i, True))
                open_at, open_kind, nested = -1, "", False
        elif ch == "'" and open_kind == "" and (prev in _BEFORE_OPEN or i == pstart) \
                and nxt.isalpha():
            # a straight single opener (British style: 'We are not afraid,' she said);
            # kept only if a "'" after , . ? or ! closes it, so apostrophes stay apart
            open_at, open_kind = i, "straight single"
        elif ch == "'" and open_kind == "straight single" and prev in _TERMINAL_OR_COMMA \
                and not _is_word(nxt):
            quotes.append(_Quote(open_at + 1, i, para, open_at, i, True))
            open_at, open_kind = -1, ""
    if open_kind == "double":
        quotes.append(_Quote(open_at + 1, pend, para, open_at, pend, False))
    return quotes


def _trim(raw: str, q: _Quote) -> _Quote | None:
    s, e = q.start, q.end
    while s < e and raw[s] in _SPACE:
        s += 1
    while e > s and raw[e - 1] in _SPACE:
        e -= 1
    if s >= e or _ALNUM.search(raw, s, e) is None:
        return None
    q.start, q.end = s, e
    return q


def _first_sentence(raw: str, start: int, end: int) -> tuple[int, int]:
    window = raw[start:end]
    if not any(c in window for c in ".?!"):
        # Punkt breaks only after . ? ! ; without them its one span is the window minus
        # trailing space (the same answer, without the tokenizer's fixed cost per call).
        stop = len(window.translate(ASCII_FOLD).rstrip())
        return (start, start + stop) if stop else (start, start)
    spans = split_sentences(window, start)
    return spans[0] if spans else (start, start)


def _is_titlecase(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text)]
    small = {"a", "an", "the", "of", "and", "or", "for", "in", "on", "to", "at", "by"}
    return len(words) >= 2 and all(w[0].isupper() or w.lower() in small for w in words) and \
        words[0][0].isupper()


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _looks_like_term(raw: str, q: _Quote) -> bool:
    content = raw[q.start:q.end].strip()
    if content[-1:] in ".," and _LABEL_BEFORE.search(raw, max(0, q.open_mark - 12), q.open_mark) \
            and content[:1].islower() and _n_words(content) <= 3:
        return True  # so-called “sanctuary jurisdictions.” / a “sanctuary congregation,”
    n_words = _n_words(content)
    if n_words > 5 or content[-1:] in _TERMINAL:
        return False
    if n_words == 1:
        return not (content.endswith(",") and q.closed)
    return _is_titlecase(content)


def _embedded(raw: str, q: _Quote, pstart: int) -> bool:
    j = q.open_mark - 1
    while j >= pstart and raw[j] in _SPACE:
        j -= 1
    return j >= pstart and (raw[j].isalnum() or raw[j] in "’'")


def _body_paragraphs(raw: str, exclude: Sequence[tuple[int, int]],
                     headline: Headline = None) -> list[tuple[int, int]]:
    paragraphs = make_article_doc(raw, headline).paragraphs  # split once per article
    if exclude:
        out = []
        for p in paragraphs:
            if p.role == "headline" or any(a <= p.start and p.end <= b for a, b in exclude):
                continue
            out.append((p.start, p.end))
        return out
    return [(p.start, p.end) for p in paragraphs if p.role == "body"]


def _is_dash_line(raw: str, span: tuple[int, int]) -> bool:
    return bool(_DASH_LINE.match(raw[span[0]:span[1]]))


_LABEL_CUES = ("speaker label", "speaker label (continued)")


def _transcript_goes_on(raw: str, pi: int, ctx: _Context) -> bool:
    """Does paragraph ``pi`` (no label) continue the transcript line before it? Yes when it
    holds no quote mark and speaks in the first person."""
    pstart, pend = ctx.paragraphs[pi]
    text = raw[pstart:pend]
    return not _MARK.search(text.replace("\u2019", "")) and \
        _FIRST_PERSON.search(text) is not None
