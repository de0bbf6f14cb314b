"""Quotes: find every quotation in a news article and attribute it to a speaker.

The extractor is rule-based and transparent, in the tradition of news quote extractors
such as the Gender Gap Tracker's (Asr et al. 2021), and runs in linear time:

1. **Spans.** One left-to-right pass over each journalism paragraph pairs opening and
   closing marks (curly, straight and mixed pairs; single marks only at the top level and
   never inside a word, so *we’re* and *Trump’s* are apostrophes). A paragraph that opens
   a quote and does not close it continues the speech (news convention). Statements
   introduced by a colon (``X told Boston 25 News:``) and/or closed by a dash line
   (``— Name``) are blocks, quoted or not, as are the answers of a ``Q:``/``A:``
   interview transcript (the interviewee's: the person named just before it).
2. **Kind.** ``direct`` (a sentence or more of speech), ``partial`` (a fragment embedded
   in a reported sentence), ``block`` (a statement set off as its own paragraphs) or
   ``term`` (scare quotes and titles: never attributed).
3. **Attribution.** The reporting cue after the quote (``,” Wu said``; ``,” said X,
   title of Org``), before it in the same sentence (``X said she would use “...”``;
   ``X told reporters:``; ``according to X``), a dash line, or the intro of a block;
   otherwise the speaker of the speech it continues (``the statement continued``). A
   partial quote whose sentence runs on (``had “attempted to breach” the facility and
   threatened``) takes the speaker before it; *so-called* and a noun after a possessive
   (*DHS's claims*) are never reporting verbs.
4. **Speaker.** The mention is resolved to a registered actor (longest alias; a person
   before an organisation), a pronoun to the most recent person of compatible gender
   (registry, or a shipped list of first names), a definite description (``the mayor``,
   ``the spokeswoman``, ``the agency``) to the most recent speaker or named person whose
   role has that noun (organisations also by recency), and anyone else to the name as the
   article gives it, grouped by role cues or flagged ``unknown``. People named in the
   narration as speaking (``Ana Ruiz, an organizer with X, said the group...``) or with a
   title (``Gov. JB Pritzker``) are antecedents too, and their surnames refer back.

All offsets index the raw text; ``text == raw[start:end]`` for every row.
"""

from __future__ import annotations

import bisect
import gc
import operator
import re
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

import pandas as pd

from corpus_tools.actors import (
    GROUPS,
    TITLE_WORDS,
    Actor,
    ActorRegistry,
    infer_group_from_role,
)
from corpus_tools.clean import Headline, corpus_headlines, split_paragraphs
from corpus_tools.roles import group_from_article
from corpus_tools.segment import ASCII_FOLD, load_wordlist, split_sentences
from corpus_tools.tokenize import Token

QUOTE_COLUMNS = ["article_id", "quote_id", "start", "end", "text", "kind", "speaker_mention",
                 "mention_start", "mention_end", "speaker", "actor_id", "group", "group_source",
                 "cue"]

OPEN_DOUBLE = "\u201c\u201e\u201f\u00ab"  # “ „ ‟ «
CLOSE_DOUBLE = "\u201d\u00bb"  # ” »
OPEN_SINGLE = "\u2018"
CLOSE_SINGLE = "\u2019"
STRAIGHT_DOUBLE = '"'
_SPACE = " \t\r\n\u00a0"
_BEFORE_OPEN = _SPACE + "([{\u2014\u2013-/:;,"

SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "stated",
    "states", "stressed", "noted", "notes", "explained", "argued", "argues", "warned", "warns",
    "insisted", "declared", "continued", "asked", "asks", "replied", "responded", "tweeted",
    "posted", "vowed", "announced", "claimed", "claims", "acknowledged", "recalled", "urged",
    "cautioned", "emphasized", "emphasised", "testified", "remarked", "commented", "conceded",
    "predicted", "promised", "pledged", "countered", "added", "maintained", "admitted",
    "suggested", "complained", "boasted", "charged", "contended", "observed", "shouted",
    "called", "described", "threatened", "accused", "blasted", "slammed", "criticized",
    "criticised", "denounced", "decried", "praised", "dismissed", "lamented",
    # manner-of-speaking verbs missing from PolNeAR train attributions (rounds on train/dev)
    "mused", "exclaimed", "joked", "quipped", "retorted", "scoffed", "sniped", "fumed",
    "griped", "grumbled", "reiterated", "recounted", "asserted", "opined", "reasoned",
    "marveled", "marvelled", "bragged", "wondered", "pleaded", "concluded",
    # participles: ``X joined the vote, saying ...``; the speaker is the clause's subject
    "saying", "adding", "warning", "arguing", "calling", "noting", "insisting", "writing",
    "telling", "urging", "describing", "calls",
)
#: A reporting verb; never ``so-called`` and never a noun after a possessive (``DHS's
#: claims``).
_VERB = (r"(?<!so-)(?<![\u2019']s )(?:" + "|".join(sorted(set(SPEECH_VERBS), key=len, reverse=True))
         + r")")
_STATEMENT_VERB = r"(?:sent|issued|released|provided|gave|shared|emailed)"
#: ``, Wu said`` / ``, said Wu`` right after a quote (first sentence of the rest).
_AFTER_NP_VERB = re.compile(r"^[\s,\u2014\u2013-]*(?P<np>[^;:!?\u201c\u201d\",]{1,120}?)\s+"
                            r"(?P<verb>" + _VERB + r")\b")
_AFTER_VERB_NP = re.compile(r"^[\s,\u2014\u2013-]*(?P<verb>" + _VERB + r")\s+"
                            r"(?P<np>[^;:!?\u201c\u201d\"]{1,160})")
#: ``,” the official, who spoke on condition of anonymity, said``
#: ``,” Sen. Ted Cruz, R-Texas, told Fox News``
_AFTER_NP_CLAUSE_VERB = re.compile(r"^[\s,]*(?P<np>[^;:!?\u201c\u201d\",]{1,80}),\s*"
                                   r"(?:(?:who|whose|which|a|an|the|\d+)\b|[RDI]-[A-Z][\w.]*)"
                                   r"[^;:!?\u201c\u201d\"]{0,160}?,\s+"
                                   r"(?P<verb>" + _VERB + r")\b")
#: A whole sentence that is only a reporting tag (``Bass asked.``, ``said Noem on Monday.``)
_SHORT_TAG = re.compile(r"^\s*(?:(?:[\w.,\u2019'-]+\s+){1,6}?" + _VERB + r"|" + _VERB + r")\b"
                        r"(?:\s+[\w.,\u2019'-]+){0,6}[\s.?!\u2026]*$")
_PROBE = re.compile(r"^\s*,?\s*(?:\w+\s+){0,3}" + _VERB + r"\b")
_LATE_CUE = re.compile(r",\s*(?P<np>[^,;:!?\u201c\u201d\"]{1,80}?)\s+(?P<verb>" + _VERB +
                       r")\b")
_ACCORDING = re.compile(r"\baccording to\s+(?P<np>[^;:!?\u201c\u201d\"]{1,160})", re.I)
_VERB_RE = re.compile(r"\b(?P<verb>" + _VERB + r"|according to)\b", re.I)
_STATEMENT_RE = re.compile(r"\b(?P<verb>" + _STATEMENT_VERB + r")\b.{0,80}\bstatement", re.I)
_DASH_LINE = re.compile(r"^[\u2014\u2013]{1,2}[\s\u00a0]*(?P<name>\S.{0,150})$|^-{1,2}\s+"
                        r"(?P<name2>\S.{0,150})$")
#: A title followed by a capitalised name: ``Mayor Karen Bass``, ``Ald. Daniel La Spata``.
_TITLED_NAME = re.compile(r"\b(?:Mayor|Gov\.|Governor|Sheriff|Councilor|Councilman|"
                          r"Councilwoman|Ald\.|Alderman|Sen\.|Senator|Rep\.|Representative|"
                          r"Congresswoman|Congressman|Secretary|Director|Commissioner|Chief|"
                          r"Judge|Dr\.|Attorney General|District Attorney|President|Rev\.|Reverend|"
                          r"Pastor|Father|Rabbi|Imam|Bishop|Assemblyman|Assemblywoman|Councilmember|"
                          r"Council Member|U\.S\. Attorney|Public Defender|Federal Defender)\s+"
                          r"(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w’'-]+|"
                          r"(?:de|la|van|von|del)(?=\s+[A-ZÀ-ÖØ-Þ]))){1,3})")
#: A party tag after a name: ``Sen. Jake Hollister (R-Gilbert)``, ``Rep. X, D-Texas``.
_PARTY_TAIL = re.compile(r"[ \t]*\(?[RDI]-[A-Z][^()\n,]{0,30}\)?[ \t]*$")
_PARTY_AFTER = re.compile(r"[ \t]*(?:\(|,[ \t]*)[RDI]-[A-Z][^()\n,]{0,30}\)?")
_PRONOUN_HEAD = re.compile(r"^\s*(?:he|she|they|we|i)\b", re.I)
_PARTY_TAG = re.compile(r"^\(?[RDI]-[A-Z][\w.]*\)?,?$|^\([RDI]\),?$")
#: The head noun of an organisation's name (``Tennessee Immigrant and Refugee Rights
#: Coalition``): such a capitalised run is an organisation, not a person.
_ORG_HEADS = frozenset("""coalition union center centre association committee council project
network alliance institute foundation fund league federation services office department
agency church partnership collaborative clinic society commission board""".split())
#: The last word of a place's name (``Harlan Falls``, ``Colorado Springs``): not a person.
_PLACE_HEADS = frozenset("""falls springs city county heights park beach valley river lake
hills creek island bay harbor harbour village township borough parish""".split())
#: ``Koenig:`` / ``DHS spokeswoman Kendra Voss fired back:`` -- a colon intro with no
#: reporting verb: the subject is the noun phrase before at most three lower-case words.
_COLON_SUBJECT = re.compile(r"^\s*(?P<np>(?:[\w.\u2019'-]+[ \t]+){0,6}?[A-Z][\w.\u2019'-]*)"
                            r"(?:[ \t]+[a-z][\w\u2019'-]*){0,3}[ \t]*:\s*$")
#: ``Siembra NC, a left-wing immigrant advocacy group`` -- an organisation in narration.
_ORG_APPOSITIVE = re.compile(r"(?P<org>[A-Z][\w.&\u2019'-]*(?:[ \t]+(?:of|for|and|the|"
                             r"[A-Z][\w.&\u2019'-]*)){0,7}),[ \t]+(?:a|an)[ \t]+"
                             r"(?P<role>(?:[\w-]+[ \t]+){0,4}(?:group|organization|"
                             r"organisation|coalition|nonprofit|network|alliance|union))\b")
#: An organisation named in the narration by its capitalised name (``the United Food and
#: Commercial Workers International Union``): the antecedent of ``the union``.
_NAMED_ORG = re.compile(r"(?<![\w\u2019'.-])(?P<org>[A-Z][\w.&\u2019'-]*(?:[ \t]+(?:of|for|and|on|"
                        r"[A-Z][\w.&\u2019'-]*)){0,8}?[ \t]+(?:Coalition|Union|Center|Centre|"
                        r"Association|Project|Network|Alliance|Institute|Foundation|Fund|League|"
                        r"Federation|Services|Church|Partnership|Collaborative|Clinic|Society|"
                        r"Charities))\b")
#: ``María, who asked that her last name not be used``: a person known by a first name.
#: ``Yesenia, a Tucson mother of three who asked that only her first name be used``;
#: ``identified only by his first name, Martín,``.
#: ``a man named Teodoro``; ``who identified himself only as Luis``.
_FIRST_NAME_ONLY = re.compile(r"(?<![\w\u2019'.-])(?P<name>[A-Z][^\W\d_]+),[ \t]+(?:an?[ \t]+"
                              r"[^,.;:\n]{1,80}?[ \t]+)?who[ \t]+[^,.;:\n]{0,160}?(?:last|full|"
                              r"family|first|sur)[ \t]*name|"
                              r"\bfirst[ \t]+name,[ \t]+(?P<name2>[A-Z][^\W\d_]+)\b|"
                              r"\b(?:named|only as)[ \t]+(?P<name3>[A-Z][^\W\d_]+)\b"
                              r"(?![ \t]+[A-Z])|"
                              r"(?<![\w\u2019'.-])(?P<name4>[A-Z][^\W\d_]+),[ \t]+(?:an?[ \t]+)?"
                              r"\d{1,3}(?:-year-old)?[ \t,]")  # “Darwin, 34,”
#: ``Tomás Reyna, a retired machinist`` / ``Rosa Ibarra, 41,`` -- a person in narration.
_NAME_APPOSITIVE = re.compile(r"(?<![\w\u2019'.-])(?P<name>[A-ZÀ-ÖØ-Þ][\w\u2019'-]+(?:[ \t]+"
                              r"[A-ZÀ-ÖØ-Þ][\w\u2019'-]+){1,3}),[ \t]+(?:a|an|who|\d{1,3},)[ \t]")
#: ``Rosa Ibarra``: a known first name and a capitalised word (see ``first_names.txt``).
#: The surname is a lookahead, so ``Superintendent Angela Whitcomb`` still yields Angela.
_FIRST_LAST = re.compile(r"(?<![\w\u2019'.-])(?P<first>[A-Z][^\W\d_]+)"
                         r"(?=[ \t]+(?P<last>[A-ZÀ-ÖØ-Þ][\w\u2019'-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ]"
                         r"[\w\u2019'-]+){0,2}))")  # two surnames: “Rosa Elena Quintero Díaz”
#: Where an appositive ends: a comma, a semicolon, a line break or a sentence's period
#: (not the one in ``U.S.``).
_APPOSITIVE_END = re.compile(r"[,;\n\u201c\u201d\"]|(?<=[a-z]{2})\.(?=\s)")
_PRONOUN_TAIL = re.compile(r"(?<![\w\u2019'-])(?:he|she|they)\s*$")
_PRONOUNS = {"he": "m", "she": "f", "they": "", "we": "", "i": ""}
#: ``the mayor``, ``the agency``: a definite description, resolved by role noun.
_DEFINITE = re.compile(r"^the\s+(?:[\w.-]+\s+){0,2}?(?P<noun>mayor|governor|senator|sheriff|"
                       r"congressman|congresswoman|representative|attorney general|"
                       r"district attorney|secretary|director|chief|commissioner|judge|"
                       r"spokesperson|spokesman|spokeswoman|official|officials|agency|"
                       r"department|office|administration|organization|group|coalition|"
                       r"president|czar|councilor|alderman|statement|union|company|pastor|"
                       r"priest|professor|superintendent|supervisor|leader|lawmaker|"
                       r"legislator|chairman|chairwoman|sergeant|officer|deputy|detective|trooper|"
                       r"lieutenant|captain|agent|ruling|opinion)\b", re.I)
#: What a role noun may be written as in a mention or a registry role.
_NOUN_FORMS = {"governor": ("governor", "gov."), "senator": ("senator", "sen."),
               "congressman": ("congressman", "rep."), "congresswoman": ("congresswoman", "rep."),
               "representative": ("representative", "rep."), "alderman": ("alderman", "ald."),
               "spokesperson": ("spokesperson", "spokesman", "spokeswoman"),
               "officials": ("official",), "agency": ("agency", "department"),
               "priest": ("priest", "rev.", "reverend", "father"),
               "pastor": ("pastor", "rev.", "reverend"),
               "agent": ("agent", "deportation officer", "ice officer")}
#: A role that points back at someone named before: ``Her spokesman, Kevin Odom`` (the
#: last woman's group), ``a staff attorney with the group`` (the last organisation's).
_STAFF_OF = re.compile(r"\b(?P<pron>[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:top\s+|chief\s+|"
                       r"senior\s+|executive\s+)?(?:spokes(?:man|woman|person)|press secretary|"
                       r"chief of staff|aide|deputy|communications director|office|president|"
                       r"director|chair(?:man|woman)?|leader|founder)\b")
#: A title set off before a name: ``Hennepin county's sheriff, Rosalind Achebe``.
_TITLE_BEFORE = re.compile(r"(?:^|[.;:\n\u201c\u201d\"]\s*|,\s+)"
                           r"(?P<title>[^,.;:\n\u201c\u201d\"]{1,50}?\b(?:sheriff|mayor|chief|"
                           r"director|spokes(?:man|woman|person)|secretary|commissioner|"
                           r"president|attorney|superintendent|chair(?:man|woman)?|leader|"
                           r"governor|council ?member|aide|chief of staff|office)"
                           r"(?:[ \t]+(?:for|of|with|at)[ \t]+the[ \t]+\w+)?),[ \t]*$", re.I)
_MEMBER_OF = re.compile(r"\b(?:with|for|of|at|from)\s+the\s+(?:group|organi[sz]ation|nonprofit|"
                        r"coalition|network|collaborative|alliance|clinic|agency|department)\b"
                        r"(?![\w\u2019'-])|"
                        r"\bthe\s+(?:group|organi[sz]ation|nonprofit)[\u2019']s\b")
#: ``department spokesman``: a title naming an organisation mentioned before.
_ORG_TITLE = re.compile(r"(?<![\w-])(?P<noun>department|agency|office)\s+(?:spokes(?:man|woman|"
                        r"person)|official|press secretary)\b")
#: An interview transcript: ``Q: ...`` then ``A: ...`` (the answer is the interviewee's).
_QUESTION = re.compile(r"Q(?:uestion)?\s*[:.\u2014]\s")
_ANSWER = re.compile(r"A(?:nswer)?\s*[:\u2014]\s+")
#: A transcript line: ``BENÍTEZ: Practically, ...`` (a speaker's surname in capitals).
_UPPER = r"[^\W\d_a-z]"
#: ``DANIEL OKAFOR, Mayor of Tacoma: ...``: with the speaker's role after a comma.
_SPEAKER_LABEL = re.compile(r"(?P<label>" + _UPPER + r"(?:" + _UPPER + r"|[ .\u2019'-](?=" +
                            _UPPER + r")){1,40})(?:,[ \t]+(?P<role>[^:\n]{1,120}))?:[ \t]+(?=\S)")
#: A journalist's role in a transcript label (``host``, ``anchor``): the press, *other*.
_PRESS_ROLE = re.compile(r"\b(?:host|anchor|reporter|correspondent|interviewer|moderator|"
                         r"journalist|columnist)\b", re.I)
#: First-person words: an unlabelled transcript paragraph that goes on with the speaker.
_FIRST_PERSON = re.compile(r"\b(?:I|I[\u2019']m|I[\u2019']ve|we|We|our|Our|my|My|me|us)\b")
#: The subject at the start of a clause: a run of capitalised words (``Los Angeles County
#: Supervisor Gloria Mendoza-Reyes``), ``the``/``a`` description or a pronoun.
_SUBJECT = re.compile(r"\s*(?:[Aa]n?|[Tt]he)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:judge|official|"
                      r"spokes(?:man|woman|person)|officer|agent|prosecutor|attorney|lawyer)\b|"
                      r"\s*(?:[Tt]he[ \t]+office[ \t]+of[ \t]+)?"
                      r"(?:(?:[A-Z][\w.\u2019'-]*|of|the|for|de|la)[ \t]+){0,7}"
                      r"[A-Z][\w.\u2019'-]*(?:[ \t]+(?:office|campaign|spokes(?:man|woman|"
                      r"person)))?|\s*(?:he|she|they)\b")
#: Right before a label in quote marks: ``so-called`` or an article.
_LABEL_BEFORE = re.compile(r"(?:\bso-called|(?<![\w-])(?:a|an|the))\s*$", re.I)
#: ``X said the city would ...``: an institution the speaker answers for, as the subject of
#: what they said (``said the sheriff was`` names someone else, so people do not count).
_SPEAKS_FOR = re.compile(r"\s+(?:[\w.\u2019'-]+\s+){0,4}?(?:that\s+)?(?:the|its|our)\s+"
                         r"(?P<noun>company|city|county|administration)\s+(?:would|will|had|has|"
                         r"was|is|could|must|should|plans|intends|did|does)\b", re.I)
_SPEAKS_FOR_GROUP = {"company": "other", "city": "local_officials", "county": "local_officials",
                     "administration": "administration"}
#: ``Carrington had a blunt message for Marquez:`` -> Carrington.
_MESSAGE_CUE = re.compile(r"\s*(?P<np>(?:[A-Z][\w.\u2019'-]*[ \t]+){0,4}?[A-Z][\w.\u2019'-]*)[ \t]+"
                          r"(?:had|has|offered|sent|gave|delivered|issued)[ \t]+(?:a|an|this|"
                          r"his|her|their)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?P<noun>message|warning|"
                          r"response|reply|answer|retort|rebuttal)\b")
#: ``of the National Immigrant Justice Center`` right after a name: who the person is with.
_AFFILIATION = re.compile(r"[ \t]+(?:of|with|from|at)[ \t]+(?:the[ \t]+)?[A-Z][^,.;:\n]{0,100}")
#: What every narration pattern needs (names and titles are capitalised; an unnamed
#: speaker is an ``official`` or a ``spokes...``).
_NARRATION_HINT = re.compile(r"[A-Z]|official|spokes")
_ORG_NOUNS = frozenset("agency department office administration organization group "
                       "coalition statement".split())
#: ``Lawrence Benito, executive director of X, said the group...``: a person named in the
#: narration as speaking (two to five capitalised words, an optional appositive, a cue).
_NARRATED = re.compile(r"(?<![\w\u2019'.-])(?P<name>[A-ZÀ-ÖØ-Þ][\w\u2019'-]*\.?"
                       r"(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w\u2019'-]*\.?){1,4})"
                       r"(?P<app>(?:,[^,;:!?\u201c\u201d\"\n]{1,160}){1,2},)?,?\s+(?:" + _VERB +
                       r")\b")
#: Capitalised words that open a sentence or a clause but are no part of a name.
_NOT_NAME = frozenset("""the a an in on at but and or so as if when while after before then
still however meanwhile last this that earlier later asked speaking he she they we it his
her their our its monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december""".split())
#: ``Asked whether..., Johnston said``: an opening clause is not part of the speaker.
_LEADING_CLAUSE = re.compile(r"^\s*(?:(?:When|While|After|Before|As|If|Although|Though|"
                             r"Because|Since|Despite|During|Following|Asked|Pressed|Speaking|"
                             r"Responding|Reached|Reacting|Addressing|Writing|Testifying|"
                             r"Appearing|Standing|In|On|At|Last|This|Earlier|Later|Meanwhile|"
                             r"However|Still|Instead|[Ww]here)\b[^,]{0,120},\s*)+")
#: A clause boundary inside a would-be speaker phrase (the subject follows it).
_CLAUSE_BREAK = re.compile(r"(?:^|[\s,])(?:(?:while|whereas|but|although|though|when|after|"
                           r"because|since|as|meanwhile|what|whom)\s+(?=[A-Z])|"
                           r"what\s+(?=(?:a|an|one|the|another)\s))")  # “what one member called”
#: ``Noem’s message to the city was blunt:`` -> Noem.
_POSSESSIVE_CUE = re.compile(r"(?P<np>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,5})[\u2019']s\s+"
                             r"(?:[\w-]+\s+){0,2}?(?P<noun>message|statement|response|reply|"
                             r"answer|words|post|tweet|letter|warning|remarks|verdict)\b")
#: ``Adams’s office``, ``Luna's spokeswoman``: speaks for the owner.
_OWNER = re.compile(r"^(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})[\u2019']s?\s+"
                    r"(?:office|spokesperson|spokesman|spokeswoman|press secretary|aides?|"
                    r"staff|team|campaign)\b")
#: ``Pritzker called the plan “un-American”``: a word put in the speaker's mouth, not a
#: scare quote (``so-called`` excluded; a capitalised name, ``what they called “Operation
#: Safe Streets”``, stays a term).
_CHARACTERIZED = re.compile(r"(?<![\w-])(?:called|described\s+(?:[\w\u2019'-]+\s+){1,4}as|"
                            r"accused\s+(?:[\w\u2019'.-]+\s+){1,4}of)"
                            r"\s+(?:[\w\u2019'-]+\s+){0,4}$")


def _characterized(raw: str, lo: int, hi: int) -> bool:
    """Does ``raw[lo:hi]`` end in ``called`` / ``described ... as`` / ``accused ... of``?
    (The substring test first: the regex costs a scan per start position.)"""
    window = raw[lo:hi]
    return ("called" in window or "described" in window or "accused" in window) and \
        _CHARACTERIZED.search(raw, lo, hi) is not None


#: ``an official who was not authorized to speak``: the description ends at the clause.
_RELATIVE = re.compile(r"\s+(?:who|whom|whose|which|that)\b")
#: Capitalised words just before a surname: ``Kevin`` in ``Her spokesman, Kevin Odom``.
_NAME_BEFORE = re.compile(r"(?:(?:[A-ZÀ-ÖØ-Þ][\w\u2019'-]*\.?|state|city|county)[ \t]+){1,4}$")
#: ``A senior DHS official, who requested anonymity, said the agency...``: an unnamed
#: speaker introduced in the narration, the antecedent of a later ``the official``.
_NARRATED_DESC = re.compile(r"(?<![\w-])(?P<desc>(?:[Aa]n?|[Oo]ne)\s+(?:[\w.-]+\s+){0,7}?(?:"
                            r"official|spokesperson|spokesman|spokeswoman|sergeant|officer|"
                            r"deputy|detective|trooper|lieutenant|captain|agent))\b"
                            r"(?P<for>\s+(?:for|of|with|at)\s+[^,;:!?\u201c\u201d\"\n]{1,60}?)?"
                            r"(?P<app>,[^,;:!?\u201c\u201d\"\n]{1,160},)?\s+(?:" + _VERB + r")\b")
_ANAPHORA = re.compile(r"^(?:the|a|an|that|this)\s+(?:\w+\s+){0,2}(?:spokesperson|spokesman|"
                       r"spokeswoman|agency|department|office|official|officials|statement|"
                       r"administration|organization|group|coalition)\b", re.I)
_ROLE_WORDS = TITLE_WORDS
_TERMINAL = ".?!\u2026"
_TERMINAL_OR_COMMA = _TERMINAL + ","
_MARK = re.compile("[" + OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "\"']")
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_ALNUM = re.compile(r"[^\W_]")  # exactly str.isalnum: \w without the underscore
#: How many earlier mentions pronoun resolution looks back over (bounds the work).
_LOOKBACK = 64
#: The first character that ``str.lstrip()`` keeps (without slicing the rest of a paragraph).
_NON_SPACE = re.compile(r"\S")


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
            found = [a for a, _ in split_sentences(self.raw[pstart:pend], pstart)]
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


# --------------------------------------------------------------------------- spans


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _scan_paragraph(raw: str, pstart: int, pend: int, para: int) -> list[_Quote]:
    """Pair quote marks in one paragraph in a single pass."""
    quotes: list[_Quote] = []
    open_at = -1
    open_kind = ""  # "double" or "single"
    nested = False  # a “double” inside a ‘single’ (British style: ‘... “routine” ...’)
    for m in _MARK.finditer(raw, pstart, pend):
        i = m.start()
        ch = raw[i]
        prev = raw[i - 1] if i > pstart else " "
        nxt = raw[i + 1] if i + 1 < pend else " "
        if open_kind == "single" and ch in OPEN_DOUBLE and not nested:
            nested = True
        elif nested and ch in CLOSE_DOUBLE:
            nested = False
        elif ch in OPEN_DOUBLE:
            if open_at >= 0 and open_kind == "double":
                quotes.append(_Quote(open_at + 1, i, para, open_at, i, False))
            if open_kind != "double":
                open_at, open_kind = i, "double"
            else:
                open_at = i
        elif ch in CLOSE_DOUBLE:
            if open_kind == "double":
                quotes.append(_Quote(open_at + 1, i, para, open_at, i, True))
                open_at, open_kind = -1, ""
            elif open_kind:  # a double closer ends a mismatched single
                open_at, open_kind = -1, ""
        elif ch == STRAIGHT_DOUBLE:
            if open_kind == "double":
                quotes.append(_Quote(open_at + 1, i, para, open_at, i, True))
                open_at, open_kind = -1, ""
            elif (prev in _BEFORE_OPEN or i == pstart) and nxt not in _SPACE:
                open_at, open_kind = i, "double"
        elif ch == OPEN_SINGLE and open_kind == "" and not _is_word(prev):
            open_at, open_kind = i, "single"
        elif ch in (CLOSE_SINGLE, "'") and open_kind == "single" and not _is_word(nxt):
            if _is_word(prev) or prev in _TERMINAL_OR_COMMA or prev in CLOSE_DOUBLE:
                quotes.append(_Quote(open_at + 1, i, para, open_at, i, True))
                open_at, open_kind, nested = -1, "", False
        elif ch == "'" and open_kind == "" and (prev in _BEFORE_OPEN or i == pstart) \
                and nxt.isalpha():
            # a straight single opener (British style: 'We are not afraid,' she said);
            # kept only if a "'" after , . ? or ! closes it, so apostrophes stay apart
            open_at, open_kind = i, "straight single"
        elif ch == "'" and open_kind == "straight single" and prev in _TERMINAL_OR_COMMA \
                and not _is_word(nxt):
            quotes.append(_Quote(open_at + 1, i, para, open_at, i, True))
            open_at, open_kind = -1, ""
    if open_kind == "double":
        quotes.append(_Quote(open_at + 1, pend, para, open_at, pend, False))
    return quotes


def _trim(raw: str, q: _Quote) -> _Quote | None:
    s, e = q.start, q.end
    while s < e and raw[s] in _SPACE:
        s += 1
    while e > s and raw[e - 1] in _SPACE:
        e -= 1
    if s >= e or _ALNUM.search(raw, s, e) is None:
        return None
    q.start, q.end = s, e
    return q


# --------------------------------------------------------------------------- speakers


_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|so|then|also|later|earlier|again)\s+", re.I)


def _clean_np(np_text: str) -> str:
    np_text = np_text.strip(" ,;:\u2014\u2013-\n\u00a0")
    if np_text.endswith(".") and len(np_text.split()[-1]) > 3:
        np_text = np_text[:-1]
    return _LEADING_CONJUNCTION.sub("", np_text)


#: U.S. state names (a place before a person's name is not part of it).
_STATE_NAMES = frozenset("""alabama alaska arizona arkansas california colorado connecticut
delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine
maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio
oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin
wyoming""".split()) | frozenset({"new hampshire", "new jersey", "new mexico", "new york",
                                  "north carolina", "north dakota", "rhode island",
                                  "south carolina", "south dakota", "west virginia"})


def _name_in(np_text: str) -> str:
    """The person's name in a mention: the last run of capitalised words after any role
    words (``Harris County Sheriff Ed Gonzalez`` -> ``Ed Gonzalez``)."""
    head = np_text.split(",")[0]
    words = head.split()
    run: list[str] = []
    for i, w in enumerate(words):
        if _PARTY_TAG.match(w):  # “Rep. Carl Dorsey (R-Ariz.)”
            continue
        bare = w.strip("()\u2019',;:")
        if len(bare) > 2 and bare.endswith(".") and not bare[:-1].isupper():
            bare = bare[:-1]
        if bare.lower().rstrip("’'s") in _ROLE_WORDS or bare.lower() in _ROLE_WORDS:
            run = []
            continue
        if bare[:1].isupper() and bare.endswith(("\u2019s", "'s")):
            if i + 1 < len(words) and words[i + 1][:1].isupper():
                run = []  # “Sonoran Public Radio’s Sam Whitaker”: the owner, then the name
                continue
            if run:
                run.append(bare[:-2])  # “Gov. Teresa Lindahl’s office”: the name ends here
                break
        if bare[:1].isupper() or (run and bare[:1].isupper()):
            run.append(bare)
        elif len(run) >= 2 and _first_name_gender(run[0]) and bare[:1].islower():
            break  # “Prof Daniel Okafor of the University”, “... Erika Almiron in a statement”
        else:
            run = []
    if len(run) > 2:  # “Government Relations Martin Hale”: start at a known first name
        first = next((i for i, w in enumerate(run[:-1]) if _first_name_gender(w)), 0)
        run = run[first:]
    for size in (2, 1):  # “New Jersey Alina Habba”: a state before the name is a place
        if len(run) >= size + 2 and " ".join(run[:size]).lower() in _STATE_NAMES:
            run = run[size:]
            break
    if len(run) >= 2:
        return " ".join(run)
    return ""


def _org_like(np_text: str) -> bool:
    return bool(_ANAPHORA.match(np_text.strip()))


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """First name -> ``f``/``m`` from ``resources/first_names.txt``."""
    return dict(line.split()[:2] for line in load_wordlist("first_names.txt"))


@lru_cache(maxsize=8192)
def _first_name_gender(word: str) -> str | None:
    """``f``/``m`` if ``word`` is a known first name (accents ignored: ``María``, ``Joaquín``),
    else None."""
    key = word.lower()
    if key not in _first_names():
        key = "".join(c for c in unicodedata.normalize("NFKD", key)
                      if not unicodedata.combining(c))
    return _first_names().get(key)


def _gender_of(name: str) -> str:
    """``f``, ``m`` or ``""`` (unknown) from a person's first name."""
    words = name.split()
    return (_first_name_gender(words[0]) or "") if words else ""


def _has_role(q: _Quote, noun: str) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", q.role)
               for form in _NOUN_FORMS.get(noun, (noun,)))


def _definite_referent(noun: str, pos: int, ctx: _Context,
                        organizations_only: bool = False) -> _Quote | None:
    """The most recent person or organisation before ``pos`` whose role has ``noun``
    (``the mayor`` -> Mayor Mike Johnston); for organisation nouns (``the agency``), else
    the most recent organisation."""
    best: tuple[int, _Quote] | None = None
    for items in (ctx.organizations,) if organizations_only else (ctx.persons,
                                                                 ctx.organizations):
        for at, _, ref in items.before(pos):
            if _has_role(ref, noun):
                if best is None or at > best[0]:
                    best = (at, ref)
                break
    if best is not None:
        return best[1]
    return _latest(ctx.organizations, pos, ctx) if noun in _ORG_NOUNS else None


def _latest(items: _Timeline, pos: int, ctx: _Context,
            gender: str = "") -> _Quote | None:
    """The most recent compatible referent before ``pos``; within that sentence, the first
    (the subject, usually: in ``Tom Homan, appointed by President-elect Trump, had a
    message`` the antecedent of a following *he* is Homan)."""
    def ok(q: _Quote) -> bool:
        return not gender or not q.gender or q.gender == gender

    window = items.before(pos)  # nearest first
    latest = next((k for k, item in enumerate(window) if ok(item[2])), None)
    if latest is None:
        return None
    sent = ctx.sentence_of(window[latest])
    k = latest
    while k + 1 < len(window) and ctx.sentence_of(window[k + 1]) == sent:
        k += 1
    return next(window[j][2] for j in range(k, latest - 1, -1) if ok(window[j][2]))


_AFTER_PREPOSITION = re.compile(r"\b(?:at|in|from|to|of|near|outside|inside|into|for|with)"
                                r"[ \t]+$")
_DOCUMENT_TAG = re.compile(r",\s*(?P<doc>the\s+(?:ruling|opinion|order|statement|report|complaint|"
                           r"lawsuit|memo|filing))\s*$", re.I)
_OWNED_WORDS = re.compile(r"^(?P<owner>[Hh]er|[Hh]is|[Tt]heir|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}?"
                          r"(?=[\u2019']s?\s))(?:[\u2019']s?)?\s+(?:full\s+|written\s+|"
                          r"prepared\s+)?(?:statement|message|remarks|post|letter|email)$")
#: A document as the subject of a reporting verb (``The email ... said``, ``The complaint
#: says``), and who signed it.
_DOCUMENT = re.compile(r"^the\s+(?:[\w.-]+\s+){0,2}?(?:email|e-mail|memo|letter|summary|report|"
                       r"complaint|lawsuit|filing|release|notice|post)\b", re.I)
_SIGNED_BY = re.compile(r"\b(?:signed|written|sent|filed|issued|authored|released)\s+by\s+"
                        r"(?P<who>[^,;:]{2,80})")
_OPENERS = OPEN_DOUBLE + OPEN_SINGLE + STRAIGHT_DOUBLE
_INDEFINITE = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s")
_THE = re.compile(r"\b[Tt]he\s")


def _sentence_subject(pos: int, ctx: _Context, gender: str) -> _Quote | None:
    """The person a definite subject of the sentence holding ``pos`` refers to: in ``The
    judge ordered X released. “...,” she told him.`` *she* is the judge, not the last woman
    named. None when the sentence opens otherwise."""
    k = bisect.bisect_right(ctx.paragraphs, pos, key=lambda x: x[0]) - 1
    if k < 0:
        return None
    pstart, pend = ctx.paragraphs[k]
    if not _THE.search(ctx.raw, max(pstart, pos - 200), pos):
        return None  # no definite subject nearby: spare the sentence split
    starts = ctx.starts(pstart, pend)
    i = bisect.bisect_right(starts, pos) - 1  # the sentence holding pos
    if i > 0 and ctx.raw[starts[i]] in _OPENERS:  # “...,” she told him: the sentence
        i -= 1  # before says who
    definite = _DEFINITE.match(ctx.raw[starts[i] if i >= 0 else pstart:pos])
    if definite is None or definite.group("noun").lower() in _ORG_NOUNS:
        return None
    ref = _definite_referent(definite.group("noun").lower(), pos, ctx)
    ok = ref is not None and ref.speaker_kind == "person" and (not ref.gender or
                                                                ref.gender == gender)
    return ref if ok else None


def _last_mentioned(pos: int, ctx: _Context) -> _Quote | None:
    """The organisation mentioned last before ``pos`` (which issued the document the next
    sentence quotes), within the current or previous paragraph; or None. (A person's
    document names its author: ``signed by``.)"""
    last = ctx.organizations.before(pos, 1)
    if not last:
        return None
    at, _, org = last[0]
    k = bisect.bisect_right(ctx.paragraphs, pos, key=lambda x: x[0]) - 1
    floor = ctx.paragraphs[max(0, k - 1)][0] if k >= 0 else 0
    return org if at >= floor else None


def _copy_speaker(src: _Quote, dst: _Quote) -> None:
    dst.speaker, dst.actor_id, dst.group = src.speaker, src.actor_id, src.group
    dst.group_source, dst.speaker_kind, dst.gender = src.group_source, src.speaker_kind, \
        src.gender
    dst.role = src.role


def _resolve(np_text: str, np_start: int, attribution: str, q: _Quote, ctx: _Context,
             pos: int) -> bool:
    """Fill ``q``'s speaker from a mention; return False if the mention names nobody."""
    np_text = _clean_np(np_text)
    if not np_text:
        return False
    owned = _OWNED_WORDS.match(np_text)
    if owned:  # “Maddox’s statement”, “Her full statement”: the owner speaks
        owner = owned.group("owner")
        np_start += np_text.find(owner)
        np_text = owner
    # “Her full statement read:” reaches here as “Her”: a possessive is its pronoun
    np_text = {"her": "she", "his": "he", "their": "they"}.get(np_text.lower(), np_text)
    lead = np_text.split()[0].lower()
    offset = np_start
    q.mention, q.mention_start, q.mention_end = np_text, offset, offset + len(np_text)
    if lead in _PRONOUNS and len(np_text.split()) <= 3:
        pron = lead
        q.mention = np_text.split()[0]
        q.mention_end = q.mention_start + len(q.mention)
        if pron in ("he", "she"):
            ref = _sentence_subject(pos, ctx, _PRONOUNS[pron]) or \
                _latest(ctx.persons, pos, ctx, _PRONOUNS[pron])
        else:
            ref = _latest(ctx.organizations, pos, ctx) or _latest(ctx.persons, pos, ctx)
        if ref is None:
            q.speaker, q.group, q.group_source = q.mention, "unknown", "unknown"
            return True
        _copy_speaker(ref, q)
        return True
    parts = np_text.split(",")
    head = parts[0]
    found = ctx.registry.find(head, offset)
    if found is not None and found[0].kind == "person" and " " not in found[1].norm:
        # “Walsh said” after “ICE spokesman Kevin Walsh”: the article's Walsh, not the
        # registry's, when the article introduced someone else by that surname
        local = ctx.roster.get(found[1].text)
        if local is not None and local.actor_id != found[0].actor_id and \
                local.speaker != found[0].name and len(local.speaker.split()) >= 2:
            _copy_speaker(local, q)
            return True
    # “A former guard who worked at Red Mesa”: a name after “who” is not the speaker's
    name = _name_in(_RELATIVE.split(head, maxsplit=1)[0])
    if found is None and not name and len(parts) > 1 and not _PRONOUN_HEAD.match(head):
        # a generic head with the name in apposition: "the mayor, Brandon Johnson"
        appositive = _PARTY_TAIL.sub("", parts[1].strip()).rstrip(".")
        named = _name_in(appositive)
        titles = appositive[:len(appositive) - len(named)].split() if named and \
            appositive.endswith(named) else ["-"]
        if all(w.lower() in _ROLE_WORDS or w.lower().rstrip(".") in _ROLE_WORDS
               for w in titles):  # “The bill's sponsor, Sen. Jake Hollister (R-Gilbert),”
            name = _name_in(appositive)
            found = ctx.registry.find(appositive)
    if found is None and not name:
        found = ctx.registry.find(np_text, offset)
    at = head.rfind(name) + offset if name else -1
    chapter = found is not None and found[0].kind != "person" and name != "" and \
        re.fullmatch(r"[ \t]+of[ \t]+(?:the[ \t]+)?", np_text[found[1].end - offset:at - offset])
    if chapter:  # “the American Civil Liberties Union of North Carolina”: the group's chapter
        actor, tok = found
        q.speaker = re.sub(r"^[Tt]he\s+", "", np_text[tok.start - offset:at - offset + len(name)])
        q.actor_id, q.group, q.group_source = actor.actor_id, actor.group, "registry"
        q.speaker_kind, q.role = "organization", f"{actor.role} {np_text.lower()}"
        return True
    if found is not None and found[0].kind != "person" and len(name.split()) >= 2 \
            and (at >= found[1].end or at + len(name) <= found[1].start) \
            and ctx.registry.find(name) is None:
        # “ICE spokeswoman Carla Benning said”: the person speaks, in the agency's group
        q.speaker, q.speaker_kind, q.gender = name, "person", _gender_of(name)
        q.role = np_text.lower()
        group = infer_group_from_role(attribution) or found[0].group
        q.group, q.group_source = group, "role_cue"
        return True
    if found is not None:
        actor, tok = found
        q.speaker, q.actor_id, q.group = actor.name, actor.actor_id, actor.group
        q.group_source, q.speaker_kind, q.gender = "registry", actor.kind, actor.gender
        q.role = f"{actor.role} {np_text.lower()}"
        return True
    org = _org_name(head) if found is None else ""
    if org and (not name or name in org):
        q.speaker, q.speaker_kind, q.role = org, "organization", np_text.lower()
        group = infer_group_from_role(attribution) or infer_group_from_role(org)
        q.group, q.group_source = (group, "role_cue") if group else ("unknown", "unknown")
        return True
    key = ""
    if name:
        key = name.split()[-1]
    elif head.strip()[:1].isupper():  # “Adams”, or “Adams’s office” -> Adams
        owner = _OWNER.match(head.strip())
        key = (owner.group("owner") if owner else head).split()[-1]
    known = ctx.roster.get(key)
    if known is None and not name and key and len(head.split()) == 1 and key[:1].isupper():
        known = _full_name(key, pos, ctx)  # “Odom said” after “Her spokesman, Kevin Odom,”
    if known is not None and (not name or known.speaker.endswith(name)):
        _copy_speaker(known, q)
        if q.group == "unknown":
            group = _group_from_cues(np_text, attribution, pos, ctx)
            if group:
                q.group, q.group_source = group, "role_cue"
        return True
    definite = _DEFINITE.match(np_text) if len(head.split()) <= 4 else None
    if definite and definite.group("noun").lower() == "statement" and ctx.last is not None:
        org = _latest(ctx.organizations, pos, ctx)
        issuer = org if org is not None and org.start > ctx.last.open_mark else ctx.last
        _copy_speaker(issuer, q)  # “...,” the statement continued; “DHS said ... The
        return True  # statement said:”
    document = _DOCUMENT.match(np_text)
    if document:  # “The email, signed by X, said”; “The summary says” after “an ICE summary”
        by = _SIGNED_BY.search(np_text)
        if by and _resolve(by.group("who"), np_start + by.start("who"), attribution, q, ctx,
                           pos):
            return True
        ref = _last_mentioned(min(pos, np_start), ctx)  # named before the document
        if ref is not None:
            _copy_speaker(ref, q)
            return True
    if definite:
        noun = definite.group("noun").lower()
        ref = _definite_referent("judge" if noun in ("ruling", "opinion") else noun, pos, ctx)
        if ref is not None:
            _copy_speaker(ref, q)
            return True
    group = _group_from_cues(np_text, attribution, pos, ctx)
    titled = None if name else _ORG_TITLE.search(np_text)
    ref = _definite_referent(titled.group("noun").lower(), pos, ctx, True) if titled else None
    if ref is not None:
        _copy_speaker(ref, q)  # “A department official, who ..., said”: the department
        return True
    q.role = np_text.lower()
    if name:
        q.speaker, q.speaker_kind, q.gender = name, "person", _gender_of(name)
    elif np_text[:1].isupper() or np_text.split()[0].lower() in ("a", "an", "the", "one"):
        words = _RELATIVE.split(np_text.split(",")[0], maxsplit=1)[0].split()
        if len(words) > 1 and words[0].lower() == "the" and words[1][:1].isupper():
            words = words[1:]  # “the San Diego County Sheriff's Office” -> its name
        q.speaker = " ".join(words[:12])
        q.speaker_kind = "organization" if _org_like(np_text) else ""
        if len(words) == 1 and _first_name_gender(words[0]):  # “said Yesenia, 29,”
            q.speaker_kind, q.gender = "person", _gender_of(words[0])
    else:
        return False
    q.group, q.group_source = (group, "role_cue") if group else ("unknown", "unknown")
    return True


def _group_from_cues(np_text: str, attribution: str, pos: int, ctx: _Context) -> str | None:
    """The group the attribution's role cues imply; for a title naming an organisation
    mentioned before (``department spokesman Carl Benning`` after ``The Justice Department
    said``), that organisation's group."""
    group = infer_group_from_role(attribution)
    titled = _ORG_TITLE.search(np_text) if group is None else None
    if titled:
        ref = _definite_referent(titled.group("noun").lower(), pos, ctx, True)
        group = ref.group if ref is not None and ref.group in GROUPS else None
    return group or _group_by_reference(attribution, pos, ctx)


def _group_by_reference(role: str, pos: int, ctx: _Context) -> str | None:
    """The group of whom a role points back at: ``her spokesman`` -> the last woman named
    before ``pos``; ``an attorney with the group`` -> the last organisation. None when the
    referent's group is not known."""
    staff = _STAFF_OF.search(role)
    pron = staff.group("pron").lower() if staff else ""
    if pron in ("his", "her"):
        ref = _latest(ctx.persons, pos, ctx, "m" if pron == "his" else "f")
    elif pron or _MEMBER_OF.search(role):  # “Its president”, “with the group”
        ref = _latest(ctx.organizations, pos, ctx)
    else:
        return None
    return ref.group if ref is not None and ref.group in GROUPS else None


def _first_sentence(raw: str, start: int, end: int) -> tuple[int, int]:
    window = raw[start:end]
    if not any(c in window for c in ".?!"):
        # Punkt breaks only after . ? ! ; without them its one span is the window minus
        # trailing space (the same answer, without the tokenizer's fixed cost per call).
        stop = len(window.translate(ASCII_FOLD).rstrip())
        return (start, start + stop) if stop else (start, start)
    spans = split_sentences(window, start)
    return spans[0] if spans else (start, start)


def _attribute_after(raw: str, q: _Quote, pend: int, next_open: int, ctx: _Context) -> bool:
    """``“...,” Wu said`` or ``“...,” said Wu, mayor of Boston``."""
    content = raw[q.start:q.end].rstrip()
    # After a complete sentence (“...?” / “...!” / “...”) a capitalised word starts new
    # narration, unless the sentence is only a short tag: “Who will pay?” Bass asked.
    ends = q.closed and content[-1:] in _TERMINAL
    if ends:  # the first character after the quote, without slicing the paragraph's rest
        after = _NON_SPACE.search(raw, q.close_mark + 1, pend)
        ends = not (after and after.group().islower())
    a = q.close_mark + 1 if q.closed else q.end
    b = min(pend, next_open if next_open > a else pend, a + 300)
    if a >= b:
        return False
    # ``had “repeatedly attempted to breach” the facility and threatened officers``: the
    # reporter's sentence goes on, so the words right after are no ``NP said`` tag
    # (a later ``according to X`` or ``, X said`` still is)
    runs_on = q.kind == "partial" and content[-1:].isalnum() and \
        raw[a:b].lstrip()[:1].islower()
    s0, s1 = _first_sentence(raw, a, b)
    seg = raw[a:s1]
    if ends and not _SHORT_TAG.match(seg):
        return False
    m = None if runs_on else _AFTER_VERB_NP.match(seg)
    if m:
        np_text = m.group("np")
        if _resolve(np_text, a + m.start("np") + (len(np_text) - len(np_text.lstrip())),
                    seg, q, ctx, q.open_mark):
            q.cue = m.group("verb").lower()
            return True
    m = None if runs_on else _AFTER_NP_VERB.match(seg) or _AFTER_NP_CLAUSE_VERB.match(seg)
    if m:
        np_text = m.group("np")
        lead = len(np_text) - len(np_text.lstrip(" ,\u2014\u2013-"))
        if len(np_text.split()) <= 12 and _resolve(np_text, a + m.start("np") + lead,
                                                    seg, q, ctx, q.open_mark):
            q.cue = m.group("verb").lower()
            return True
    m = _ACCORDING.search(seg)
    if m and _resolve(m.group("np"), a + m.start("np"), seg, q, ctx, q.open_mark):
        q.cue = "according to"
        return True
    for m in _LATE_CUE.finditer(seg):  # “...” of these immigrants, Albence said.
        np_text = m.group("np")
        if len(np_text.split()) <= 8 and _resolve(np_text, a + m.start("np"), seg, q, ctx,
                                                  q.open_mark):
            q.cue = m.group("verb").lower()
            return True
    return False


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 (the last one is wanted)
        pass
    return found


def _attribute_before(raw: str, q: _Quote, clause_start: int, ctx: _Context) -> bool:
    """``X said she would use “...”`` / ``X told reporters: “...”``."""
    pre = raw[clause_start:q.open_mark]
    if not pre.strip():
        return False
    verbs = list(_VERB_RE.finditer(pre))
    colon = pre.rstrip().endswith(":")
    for m in reversed(verbs) if verbs else ():
        verb = m.group("verb").lower()
        if verb == "according to":
            tail = pre[m.end():]
            if _resolve(tail.split(",")[0], clause_start + m.end() + 1, tail, q, ctx,
                        q.open_mark):
                q.cue = "according to"
                return True
            continue
        head_start = max(pre.rfind(ch, 0, m.start()) for ch in ";\u2014\u201d\"") + 1
        around_name = False
        if head_start > 0 and not pre[head_start:m.start()].strip(" ,") and \
                pre[head_start - 1] == "\u201d":  # the subject runs on before a quoted name
            opened = pre.rfind("\u201c", 0, head_start - 1)
            if opened > 0:
                head_start = max(pre.rfind(ch, 0, opened) for ch in ";\u2014\u201d\"") + 1
                around_name = True
        if pre[head_start:m.start()].endswith(" and ") and any(
                head_start <= v.start() and v.end() <= m.start() and
                v.group("verb").lower() != "according to" for v in verbs):
            continue  # “The union said ... and called it “...””: the earlier verb's subject
        np_text = pre[head_start:m.start()]
        np_text = _LEADING_CLAUSE.sub("", np_text, count=1)
        tag = _DOCUMENT_TAG.search(np_text)
        if tag:  # “The administration, the ruling said, “...””: the ruling speaks
            np_text = np_text[tag.start("doc"):]
        np_start = m.start() - len(np_text)
        if not verb.endswith("ing") and not _PRONOUN_TAIL.search(np_text) and \
                any(np_start <= v.start() and v.end() <= m.start() for v in verbs):
            continue  # “Reddy said no managers had been charged but that “...””: “said”
        # “DHS defended the raids, while Mayor Bass called them ...”: the subject is Bass
        cut = None if around_name else _last_match(_CLAUSE_BREAK, np_text)
        if cut is not None:
            np_text = np_text[cut.end():]
        pronoun = _PRONOUN_TAIL.search(np_text)  # “a policy he described as ...”
        if pronoun and pronoun.start() > 0:
            np_text = np_text[pronoun.start():]
        np_off = clause_start + m.start() - len(np_text)
        if verb.endswith("ing"):  # “Ortiz fired back, calling the post ...”: the subject
            subject = _SUBJECT.match(np_text)
            if subject is None:
                continue
            lead = len(subject.group(0)) - len(subject.group(0).lstrip())
            if _resolve(subject.group(0).strip(), np_off + lead, subject.group(0), q, ctx,
                        q.open_mark):
                q.cue = verb
                return True
            continue
        # the subject's words only: ``X, a retired mechanic, said the sheriff was “...”`` is
        # no sheriff
        attribution = pre[m.start() - len(np_text) if cut is not None else head_start:m.end()]
        if _resolve(np_text, np_off + (len(np_text) - len(np_text.lstrip())), attribution, q,
                    ctx, q.open_mark):
            q.cue = f"{verb} (colon)" if colon else verb
            speaks_for = _SPEAKS_FOR.match(pre, m.end()) if q.group == "unknown" else None
            if speaks_for:  # “Hale told the council that the company would ...”
                q.group = _SPEAKS_FOR_GROUP[speaks_for.group("noun").lower()]
                q.group_source = "role_cue"
            return True
    m = _STATEMENT_RE.search(pre)
    if m and _resolve(pre[:m.start()], clause_start, pre, q, ctx, q.open_mark):
        q.cue = "statement"
        return True
    m = _last_match(_POSSESSIVE_CUE, pre)  # “Noem’s message to the city was blunt: ...”
    if m and _resolve(m.group("np"), clause_start + m.start("np"), pre[m.start():], q, ctx,
                      q.open_mark):
        q.cue = m.group("noun").lower()
        return True
    m = _MESSAGE_CUE.match(pre)  # “Carrington had a blunt message for Marquez: ...”
    if m and _resolve(m.group("np"), clause_start + m.start("np"), pre, q, ctx, q.open_mark):
        q.cue = m.group("noun").lower()
        return True
    m = _COLON_SUBJECT.match(pre) if colon else None
    if m and _resolve(m.group("np"), clause_start + m.start("np"), pre, q, ctx, q.open_mark):
        q.cue = "colon"
        return True
    if colon:  # “Asked whether ..., Ochoa was careful:”; “Rep. X, R-Wakefield, was blunt:”
        lead = len(pre) - len(_LEADING_CLAUSE.sub("", pre, count=1))
        tag = _PARTY_AFTER.search(pre, lead)
        rest = pre[lead:tag.start()] + pre[tag.end():].lstrip(",") if tag else pre[lead:]
        m = _COLON_SUBJECT.match(rest)
        if m and m.start("np") == len(rest) - len(rest.lstrip()) and _resolve(
                m.group("np"), clause_start + lead + m.start("np"), pre, q, ctx, q.open_mark):
            q.cue = "colon"
            return True
    return False


def _add_to_roster(q: _Quote, ctx: _Context) -> None:
    """An unregistered person: later mentions of the surname refer to them."""
    surname = q.speaker.split()[-1]
    if surname in ctx.roster:
        return
    ctx.roster[surname] = q
    for pos, (pstart, pend) in _surname_mentions(surname, q.open_mark, ctx):
        ctx.persons.add((pos, ctx.sentence_start(pos, pstart, pend), q))


def _surname_mentions(surname: str, lo: int, ctx: _Context
                      ) -> Iterator[tuple[int, tuple[int, int]]]:
    """Where ``\\bsurname\\b`` occurs in the body paragraphs from ``lo`` on, with the
    paragraph, in text order (what ``re.finditer`` over each paragraph gives).

    Looked up in the article's word index, so each surname costs its own occurrences, not
    a pass over the text: a match starts a ``\\w+`` run, and that run is the surname's
    first one. A surname that does not start with a word character is scanned for.
    """
    pattern = re.compile(r"\b" + re.escape(surname) + r"\b")
    starts = ctx.paragraph_starts
    lead = re.match(r"\w+", surname)
    if lead is None:  # the pattern's own semantics, paragraph by paragraph
        for k in range(max(0, bisect.bisect_right(starts, lo) - 1), len(starts)):
            pstart, pend = ctx.paragraphs[k]
            for m in pattern.finditer(ctx.raw, max(pstart, lo), pend):
                yield m.start(), (pstart, pend)
        return
    positions = _word_positions(ctx).get(lead.group(), [])
    last_end = -1  # finditer's matches do not overlap
    for i in range(bisect.bisect_left(positions, lo), len(positions)):
        p = positions[i]
        k = bisect.bisect_right(starts, p) - 1
        if k < 0 or p < last_end or p >= ctx.paragraphs[k][1]:
            continue
        pstart, pend = ctx.paragraphs[k]
        m = pattern.match(ctx.raw, p, pend)
        if m is not None:
            last_end = m.end()
            yield p, (pstart, pend)


def _register(q: _Quote, ctx: _Context) -> None:
    if q.speaker:
        ctx.last = q
    if not q.speaker or q.group_source == "unknown" and not q.speaker[:1].isupper():
        return
    if q.speaker_kind == "person":
        known = ctx.roster.get(q.speaker.split()[-1])
        if known is not None and known.speaker == q.speaker and known.group == "unknown" \
                and q.group != "unknown":
            # the attribution said who they are (“State Senate Minority Leader ...”): later
            # mentions of the surname keep it
            known.group, known.group_source = q.group, q.group_source
        ctx.persons.add((q.open_mark, q.open_mark, q))
        if not q.actor_id and len(q.speaker.split()) >= 2:
            _add_to_roster(q, ctx)
    elif q.speaker_kind == "organization" or q.actor_id:
        ctx.organizations.add((q.open_mark, q.open_mark, q))


def _mentions_by_paragraph(raw: str, paragraphs: Sequence[tuple[int, int]], ctx: _Context
                           ) -> list[list[tuple[Actor, Token]]]:
    """``registry.find_all`` of each paragraph, from one pass over the whole text.

    Tokens never cross a paragraph break (they hold no whitespace), so the whole-text
    matches inside a paragraph are that paragraph's own, unless a multiword alias ran
    across a break: the paragraphs such a match touches are matched again on their own.
    """
    starts = [a for a, _ in paragraphs]
    found: list[list[tuple[Actor, Token]]] = [[] for _ in paragraphs]
    redo: set[int] = set()
    for actor, tok in ctx.registry.find_all(raw):
        first = bisect.bisect_right(starts, tok.start) - 1
        last = bisect.bisect_right(starts, tok.end - 1) - 1
        if first == last and first >= 0 and tok.end <= paragraphs[first][1]:
            found[first].append((actor, tok))
        elif last >= 0:  # across a break (or from outside the body into it)
            redo.update(k for k in range(max(first, 0), last + 1)
                        if tok.start < paragraphs[k][1] and tok.end > paragraphs[k][0])
    for k in sorted(redo):
        pstart, pend = paragraphs[k]
        found[k] = ctx.registry.find_all(raw[pstart:pend], pstart)
    return found


def _narration_mentions(raw: str, paragraphs: Sequence[tuple[int, int]],
                        ctx: _Context) -> None:
    """Registered actors mentioned in the narration, as antecedents for pronouns."""
    for k, mentions in enumerate(_mentions_by_paragraph(raw, paragraphs, ctx)):
        for actor, tok in mentions:
            stub = _Quote(tok.start, tok.end, -1, tok.start, tok.end, True)
            stub.speaker, stub.actor_id, stub.group = actor.name, actor.actor_id, actor.group
            stub.group_source, stub.speaker_kind, stub.gender = "registry", actor.kind, \
                actor.gender
            stub.role = actor.role
            if actor.kind == "person":
                ctx.persons.add((tok.start, -1 - k, stub))
            else:
                ctx.organizations.add((tok.start, -1 - k, stub))
    for pstart, pend in paragraphs:
        if not _NARRATION_HINT.search(raw, pstart, pend):
            continue  # every pattern below needs a capital letter, ``official`` or ``spokes``
        for m in _TITLED_NAME.finditer(raw, pstart, pend):
            name = _name_in(m.group("name")) or m.group("name")  # “Mayor Pro Tem Keith ...”
            if ctx.registry.find(name) is not None or name.split()[-1] in ctx.roster:
                continue
            start = m.end("name") - len(name)
            # the role: the words before the title (``Washington Attorney General``), and
            # an appositive after the name when the title alone says nothing (``the Rev. X,
            # the church's pastor``)
            role = raw[_title_start(raw, pstart, m.start()):m.end()]
            tag = _PARTY_AFTER.match(raw, m.end(), pend)
            if tag:
                role += tag.group()  # “Sen. Lupe Ortiz-Carrillo (D-Tucson)”: a state senator
            if infer_group_from_role(role) is None:
                role += " " + _role_context(raw, pstart, m.end(), m.end())
            _add_named_person(name, start, m.end("name"), role, ctx)
        for m in _NARRATED.finditer(raw, pstart, pend):
            if _AFTER_PREPOSITION.search(raw, max(pstart, m.start() - 12), m.start()) and \
                    not _first_name_gender(m.group("name").split()[0]):
                continue  # “a former guard who worked at Red Mesa until ..., said”
            app = (m.group("app") or "").strip(" ,")
            if app and _name_in(app) == app:  # “consul in San José, Rodrigo Bárcenas Lugo,”
                start = m.start("app") + m.group("app").find(app)
                if ctx.registry.find(app) is None and app.split()[-1] not in ctx.roster:
                    _add_named_person(app, start, start + len(app),
                                      _role_context(raw, pstart, m.start(), start), ctx)
                continue
            words = _name_in(m.group("name")).split()
            while words and words[0].lower() in _NOT_NAME:
                words.pop(0)
            if len(words) < 2:
                continue
            name = " ".join(words)
            if ctx.registry.find(name) is not None or words[-1] in ctx.roster:
                continue
            start = raw.find(name, m.start("name"), m.end("name"))
            if start < 0:  # the name was written with a line break or punctuation
                continue
            # the role: from the start of the clause (``White House Press Secretary``)
            # through the appositive
            _add_named_person(name, start, start + len(name),
                              _role_context(raw, pstart, start, start + len(name)), ctx)
        for m in _ORG_APPOSITIVE.finditer(raw, pstart, pend):
            _add_organization(m.group("org"), m.start("org"), m.group("role"), ctx)
        for m in _NAMED_ORG.finditer(raw, pstart, pend):  # “the United Food and ... Union”
            _add_organization(m.group("org"), m.start("org"), m.group("org"), ctx)
        for m in _FIRST_NAME_ONLY.finditer(raw, pstart, pend):  # “María, who asked that ...”
            key = next(k for k in ("name", "name2", "name3", "name4") if m.group(k))
            if m.group(key).lower() in _NOT_NAME or m.group(key).lower() in _PLACE_HEADS:
                continue
            before = raw[max(pstart, m.start() - 30):m.start()].split()
            if key == "name4" and before and before[-1][:1].isupper():
                continue  # “Rosa Ibarra, 41,”: a surname, not a first name alone
            # the role: the description up to the name (“A deportation officer who has
            # worked out of ICE's Yakima sub-office ..., Russ”; not “Outside the county jail,”)
            lo = m.start() if key == "name" else \
                _clause_start(raw, pstart, m.start(), 240, ".;:\n\u201c\u201d\"")
            described = _last_match(_INDEFINITE, raw[lo:m.start()])
            role = raw[lo + (described.start() if described else 0):m.end()]
            _add_named_person(m.group(key), m.start(key), m.end(key), role, ctx,
                              roster=False, gender=_pronoun_gender(m.group()))
        for m in _NAME_APPOSITIVE.finditer(raw, pstart, pend):
            _add_if_person(m.group("name"), m.start("name"), pstart, ctx)
        for m in _FIRST_LAST.finditer(raw, pstart, pend):
            if _first_name_gender(m.group("first")):
                _add_if_person(raw[m.start():m.end("last")], m.start(), pstart, ctx)
        for m in _NARRATED_DESC.finditer(raw, pstart, pend):
            app = (m.group("app") or "").strip(" ,")
            if app and _name_in(app) == app:
                continue  # “A spokeswoman for the group, Marisol Ortega, said”: she is named
            owner = _spokesperson_for(m.group("desc"), m.group("for") or "", ctx)
            if owner is not None:  # “A spokesperson for Gov. Jared Polis said”: Polis
                ctx.persons.add((m.start("desc"), m.start("desc"), owner))
                continue
            _add_description(m.group("desc"), m.start("desc"), ctx,
                             raw[_clause_start(raw, pstart, m.start()):m.end()])


# --------------------------------------------------------------------------- kinds


def _clause_start(raw: str, lo: int, pos: int, reach: int = 80,
                  delimiters: str = ".;:\n\u201c\u201d\"") -> int:
    """Start of the clause holding ``pos``: after the last delimiter (``. ; :``, quote mark
    or line break) before it, looking back at most ``reach`` characters (not before
    ``lo``)."""
    lo = max(lo, pos - reach)
    return max(lo, *(raw.rfind(ch, lo, pos) + 1 for ch in delimiters))


def _role_context(raw: str, lo: int, start: int, end: int) -> str:
    """The words that say who a person named at ``raw[start:end]`` is: the title before the
    name in its clause (``DHS spokeswoman``; not past a comma, so ``..., County Executive``
    leaves out the clause before) and an appositive after it (``, a spokesman for ICE,``)."""
    head = _clause_start(raw, lo, start, 40, ".;:,\n\u201c\u201d\"")
    tail = end
    affiliation = _AFFILIATION.match(raw, end, end + 120)  # “Javier Montalvo of the ...”
    if affiliation:
        end = tail = affiliation.end()
    if raw[end:end + 1] == ",":
        stop = _APPOSITIVE_END.search(raw, end + 1, end + 160)
        tail = stop.start() if stop else min(len(raw), end + 160)
    return raw[head:tail]


def _title_start(raw: str, lo: int, pos: int) -> int:
    """Where a title's capitalised lead-in starts (``Washington`` of ``Washington Attorney
    General``; never a lower-case word, so ``tore into Newark Mayor X`` gives ``Newark``)."""
    lead = _NAME_BEFORE.search(raw, max(lo, pos - 40), pos)
    return lead.start() if lead else pos


def _pronoun_gender(text: str) -> str:
    """``m``/``f`` when ``text`` refers to its person as *his* or *her* (not both)."""
    words = set(re.findall(r"\b(?:his|her|him|he|she)\b", text.lower()))
    male, female = bool(words & {"his", "him", "he"}), bool(words & {"her", "she"})
    return "m" if male and not female else "f" if female and not male else ""


def _add_if_person(text: str, start: int, pstart: int, ctx: _Context) -> None:
    """Add a name found in the narration to the roster, unless it is a registered actor,
    an organisation's name or already known."""
    words = text.split()
    while words and (words[0].lower() in _NOT_NAME or words[0].lower() in _ROLE_WORDS):
        words.pop(0)  # “Supervisor Marisol Ontiveros, who wrote the measure”
    while words and words[-1].lower().strip(".,") in _NOT_NAME:
        words.pop()  # “Maria Lopez Tuesday”
    if len(words) < 2 or words[-1].lower() in _ORG_HEADS | _PLACE_HEADS:
        return
    name = " ".join(words)
    if words[-1] in ctx.roster:
        if ctx.roster[words[-1]].speaker != name and _first_name_gender(words[0]):
            at = ctx.raw.find(name, start, start + len(text))
            # “Lidia Calderón”, after Ernesto Calderón: her own antecedent for “she said”
            _add_named_person(name, at, at + len(name), "", ctx, roster=False)
        return
    if ctx.registry.find(name) is not None:
        return
    at = ctx.raw.find(name, start, start + len(text))
    if _AFTER_PREPOSITION.search(ctx.raw, max(0, at - 12), at) and \
            not _first_name_gender(words[0]):
        return  # “held at Red Mesa, a former state prison”: a place
    _add_named_person(name, at, at + len(name),
                      _role_context(ctx.raw, pstart, at, at + len(name)), ctx)


def _add_organization(org: str, start: int, role: str, ctx: _Context) -> None:
    """An organisation introduced in the narration with an appositive: the antecedent of a
    later ``the group`` / ``the coalition``."""
    words = org.split()
    while words and words[0].lower() in _NOT_NAME:
        words.pop(0)
    if not words or ctx.registry.find(" ".join(words)) is not None:
        return
    name = " ".join(words)
    stub = _Quote(start, start + len(org), -1, start, start + len(org), True)
    group = infer_group_from_role(f"{name}, a {role}")
    stub.speaker, stub.speaker_kind = name, "organization"
    stub.group, stub.group_source = (group, "role_cue") if group else ("unknown", "unknown")
    stub.role = role.lower()
    ctx.organizations.add((start, start, stub))


def _org_name(head: str) -> str:
    """The organisation named at the end of ``head`` (``The Tennessee Immigrant and Refugee
    Rights Coalition`` -> without ``The``), or ``""``."""
    words = head.split()
    if not words or words[-1].lower().strip(".,") not in _ORG_HEADS or not words[-1][:1].isupper():
        return ""
    j = len(words) - 1
    while j > 0 and (words[j - 1][:1].isupper() or words[j - 1] in ("of", "for", "and", "on")):
        j -= 1
    while j < len(words) - 1 and (words[j].lower() in _NOT_NAME or words[j] in ("of", "for")):
        j += 1
    return " ".join(words[j:]).strip(".,")


def _add_description(desc: str, start: int, ctx: _Context, role: str) -> None:
    """An unnamed speaker introduced in the narration (``A senior DHS official``): the
    antecedent of a later ``the official``, speaking for the organisation it names."""
    stub = _Quote(start, start + len(desc), -1, start, start + len(desc), True)
    found = ctx.registry.find(desc)
    if found is not None and _inside_longer_name(desc, found[1].start):
        found = None  # “Las Vegas Metropolitan Police Department” is not D.C.'s
    if found is not None and found[0].kind != "person":
        actor = found[0]
        stub.speaker, stub.actor_id, stub.group = actor.name, actor.actor_id, actor.group
        stub.group_source, stub.speaker_kind = "registry", actor.kind
    else:
        group = infer_group_from_role(role)
        stub.speaker, stub.speaker_kind = desc, "person"
        stub.group, stub.group_source = (group, "role_cue") if group else ("unknown", "unknown")
    stub.role = role.lower()
    ctx.persons.add((start, start, stub))  # an official is a person (``he said``)


def _spokesperson_for(desc: str, owner: str, ctx: _Context) -> _Quote | None:
    """``a spokesperson`` + `` for Gov. Jared Polis``: the person or agency spoken for (a
    copy whose role is the spokesperson's, so ``the spokesperson said`` finds it), or
    None."""
    if not owner or not desc.lower().split()[-1].startswith("spokes"):
        return None
    owner = owner.split(None, 1)[1] if len(owner.split()) > 1 else ""
    stub = _Quote(0, 0, -1, 0, 0, True)
    found = ctx.registry.find(owner)
    name = _name_in(owner)
    if found is not None and (not name or found[0].kind == "person"):
        actor = found[0]
        stub.speaker, stub.actor_id, stub.group = actor.name, actor.actor_id, actor.group
        stub.group_source, stub.speaker_kind, stub.gender = "registry", actor.kind, \
            actor.gender
    elif name:
        known = ctx.roster.get(name.split()[-1])
        if known is not None and known.speaker.endswith(name):
            _copy_speaker(known, stub)
        else:
            group = infer_group_from_role(owner)
            stub.speaker, stub.speaker_kind = name, "person"
            stub.group, stub.group_source = (group, "role_cue") if group else ("unknown",
                                                                             "unknown")
    else:
        return None
    stub.role = f"{desc} for {owner}".lower()
    stub.gender = ""  # the spokesperson's pronoun is not the owner's
    return stub


def _inside_longer_name(text: str, start: int) -> bool:
    """Is the alias found at ``text[start:]`` the tail of a longer capitalised name (a
    capitalised word right before it, not an article or ``U.S.``)?"""
    before = text[:start].split()
    return bool(before) and before[-1][:1].isupper() and not before[-1].endswith(".") \
        and before[-1].lower() not in _NOT_NAME


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


def _full_name(surname: str, pos: int, ctx: _Context) -> _Quote | None:
    """The first earlier mention of ``surname`` with a first name (``Dwayne Fisher runs a
    taco truck`` before ``Fisher said``), added to the roster; or None."""
    positions = _word_positions(ctx).get(surname, ())
    # mentions already found to carry no first name are not read again (their text says
    # so, whatever the position asked about): each mention is read once per article
    first = ctx.no_first_name.get(surname, 0)
    for n in range(first, len(positions)):
        p = positions[n]
        if p >= pos:
            break
        before = _NAME_BEFORE.search(ctx.raw, max(0, p - 80), p)
        if before is None:
            ctx.no_first_name[surname] = n + 1
            continue
        words = _name_in(before.group() + surname).split()
        while words and words[0].lower() in _NOT_NAME:
            words.pop(0)
        owner = [i for i, w in enumerate(words[:-1]) if w.endswith(("\u2019s", "'s"))]
        if owner:  # “Sonoran Public Radio’s Sam Whitaker”: the name follows the owner
            words = words[owner[-1] + 1:]
        if len(words) < 2 or words[-1] != surname:
            ctx.no_first_name[surname] = n + 1
            continue
        after = p + len(surname)
        role = _role_context(ctx.raw, 0, before.start(), after)
        name = " ".join(words)
        start = ctx.raw.find(name, max(0, p - 80), after)
        _add_named_person(name, start, start + len(name), role, ctx)
        return ctx.roster.get(surname)
    return None


def _group_of_title_before(start: int, ctx: _Context) -> str | None:
    """The group a title right before ``, Name`` implies: ``Hennepin county's sheriff,
    Rosalind Achebe`` (a role noun), ``Hobbs' press secretary, Dana Reyes-Holt`` (the
    owner's group), ``Her spokesman, Kevin Odom`` (the last woman's)."""
    lead = _TITLE_BEFORE.search(ctx.raw, max(0, start - 60), start)
    if lead is None:
        return None
    title = lead.group("title")
    owner = _OWNER.match(title)
    if owner:
        name = owner.group("owner")
        found = ctx.registry.find(name)
        known = found[0] if found is not None else ctx.roster.get(name.split()[-1])
        group = known.group if known is not None else None
        return group if group in GROUPS else None
    return infer_group_from_role(title) or _group_by_reference(title, start, ctx)


def _add_named_person(name: str, start: int, end: int, role: str, ctx: _Context,
                      roster: bool = True, gender: str = "") -> None:
    """A person named in the narration (not a quote's speaker): an antecedent for pronouns
    and definite descriptions, and (``roster``) a roster entry for later mentions of the
    surname."""
    stub = _Quote(start, end, -1, start, end, True)
    stub.speaker, stub.speaker_kind = name, "person"
    stub.gender = gender or _gender_of(name)
    stub.role = role.lower()
    group = infer_group_from_role(role) or _group_by_reference(role, start, ctx) or \
        _group_of_title_before(start, ctx)
    stub.group, stub.group_source = (group, "role_cue") if group else ("unknown", "unknown")
    if roster:
        _add_to_roster(stub, ctx)
    else:
        ctx.persons.add((start, start, stub))


def _is_titlecase(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text)]
    small = {"a", "an", "the", "of", "and", "or", "for", "in", "on", "to", "at", "by"}
    return len(words) >= 2 and all(w[0].isupper() or w.lower() in small for w in words) and \
        words[0][0].isupper()


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _looks_like_term(raw: str, q: _Quote) -> bool:
    content = raw[q.start:q.end].strip()
    if content[-1:] in ".," and _LABEL_BEFORE.search(raw, max(0, q.open_mark - 12), q.open_mark) \
            and content[:1].islower() and _n_words(content) <= 3:
        return True  # so-called “sanctuary jurisdictions.” / a “sanctuary congregation,”
    n_words = _n_words(content)
    if n_words > 5 or content[-1:] in _TERMINAL:
        return False
    if n_words == 1:
        return not (content.endswith(",") and q.closed)
    return _is_titlecase(content)


def _embedded(raw: str, q: _Quote, pstart: int) -> bool:
    j = q.open_mark - 1
    while j >= pstart and raw[j] in _SPACE:
        j -= 1
    return j >= pstart and (raw[j].isalnum() or raw[j] in "’'")


# --------------------------------------------------------------------------- main


def _body_paragraphs(raw: str, exclude: Sequence[tuple[int, int]],
                     headline: Headline = None) -> list[tuple[int, int]]:
    if exclude:
        out = []
        for p in split_paragraphs(raw, headline):
            if p.role == "headline" or any(a <= p.start and p.end <= b for a, b in exclude):
                continue
            out.append((p.start, p.end))
        return out
    return [(p.start, p.end) for p in split_paragraphs(raw, headline) if p.role == "body"]


def _dash_speaker(raw: str, pstart: int, pend: int, ctx: _Context, q: _Quote) -> bool:
    m = _DASH_LINE.match(raw[pstart:pend])
    if not m:
        return False
    key = "name" if m.group("name") else "name2"
    if _resolve(m.group(key), pstart + m.start(key), m.group(key), q, ctx, q.open_mark):
        q.cue = "dash line"
        return True
    return False


def _is_dash_line(raw: str, span: tuple[int, int]) -> bool:
    return bool(_DASH_LINE.match(raw[span[0]:span[1]]))


def _intro(raw: str, span: tuple[int, int]) -> bool:
    text = raw[span[0]:span[1]].rstrip()
    return text.endswith(":") and bool(_VERB_RE.search(text) or _STATEMENT_RE.search(text)
                                       or re.search(r"statement", text, re.I))


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
        Let the speaker ranker (:mod:`corpus_tools.rank_speakers`) fill quotes the rules
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
    registry = actors if isinstance(actors, ActorRegistry) else ActorRegistry(actors)
    with _cyclic_gc_paused():
        result = _extract(text, registry, exclude, headline)
        if rank:
            _rank_hook(text, result, registry, exclude, headline)
    _groups_from_article(text, result)
    return _to_frame(text, article_id, result)


def _rank_hook(raw: str, quotes: list[_Quote], registry: ActorRegistry,
               exclude: Sequence[tuple[int, int]], headline: Headline) -> None:
    """Quotes the rules left without a speaker (or with a fragment: ``And``) take the
    ranker's confident choice (:mod:`corpus_tools.rank_speakers`)."""
    from corpus_tools import rank_speakers as rs
    views = [rs.QuoteView(q.start, q.end, q.kind, q.speaker, q.mention_start, q.mention_end)
             for q in quotes]
    if not any(map(rs.needs_ranker, views)):
        return
    order = sorted(range(len(quotes)), key=lambda k: (quotes[k].start, quotes[k].end))
    ordered, views = [quotes[k] for k in order], [views[k] for k in order]
    chosen = rs.rank_quotes(raw, _body_paragraphs(raw, exclude, headline), views, registry)
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


def _groups_from_article(raw: str, quotes: list[_Quote]) -> None:
    """Named speakers still ``unknown`` take a role the article states elsewhere
    (:mod:`corpus_tools.roles`)."""
    found: dict[str, str | None] = {}
    for q in quotes:
        if q.kind == "term" or q.group != "unknown" or not q.speaker[:1].isupper():
            continue
        if q.speaker not in found:
            found[q.speaker] = group_from_article(raw, q.speaker)[0]
        if found[q.speaker]:
            q.group, q.group_source = found[q.speaker], "article_role"


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
    ctx = _Context(registry, raw=raw, paragraphs=paragraphs)
    _narration_mentions(raw, paragraphs, ctx)
    result: list[_Quote] = []
    previous: _Quote | None = None
    block_until = -1  # paragraphs of an unquoted block statement, by index
    block_speaker: _Quote | None = None
    dash = [_is_dash_line(raw, span) for span in paragraphs]
    interviewee: _Quote | None = None  # of a Q:/A: transcript
    last_question = -9
    labels = [_SPEAKER_LABEL.match(raw, a, b) for a, b in paragraphs]
    for pi, (pstart, pend) in enumerate(paragraphs):
        if dash[pi]:
            continue
        label = labels[pi]
        who = _labelled_speaker(label.group("label"), label.group("role"), pstart, ctx) \
            if label else None
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


_LABEL_CUES = ("speaker label", "speaker label (continued)")


def _transcript_goes_on(raw: str, pi: int, ctx: _Context) -> bool:
    """Does paragraph ``pi`` (no label) continue the transcript line before it? Yes when it
    holds no quote mark and speaks in the first person."""
    pstart, pend = ctx.paragraphs[pi]
    text = raw[pstart:pend]
    return not _MARK.search(text.replace("\u2019", "")) and \
        _FIRST_PERSON.search(text) is not None


def _labelled_speaker(label: str, role: str | None, pos: int, ctx: _Context
                      ) -> _Quote | None:
    """The person a transcript label names (``BENÍTEZ`` -> Claudia Benítez, named before
    ``pos``; ``MAYOR OKAFOR`` -> Daniel Okafor), or None: a label that names nobody known
    (``UPDATE:``) is no speaker, unless it gives a role (``ROSA, caller from Lakewood:``)."""
    words = [w for w in label.split() if w.lower().strip(".") not in _ROLE_WORDS]
    name = " ".join(words) or label
    cache_key = (name, len(ctx.persons))  # a page of labels costs one lookup per label
    if cache_key not in ctx.labels:
        ctx.labels[cache_key] = _find_labelled(name, pos, ctx)
    found = ctx.labels[cache_key]
    if found is not None and found.speaker.isupper():  # named in capitals only: the label
        proper = _Quote(pos, pos, -1, pos, pos, True)
        _copy_speaker(found, proper)
        proper.speaker = " ".join(w.capitalize() for w in found.speaker.split())
        found = proper
    if not role:
        return ctx.label_speakers.get(name, found)  # ``MARISOL VEGA:`` after ``..., host:``
    if found is not None and found.group != "unknown":
        return found
    # the label's own role: ``DANIEL OKAFOR, Mayor of Tacoma``, ``MARISOL VEGA, host``
    group = infer_group_from_role(role) or ("other" if _PRESS_ROLE.search(role) else None)
    if found is not None and group is None:
        return found
    stub = _Quote(pos, pos, -1, pos, pos, True)
    if found is not None:
        _copy_speaker(found, stub)
    else:
        stub.speaker = " ".join(w.capitalize() for w in name.split())
        stub.speaker_kind, stub.gender = "person", _gender_of(stub.speaker)
        stub.role = role.lower()
    stub.group, stub.group_source = (group, "role_cue") if group else ("unknown", "unknown")
    ctx.label_speakers[name] = stub
    return stub


def _find_labelled(label: str, pos: int, ctx: _Context) -> _Quote | None:
    key = label.casefold()
    for _, _, person in ctx.persons.before(pos):
        if person.speaker and key in (person.speaker.casefold(),
                                      person.speaker.split()[-1].casefold()):
            return person
    surname = key.title()
    if surname not in _word_positions(ctx):  # “McDonald”, “DeLuca”: the article's spelling
        surname = next((w for w in _words_by_casefold(ctx).get(key, ()) if w != label), "")
    named = _full_name(surname, pos, ctx) if surname else None  # “Radio’s Sam Whitaker”
    if named is not None:
        return named
    found = ctx.registry.find(label.title())
    if found is not None and found[0].kind == "person":
        stub = _Quote(pos, pos, -1, pos, pos, True)
        _resolve(label.title(), pos, label, stub, ctx, pos)
        return stub
    return None


def _last_sentence(span: tuple[int, int], ctx: _Context) -> int:
    """Start of the last sentence of a paragraph (``Hadley took the fight online. He wrote
    on X:`` -> ``He wrote on X:``)."""
    starts = ctx.starts(*span)
    return starts[-1] if starts else span[0]


def _attribute_after_probe(raw: str, q: _Quote, pend: int) -> bool:
    """Is a short quote followed by a reporting cue (``“Never,” she said``)?"""
    a = q.close_mark + 1
    seg = raw[a:min(pend, a + 80)]
    return bool(_PROBE.match(seg))


def _to_frame(raw: str, article_id: str, quotes: list[_Quote]) -> pd.DataFrame:
    starts = [q.start for q in quotes]
    if not all(map(operator.lt, starts, starts[1:])):  # usually in order already
        quotes = sorted(quotes, key=attrgetter("start", "end"))
    unknown = sorted({q.speaker or "(no speaker found)" for q in quotes
                      if q.kind != "term" and q.group == "unknown"})
    if unknown:
        warnings.warn(f"{article_id}: {len(unknown)} speaker(s) with unknown group, kept as "
                      f"'unknown': {', '.join(unknown)}", stacklevel=3)
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
    return pd.DataFrame(cols, columns=QUOTE_COLUMNS)


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
    registry = actors if isinstance(actors, ActorRegistry) else ActorRegistry(actors)
    frames = []
    excludes = corpus["exclude"] if "exclude" in corpus.columns else [()] * len(corpus)
    for aid, raw, exclude, headline in zip(corpus["article_id"], corpus["text"], excludes,
                                           corpus_headlines(corpus), strict=True):
        frames.append(extract_quotes_from_text(raw, aid, registry, exclude or (), headline,
                                               rank))
    quotes = pd.concat(frames, ignore_index=True) if frames else \
        pd.DataFrame(columns=QUOTE_COLUMNS)
    for col in ("outlet", "year"):
        if col in corpus.columns:
            quotes[col] = quotes["article_id"].map(corpus.set_index("article_id")[col])
    return quotes.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
