"""Cleaning: split the raw text into paragraphs and set web-page chrome aside, with an audit trail.

Nothing is deleted from the raw text. Each paragraph keeps its character span in the raw
file; paragraphs recognised as chrome (captions, photo credits, link teasers, widget
text) get ``role="chrome"`` and a ``reason``, so a reader can audit every removal.

How an article marks its paragraphs is decided per article (:func:`detect_layout`): blank
lines, one paragraph per line or indented first lines, with LF, CRLF or CR line ends; the
first paragraph is the headline only when it looks like one, or when it equals the
corpus metadata's headline. The decision and its reason are kept (:func:`audit_layout`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeAlias

import pandas as pd

#: Whole-paragraph patterns for page furniture that is not journalism. Each entry is
#: ``(reason, pattern)``; patterns are anchored and have no nested quantifiers, so they
#: run in linear time on any input.
CHROME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("widget text", re.compile(r"^(?:comments?|related posts?|related stories|related|"
                               r"advertisement|share this( article)?|read more|"
                               r"this will close in \d+ seconds?)$", re.I)),
    ("link teaser", re.compile(r"^(?:>>|»|►)\s*\S")),
    ("link teaser", re.compile(r"^(?:read more|read|related|more|watch|see also|listen)"
                               r"\s*:\s*\S", re.I)),
    # Photo captions end in a credit and, unlike reporting, carry no final punctuation.
    ("photo credit", re.compile(r"\bvia (?:Getty Images|AP|Reuters|Shutterstock)"
                                r"[^.!?\"”]{0,40}$")),
    ("photo credit", re.compile(r"\b(?:Getty Images|AP Photo|Reuters|Shutterstock)"
                                r"(?:/[^.!?]{0,60})?$")),
    ("photo credit", re.compile(r"\bPhoto(?:graph)? (?:by|credit:?|courtesy of) "
                                r"[^.!?\"”]{1,80}$", re.I)),
    ("photo credit", re.compile(r"\bfor (?:the )?New York Post$")),
    ("photo credit", re.compile(r"\((?:AP|Reuters|Getty)[^()]{0,80}\)$")),
    ("contributor line", re.compile(r"^[A-Z][^.!?]{0,120} contributed (?:to )?this report\.?$")),
    # “By Jane Doe”, “By Jane Doe and Sam Lee, Associated Press”: a byline, not reporting.
    ("byline", re.compile(r"^[Bb][Yy]:?[ \t]+[A-Z][\w.\u2019'-]*"
                          r"(?:[ \t]+(?:[A-Z][\w.\u2019'-]*|and|&|de|van|von))*"
                          r"(?:[ \t]*[,|\u2014\u2013-][ \t]*[^.!?\"\u201c]{1,60})?$")),
)

#: All rules in one pattern: a paragraph that matches none (nearly every one) is journalism
#: after one search instead of one per rule; the rules then give the reason, in order.
_ANY_CHROME = re.compile("|".join(
    f"(?i:{pattern.pattern})" if pattern.flags & re.I else f"(?:{pattern.pattern})"
    for _, pattern in CHROME_RULES))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_STRIP = " \t\r\n\u00a0\u200b\ufeff"
#: A line starting with one of these begins a paragraph in the indented convention.
_INDENT = " \t\u00a0\u3000"
#: Closing marks that may follow a sentence's final punctuation.
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
#: A first paragraph longer than this (characters or words) is body text, not a headline.
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30
#: Every line is a paragraph when at most this share of the line breaks inside
#: blank-line blocks look like wrapped text (no final punctuation, next line lower case).
WRAP_SHARE = 0.25
#: A byline paragraph ("By Jane Doe | The Ledger"): a first paragraph before it is the
#: headline even when it ends like a sentence ("Sheriff wants ICE holds. The law says no.").
_BYLINE = re.compile(r"By\s+[A-Z][^\r\n]{0,100}")

#: A headline argument: the metadata headline (str), an imposed decision (bool), or
#: ``None`` / ``""`` to decide from the text.
Headline: TypeAlias = str | bool | None


@dataclass(frozen=True)
class Layout:
    """How one article marks its paragraphs, and whether it opens with a headline.

    Attributes
    ----------
    paragraphs : str
        ``"blank_line"`` (blank lines separate paragraphs; line breaks inside one are
        wrapped text), ``"single_newline"`` (every line is a paragraph), ``"indented"``
        (a line starting with whitespace begins a paragraph, other lines continue it) or
        ``"one_block"`` (no paragraph break at all: one paragraph).
    newline : str
        Line ends: ``"lf"``, ``"crlf"``, ``"cr"``, ``"mixed"`` or ``"none"`` (one line).
    headline : bool
        Whether the first paragraph is the headline (set aside from the body).
    source : str
        What decided the headline: ``"metadata"`` (the corpus's ``headline`` value),
        ``"text"`` (the first paragraph's form) or ``"caller"`` (given as a bool).
    reason : str
        The evidence for the paragraph convention, then for the headline decision.
    """

    paragraphs: str
    newline: str
    headline: bool
    source: str
    reason: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article; ``text == raw[start:end]``."""

    start: int
    end: int
    text: str
    role: str  # "headline", "body" or "chrome"
    reason: str = ""


def _stripped_span(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start] in _STRIP:
        start += 1
    while end > start and raw[end - 1] in _STRIP:
        end -= 1
    return start, end


def chrome_reason(paragraph: str) -> str:
    """Return why a paragraph is page chrome, or ``""`` if it is journalism.

    Examples
    --------
    >>> chrome_reason("Related Posts")
    'widget text'
    >>> chrome_reason("Protesters outside City Hall. MediaNews Group via Getty Images")
    'photo credit'
    >>> chrome_reason("The mayor said she would not cooperate.")
    ''
    """
    text = " ".join(paragraph.replace("\u00a0", " ").split())
    if not _ANY_CHROME.search(text):
        return ""
    for reason, pattern in CHROME_RULES:
        if pattern.search(text):
            return reason
    return ""


# A paragraph is classified once: an article is split with and without its metadata
# headline (reading and analysis), and synthetic corpora repeat paragraphs.
_chrome_reason = lru_cache(maxsize=32768)(chrome_reason)


def _newline_kind(raw: str) -> str:
    crlf = raw.count("\r\n")
    cr, lf = raw.count("\r") - crlf, raw.count("\n") - crlf
    kinds = [name for name, n in (("lf", lf), ("crlf", crlf), ("cr", cr)) if n]
    return "none" if not kinds else kinds[0] if len(kinds) == 1 else "mixed"


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS)[-1:] in (".", "!", "?", ":", ";")


def _looks_wrapped(line: str, following: str) -> bool:
    """A line break inside a sentence: no final punctuation, and the next line goes on in
    lower case (or this one ends in a comma or a hyphen)."""
    return not _ends_sentence(line) and (following[:1].islower() or line[-1:] in ",-")


def _lines(raw: str) -> list[tuple[int, int, bool]]:
    """Non-blank lines as ``(start, end, indented)``, stripped, with ``start = -1`` marking a
    blank line before them (blank runs collapse to one marker)."""
    out: list[tuple[int, int, bool]] = []
    cursor = 0
    breaks = [m.span() for m in _LINE_BREAK.finditer(raw)]
    breaks.append((len(raw), len(raw)))
    for brk_start, brk_end in breaks:
        start, end = _stripped_span(raw, cursor, brk_start)
        if start == end:
            if out and out[-1][0] != -1:
                out.append((-1, -1, False))
        else:
            out.append((start, end, raw[cursor] in _INDENT))
        cursor = brk_end
    if out and out[-1][0] == -1:
        out.pop()
    return out


@lru_cache(maxsize=64)
def _paragraph_spans(raw: str) -> tuple[str, str, tuple[tuple[int, int], ...]]:
    """The paragraph convention, its evidence, and the paragraph spans (stripped)."""
    lines = _lines(raw)
    # Line breaks between two lines of text (no blank line between): into an indented or a
    # flush line, and how many of each look like wrapped text.
    inner = into_indented = wrapped = wrapped_indented = 0
    for (a_start, a_end, _), (b_start, b_end, b_indented) in zip(lines, lines[1:], strict=False):
        if a_start == -1 or b_start == -1:
            continue
        inner += 1
        is_wrap = _looks_wrapped(raw[a_start:a_end], raw[b_start:b_end])
        into_indented += b_indented
        wrapped += is_wrap and not b_indented
        wrapped_indented += is_wrap and b_indented
    into_flush = inner - into_indented
    n_blocks = sum(1 for start, _, _ in lines if start == -1) + bool(lines)
    if not inner:
        convention = "blank_line" if n_blocks > 1 else "one_block"
        why = ("blank lines between paragraphs, one line each" if n_blocks > 1
               else "a single line of text")
    elif (wrapped <= WRAP_SHARE * into_flush if into_flush
          else wrapped_indented <= WRAP_SHARE * into_indented):
        convention = "single_newline"
        why = (f"{inner} line break(s) between lines of text, "
               f"{wrapped + wrapped_indented} looking like wrapped text: every line is a "
               "paragraph")
    elif into_indented and into_flush:
        convention = "indented"
        why = (f"{into_indented} indented line(s) begin paragraphs; {wrapped} of {into_flush} "
               "flush line(s) continue wrapped text")
    else:
        convention = "blank_line" if n_blocks > 1 else "one_block"
        why = (f"{wrapped + wrapped_indented} of {inner} line break(s) inside blocks look "
               "like wrapped text: "
               + ("blank lines separate paragraphs" if n_blocks > 1 else "one paragraph"))
    spans: list[tuple[int, int]] = []
    new_paragraph = True
    for start, end, indented in lines:
        if start == -1:
            new_paragraph = True
            continue
        if (new_paragraph or convention == "single_newline"
                or (convention == "indented" and indented)):
            spans.append((start, end))
        else:
            spans[-1] = (spans[-1][0], end)
        new_paragraph = False
    return convention, why, tuple(spans)


def _normalize_headline(text: str) -> str:
    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    return " ".join(text.split()).casefold()


def _guess_headline(first: str, second: str | None) -> tuple[bool, str]:
    """Whether a first paragraph looks like a headline, and why (not)."""
    if second is None:
        return False, "no body after the first paragraph: it is body"
    if "\n" in first or "\r" in first:
        return False, "the first paragraph spans several lines: it is body"
    if len(first) > HEADLINE_MAX_CHARS or len(first.split()) > HEADLINE_MAX_WORDS:
        return False, "the first paragraph is too long for a headline: it is body"
    if first.rstrip(_CLOSERS)[-1:] in (".", ",", ":", ";"):
        if _BYLINE.fullmatch(second):
            return True, "the first paragraph is one short line followed by a byline"
        return False, "the first paragraph ends like a sentence: it is body"
    if (first.count("\u201c") > first.count("\u201d") or first.count('"') % 2
            or first.count("\u00ab") > first.count("\u00bb")):
        return False, "the first paragraph opens a quotation that continues: it is body"
    return True, "the first paragraph is one short line without final punctuation, " \
                 "followed by body"


def _decide_headline(first: str, second: str | None,
                     headline: Headline) -> tuple[bool, str, str]:
    if isinstance(headline, bool):
        return headline, "caller", "headline decided by the caller"
    if headline and headline.strip():
        if _normalize_headline(first) == _normalize_headline(headline):
            return True, "metadata", "the first paragraph is the metadata headline"
        return False, "metadata", "the first paragraph differs from the metadata headline: " \
                                  "all text is body"
    found, why = _guess_headline(first, second)
    return found, "text", why


def detect_layout(raw: str, headline: Headline = None) -> Layout:
    """How an article marks its paragraphs and whether its first paragraph is the headline.

    Parameters
    ----------
    raw : str
        The article exactly as read from the file.
    headline : str, bool or None, default None
        The corpus metadata's headline for this article: when given (non-empty), the first
        paragraph is the headline only if it equals it (whitespace, case and curly/straight
        quotes aside), otherwise all text is body. ``True``/``False`` impose the decision.
        ``None`` or ``""``: decided from the text (a short single line without final
        punctuation, unless a byline follows, or an unclosed quotation, followed by more
        text).

    Returns
    -------
    Layout
        The convention (``blank_line``, ``single_newline``, ``indented``, ``one_block``),
        the line ends, the headline decision, what decided it and why.

    Examples
    --------
    >>> layout = detect_layout("Title\\nFirst paragraph.\\nSecond paragraph.")
    >>> layout.paragraphs, layout.headline
    ('single_newline', True)
    >>> detect_layout("Body text, no headline.\\n\\nMore body.").headline
    False
    >>> detect_layout("Title\\n\\nBody.", headline="Another title").reason
    'blank lines between paragraphs, one line each; the first paragraph differs from the \
metadata headline: all text is body'
    """
    return _split_paragraphs(raw, _headline_key(headline))[0]


def split_paragraphs(raw: str, headline: Headline = None) -> list[Paragraph]:
    """Split raw article text into paragraphs and classify them.

    The paragraph convention (blank lines, one paragraph per line, indented first lines;
    any line ends) is detected per article by :func:`detect_layout`. The first paragraph
    is the headline only when it looks like one or equals the metadata ``headline``; body
    text is never set aside as a headline. Offsets index ``raw``.

    Parameters
    ----------
    raw : str
        The article exactly as read from the file.
    headline : str, bool or None, default None
        The metadata headline (see :func:`detect_layout`); ``None`` decides from the text.

    Returns
    -------
    list of Paragraph
        In text order, with ``role`` set to ``"headline"``, ``"body"`` or ``"chrome"``.

    Examples
    --------
    >>> [p.role for p in split_paragraphs("Title\\n\\nBody text.\\n\\nComments")]
    ['headline', 'body', 'chrome']
    >>> [p.text for p in split_paragraphs("One.\\r\\nTwo.")]
    ['One.', 'Two.']
    """
    return list(_split_paragraphs(raw, _headline_key(headline))[1])


def _headline_key(headline: Headline) -> Headline:
    """The cache key of a headline argument: no metadata value is ``None``."""
    if isinstance(headline, bool):
        return headline
    return headline if isinstance(headline, str) and headline.strip() else None


@lru_cache(maxsize=1024)
def _split_paragraphs(raw: str, headline: Headline = None
                      ) -> tuple[Layout, tuple[Paragraph, ...]]:
    # Cached per article text and headline: reading, cleaning, sentences and quotes each
    # ask for the same article's paragraphs (Paragraph and Layout are frozen, so sharing is
    # safe). The cache holds more than a batch chunk (500 articles by default): with 64 it
    # missed on every call of a chunk and each article was split four times.
    convention, why, spans = _paragraph_spans(raw)
    first = raw[spans[0][0]:spans[0][1]] if spans else ""
    second = raw[spans[1][0]:spans[1][1]] if len(spans) > 1 else None
    found, source, headline_why = _decide_headline(first, second, headline)
    found = found and bool(spans)
    layout = Layout(convention, _newline_kind(raw), found, source, f"{why}; {headline_why}")
    paragraphs: list[Paragraph] = []
    for start, end in spans:
        text = raw[start:end]
        if found and not paragraphs:
            paragraphs.append(Paragraph(start, end, text, "headline"))
            continue
        reason = _chrome_reason(text)
        paragraphs.append(Paragraph(start, end, text, "chrome" if reason else "body", reason))
    return layout, tuple(paragraphs)


def corpus_headlines(corpus: pd.DataFrame) -> list[Headline]:
    """Each article's headline argument for :func:`split_paragraphs`: the decision kept in
    ``layout`` (from :func:`corpus_tools.load_corpus`), else the ``headline`` column, else
    ``None`` (decided from the text)."""
    if "layout" in corpus.columns:
        return [lay.headline if isinstance(lay, Layout) else None for lay in corpus["layout"]]
    if "headline" in corpus.columns:
        return [h if isinstance(h, str) else None for h in corpus["headline"]]
    return [None] * len(corpus)


def clean_text(raw: str, headline: Headline = None) -> tuple[str, str, list[dict]]:
    """Return ``(headline, body, removed)`` for one raw article.

    ``headline`` is the text's headline paragraph or ``""`` when it has none (see
    :func:`detect_layout`; the ``headline`` argument is the metadata headline, if any).
    ``body`` is the journalism paragraphs joined by blank lines (for reading; analyses
    use :func:`extract_paragraphs`, whose offsets index the raw text). ``removed`` lists
    every chrome paragraph as a dict with ``start, end, text, reason``.
    """
    paragraphs = split_paragraphs(raw, headline)
    found = next((p.text for p in paragraphs if p.role == "headline"), "")
    body = "\n\n".join(p.text for p in paragraphs if p.role == "body")
    removed = [
        {"start": p.start, "end": p.end, "text": p.text, "reason": p.reason}
        for p in paragraphs
        if p.role == "chrome"
    ]
    return found, body, removed


def extract_paragraphs(corpus: pd.DataFrame, include_chrome: bool = False) -> pd.DataFrame:
    """Tidy paragraph table: ``article_id, paragraph, start, end, role, reason, text``.

    Parameters
    ----------
    corpus : DataFrame
        From :func:`corpus_tools.load_corpus` (needs ``article_id`` and ``text``; the
        headline decision is read from ``layout`` or ``headline`` when present).
    include_chrome : bool, default False
        Keep chrome paragraphs (``role == "chrome"``) in the table.

    Returns
    -------
    DataFrame
        One row per paragraph; ``paragraph`` counts from 0 over all paragraphs of the
        article (chrome included), so numbers are stable whether or not chrome is shown.
    """
    rows = []
    for article_id, raw, headline in zip(corpus["article_id"], corpus["text"],
                                         corpus_headlines(corpus), strict=True):
        for i, p in enumerate(split_paragraphs(raw, headline)):
            if p.role == "chrome" and not include_chrome:
                continue
            rows.append((article_id, i, p.start, p.end, p.role, p.reason, p.text))
    columns = ["article_id", "paragraph", "start", "end", "role", "reason", "text"]
    return pd.DataFrame(rows, columns=columns)


def audit_cleaning(corpus: pd.DataFrame) -> pd.DataFrame:
    """Every paragraph set aside by cleaning: ``article_id, start, end, reason, text``."""
    paragraphs = extract_paragraphs(corpus, include_chrome=True)
    removed = paragraphs[paragraphs["role"] == "chrome"]
    return removed[["article_id", "start", "end", "reason", "text"]].reset_index(drop=True)


def audit_layout(corpus: pd.DataFrame) -> pd.DataFrame:
    """The layout decision of every article: how paragraphs were found, and the headline.

    Parameters
    ----------
    corpus : DataFrame
        From :func:`corpus_tools.load_corpus` (uses its ``layout`` column; without it the
        layout is detected from ``text`` and the ``headline`` column as metadata).

    Returns
    -------
    DataFrame
        ``article_id, paragraphs, newline, n_paragraphs, headline, source, headline_text,
        reason``: ``headline`` says whether the first paragraph was set aside as the
        headline and ``headline_text`` is that paragraph (``""`` when there is none).

    Examples
    --------
    >>> from corpus_tools import load_corpus
    >>> audit = audit_layout(load_corpus())
    >>> audit[["paragraphs", "source"]].iloc[0].tolist(), bool(audit["headline"].all())
    (['blank_line', 'metadata'], True)
    """
    rows = []
    layouts = (corpus["layout"] if "layout" in corpus.columns
               else [None] * len(corpus))
    metadata = (corpus["headline"] if "headline" in corpus.columns
                else [None] * len(corpus))
    for aid, raw, layout, meta in zip(corpus["article_id"], corpus["text"], layouts, metadata,
                                      strict=True):
        if not isinstance(layout, Layout):
            layout = detect_layout(raw, meta if isinstance(meta, str) else None)
        paragraphs = split_paragraphs(raw, layout.headline)
        found = paragraphs[0].text if layout.headline and paragraphs else ""
        rows.append((aid, layout.paragraphs, layout.newline, len(paragraphs), layout.headline,
                     layout.source, found, layout.reason))
    columns = ["article_id", "paragraphs", "newline", "n_paragraphs", "headline", "source",
               "headline_text", "reason"]
    return pd.DataFrame(rows, columns=columns)
