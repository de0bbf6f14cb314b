"""Extract: the driver over an article's paragraphs and the public entry points.

:func:`extract_quotes_from_text` (one article) and :func:`extract_quotes` (a corpus
table) return one row per quotation with the columns in :data:`QUOTE_COLUMNS`.
"""

from __future__ import annotations

import bisect
import gc
import operator
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter

import pandas as pd

from corpus_tools.actors import (
    ActorRegistry,
    as_registry,
    group_from_organization,
    infer_group_from_role,
)
from corpus_tools.clean import Headline, corpus_headlines
from corpus_tools.doc import make_article_doc
from corpus_tools.quotes import rank as rs
from corpus_tools.quotes.attribute import _attribute_after, _attribute_before, _dash_speaker
from corpus_tools.quotes.cues import _attribute_after_probe, _intro
from corpus_tools.quotes.mentions import _narration_mentions, _register
from corpus_tools.quotes.resolve import _UNKNOWN_LABEL, _labelled_speaker
from corpus_tools.quotes.spans import (
    _ANSWER,
    _LABEL_CUES,
    _QUESTION,
    _SPEAKER_LABEL,
    _TERMINAL,
    _body_paragraphs,
    _characterized,
    _embedded,
    _is_dash_line,
    _looks_like_term,
    _n_words,
    _scan_paragraph,
    _transcript_goes_on,
    _trim,
)
from corpus_tools.quotes.state import _actor_stub, _Context, _copy_speaker, _latest, _Quote
from corpus_tools.roles import (
    collective_speaker,
    group_from_article,
    lawsuit_speaker,
    misspelt_surname,
    registered_surname,
    split_title,
)

QUOTE_COLUMNS = ["article_id", "quote_id", "start", "end", "text", "kind", "speaker_mention",
                 "mention_start", "mention_end", "speaker", "actor_id", "group", "group_source",
                 "cue"]


def extract_quotes_from_text(text: str, article_id: str = "doc",
                             actors: ActorRegistry | pd.DataFrame | None = None,
                             exclude: Sequence[tuple[int, int]] = (),
                             headline: Headline = None, rank: bool = True) -> pd.DataFrame:
    """Extract and attribute every quotation in one article.

    Parameters
    ----------
    text : str
        The raw article text (paragraphs and headline found as
        :func:`corpus_tools.clean.split_paragraphs` finds them).
    article_id : str, default "doc"
    actors : ActorRegistry or DataFrame, optional
        The actor registry; defaults to ``resources/actors.csv``.
    exclude : sequence of (start, end)
        Spans of paragraphs to skip (headline and chrome; see ``load_corpus``'s
        ``exclude``). Default: the headline and any chrome found by cleaning.
    headline : str, bool or None, default None
        The article's metadata headline: the first paragraph is skipped as the headline
        only if it is this headline (see :func:`corpus_tools.clean.detect_layout`).
        ``None``: a first paragraph that looks like a headline is skipped.
    rank : bool, default True
        Let the speaker ranker (:mod:`corpus_tools.quotes.rank`) fill quotes the rules
        leave without a speaker (``cue == "ranker"``); False gives the rules alone.

    Returns
    -------
    DataFrame
        One row per quotation with the columns in :data:`QUOTE_COLUMNS`; offsets index
        ``text``.

    Examples
    --------
    >>> q = extract_quotes_from_text("Title\\n\\n“We will not comply,” Mayor Jane Doe said.")
    >>> q[["text", "kind", "speaker", "group", "cue"]].values.tolist()
    [['We will not comply,', 'direct', 'Jane Doe', 'local_officials', 'said']]
    """
    registry = as_registry(actors)
    return pd.DataFrame(_quote_columns(text, article_id, registry, exclude, headline, rank),
                        columns=QUOTE_COLUMNS)


def extract_quotes_from_texts(texts: Iterable[tuple[str, str]],
                              actors: ActorRegistry | pd.DataFrame | None = None,
                              rank: bool = True) -> pd.DataFrame:
    """Quotes of many articles as one table, built once for all of them.

    Each article's rows are those of :func:`extract_quotes_from_text` on it (default
    ``exclude`` and ``headline``); the table is made from columns gathered over every
    article instead of one DataFrame per article concatenated (which cost more than the
    extraction on short articles).

    Parameters
    ----------
    texts : iterable of (article_id, text)
        In the order the rows should come.
    actors : ActorRegistry or DataFrame, optional
        The actor registry; defaults to ``resources/actors.csv``.
    rank : bool, default True
        As in :func:`extract_quotes_from_text`.

    Returns
    -------
    DataFrame
        The columns in :data:`QUOTE_COLUMNS`, articles in the given order.

    Examples
    --------
    >>> q = extract_quotes_from_texts([("a", "T\\n\\n“No,” Wu said."), ("b", "T\\n\\nNone.")])
    >>> q[["article_id", "quote_id", "speaker"]].values.tolist()
    [['a', 'a-q01', 'Michelle Wu']]
    """
    registry = as_registry(actors)
    columns: dict[str, list] = {c: [] for c in QUOTE_COLUMNS}
    for article_id, text in texts:
        for name, values in _quote_columns(text, article_id, registry, rank=rank).items():
            columns[name].extend(values)
    return pd.DataFrame(columns, columns=QUOTE_COLUMNS)


def _quote_columns(text: str, article_id: str, registry: ActorRegistry,
                   exclude: Sequence[tuple[int, int]] = (),
                   headline: Headline = None, rank: bool = True) -> dict[str, list]:
    """One article's quote table as columns (lists), ready to join other articles'."""
    with _cyclic_gc_paused():
        result = _extract(text, registry, exclude, headline)
        if rank:
            _rank_hook(text, result, registry, exclude, headline)
    _groups_from_article(text, result, registry)
    return _columns(text, article_id, result)


def _rank_hook(raw: str, quotes: list[_Quote], registry: ActorRegistry,
               exclude: Sequence[tuple[int, int]], headline: Headline) -> None:
    """Quotes the rules left without a speaker (or with a fragment: ``And``) take the
    ranker's confident choice (:mod:`corpus_tools.quotes.rank`)."""
    views = [rs.QuoteView(q.start, q.end, q.kind, q.speaker, q.mention_start, q.mention_end)
             for q in quotes]
    if not any(map(rs.needs_ranker, views)):
        return
    order = sorted(range(len(quotes)), key=lambda k: (quotes[k].start, quotes[k].end))
    ordered, views = [quotes[k] for k in order], [views[k] for k in order]
    chosen = rs.rank_quotes(raw, _body_paragraphs(raw, exclude, headline), views, registry,
                            doc=make_article_doc(raw, headline))
    for i, (cand, speaker, _) in chosen.items():
        q = ordered[i]
        q.speaker, q.cue = speaker, rs.RANKER_CUE
        q.actor_id, q.group, q.group_source, q.role = "", "unknown", "unknown", ""
        q.speaker_kind = "person" if cand.kind in ("name", "pronoun") else "organization"
        q.gender = ""
        q.mention, q.mention_start, q.mention_end = cand.text, cand.start, cand.end
        found = registry.find(speaker)
        if found is not None:
            actor = found[0]
            q.speaker, q.actor_id, q.group, q.group_source = actor.name, actor.actor_id, \
                actor.group, "registry"
            q.speaker_kind, q.gender = actor.kind, actor.gender
        else:
            group = infer_group_from_role(cand.text) if cand.kind != "name" else None
            if group:
                q.group, q.group_source = group, "role_cue"
    # A continuation of a quote the ranker filled goes on with its speaker (it copied the
    # fragment the rules had found: “But”), and so does a quote the rules left without any
    # speaker right after it in the same paragraph (the rules' continuation had no speaker
    # to copy then).
    filled = {id(ordered[i]) for i in chosen}
    for prev, q in zip(ordered, ordered[1:], strict=False):
        orphan = not q.cue and not q.speaker and q.kind != "term" and q.para == prev.para
        if (q.cue == "continuation" or orphan) and id(prev) in filled and \
                q.para - prev.para <= 1 and \
                rs.needs_ranker(rs.QuoteView(q.start, q.end, q.kind, q.speaker)):
            _copy_speaker(prev, q)
            q.cue = "continuation"
            filled.add(id(q))


def _groups_from_article(raw: str, quotes: list[_Quote], registry: ActorRegistry) -> None:
    """Named speakers still ``unknown`` take a role the article states elsewhere
    (:mod:`corpus_tools.roles`), or, for a bare surname, the registered person whose place
    the article names (:func:`corpus_tools.roles.registered_surname`)."""
    found: dict[str, str | None] = {}
    misspelt: dict[str, tuple[str, str] | None] = {}
    for q in quotes:
        if q.kind == "term" or q.group != "unknown" or not q.speaker:
            continue
        pos = q.mention_start if q.mention_start >= 0 else q.start
        speaker, group = collective_speaker(raw, q.speaker, pos)
        if group:  # “the state said”: the state named before, a local official
            q.speaker, q.group, q.group_source = speaker, group, "article_role"
            continue
        who = lawsuit_speaker(raw, q.speaker, pos)
        if who:  # “the lawsuit reads”: who sued speaks
            actor = registry.find(who)
            if actor is not None and actor[0].kind == "organization":
                q.speaker, q.actor_id, q.group = actor[0].name, actor[0].actor_id, actor[0].group
                q.group_source, q.speaker_kind = "registry", "organization"
                continue
            q.speaker, q.speaker_kind = who, "organization"
            group = infer_group_from_role(who) or group_from_organization(who)
            if group:
                q.group, q.group_source = group, "role_cue"
                continue
        if not q.speaker[:1].isupper():
            continue
        actor = registered_surname(raw, q.speaker, registry) if " " not in q.speaker else None
        if actor is not None:  # “Hancock” in an article about Denver: its mayor
            _copy_speaker(_actor_stub(actor, q.mention_start, q.mention_end), q)
            continue
        title, name = split_title(q.speaker)
        if title:  # “U.S. District Judge Ana Ruiz”: the name speaks, the title groups
            q.speaker = name
            group = infer_group_from_role(title)
            if group:
                q.group, q.group_source = group, "role_cue"
                continue
        if q.speaker not in found:
            found[q.speaker] = group_from_article(raw, q.speaker, registry=registry)[0]
        if found[q.speaker]:
            q.group, q.group_source = found[q.speaker], "article_role"
        elif " " not in q.speaker:  # “Ortis said” after “Mayor Dana Ortiz”: a misspelling
            if q.speaker not in misspelt:
                full = misspelt_surname(raw, q.speaker)
                group = group_from_article(raw, full, registry=registry)[0] if full else None
                misspelt[q.speaker] = (full, group) if full and group else None
            if misspelt[q.speaker]:
                (q.speaker, q.group), q.group_source = misspelt[q.speaker], "article_role"


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, restoring it afterwards (also on error).

    The extractor builds only acyclic records, which reference counting frees; on
    quote-dense input (~150,000 quotes per MB) the collector's repeated full scans of the
    heap cost 10-20 % of the time and find nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _extract(raw: str, registry: ActorRegistry, exclude: Sequence[tuple[int, int]],
             headline: Headline = None) -> list[_Quote]:
    """The quotes of one article, attributed, in text order of discovery."""
    paragraphs = _body_paragraphs(raw, exclude, headline)
    ctx = _Context(registry, raw=raw, paragraphs=paragraphs, doc=make_article_doc(raw, headline))
    _narration_mentions(raw, paragraphs, ctx)
    result: list[_Quote] = []
    previous: _Quote | None = None
    block_until = -1  # paragraphs of an unquoted block statement, by index
    block_speaker: _Quote | None = None
    dash = [_is_dash_line(raw, span) for span in paragraphs]
    interviewee: _Quote | None = None  # of a Q:/A: transcript
    last_question = -9
    # a transcript line may sit inside quote marks (``"WALLACE: Let's start ...``)
    labels = [_SPEAKER_LABEL.match(raw, a + (raw[a:a + 1] in '"\u201c'), b)
              for a, b in paragraphs]
    # a transcript: three one-word labels, or a label that named a known person; its
    # unknown labels are people too
    transcript = sum(1 for m in labels
                     if m is not None and _UNKNOWN_LABEL.fullmatch(m.group("label"))) >= 3
    for pi, (pstart, pend) in enumerate(paragraphs):
        if dash[pi]:
            continue
        label = labels[pi]
        who = _labelled_speaker(label.group("label"), label.group("role"), pstart, ctx,
                                transcript) if label else None
        if who is not None and label is not None and label.group("role") is None:
            transcript = True
        if who is not None or (previous is not None and previous.cue in _LABEL_CUES and
                               previous.para == pi - 1 and _transcript_goes_on(raw, pi, ctx)):
            # a transcript line: the whole paragraph is the speaker's; an unlabelled one
            # after it goes on with the same speaker
            start = label.end() if who is not None else pstart
            q = _Quote(start, pend, pi, start, pend, True, kind="block")
            if who is not None:
                _copy_speaker(who, q)
                q.mention, q.mention_start, q.mention_end = label.group("label"), pstart, \
                    label.end("label")
                q.cue = "speaker label"
            else:
                _copy_speaker(previous, q)
                q.cue = "speaker label (continued)"
            result.append(q)
            previous = q
            continue
        spans = [q for q in (_trim(raw, q) for q in _scan_paragraph(raw, pstart, pend, pi)) if q]
        if _QUESTION.match(raw, pstart, pend):
            if pi - last_question > 2:  # a new transcript: who was introduced just before it
                interviewee = _latest(ctx.persons, pstart, ctx)
            last_question = pi
            continue
        answer = _ANSWER.match(raw, pstart, pend)
        if answer and not spans and pi - last_question <= 2:
            q = _Quote(answer.end(), pend, pi, answer.end(), pend, True, kind="block")
            if interviewee is not None:
                _copy_speaker(interviewee, q)
                q.cue = "interview answer"
            result.append(q)
            continue
        intro_before = pi > 0 and _intro(raw, paragraphs[pi - 1])
        dash_after = next((k for k in range(pi + 1, min(pi + 8, len(paragraphs)))
                           if dash[k]), -1)
        if not spans and (intro_before or pi <= block_until):
            # An unquoted statement: from the intro to the dash line (or one paragraph).
            q = _Quote(pstart, pend, pi, pstart, pend, True, kind="block")
            if intro_before:
                block_until = dash_after - 1 if dash_after > 0 else pi
                block_speaker = None
                _attribute_before(raw, q, _last_sentence(paragraphs[pi - 1], ctx), ctx)
                if dash_after > 0:
                    d = _Quote(pstart, pend, pi, pstart, pend, True)
                    if _dash_speaker(raw, *paragraphs[dash_after], ctx, d):
                        if not q.speaker or q.group_source != "registry":
                            _copy_speaker(d, q)
                            q.mention, q.mention_start, q.mention_end = (
                                d.mention, d.mention_start, d.mention_end)
                            q.cue = "dash line"
                if q.speaker:
                    block_speaker = q
            elif block_speaker is not None:
                _copy_speaker(block_speaker, q)
                q.cue = "continuation"
            result.append(q)
            previous = q
            _register(q, ctx)
            continue
        if not spans:
            continue
        prev_close = pstart
        for si, q in enumerate(spans):
            whole = (q.open_mark <= pstart + 1 and (q.close_mark >= pend - 2 or not q.closed))
            if whole and (intro_before or dash_after == pi + 1):
                q.kind = "block"
            elif _looks_like_term(raw, q) and not _attribute_after_probe(raw, q, pend) \
                    and not (raw[q.start].islower() and _characterized(
                        raw, max(pstart, q.open_mark - 80), q.open_mark)):
                q.kind = "term"
                q.group, q.group_source = "none", "term"
                result.append(q)
                continue
            elif _embedded(raw, q, pstart):
                q.kind = "partial"
            next_open = spans[si + 1].open_mark if si + 1 < len(spans) else pend
            found = False
            if q.kind == "block":
                if dash_after == pi + 1 or (dash_after > pi and not intro_before):
                    found = _dash_speaker(raw, *paragraphs[dash_after], ctx, q)
                if not found and intro_before:
                    found = _attribute_before(raw, q, _last_sentence(paragraphs[pi - 1], ctx),
                                              ctx)
                    if found:
                        q.cue = q.cue if "colon" in q.cue else f"{q.cue} (colon)"
            if not found:
                found = _attribute_after(raw, q, pend, next_open, ctx)
            if not found:  # the clause: from the sentence start or the previous quote
                sentence_starts = ctx.starts(pstart, pend)  # split only when needed
                k = bisect.bisect_right(sentence_starts, q.open_mark) - 1
                sent_start = sentence_starts[k] if k >= 0 else pstart
                found = _attribute_before(raw, q, max(sent_start, prev_close), ctx)
            if not found and previous is not None and previous.speaker and (
                    previous.para == pi or (q.open_mark <= pstart and previous.para == pi - 1)
                    or (previous.para == pi - 1 and not previous.closed)):
                _copy_speaker(previous, q)
                q.cue = "continuation"
                found = True
            if not found and pi > 0 and q.open_mark <= pstart + 1 and q.kind != "partial":
                # “...” opening a paragraph, right after “Osei told the crowd that ...”
                ppstart, ppend = paragraphs[pi - 1]
                starts = ctx.starts(ppstart, ppend) or [ppstart]
                before = q.open_mark
                q.open_mark = ppend  # the clause is the previous paragraph's last sentence
                found = _attribute_before(raw, q, starts[-1], ctx)
                q.open_mark = before
                if found:
                    q.cue = f"{q.cue} (previous paragraph)"
            if not found and q.kind == "partial" and _looks_like_term(raw, q):
                q.kind, q.group, q.group_source = "term", "none", "term"
            elif not found and _n_words(raw[q.start:q.end]) <= 5 and \
                    raw[q.start:q.end].rstrip()[-1:] not in _TERMINAL:
                q.kind, q.group, q.group_source = "term", "none", "term"
            result.append(q)
            if q.kind != "term":
                previous = q
                prev_close = q.close_mark + 1
                _register(q, ctx)
    return result


def _last_sentence(span: tuple[int, int], ctx: _Context) -> int:
    """Start of the last sentence of a paragraph (``Hadley took the fight online. He wrote
    on X:`` -> ``He wrote on X:``)."""
    starts = ctx.starts(*span)
    return starts[-1] if starts else span[0]


def _to_frame(raw: str, article_id: str, quotes: list[_Quote]) -> pd.DataFrame:
    return pd.DataFrame(_columns(raw, article_id, quotes), columns=QUOTE_COLUMNS)


def _columns(raw: str, article_id: str, quotes: list[_Quote]) -> dict[str, list]:
    starts = [q.start for q in quotes]
    if not all(map(operator.lt, starts, starts[1:])):  # usually in order already
        quotes = sorted(quotes, key=attrgetter("start", "end"))
    unknown = sorted({q.speaker or "(no speaker found)" for q in quotes
                      if q.kind != "term" and q.group == "unknown"})
    if unknown:
        warnings.warn(f"{article_id}: {len(unknown)} speaker(s) with unknown group, kept as "
                      f"'unknown': {', '.join(unknown)}", stacklevel=4)
    # Column by column (one list comprehension each): cheaper than row tuples when an
    # input holds a six-figure number of quotes.
    term = [q.kind == "term" for q in quotes]
    mentions = ["" if t or q.mention_start < 0 else raw[q.mention_start:q.mention_end]
                for q, t in zip(quotes, term, strict=True)]
    cols = {
        "article_id": [article_id] * len(quotes),
        "quote_id": [f"{article_id}-q{n:02d}" for n in range(1, len(quotes) + 1)],
        "start": [q.start for q in quotes],
        "end": [q.end for q in quotes],
        "text": [raw[q.start:q.end] for q in quotes],
        "kind": [q.kind for q in quotes],
        "speaker_mention": mentions,
        "mention_start": [q.mention_start if m else -1
                          for q, m in zip(quotes, mentions, strict=True)],
        "mention_end": [q.mention_end if m else -1
                        for q, m in zip(quotes, mentions, strict=True)],
        "speaker": ["" if t else q.speaker for q, t in zip(quotes, term, strict=True)],
        "actor_id": ["" if t else q.actor_id for q, t in zip(quotes, term, strict=True)],
        "group": ["none" if t else q.group for q, t in zip(quotes, term, strict=True)],
        "group_source": ["term" if t else q.group_source
                         for q, t in zip(quotes, term, strict=True)],
        "cue": ["" if t else q.cue for q, t in zip(quotes, term, strict=True)],
    }
    return cols


def extract_quotes(corpus: pd.DataFrame,
                   actors: ActorRegistry | pd.DataFrame | None = None,
                   rank: bool = True) -> pd.DataFrame:
    """Quotes of every article in a corpus table (``article_id``, ``text`` and optionally
    ``exclude``), in ``(article_id, start)`` order, with ``outlet``/``year`` added when the
    corpus has them. ``rank=False``: the rules alone, without the speaker ranker.

    Examples
    --------
    >>> from corpus_tools import load_corpus
    >>> quotes = extract_quotes(load_corpus())
    >>> quotes.groupby("kind").size().to_dict()["block"] >= 4
    True
    """
    registry = as_registry(actors)
    columns: dict[str, list] = {c: [] for c in QUOTE_COLUMNS}
    excludes = corpus["exclude"] if "exclude" in corpus.columns else [()] * len(corpus)
    for aid, raw, exclude, headline in zip(corpus["article_id"], corpus["text"], excludes,
                                           corpus_headlines(corpus), strict=True):
        # columns for the whole corpus, one table at the end (not a DataFrame per article)
        for name, values in _quote_columns(raw, aid, registry, exclude or (),
                                           headline, rank).items():
            columns[name].extend(values)
    quotes = pd.DataFrame(columns, columns=QUOTE_COLUMNS)
    for col in ("outlet", "year"):
        if col in corpus.columns:
            quotes[col] = quotes["article_id"].map(corpus.set_index("article_id")[col])
    if "year" in quotes.columns:  # a registered person's group is that of the office held then
        quotes["group"] = [registry.group_in_year(a, y) or g if s == "registry" and a else g
                           for a, y, g, s in zip(quotes["actor_id"], quotes["year"],
                                                 quotes["group"], quotes["group_source"],
                                                 strict=True)]
    return quotes.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
