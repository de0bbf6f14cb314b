"""Tokenization: word tokens with raw-text offsets, normalisation, stop words, n-grams and
multiword terms.

Tokens are the matches of one regular expression (what NLTK's ``RegexpTokenizer`` does,
called directly), so ``raw[start:end]`` is always the token. The normalised form
lower-cases and maps curly apostrophes to straight ones (``We’re`` and ``we're`` both
become ``we're``). A possessive
``’s`` is split off as its own token (as the Penn Treebank does).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from corpus_tools._nltk import nltk_module
from corpus_tools.segment import extract_sentences, load_wordlist

# NLTK's Porter stemmer and n-grams, without `import nltk` (see corpus_tools._nltk)
PorterStemmer = nltk_module("nltk.stem.porter").PorterStemmer
nltk_ngrams = nltk_module("nltk.util").ngrams

#: Abbreviations with internal periods (U.S., D.C.), numbers (3.2, 5,300), then words
#: with internal hyphens or apostrophes (we’re, MS-13, large-scale) where a possessive ’s
#: is left for the next alternative, then the possessive itself. No nested quantifiers: linear time.
TOKEN_PATTERN = (
    r"(?:[A-Za-z]\.){2,}"
    r"|\d+(?:[.,]\d+)+"
    r"|\w+(?:-\w+)*(?:[’'](?![sS]\b)\w+)*"
    r"|[’'][sS]\b"
)
_TOKEN_RE = re.compile(TOKEN_PATTERN)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'"})


class Token(NamedTuple):
    """A word token; ``raw[start:end] == text``. (A named tuple: cheap to create.)"""

    start: int
    end: int
    text: str
    norm: str


def normalize(word: str) -> str:
    """Lower-case and fold curly apostrophes: ``normalize("We’re") == "we're"``.

    Examples
    --------
    >>> normalize("Trump’s") == normalize("trump's")
    True
    """
    # ``str.replace`` per apostrophe: the same one-character maps as
    # ``word.translate(_APOSTROPHES)``, without translate's per-character lookup, which made
    # folding a whole article cost as much as tokenizing it
    return word.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'") \
        .replace("\u00b4", "'").lower()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The package's stop-word list (``resources/stopwords.txt``), normalised."""
    return frozenset(normalize(w) for w in load_wordlist("stopwords.txt"))


_STEMMER = PorterStemmer()


@lru_cache(maxsize=65536)
def stem(norm: str) -> str:
    """Porter stem of a normalised token (cached)."""
    return _STEMMER.stem(norm)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of ``text`` with offsets shifted by ``offset``.

    Examples
    --------
    >>> [t.norm for t in tokenize("We’re in the U.S., Trump’s MS-13 claim.")]
    ["we're", 'in', 'the', 'u.s.', 'trump', "'s", 'ms-13', 'claim']
    """
    # Same spans as ``nltk.tokenize.RegexpTokenizer(TOKEN_PATTERN).span_tokenize``, without
    # its per-match guard wrapper, which tripled the pipeline's tokenizing time.
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    folded = normalize(text)
    if len(folded) != len(text) or "\u03a3" in text:
        # Lower-casing changed the length (e.g. "İ") or may depend on context (final
        # sigma): normalise token by token.
        return [Token(offset + a, offset + b, text[a:b], normalize(text[a:b]))
                for a, b in spans]
    # Whole-text normalisation is character for character here, so slices align.
    return [Token(offset + a, offset + b, text[a:b], folded[a:b]) for a, b in spans]


@lru_cache(maxsize=65536)
def singular(norm: str) -> str:
    """Fold an English plural to its singular (``cities`` -> ``city``), nothing else.

    Used to match multiword terms across inflection without conflating derivations
    (a Porter stem maps both *immigrants* and *immigration* to ``immigr``).

    Examples
    --------
    >>> [singular(w) for w in ["cities", "aliens", "policies", "status", "business"]]
    ['city', 'alien', 'policy', 'status', 'business']
    """
    if len(norm) > 4 and norm.endswith("ies"):
        return norm[:-3] + "y"
    if len(norm) > 3 and norm.endswith("s") and not norm.endswith(("ss", "us", "is", "'s")):
        return norm[:-1]
    return norm


@lru_cache(maxsize=8)
def _term_trie(terms: tuple[str, ...]) -> dict:
    trie: dict = {}
    for term in terms:
        node = trie
        for tok in tokenize(term):
            node = node.setdefault(singular(tok.norm), {})
        node[None] = normalize(" ".join(term.split()))
    return trie


@lru_cache(maxsize=1)
def multiword_terms() -> tuple[str, ...]:
    """The shipped multiword terms (``resources/multiword_terms.txt``)."""
    return tuple(load_wordlist("multiword_terms.txt"))


def merge_multiword(tokens: Sequence[Token], terms: Iterable[str] | None = None,
                    raw: str | None = None, min_tokens: int = 2) -> list[Token]:
    """Join runs of tokens that form a multiword term into one token (longest match).

    The merged token spans from the first to the last word; its ``norm`` is the term's
    canonical form (``"sanctuary city"`` for *sanctuary cities*). Matching folds
    plurals (:func:`singular`), so inflected forms match. Pass ``raw`` to get the raw slice
    as text; ``min_tokens=1`` also marks one-word terms (e.g. actor aliases).

    Examples
    --------
    >>> [t.norm for t in merge_multiword(tokenize("two sanctuary cities"))]
    ['two', 'sanctuary city']
    """
    matcher = _default_matcher() if terms is None else TermMatcher(terms)
    return matcher.merge(tokens, raw, min_tokens)


class TermMatcher:
    """:func:`merge_multiword` with its term list compiled once, for repeated use.

    Examples
    --------
    >>> m = TermMatcher(["border czar"])
    >>> [t.norm for t in m.merge(tokenize("the border czars said"))]
    ['the', 'border czar', 'said']
    """

    def __init__(self, terms: Iterable[str]):
        self.trie = _term_trie(tuple(sorted(terms)))
        # Every token norm that can start a term: the first words and their plurals (the
        # whole preimage of :func:`singular`), so most tokens are passed over unexamined.
        self.first = frozenset(
            form for key in self.trie if key is not None
            for form in (key, key + "s", key[:-1] + "ies" if key.endswith("y") else key)
            if singular(form) == key)

    def merge(self, tokens: Sequence[Token], raw: str | None = None,
              min_tokens: int = 2) -> list[Token]:
        """Merge the runs of ``tokens`` that form a term (see :func:`merge_multiword`)."""
        trie, first = self.trie, self.first
        if first.isdisjoint([t.norm for t in tokens]):
            return list(tokens)
        out: list[Token] = []
        i, n = 0, len(tokens)
        while i < n:
            if tokens[i].norm not in first:
                out.append(tokens[i])
                i += 1
                continue
            node, j, best = trie, i, None
            while j < n:
                key = singular(tokens[j].norm)
                if key not in node:
                    break
                node = node[key]
                j += 1
                if None in node and j - i >= min_tokens:
                    best = (j, node[None])
            if best is None:
                out.append(tokens[i])
                i += 1
                continue
            j, canonical = best
            start, end = tokens[i].start, tokens[j - 1].end
            text = raw[start:end] if raw is not None else " ".join(t.text for t in tokens[i:j])
            out.append(Token(start, end, text, canonical))
            i = j
        return out


    def find(self, text: str, offset: int = 0, min_tokens: int = 1,
             keep: AbstractSet[str] = frozenset()) -> list[Token]:
        """Only the terms in ``text``: the tokens of ``merge(tokenize(text, offset),
        min_tokens=min_tokens)`` that were merged, plus unmerged ones whose norm is in
        ``keep``, in text order. Same result, without building a token for every word
        (what a registry lookup over a whole article needs).

        Examples
        --------
        >>> [(t.start, t.norm) for t in TermMatcher(["border czar"]).find("Our border czars")]
        [(4, 'border czar')]
        """
        folded = normalize(text)
        if len(folded) != len(text) or "\u03a3" in text:  # see ``tokenize``
            tokens = tokenize(text)
            spans = [(t.start, t.end) for t in tokens]
            norms = [t.norm for t in tokens]
        else:
            spans = [m.span() for m in _TOKEN_RE.finditer(text)]
            norms = [folded[a:b] for a, b in spans]
        first, trie = self.first, self.trie
        if first.isdisjoint(norms) and keep.isdisjoint(norms):
            return []
        candidates = [i for i, w in enumerate(norms) if w in first or w in keep]
        out: list[Token] = []
        n, resume = len(norms), 0
        for i in candidates:
            if i < resume:  # inside the term found before
                continue
            node, j, best = trie, i, None
            while j < n:
                key = singular(norms[j])
                if key not in node:
                    break
                node = node[key]
                j += 1
                if None in node and j - i >= min_tokens:
                    best = (j, node[None])
            if best is None:
                if norms[i] in keep:
                    a, b = spans[i]
                    out.append(Token(offset + a, offset + b, text[a:b], norms[i]))
                continue
            j, canonical = best
            words = " ".join(text[a:b] for a, b in spans[i:j])
            out.append(Token(offset + spans[i][0], offset + spans[j - 1][1], words, canonical))
            resume = j
        return out


@lru_cache(maxsize=1)
def _default_matcher() -> TermMatcher:
    return TermMatcher(multiword_terms())


def ngrams(words: Sequence[str], n: int) -> list[str]:
    """Space-joined n-grams of a word sequence (NLTK's :func:`nltk.util.ngrams`).

    Examples
    --------
    >>> ngrams(["no", "crime", "in", "chicago"], 2)
    ['no crime', 'crime in', 'in chicago']
    """
    return [" ".join(g) for g in nltk_ngrams(words, n)]


def analyze(text: str, multiword: bool = True, drop_stopwords: bool = True,
            min_length: int = 2) -> list[str]:
    """Terms of a text for counting: normalised tokens, multiword terms joined, stop words
    and tokens shorter than ``min_length`` (or without a letter) dropped.

    Use as ``CountVectorizer(analyzer=analyze)``.

    Examples
    --------
    >>> analyze("The sanctuary cities refuse to work with ICE.")
    ['sanctuary city', 'refuse', 'work', 'ice']
    """
    from corpus_tools.doc import make_doc  # (doc imports this module)

    tokens = make_doc(text).tokens  # shared with the other measures of the same text
    if multiword:
        tokens = merge_multiword(tokens)
    stop = stopwords() if drop_stopwords else frozenset()
    return [t.norm for t in tokens
            if t.norm not in stop and len(t.norm) >= min_length
            and any(c.isalpha() for c in t.norm)]


def extract_tokens(corpus: pd.DataFrame, multiword: bool = False) -> pd.DataFrame:
    """Tidy token table: ``article_id, paragraph, sentence, token, start, end, text, norm,
    is_stop``. Offsets index the raw text; chrome and headline are excluded.

    With ``multiword=True`` multiword terms are one row each.
    """
    sentences = extract_sentences(corpus)
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    stop = stopwords()
    rows = []
    counters: dict[str, int] = {}
    for aid, pno, sno, start, stext in zip(
        sentences["article_id"], sentences["paragraph"], sentences["sentence"],
        sentences["start"], sentences["text"], strict=True,
    ):
        toks = tokenize(stext, start)
        if multiword:
            toks = merge_multiword(toks, raw=texts[aid])
        for tok in toks:
            n = counters.get(aid, 0)
            counters[aid] = n + 1
            rows.append((aid, pno, sno, n, tok.start, tok.end, tok.text, tok.norm,
                         tok.norm in stop))
    columns = ["article_id", "paragraph", "sentence", "token", "start", "end", "text", "norm",
               "is_stop"]
    return pd.DataFrame(rows, columns=columns)
