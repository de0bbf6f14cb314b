"""Segmentation: sentences within paragraphs, with NLTK Punkt and an explicit abbreviation list.

Punkt is used untrained (no NLTK data is fetched): its parameters are built in code from
``resources/abbreviations.txt`` plus every single letter (initials). Curly quotes and
no-break spaces are mapped to their ASCII equivalents in a same-length copy of the text
before splitting, so Punkt's boundary rules see ``.”`` like ``."`` and the spans still
index the raw text.
"""

from __future__ import annotations

import string
from functools import lru_cache

import pandas as pd

from corpus_tools._nltk import nltk_module
from corpus_tools.clean import extract_paragraphs
from corpus_tools.paths import RESOURCES_DIR

_punkt = nltk_module("nltk.tokenize.punkt")  # NLTK's Punkt, without `import nltk`
PunktParameters = _punkt.PunktParameters
PunktSentenceTokenizer = _punkt.PunktSentenceTokenizer

#: Same-length character mapping applied before Punkt sees the text.
ASCII_FOLD = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
})


def load_wordlist(name: str) -> list[str]:
    """Read a word list shipped in ``corpus_tools/resources`` (``#`` starts a comment)."""
    lines = (RESOURCES_DIR / name).read_text(encoding="utf-8").splitlines()
    words = (line.split("#", 1)[0].strip() for line in lines)
    return [w for w in words if w]


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """The package's Punkt tokenizer (cached): abbreviations from the shipped list."""
    params = PunktParameters()
    params.abbrev_types = set(load_wordlist("abbreviations.txt")) | set(string.ascii_lowercase)
    return PunktSentenceTokenizer(params)


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans in ``text``, shifted by ``offset``.

    Parameters
    ----------
    text : str
        One paragraph (paragraph breaks are hard boundaries; split paragraphs first).
    offset : int, default 0
        Added to every span, e.g. the paragraph's start in the raw file.

    Returns
    -------
    list of (start, end)
        ``text[start - offset:end - offset]`` is each sentence.

    Examples
    --------
    >>> s = "Gov. Maura Healey's office declined. Wu did not respond."
    >>> [s[a:b] for a, b in split_sentences(s)]
    ["Gov. Maura Healey's office declined.", 'Wu did not respond.']
    """
    return [(offset + a, offset + b) for a, b in _sentence_spans(text)]


@lru_cache(maxsize=32768)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    # Cached per paragraph text: the sentence table and the quote extractor split the same
    # body paragraphs (Punkt ran twice on each); more entries than a batch chunk has.
    folded = text.translate(ASCII_FOLD)
    return tuple(sentence_tokenizer().span_tokenize(folded))


def extract_sentences(corpus: pd.DataFrame,
                      paragraphs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tidy sentence table: ``article_id, paragraph, sentence, start, end, text``.

    Only journalism paragraphs (headline and chrome excluded). ``sentence`` numbers
    count from 0 within each article; offsets index the raw text.

    Parameters
    ----------
    corpus : DataFrame
        From :func:`corpus_tools.load_corpus` (``article_id`` and ``text``).
    paragraphs : DataFrame, optional
        :func:`corpus_tools.clean.extract_paragraphs` of the same corpus, when the caller
        has it already (with or without chrome; only ``role == "body"`` rows are used).
    """
    if paragraphs is None:
        paragraphs = extract_paragraphs(corpus)
    paragraphs = paragraphs[paragraphs["role"] == "body"]
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    rows = []
    counters: dict[str, int] = {}
    for aid, pno, start, ptext in zip(paragraphs["article_id"], paragraphs["paragraph"],
                                      paragraphs["start"], paragraphs["text"], strict=True):
        for a, b in split_sentences(ptext, start):
            n = counters.get(aid, 0)
            counters[aid] = n + 1
            rows.append((aid, pno, n, a, b, texts[aid][a:b]))
    columns = ["article_id", "paragraph", "sentence", "start", "end", "text"]
    return pd.DataFrame(rows, columns=columns)
