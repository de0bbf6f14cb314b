"""Cleaning: split the raw text into paragraphs and set web-page chrome aside, with an audit trail.

Nothing is deleted from the raw text. Each paragraph keeps its character span in the raw
file; paragraphs recognised as chrome (captions, photo credits, link teasers, widget
text) get ``role="chrome"`` and a ``reason``, so a reader can audit every removal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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
)

#: All rules in one pattern: a paragraph that matches none (nearly every one) is journalism
#: after one search instead of one per rule; the rules then give the reason, in order.
_ANY_CHROME = re.compile("|".join(
    f"(?i:{pattern.pattern})" if pattern.flags & re.I else f"(?:{pattern.pattern})"
    for _, pattern in CHROME_RULES))

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\r]*\n")
_STRIP = " \t\r\n\u00a0\u200b\ufeff"


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


def split_paragraphs(raw: str) -> list[Paragraph]:
    """Split raw article text into paragraphs (blank-line separated) and classify them.

    The first non-empty paragraph is the headline. Offsets index ``raw``.

    Parameters
    ----------
    raw : str
        The article exactly as read from the file.

    Returns
    -------
    list of Paragraph
        In text order, with ``role`` set to ``"headline"``, ``"body"`` or ``"chrome"``.

    Examples
    --------
    >>> [p.role for p in split_paragraphs("Title\\n\\nBody text.\\n\\nComments")]
    ['headline', 'body', 'chrome']
    """
    return list(_split_paragraphs(raw))


@lru_cache(maxsize=64)
def _split_paragraphs(raw: str) -> tuple[Paragraph, ...]:
    # Cached per article text: cleaning, sentences and quotes each ask for the same
    # article's paragraphs (Paragraph is frozen, so sharing them is safe).
    paragraphs: list[Paragraph] = []
    cursor = 0
    bounds = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(raw)]
    bounds.append((len(raw), len(raw)))
    for brk_start, brk_end in bounds:
        start, end = _stripped_span(raw, cursor, brk_start)
        cursor = brk_end
        if start == end:
            continue
        text = raw[start:end]
        if not paragraphs:
            paragraphs.append(Paragraph(start, end, text, "headline"))
            continue
        reason = chrome_reason(text)
        paragraphs.append(Paragraph(start, end, text, "chrome" if reason else "body", reason))
    return tuple(paragraphs)


def clean_text(raw: str) -> tuple[str, str, list[dict]]:
    """Return ``(headline, body, removed)`` for one raw article.

    ``body`` is the journalism paragraphs joined by blank lines (for reading; analyses
    use :func:`extract_paragraphs`, whose offsets index the raw text). ``removed`` lists
    every chrome paragraph as a dict with ``start, end, text, reason``.
    """
    paragraphs = split_paragraphs(raw)
    headline = next((p.text for p in paragraphs if p.role == "headline"), "")
    body = "\n\n".join(p.text for p in paragraphs if p.role == "body")
    removed = [
        {"start": p.start, "end": p.end, "text": p.text, "reason": p.reason}
        for p in paragraphs
        if p.role == "chrome"
    ]
    return headline, body, removed


def extract_paragraphs(corpus: pd.DataFrame, include_chrome: bool = False) -> pd.DataFrame:
    """Tidy paragraph table: ``article_id, paragraph, start, end, role, reason, text``.

    Parameters
    ----------
    corpus : DataFrame
        From :func:`corpus_tools.load_corpus` (needs ``article_id`` and ``text``).
    include_chrome : bool, default False
        Keep chrome paragraphs (``role == "chrome"``) in the table.

    Returns
    -------
    DataFrame
        One row per paragraph; ``paragraph`` counts from 0 over all paragraphs of the
        article (chrome included), so numbers are stable whether or not chrome is shown.
    """
    rows = []
    for article_id, raw in zip(corpus["article_id"], corpus["text"], strict=True):
        for i, p in enumerate(split_paragraphs(raw)):
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
