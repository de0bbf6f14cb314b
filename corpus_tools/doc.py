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

from corpus_tools.clean import Headline, Layout, Paragraph, _headline_key
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


class ArticleDoc:
    """One article read once: its layout, paragraphs and sentence spans.

    The article-level counterpart of :class:`Doc`: the paragraph split
    (:func:`corpus_tools.clean.split_paragraphs`) is made once, on first use, and each
    paragraph's sentence spans (:func:`corpus_tools.segment.split_sentences` with the
    paragraph's offset) are made once when first asked for, so the quote extractor and
    the units read the same split instead of each splitting again. Offsets index the raw
    text; every sequence is a tuple shared by every reader.

    Parameters
    ----------
    raw : str
        The article exactly as read from the file.
    headline : str, bool or None, default None
        The metadata headline (see :func:`corpus_tools.clean.detect_layout`); ``None``
        decides from the text.

    Examples
    --------
    >>> d = ArticleDoc("Title\\n\\nICE came. Wu spoke.\\n\\nShe left.")
    >>> d.layout.headline, [p.role for p in d.paragraphs]
    (True, ['headline', 'body', 'body'])
    >>> [(p.start, p.end) for p in d.body]
    [(7, 26), (28, 37)]
    >>> [d.raw[a:b] for a, b in d.sentences(1)]
    ['ICE came.', 'Wu spoke.']
    >>> d.sentences(1) is d.sentences(1)
    True
    >>> [doc.text for doc in d.sentence_docs]
    ['ICE came.', 'Wu spoke.', 'She left.']
    """

    def __init__(self, raw: str, headline: Headline = None):
        self.raw = raw
        self.headline = headline
        self._sentences: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}

    @cached_property
    def _split(self) -> tuple[Layout, tuple[Paragraph, ...]]:
        from corpus_tools import clean

        return clean._split_paragraphs(self.raw, _headline_key(self.headline))

    @property
    def layout(self) -> Layout:
        """The paragraph convention and headline decision
        (:func:`corpus_tools.clean.detect_layout`)."""
        return self._split[0]

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph in text order (headline, body and chrome), as
        :func:`corpus_tools.clean.split_paragraphs` gives them."""
        return self._split[1]

    @cached_property
    def body(self) -> tuple[Paragraph, ...]:
        """The journalism paragraphs (``role == "body"``)."""
        return tuple(p for p in self.paragraphs if p.role == "body")

    def sentences(self, i: int) -> tuple[tuple[int, int], ...]:
        """Sentence spans of paragraph ``i`` of :attr:`paragraphs` (raw offsets).

        Parameters
        ----------
        i : int
            Index into :attr:`paragraphs` (headline and chrome included).

        Returns
        -------
        tuple of (start, end)
            Split on first use, then shared.
        """
        p = self.paragraphs[i]
        return self.sentences_in(p.start, p.end)

    def sentences_in(self, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """Sentence spans of the paragraph ``raw[start:end]`` (raw offsets), split on
        first use with :func:`corpus_tools.segment.split_sentences`."""
        found = self._sentences.get((start, end))
        if found is None:
            from corpus_tools.segment import split_sentences

            found = tuple(split_sentences(self.raw[start:end], start))
            self._sentences[(start, end)] = found
        return found

    @property
    def body_sentences(self) -> tuple[tuple[int, int], ...]:
        """Sentence spans of every body paragraph, in text order."""
        return tuple(s for p in self.body for s in self.sentences_in(p.start, p.end))

    def para_doc(self, i: int) -> Doc:
        """The shared :class:`Doc` of paragraph ``i`` (offsets relative to it)."""
        return make_doc(self.paragraphs[i].text)

    @property
    def sentence_docs(self) -> tuple[Doc, ...]:
        """The shared :class:`Doc` of each body sentence, in text order."""
        return tuple(make_doc(self.raw[a:b]) for a, b in self.body_sentences)

    def __repr__(self) -> str:
        return f"ArticleDoc({self.raw[:40]!r}{'...' if len(self.raw) > 40 else ''})"


#: Articles whose ``ArticleDoc`` is kept: more than one batch chunk (500 articles).
ARTICLE_CACHE_SIZE = 1024


def make_article_doc(raw: str, headline: Headline = None) -> ArticleDoc:
    """The shared :class:`ArticleDoc` of ``raw`` and its headline argument.

    Headline arguments that decide the same way (``None``, ``""``, a blank string) share
    one document, as in :func:`corpus_tools.clean.split_paragraphs`.

    Examples
    --------
    >>> make_article_doc("A.\\n\\nB.") is make_article_doc("A.\\n\\nB.", "")
    True
    """
    return _make_article_doc(raw, _headline_key(headline))


@lru_cache(maxsize=ARTICLE_CACHE_SIZE)
def _make_article_doc(raw: str, headline: Headline) -> ArticleDoc:
    return ArticleDoc(raw, headline)
