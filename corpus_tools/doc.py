"""The document model: a text tokenized once, read by every measure.

A :class:`Doc` holds one text (an article, a quote, a narration sentence) and computes
its analyses lazily, once: the word tokens with offsets and normalised forms
(:func:`corpus_tools.tokenize.tokenize`), the matcher's words (hyphenated tokens split,
Porter stems: :func:`corpus_tools.matcher.words`) and the terms counted by
:func:`corpus_tools.tokenize.analyze`. :func:`make_doc` returns the same ``Doc`` for the
same text while it is in a bounded cache, so within a batch a quote is tokenized once for
its stance, its frames and its term counts instead of once per measure (in the spirit of
spaCy's ``Doc``). Offsets are relative to the text: add the unit's ``start`` for the raw
file.

The data flows one way: corpus -> units -> ``Doc`` -> measures -> tables. A ``Doc`` is
read-only: its sequences are tuples shared by every reader.
"""

from __future__ import annotations

from functools import cached_property, lru_cache

from corpus_tools.tokenize import Token, stem, tokenize

#: Texts whose ``Doc`` is kept: more than the units of one default batch chunk (500
#: articles give ~15,000 quotes and narration sentences), so every measure of a chunk
#: finds the ``Doc`` the first one made.
CACHE_SIZE = 32768


class Doc:
    """One text and its tokens, words and stems, each computed on first use.

    Parameters
    ----------
    text : str
        The text exactly as sliced from the raw file.

    Examples
    --------
    >>> d = Doc("Democrat-led cities deported him.")
    >>> [t.norm for t in d.tokens]
    ['democrat-led', 'cities', 'deported', 'him']
    >>> [(w.norm, w.stem, w.start) for w in d.words][:3]
    [('democrat', 'democrat', 0), ('led', 'led', 9), ('cities', 'citi', 13)]
    """

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Word tokens (:func:`corpus_tools.tokenize.tokenize`), offsets in the text."""
        return tuple(tokenize(self.text))

    @cached_property
    def words(self) -> tuple:
        """The matcher's words: tokens with hyphenated ones split, each with its stem
        (:class:`corpus_tools.matcher.Word`)."""
        from corpus_tools.matcher import Word

        out = []
        for tok in self.tokens:
            if "-" not in tok.norm or tok.norm.startswith("-"):
                out.append(Word(tok.start, tok.end, tok.norm, stem(tok.norm)))
                continue
            pos = tok.start
            for part in tok.norm.split("-"):
                if part:
                    out.append(Word(pos, pos + len(part), part, stem(part)))
                pos += len(part) + 1
        return tuple(out)

    def __repr__(self) -> str:
        return f"Doc({self.text[:40]!r}{'...' if len(self.text) > 40 else ''})"


@lru_cache(maxsize=CACHE_SIZE)
def make_doc(text: str) -> Doc:
    """The shared :class:`Doc` of ``text`` (the same object while it is cached).

    Examples
    --------
    >>> make_doc("ICE agents") is make_doc("ICE agents")
    True
    """
    return Doc(text)
