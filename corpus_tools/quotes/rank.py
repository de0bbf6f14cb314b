"""Attribution as candidate ranking: a fitted model picks a speaker where the rules are silent.

The rule-based extractor (:mod:`corpus_tools.quotes`) attributes a quote when it finds a
reporting construction it knows. Where it finds none (an unknown cue verb, ``“...,”
Smith chortled.``; a document or organisation as the source; the speaker in the sentence
before), this module proposes **candidates** around the quote and ranks them with a
logistic regression fitted on PolNeAR train (Newell, Margolin & Ruths 2018, LREC;
github.com/networkdynamics/PolNeAR):

1. **Candidates** (:func:`candidates`): every capitalised name sequence, subject pronoun,
   organisation/document noun phrase (``the agency``, ``the email``) and ``the/a <role
   noun>`` description in the quote's sentence(s), the sentence before and the one after
   (same paragraph) and the previous paragraph's last sentence.
2. **Features** (:func:`features`): what a reader uses: the candidate's type, side of the
   quote, distance in words (binned) and sentences, same sentence/paragraph, a reporting
   verb between it and the quote or next to it, subject-like position, inside another
   quote, object of a reporting verb (``told X``), a title before it, a registered actor,
   the previous quote's speaker, and the quote's own kind, length and end punctuation
   (a short fragment is seldom attributed). The model is fitted on the quotes the rules
   leave without a speaker, the only ones it acts on.
3. **Score**: ``sigmoid(intercept + sum(coef * value))`` with the coefficients shipped in
   ``resources/speaker_ranker.json`` (written by ``benchmarks/train_ranker.py``; no
   scikit-learn at run time). The rules decide where they found a speaker; the ranker's
   top candidate fills a non-``term`` quote the rules left without one when its
   probability reaches the file's ``threshold`` (chosen on PolNeAR train by
   cross-validation), and replaces a rules' "speaker" that is only a fragment of function
   words (``And``, ``For instance``) the same way. Such a quote's ``cue`` is ``ranker``.

Everything is a pure function of the raw text, the body paragraphs and the rules' quotes,
and linear in the size of the window around each quote.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from corpus_tools.actors import TITLE_WORDS, ActorRegistry
from corpus_tools.doc import ArticleDoc, make_article_doc
from corpus_tools.tokenize import stopwords

#: Where the fitted model ships.
MODEL_FILE = "speaker_ranker.json"
#: The ``cue`` of a quote whose speaker the ranker chose.
RANKER_CUE = "ranker"
CITATION = ("Newell, E., Margolin, D. & Ruths, D. (2018). An Attribution Relations Corpus "
            "for Political News. Proceedings of LREC 2018. "
            "https://github.com/networkdynamics/PolNeAR")

# reporting verbs: the extractor's list plus the common ones it leaves to other rules
_CUE_WORDS = frozenset("""said says say told tells added adds wrote writes stated states stressed
noted notes explained argued argues warned warns insisted declared continued asked asks replied
responded tweeted posted vowed announced claimed claims acknowledged recalled urged cautioned
emphasized emphasised testified remarked commented conceded predicted promised pledged
countered maintained admitted suggested complained boasted charged contended observed shouted
called described threatened accused blasted slammed criticized criticised denounced decried
praised dismissed lamented mused exclaimed joked quipped retorted scoffed sniped fumed griped
grumbled reiterated recounted asserted opined reasoned marveled marvelled bragged wondered
pleaded concluded saying adding warning arguing calling noting insisting writing telling urging
describing calls reads read according reported reports reporting explaining declaring
acknowledging chortled laughed sighed cried yelled screamed whispered muttered snapped
replies responds tweets writes wrote thinks believes believed think believe contends
answered answer answers concedes explains notes remarks recalls recounts suggests
predicts promises pledges vows warned""".split())
#: verbs whose following noun phrase is their object, not their subject (``told X``)
_OBJECT_VERBS = frozenset("""told tells telling asked asks asking mocked mocking called calling
accused accusing blasted slammed criticized criticised praised dismissed urged urging thanked
attacked attacking chided chiding warned warning reminded reminding interviewed thank ask tell
against to about of with for by on at from""".split())
_PRONOUNS = frozenset("he she they i we it".split())
_ROLE_NOUNS = frozenset("""spokesman spokeswoman spokesperson official officials aide aides
adviser advisers advisor candidate nominee lawyer attorney senator governor mayor president
secretary director chairman chairwoman chair representative congressman congresswoman
lawmaker lawmakers leader leaders source sources analyst analysts strategist strategists
expert experts professor economist pollster manager operative staffer staffers supporter
supporters voter voters resident residents man woman member members protester protesters
critic critics judge justice officer agent sheriff chief executive host anchor reporter
administrator commissioner advocate advocates organizer activist activists speaker
correspondent owner founder""".split())
_ORG_NOUNS = frozenset("""agency department office administration organization organisation
group campaign company committee council board commission coalition union association
party government firm network newspaper paper magazine website outlet center centre
institute foundation court ministry bureau team panel white house""".split())
_DOCUMENT_NOUNS = frozenset("""email e-mail statement report memo letter complaint lawsuit ad
advertisement tweet post release ruling opinion order survey poll study filing document
transcript video message note post book editorial article website documents emails
policy platform page""".split())
_NOT_NAME = frozenset("""the a an in on at but and or so as if when while after before then
still however meanwhile last this that these those earlier later asked speaking he she they we
it i his her their our its my monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december mr mrs ms dr
yes no not there here what who why how where now today yesterday tomorrow for of to from by
with''s""".split())
_TITLES = frozenset(w.strip(".") for w in TITLE_WORDS)
#: A dateline's city before a candidate (``CHESTNUT HILL, Mass.``): the state is no name.
_DATELINE_HEAD = re.compile(r"(?:^|\n)[A-Z][A-Z .'-]{2,40},[ \t]*$")
#: Head words of laws, clauses and programmes, which speak for nobody
#: (``the Equal Protection Clause``, ``the Laken Riley Act``).
_THING_HEADS = frozenset("act clause amendment program programme operation ordinance "
                         "statute constitution".split())
#: One capitalised word that is a stop word or an organisation or role noun is no name.
_COMMON_WORDS = stopwords() | _ORG_NOUNS | _ROLE_NOUNS | frozenset(
    "spanish english mexican american latino latina hispanic republican republicans "
    "democrat democrats democratic catholic christian muslim federal".split())

_NAME = re.compile(r"(?<![\w\u2019'.-])[A-Z][\w\u2019'.-]*(?:[ \t]+(?:(?:de|del|la|van|von|"
                   r"der|bin|al|le)[ \t]+)?[A-Z][\w\u2019'.-]*)*")
_PRONOUN = re.compile(r"(?<![\w\u2019'-])(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t)(?![\w\u2019'-])")
_DESC = re.compile(r"(?<![\w-])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[ \t]+"
                   r"(?:[\w.\u2019'-]+[ \t]+){0,3}?(?P<noun>[a-z][\w-]*)(?![\w-])")
_WORDS = re.compile(r"\w+(?:[\u2019'-]\w+)*")
_MARKS = "\u201c\u201d\"\u2018"
_CLAUSE_START = re.compile(r"(?:^|[\n.;:!?\u201c\u201d\"(\u2014\u2013]|,\s*(?:and|but|as|while|"
                           r"when|after|because|although|though|where|who|which)?)\s*"
                           r"(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Bb]ut|[Aa]nd|[Ss]o"
                           r"|[Yy]et)\s+)?$")
_TITLE_TAIL = re.compile(r"(?P<w>[A-Za-z]+)\.?[ \t]+$")
_POSSESSIVE_AFTER = re.compile(r"[\u2019']s?(?!\w)")
_VERB_NEXT = re.compile(r"^[\s,]*(?:[\w\u2019'-]+[\s,]+){0,2}?(?P<w>[\w\u2019'-]+)")


@dataclass(frozen=True)
class Candidate:
    """One possible speaker: its span in the raw text, its type and its text."""

    start: int
    end: int
    kind: str  # name / pronoun / description / org / document
    text: str


@dataclass(frozen=True)
class QuoteView:
    """What the ranker needs of one quote: its span, kind and the rules' speaker."""

    start: int
    end: int
    kind: str
    speaker: str = ""
    mention_start: int = -1
    mention_end: int = -1


class _Sentences:
    """Sentence spans of the body paragraphs, split lazily per paragraph (cached): read
    from the article's :class:`~corpus_tools.doc.ArticleDoc` (``doc``, default
    ``make_article_doc(raw)``), so the extractor's split is reused."""

    def __init__(self, raw: str, paragraphs: Sequence[tuple[int, int]],
                 doc: ArticleDoc | None = None):
        self.raw = raw
        self.doc = doc if doc is not None else make_article_doc(raw)
        self.paragraphs = list(paragraphs)
        self.starts = [a for a, _ in self.paragraphs]
        self._cache: dict[int, list[tuple[int, int]]] = {}

    def para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def of(self, pi: int) -> list[tuple[int, int]]:
        if pi not in self._cache:
            a, b = self.paragraphs[pi]
            self._cache[pi] = list(self.doc.sentences_in(a, b)) or [(a, b)]
        return self._cache[pi]


def _strip_name(raw: str, start: int, end: int) -> tuple[int, int, bool]:
    """Trim leading non-names (``The``, ``But``) and title words from a capitalised run;
    return the new span and whether a title was removed."""
    titled = False
    while start < end:
        m = _WORDS.match(raw, start, end)
        if m is None:
            break
        word = m.group().lower()
        if word in _NOT_NAME or word in _CUE_WORDS:
            pass
        elif word in _TITLES:
            titled = True
        else:
            break
        nxt = re.compile(r"[\w\u2019'.-]*[ \t]*").match(raw, m.end(), end)
        start = nxt.end() if nxt else end
    while end > start and raw[end - 1] in ".\u2019'":
        end -= 1
    if raw[start:end].endswith(("\u2019s", "'s")):
        end -= 2
    return start, end, titled


def candidates(raw: str, spans: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Every candidate speaker in the given text spans (sentences), in text order.

    Parameters
    ----------
    raw : str
        The article's raw text.
    spans : sequence of (start, end)
        The window's sentences.

    Returns
    -------
    list of Candidate
        Names, pronouns and descriptions (``org``/``document``/``description``),
        deduplicated by span and sorted by ``(start, end)``.

    Examples
    --------
    >>> raw = "The agency said he met Sen. Jane Roe."
    >>> [(c.kind, c.text) for c in candidates(raw, [(0, len(raw))])]
    [('org', 'The agency'), ('pronoun', 'he'), ('name', 'Jane Roe')]
    """
    found: dict[tuple[int, int], Candidate] = {}
    for a, b in spans:
        for m in _NAME.finditer(raw, a, b):
            s, e, _ = _strip_name(raw, m.start(), m.end())
            word = raw[s:e].lower()
            dateline = (raw[s:e].isupper() and e - s > 3 and (s == 0 or raw[s - 1] == "\n")
                        or _DATELINE_HEAD.search(raw, max(0, s - 45), s) is not None)
            if e - s >= 2 and raw[s].isupper() and word not in _NOT_NAME and \
                    word not in _COMMON_WORDS and not dateline and \
                    word.rsplit(" ", 1)[-1] not in _THING_HEADS:  # ``Some``, ``PHOENIX``
                found.setdefault((s, e), Candidate(s, e, "name", raw[s:e]))
        for m in _PRONOUN.finditer(raw, a, b):
            found.setdefault((m.start(), m.end()),
                             Candidate(m.start(), m.end(), "pronoun", m.group()))
        for m in _DESC.finditer(raw, a, b):
            noun = m.group("noun").lower()
            kind = ("document" if noun in _DOCUMENT_NOUNS else "org" if noun in _ORG_NOUNS
                    else "description" if noun in _ROLE_NOUNS else "")
            if kind:
                found.setdefault((m.start(), m.end()),
                                 Candidate(m.start(), m.end(), kind, m.group()))
    return [found[k] for k in sorted(found)]


#: Characters of the window read on each side of a quote: bounds the work per quote on
#: text without sentence ends (a one-line, unpunctuated megabyte stays linear).
REACH = 600


def window(sents: _Sentences, q: QuoteView) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """The quote's window: its sentence(s), the sentence before and after in its paragraph
    and the previous paragraph's last sentence, without the quote's own words and at most
    :data:`REACH` characters on each side of it. Returns the spans and, per span start, the
    sentence distance to the quote (-2 previous paragraph, -1 before, 0 quote, 1 after)."""
    pi = sents.para_of(q.start)
    if pi < 0:
        return [], {}
    sentences = sents.of(pi)
    starts = [s for s, _ in sentences]
    first = max(0, bisect.bisect_right(starts, q.start) - 1)
    last = max(first, bisect.bisect_right(starts, max(q.start, q.end - 1)) - 1)
    spans: list[tuple[int, int]] = []
    dist: dict[int, int] = {}
    if pi > 0 and first == 0:
        prev = sents.of(pi - 1)[-1]
        spans.append(prev)
        dist[prev[0]] = -2
    elif first > 0:
        spans.append(sentences[first - 1])
        dist[sentences[first - 1][0]] = -1
    for k in range(first, last + 1):
        spans.append(sentences[k])
        dist[sentences[k][0]] = 0
    if last + 1 < len(sentences):
        spans.append(sentences[last + 1])
        dist[sentences[last + 1][0]] = 1
    clipped, cdist = [], {}
    for a, b in spans:  # the parts before and after the quote, within reach
        for lo, hi in ((max(a, q.start - REACH), min(b, q.start)),
                       (max(a, q.end), min(b, q.end + REACH))):
            if lo < hi:
                clipped.append((lo, hi))
                cdist[lo] = dist[a]
    return clipped, cdist


def _bin(n: int) -> str:
    for limit, label in ((0, "0"), (1, "1"), (2, "2"), (5, "3-5"), (10, "6-10"), (20, "11-20")):
        if n <= limit:
            return label
    return "21+"


def _key(name: str) -> str:
    words = _WORDS.findall(name.lower())
    return words[-1] if words else ""


def features(raw: str, c: Candidate, q: QuoteView, sent_dist: int, same_para: bool,
             quote_spans: Sequence[tuple[int, int]], registry: ActorRegistry | None,
             previous_speaker: str) -> dict[str, float]:
    """The feature dict of one candidate for one quote (names as in the shipped model).

    Parameters
    ----------
    raw : str
    c : Candidate
    q : QuoteView
        The quote.
    sent_dist : int
        Sentence distance: -2 previous paragraph, -1 sentence before, 0 the quote's, 1 after.
    same_para : bool
    quote_spans : sequence of (start, end)
        Every quote of the article, sorted (a candidate inside one is rarely its speaker).
    registry : ActorRegistry or None
    previous_speaker : str
        The speaker of the quote before this one ("" if none).

    Returns
    -------
    dict
        ``{feature name: value}``, values 1.0 for one-hot features.

    Examples
    --------
    >>> raw = "“We won,” Smith chortled."
    >>> f = features(raw, Candidate(10, 15, "name", "Smith"), QuoteView(1, 8, "direct"), 0,
    ...              True, [(1, 8)], None, "")
    >>> f["type=name"], f["side=after"], f["words=0"], f["verb_adjacent"]
    (1.0, 1.0, 1.0, 1.0)
    """
    f: dict[str, float] = {"type=" + c.kind: 1.0}
    before = c.end <= q.start
    inside_this = not before and c.start < q.end
    side = "before" if before else "inside" if inside_this else "after"
    f["side=" + side] = 1.0
    gap = raw[c.end:q.start] if before else raw[q.end:c.start] if not inside_this else ""
    gap_words = _WORDS.findall(gap)
    f["words=" + _bin(len(gap_words))] = 1.0
    f["sent=" + str(sent_dist)] = 1.0
    f[f"sent={sent_dist}&side={side}"] = 1.0
    if same_para:
        f["same_paragraph"] = 1.0
    if any(w.lower() in _CUE_WORDS for w in gap_words):
        f["verb_between"] = 1.0
    after_words = _WORDS.findall(raw[c.end:c.end + 40])[:2]
    lead = c.start  # before any title words: ``told Gov. Bob Lee``
    while True:
        m = _TITLE_TAIL.search(raw, max(0, lead - 30), lead)
        if m is None or m.group("w").lower() not in _TITLES:
            break
        lead = m.start("w")
        f["title_before"] = 1.0
    before_words = _WORDS.findall(raw[max(0, lead - 30):lead])[-2:]
    if any(w.lower() in _CUE_WORDS for w in after_words + before_words[-1:]):
        f["verb_adjacent"] = 1.0
    if after_words and after_words[0].lower() in _CUE_WORDS:
        f["verb_right_after"] = 1.0
    if before_words and before_words[-1].lower() in _OBJECT_VERBS:
        f["object_of_verb"] = 1.0
    if _CLAUSE_START.search(raw, max(0, lead - 40), lead) is not None:
        f["subject_like"] = 1.0
    k = bisect.bisect_right(quote_spans, (c.start, len(raw) + 1)) - 1
    if k >= 0 and quote_spans[k][0] <= c.start < quote_spans[k][1]:
        f["in_quote"] = 1.0
    if _POSSESSIVE_AFTER.match(raw, c.end):
        f["possessive"] = 1.0
    if c.kind == "name":
        f["name_words=" + str(min(3, len(c.text.split())))] = 1.0
        if registry is not None and registry.find(c.text) is not None:
            f["registered"] = 1.0
    key = _key(c.text)
    if previous_speaker and c.kind == "name" and key == _key(previous_speaker):
        f["previous_speaker"] = 1.0
    # the quote itself: a short fragment without end punctuation is seldom attributed
    words = len(_WORDS.findall(raw[q.start:q.end]))
    f["quote_kind=" + q.kind] = 1.0
    f["quote_words=" + _bin(words)] = 1.0
    if raw[q.start:q.end].rstrip()[-1:] in ".,?!\u2026":
        f["quote_terminal"] = 1.0
    return f


def quote_candidates(raw: str, sents: _Sentences, q: QuoteView, previous: str,
                     registry: ActorRegistry | None, quote_spans: Sequence[tuple[int, int]]
                     ) -> list[tuple[Candidate, dict[str, float]]]:
    """Candidates and their features for quote ``q`` (``previous``: the speaker of the
    quote before it, "" if none)."""
    spans, dist = window(sents, q)
    if not spans:
        return []
    pi = sents.para_of(q.start)
    starts = [s for s, _ in spans]
    out = []
    for c in candidates(raw, spans):
        sd = dist[spans[bisect.bisect_right(starts, c.start) - 1][0]]
        same = sents.para_of(c.start) == pi
        out.append((c, features(raw, c, q, sd, same, quote_spans, registry, previous)))
    return out


def speakers_so_far(quotes: Sequence[QuoteView]) -> list[tuple[str, str, dict[str, str]]]:
    """For each quote, in one pass: the previous quote's speaker, the most recent named
    speaker before it and the latest full name per surname before it (for
    :func:`resolve`). The dicts are shared snapshots: copies only when a name is added."""
    out = []
    previous, named, by_surname = "", "", {}
    for q in quotes:
        out.append((previous, named, by_surname))
        if q.kind == "term" or not q.speaker:
            continue
        previous = q.speaker
        if q.speaker[:1].isupper() and not needs_ranker(q) and \
                q.speaker.lower() not in _PRONOUNS:
            named = q.speaker
            if by_surname.get(_key(q.speaker)) != q.speaker:
                by_surname = {**by_surname, _key(q.speaker): q.speaker}
    return out


_FRAGMENT_WORDS = (_NOT_NAME | frozenset("continuing also was is instance".split())) - \
    frozenset("he she they we it i".split())  # a pronoun is the rules' to resolve


def needs_ranker(q: QuoteView) -> bool:
    """Whether the ranker decides this quote: not ``term``, and the rules found no speaker
    or only a fragment of function words (``And``, ``The``, ``For instance``).

    Examples
    --------
    >>> needs_ranker(QuoteView(0, 9, "direct", "For instance"))
    True
    >>> needs_ranker(QuoteView(0, 9, "direct", "the mayor"))
    False
    >>> needs_ranker(QuoteView(0, 9, "direct", "she"))
    False
    """
    if q.kind == "term":
        return False
    words = _WORDS.findall(q.speaker.lower())
    return all(w in _FRAGMENT_WORDS for w in words)


@lru_cache(maxsize=4)
def _load(path: str | None) -> dict:
    if path is None:
        text = resources.files("corpus_tools.resources").joinpath(MODEL_FILE).read_text(
            encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return json.loads(text)


def load_model(path: str | Path | None = None) -> dict:
    """The fitted ranker (``coefficients``, ``intercept``, ``threshold`` ...), by default the
    shipped ``resources/speaker_ranker.json``.

    Examples
    --------
    >>> model = load_model()
    >>> 0 < model["threshold"] < 1 and "type=name" in model["coefficients"]
    True
    """
    return _load(None if path is None else str(path))


def probability(feats: dict[str, float], model: dict) -> float:
    """The model's probability that a candidate with these features is the speaker.

    Examples
    --------
    >>> probability({"a": 1.0}, {"coefficients": {"a": 2.0}, "intercept": -2.0})
    0.5
    """
    coef = model["coefficients"]
    z = model["intercept"] + sum(coef.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-z))


def best_candidate(scored: Sequence[tuple[Candidate, dict[str, float]]], model: dict,
                   q: QuoteView) -> tuple[Candidate, float] | None:
    """The highest-probability candidate (ties: nearer the quote, then earlier)."""
    best = None
    for c, f in scored:
        p = probability(f, model)
        d = q.start - c.end if c.end <= q.start else c.start - q.end
        rank = (-round(p, 12), d, c.start)
        if best is None or rank < best[0]:
            best = (rank, c, p)
    return None if best is None else (best[1], best[2])


def resolve(c: Candidate, named: str, by_surname: dict[str, str]) -> str:
    """The speaker a chosen candidate names: a name without its titles (a surname alone
    takes the full name of an earlier speaker with that surname), a pronoun the most recent
    earlier named speaker (``named``), a description its own words.

    Examples
    --------
    >>> resolve(Candidate(10, 13, "name", "Roe"), "Jane Roe", {"roe": "Jane Roe"})
    'Jane Roe'
    >>> resolve(Candidate(10, 12, "pronoun", "he"), "Jane Roe", {"roe": "Jane Roe"})
    'Jane Roe'
    >>> resolve(Candidate(10, 20, "org", "The agency"), "", {})
    'the agency'
    """
    if c.kind == "name":
        return by_surname.get(_key(c.text), c.text) if " " not in c.text else c.text
    if c.kind == "pronoun":
        return named or c.text
    return c.text[0].lower() + c.text[1:] if c.text[:4] in ("The ", "A ", "An ") else c.text


def rank_quotes(raw: str, paragraphs: Sequence[tuple[int, int]], quotes: Sequence[QuoteView],
                registry: ActorRegistry | None, model: dict | None = None,
                doc: ArticleDoc | None = None) -> dict[int, tuple[Candidate, str, float]]:
    """The ranker's choice for every quote the rules left without a speaker
    (:func:`needs_ranker`).

    Parameters
    ----------
    raw : str
    paragraphs : sequence of (start, end)
        The article's body paragraphs (the ones the extractor reads).
    quotes : sequence of QuoteView
        The rules' quotes in text order.
    registry : ActorRegistry or None
    model : dict, optional
        Default: :func:`load_model`.
    doc : ArticleDoc, optional
        The article's document, whose sentence splits are reused (default
        ``make_article_doc(raw)``).

    Returns
    -------
    dict
        ``{index in quotes: (candidate, speaker, probability)}`` for each quote that
        :func:`needs_ranker` whose best candidate reaches the model's threshold.

    Examples
    --------
    >>> raw = "Title\\n\\n“We will win this race easily,” Jane Smith chortled on Monday."
    >>> out = rank_quotes(raw, [(7, len(raw))], [QuoteView(8, 37, "direct")], None)
    >>> out[0][1]
    'Jane Smith'
    """
    model = load_model() if model is None else model
    todo = [i for i, q in enumerate(quotes) if needs_ranker(q)]
    if not todo:
        return {}
    sents = _Sentences(raw, paragraphs, doc)
    quote_spans = sorted((q.start, q.end) for q in quotes)
    before = speakers_so_far(quotes)
    out = {}
    for i in todo:
        q = quotes[i]
        previous, named, by_surname = before[i]
        best = best_candidate(quote_candidates(raw, sents, q, previous, registry,
                                               quote_spans), model, q)
        if best is not None and best[1] >= model["threshold"]:
            out[i] = (best[0], resolve(best[0], named, by_surname), best[1])
    return out
