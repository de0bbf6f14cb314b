"""Quotes: find every quotation in a news article and attribute it to a speaker.

The extractor is rule-based and transparent, in the tradition of news quote extractors
such as the Gender Gap Tracker's (Asr et al. 2021), and runs in linear time. Its modules
name its steps, each importing only the ones before it: ``state`` (quote records,
timelines, the article context) -> ``spans`` -> ``cues`` -> ``names`` -> ``mentions`` ->
``resolve`` -> ``attribute`` -> ``extract`` (the driver and the public functions).

1. **Spans** (``spans``). One left-to-right pass over each journalism paragraph pairs
   opening and closing marks (curly, straight and mixed pairs; single marks only at the
   top level and never inside a word, so *we’re* and *Trump’s* are apostrophes). A
   paragraph that opens a quote and does not close it continues the speech (news
   convention). Statements introduced by a colon (``X told Boston 25 News:``) and/or
   closed by a dash line (``— Name``) are blocks, quoted or not, as are the answers of a
   ``Q:``/``A:`` interview transcript (the interviewee's: the person named just before it).
2. **Kind** (``spans``). ``direct`` (a sentence or more of speech), ``partial`` (a
   fragment embedded in a reported sentence), ``block`` (a statement set off as its own
   paragraphs) or ``term`` (scare quotes and titles: never attributed).
3. **Attribution** (``cues``: the verbs and patterns; ``attribute``: applying them). The
   reporting cue after the quote (``,” Wu said``; ``,” said X, title of Org``), before it
   in the same sentence (``X said she would use “...”``; ``X told reporters:``;
   ``according to X``), a dash line, or the intro of a block; otherwise the speaker of the
   speech it continues (``the statement continued``). A partial quote whose sentence runs
   on (``had “attempted to breach” the facility and threatened``) takes the speaker
   before it; *so-called* and a noun after a possessive (*DHS's claims*) are never
   reporting verbs.
4. **Speaker** (``names``, ``mentions``, ``resolve``). The mention is resolved to a
   registered actor (longest alias; a person before an organisation), a pronoun to the
   most recent person of compatible gender (registry, or a shipped list of first names),
   a definite description (``the mayor``, ``the spokeswoman``, ``the agency``) to the most
   recent speaker or named person whose role has that noun (organisations also by
   recency), and anyone else to the name as the article gives it, grouped by role cues or
   flagged ``unknown``. People named in the narration as speaking (``Ana Ruiz, an
   organizer with X, said the group...``) or with a title (``Gov. JB Pritzker``) are
   antecedents too, and their surnames refer back.

All offsets index the raw text; ``text == raw[start:end]`` for every row.
"""

from corpus_tools.quotes.cues import SPEECH_VERBS
from corpus_tools.quotes.extract import QUOTE_COLUMNS, extract_quotes, extract_quotes_from_text
from corpus_tools.quotes.mentions import _mentions_by_paragraph
from corpus_tools.quotes.spans import _body_paragraphs, _first_sentence
from corpus_tools.quotes.state import _Context

__all__ = [
    "QUOTE_COLUMNS",
    "SPEECH_VERBS",
    "extract_quotes",
    "extract_quotes_from_text",
    # private helpers the tests import from here
    "_Context",
    "_body_paragraphs",
    "_first_sentence",
    "_mentions_by_paragraph",
]
