"""One dictionary matcher: patterns of stems and prefixes over the package's tokens.

Used by the frame tagger (:mod:`corpus_tools.frames`) and the stance lexicon
(:mod:`corpus_tools.stance`); the actor registry and the multiword terms match whole
aliases with :class:`corpus_tools.tokenize.TermMatcher` (exported here too). Matching
works on normalised tokens (:func:`corpus_tools.tokenize.tokenize`), never on raw
substrings:

* a one-word pattern matches any token with the same Porter stem
  (:func:`corpus_tools.tokenize.stem`): ``deport`` matches *deported*, *deportation*;
* a trailing ``*`` matches a prefix of the normalised token: ``militar*`` matches
  *military*, *militarized*;
* a multiword pattern is a sequence of such words matched on consecutive tokens;
* hyphenated tokens are split into their parts (*Democrat-led* -> *democrat*, *led*).

A text's words (:func:`words`) come from its :class:`corpus_tools.doc.Doc`, computed once
per distinct text and shared by every caller, so a quote's words serve its stance, its
frames and its term counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from corpus_tools.doc import make_doc
from corpus_tools.tokenize import TermMatcher, normalize

__all__ = ["Piece", "Pattern", "Word", "TermMatcher", "words", "parse_pattern",
           "pattern_index", "match_patterns", "select_hits"]


@dataclass(frozen=True)
class Piece:
    """One word of a pattern: ``stem`` equality, or ``prefix`` of the normalised token."""

    value: str
    prefix: bool

    def matches(self, norm: str, stemmed: str) -> bool:
        return norm.startswith(self.value) if self.prefix else stemmed == self.value


@dataclass(frozen=True)
class Pattern:
    """A parsed pattern: the text as written and its word pieces."""

    text: str
    pieces: tuple[Piece, ...]


class Word(NamedTuple):
    """A token (or a part of a hyphenated token) with its offsets, norm and stem."""

    start: int
    end: int
    norm: str
    stem: str


def words(text: str, offset: int = 0) -> Sequence[Word]:
    """Tokens of ``text`` with hyphenated tokens split into their parts.

    Offsets are shifted by ``offset``. With ``offset=0`` the result is shared by every
    caller asking for the same text (computed once; do not modify it).

    Examples
    --------
    >>> [(w.norm, w.stem) for w in words("Democrat-led cities deported")]
    [('democrat', 'democrat'), ('led', 'led'), ('cities', 'citi'), ('deported', 'deport')]
    """
    found = make_doc(text).words
    if not offset:
        return found
    return [Word(w.start + offset, w.end + offset, w.norm, w.stem) for w in found]


def parse_pattern(text: str) -> Pattern:
    """Parse one pattern (``deport``, ``national guard``, ``militar*``).

    Raises
    ------
    ValueError
        If the pattern has no word in it.

    Examples
    --------
    >>> [(p.value, p.prefix) for p in parse_pattern("Sanctuary Cities").pieces]
    [('sanctuari', False), ('citi', False)]
    >>> [(p.value, p.prefix) for p in parse_pattern("militar*").pieces]
    [('militar', True)]
    """
    pieces = []
    for raw in text.split():
        if raw.endswith("*") and len(raw) > 1:
            pieces.append(Piece(normalize(raw[:-1]), True))
            continue
        pieces.extend(Piece(w.stem, False) for w in words(raw))
    if not pieces:
        raise ValueError(f"indicator {text!r} has no word in it")
    return Pattern(" ".join(text.split()), tuple(pieces))


def select_hits(found: list[tuple[int, int, str]], vetoed: list[tuple[int, int]]
                ) -> list[tuple[int, int, str]]:
    """Leftmost-longest, non-overlapping hits that no vetoed span covers.

    Examples
    --------
    >>> select_hits([(0, 1, "a"), (0, 2, "a b"), (1, 2, "b")], [])
    [(0, 2, 'a b')]
    """
    out: list[tuple[int, int, str]] = []
    for i, j, text in sorted(found, key=lambda h: (h[0], -h[1], h[2])):
        if any(i < b and a < j for a, b in vetoed):
            continue
        if out and i < out[-1][1]:  # overlaps the previous (longer or earlier) hit
            continue
        out.append((i, j, text))
    return out


PatternIndex = tuple[dict[str, tuple[Pattern, ...]], tuple[Pattern, ...]]

#: Distinct words whose candidate patterns an index keeps (emptied when full): far more
#: than the vocabulary of a batch chunk, so memory stays bounded on any corpus.
MEMO_SIZE = 200_000


class _Index(tuple):
    """A :data:`PatternIndex` (``exact, prefix``) that also remembers, per word, the
    patterns whose first piece fits it (``memo``: norm -> (stem, candidates)), so a word
    seen before costs one dictionary lookup."""

    memo: dict[str, tuple[str, tuple[Pattern, ...]]]


@lru_cache(maxsize=512)
def pattern_index(patterns: tuple[Pattern, ...]) -> PatternIndex:
    """Patterns by the stem of their first word, plus those starting with a prefix piece."""
    exact: dict[str, list[Pattern]] = {}
    prefix: list[Pattern] = []
    for pat in patterns:
        first = pat.pieces[0]
        if first.prefix:
            prefix.append(pat)
        else:
            exact.setdefault(first.value, []).append(pat)
    index = _Index(({k: tuple(v) for k, v in exact.items()}, tuple(prefix)))
    index.memo = {}
    return index


@lru_cache(maxsize=512)
def _prefix_lookup(prefix: tuple[Pattern, ...]
                   ) -> tuple[tuple[int, ...], dict[str, tuple[Pattern, ...]], frozenset[str]]:
    # Prefix patterns by their first piece, and the lengths of those pieces: a token's
    # candidates are ``by_prefix[norm[:n]]`` for each length, not a scan of every pattern.
    # ``heads``: every first piece cut to the shortest length; a token whose start is not
    # one of them can match no prefix pattern.
    by_prefix: dict[str, list[Pattern]] = {}
    for pat in prefix:
        by_prefix.setdefault(pat.pieces[0].value, []).append(pat)
    lengths = tuple(sorted({len(v) for v in by_prefix}))
    heads = frozenset(v[:lengths[0]] for v in by_prefix) if lengths else frozenset()
    return lengths, {k: tuple(v) for k, v in by_prefix.items()}, heads


def match_patterns(words: Sequence[Word], patterns: tuple[Pattern, ...],
                   index: PatternIndex | None = None) -> list[tuple[int, int, Pattern]]:
    """Every ``(i, j, pattern)`` where a pattern matches ``words[i:j]``.

    Only the patterns whose first word fits a token are tried there, so the cost grows
    with tokens, not tokens x patterns. Pass ``index`` (``pattern_index(patterns)``) when
    matching many texts: the cache key hashes every pattern.

    Examples
    --------
    >>> pats = (parse_pattern("national guard"), parse_pattern("militar*"))
    >>> [(i, j, p.text) for i, j, p in match_patterns(words("the National Guard"), pats)]
    [(1, 3, 'national guard')]
    """
    if index is None:
        index = pattern_index(patterns)
    exact, prefix = index
    memo = getattr(index, "memo", None)
    if memo is None:  # an index built by hand: remember words for this call only
        memo = {}
    elif len(memo) > MEMO_SIZE:
        memo.clear()
    lengths, by_prefix, heads = _prefix_lookup(prefix)
    shortest = lengths[0] if lengths else 0
    out = []
    n_words = len(words)
    for i, w in enumerate(words):
        norm = w.norm
        known = memo.get(norm)
        if known is not None and known[0] == w.stem:
            candidates = known[1]
        else:
            candidates = exact.get(w.stem, ())
            if heads and norm[:shortest] in heads:
                more = [p for n in lengths if n <= len(norm)
                        for p in by_prefix.get(norm[:n], ())]
                if more:
                    if len(more) > 1:  # in the order of ``prefix``, as a scan finds them
                        more.sort(key=prefix.index)
                    candidates = (*candidates, *more)
            memo[norm] = (w.stem, candidates)
        if not candidates:
            continue
        for pat in candidates:
            pieces = pat.pieces
            n = len(pieces)
            if n == 1:
                out.append((i, i + 1, pat))
                continue
            if i + n > n_words:
                continue
            for k in range(1, n):
                x, piece = words[i + k], pieces[k]
                if not (x.norm.startswith(piece.value) if piece.prefix
                        else x.stem == piece.value):
                    break
            else:
                out.append((i, i + n, pat))
    return out
