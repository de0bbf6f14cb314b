"""The extractor's working state: quote records, position timelines and the article context.

:class:`_Quote` is one quotation (or one speaker record); :class:`_Timeline` keeps the people
and organisations mentioned so far in position order; :class:`_Context` is what the
attribution of later quotes may refer back to (timelines, roster, sentence starts, word
index). Used by every other module of :mod:`corpus_tools.quotes`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpus_tools.actors import Actor, ActorRegistry
from corpus_tools.doc import ArticleDoc, make_article_doc

#: How many earlier mentions pronoun resolution looks back over (bounds the work).
_LOOKBACK = 64


@dataclass(slots=True)
class _Quote:
    start: int
    end: int
    para: int
    open_mark: int  # index of the opening mark, or start for unquoted blocks
    close_mark: int  # index of the closing mark, or end if none
    closed: bool
    kind: str = "direct"
    mention: str = ""
    mention_start: int = -1
    mention_end: int = -1
    speaker: str = ""
    actor_id: str = ""
    group: str = "unknown"
    group_source: str = "unknown"
    cue: str = ""
    speaker_kind: str = ""  # person / organization / ""
    gender: str = ""
    role: str = ""  # lower-cased mention or registry role, for ``the mayor`` etc.
    #: a registry mention that is not a clause's subject (``the Trump administration``,
    #: ``Trump's plans``, ``provide Trump the pretext``): a pronoun's antecedent only when
    #: no subject-like mention is compatible
    weak: bool = False


_Entry = tuple[int, int, "_Quote"]


def _entry_position(entry: _Entry) -> int:
    return entry[0]


class _Timeline:
    """Entries ``(position, sentence start, speaker)`` kept in position order, as a list of
    blocks of at most ``2 * block`` entries, so that adding one costs O(log n + block)
    wherever it goes (``bisect.insort`` into one long list moves every later entry: the
    quadratic step of issue 12). An entry goes after those at the same position, as
    ``bisect.insort`` puts it.

    Examples
    --------
    >>> t = _Timeline(block=2)
    >>> for pos in (5, 1, 3, 3, 9, 0):
    ...     t.add((pos, len(t), None))
    >>> len(t), [e[:2] for e in t.before(4, 3)]
    (6, [(3, 3), (3, 2), (1, 1)])
    """

    __slots__ = ("_blocks", "_maxes", "_len", "_block")

    def __init__(self, block: int = 512) -> None:
        self._blocks: list[list[_Entry]] = []
        self._maxes: list[int] = []  # the last position of each block
        self._len = 0
        self._block = block

    def __len__(self) -> int:
        return self._len

    def add(self, entry: _Entry) -> None:
        """Insert ``entry`` after every entry at the same or an earlier position."""
        pos = entry[0]
        self._len += 1
        if not self._blocks:
            self._blocks.append([entry])
            self._maxes.append(pos)
            return
        b = min(bisect.bisect_right(self._maxes, pos), len(self._blocks) - 1)
        block = self._blocks[b]
        bisect.insort(block, entry, key=_entry_position)
        self._maxes[b] = block[-1][0]
        if len(block) > 2 * self._block:  # split: blocks stay short
            half = self._block
            self._blocks[b:b + 1] = [block[:half], block[half:]]
            self._maxes[b:b + 1] = [block[half - 1][0], block[-1][0]]

    def before(self, pos: int, limit: int = _LOOKBACK) -> list[_Entry]:
        """The at most ``limit`` entries right before ``pos`` (strictly), nearest first."""
        out: list[_Entry] = []
        b = bisect.bisect_left(self._maxes, pos)  # blocks before b end before pos
        if b < len(self._blocks):
            block = self._blocks[b]
            i = bisect.bisect_left(block, pos, key=_entry_position)
            out.extend(block[max(0, i - limit):i][::-1])
        while len(out) < limit and b > 0:
            b -= 1
            block = self._blocks[b]
            out.extend(block[max(0, len(block) - (limit - len(out))):][::-1])
        return out


@dataclass
class _Context:
    """What the attribution of later quotes may refer back to."""

    registry: ActorRegistry
    #: (position, start of its sentence, speaker) in text order; a negative start
    #: ``-1 - k`` means "in paragraph k, not split yet" (see :meth:`sentence_of`)
    persons: _Timeline = field(default_factory=_Timeline)
    organizations: _Timeline = field(default_factory=_Timeline)
    #: unregistered people of this article: surname -> a speaker record
    roster: dict[str, _Quote] = field(default_factory=dict)
    raw: str = ""
    paragraphs: Sequence[tuple[int, int]] = ()
    #: the article's document: its sentence spans, split once per paragraph and shared
    #: with the ranker (default: ``make_article_doc(raw)``)
    doc: ArticleDoc | None = None
    #: paragraph start -> its sentence starts (split once, on first use)
    sentence_starts: dict[int, list[int]] = field(default_factory=dict)
    #: the last quote attributed to someone (``the statement continued``)
    last: _Quote | None = None
    #: word -> start offsets (see ``_word_positions``)
    word_index: dict[str, list[int]] | None = None
    #: casefolded word -> the words of the article (see ``_words_by_casefold``)
    casefolds: dict[str, list[str]] | None = None
    #: surname -> how many of its first mentions have no first name (``_full_name``)
    no_first_name: dict[str, int] = field(default_factory=dict)
    #: (transcript label, number of persons known) -> its speaker (``_labelled_speaker``)
    labels: dict[tuple[str, int], _Quote | None] = field(default_factory=dict)
    #: ``First Last`` pairs by surname prefix (``roles.full_names``, built on first use)
    full_names: dict[str, set[tuple[str, str]]] | None = None
    #: transcript label -> the speaker its first labelled line (with a role) gave
    label_speakers: dict[str, _Quote] = field(default_factory=dict)

    #: where each paragraph starts (for binary searches)
    paragraph_starts: list[int] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.paragraph_starts = [a for a, _ in self.paragraphs]

    def starts(self, pstart: int, pend: int) -> list[int]:
        """Sentence starts of the paragraph ``raw[pstart:pend]`` (cached)."""
        found = self.sentence_starts.get(pstart)
        if found is None:
            doc = self.doc if self.doc is not None else make_article_doc(self.raw)
            found = [a for a, _ in doc.sentences_in(pstart, pend)]
            self.sentence_starts[pstart] = found
        return found

    def sentence_of(self, item: tuple[int, int, _Quote]) -> int:
        """Start of the sentence holding a ``persons``/``organizations`` entry, splitting
        its paragraph only now (most narration mentions are never asked about)."""
        pos, sent, _ = item
        if sent >= 0:
            return sent
        pstart, pend = self.paragraphs[-1 - sent]
        return self.sentence_start(pos, pstart, pend)

    def sentence_start(self, pos: int, pstart: int, pend: int) -> int:
        """Start of the sentence holding ``pos`` in paragraph ``raw[pstart:pend]`` (the
        paragraph start if ``pos`` is before its first sentence): a binary search, not a
        scan of the paragraph's sentences (a one-line file is one paragraph)."""
        starts = self.starts(pstart, pend)
        i = bisect.bisect_right(starts, pos)
        return starts[i - 1] if i else pstart


def _latest(items: _Timeline, pos: int, ctx: _Context,
            gender: str = "") -> _Quote | None:
    """The most recent compatible referent before ``pos``; within that sentence, the first
    (the subject, usually: in ``Tom Homan, appointed by President-elect Trump, had a
    message`` the antecedent of a following *he* is Homan)."""
    window = items.before(pos)  # nearest first
    if any(item[2].weak for item in window):  # a subject-like mention first (see _Quote)
        strong = _latest_in([item for item in window if not item[2].weak], ctx, gender)
        if strong is not None:
            return strong
    return _latest_in(window, ctx, gender)


def _latest_in(window: list[_Entry], ctx: _Context, gender: str) -> _Quote | None:
    """:func:`_latest` over a window of entries, nearest first."""
    def ok(q: _Quote) -> bool:
        return not gender or not q.gender or q.gender == gender

    latest = next((k for k, item in enumerate(window) if ok(item[2])), None)
    if latest is None:
        return None
    sent = ctx.sentence_of(window[latest])
    k = latest
    while k + 1 < len(window) and ctx.sentence_of(window[k + 1]) == sent:
        k += 1
    return next(window[j][2] for j in range(k, latest - 1, -1) if ok(window[j][2]))


def _actor_stub(actor: Actor, start: int, end: int) -> _Quote:
    """A registered actor mentioned at ``raw[start:end]``, as a speaker record to copy or
    an antecedent."""
    stub = _Quote(start, end, -1, start, end, True)
    stub.speaker, stub.actor_id, stub.group = actor.name, actor.actor_id, actor.group
    stub.group_source, stub.speaker_kind, stub.gender = "registry", actor.kind, actor.gender
    stub.role = actor.role
    return stub


def _copy_speaker(src: _Quote, dst: _Quote) -> None:
    dst.speaker, dst.actor_id, dst.group = src.speaker, src.actor_id, src.group
    dst.group_source, dst.speaker_kind, dst.gender = src.group_source, src.speaker_kind, \
        src.gender
    dst.role = src.role


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 (the last one is wanted)
        pass
    return found


def _word_positions(ctx: _Context) -> dict[str, list[int]]:
    """Every word of the article -> its start offsets (built once, on first use)."""
    if ctx.word_index is None:
        index: dict[str, list[int]] = {}
        for m in re.finditer(r"\w+", ctx.raw):
            index.setdefault(m.group(), []).append(m.start())
        ctx.word_index = index
    return ctx.word_index


def _words_by_casefold(ctx: _Context) -> dict[str, list[str]]:
    """The article's words grouped by ``str.casefold``, in first-occurrence order (built
    once: a transcript label is looked up without a pass over the vocabulary)."""
    if ctx.casefolds is None:
        ctx.casefolds = {}
        for word in _word_positions(ctx):
            ctx.casefolds.setdefault(word.casefold(), []).append(word)
    return ctx.casefolds
