"""Cues: the reporting verbs and the patterns of a reporting cue (step 3, the words).

:data:`SPEECH_VERBS` and the regular expressions that find a cue after a quote
(``,” Wu said``; ``,” said X, title of Org``), before it (``X said``, ``X told reporters:``,
``according to X``) or introducing a block. Attaching a cue to a speaker is
:mod:`corpus_tools.quotes.attribute`.
"""

from __future__ import annotations

import re

from corpus_tools.quotes.state import _Quote

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
    # VerbNet's manner-of-speaking class (37.3; Kipper-Schuler 2005), past tense, less the
    # members that are mostly something else in news (``cracked``, ``called`` is above)
    "drawled", "sputtered", "spluttered", "snapped", "barked", "growled", "hissed",
    "muttered", "murmured", "mumbled", "whispered", "yelled", "screamed", "hollered",
    "bellowed", "thundered", "groaned", "moaned", "stammered", "stuttered", "chirped",
    "ranted", "raged", "shrieked", "wailed", "whined", "snarled", "gushed", "sighed",
    "huffed", "intoned",
    # the present tense of the verbs above that features and broadcast copy use (``she
    # explains``), less the forms that are mostly nouns (posts, comments, remarks, charges)
    "explains", "recalls", "insists", "stresses", "continues", "replies", "responds",
    "tweets", "vows", "announces", "acknowledges", "urges", "cautions", "emphasizes",
    "testifies", "concedes", "predicts", "pledges", "maintains", "admits", "suggests",
    "complains", "boasts", "contends", "observes", "shouts", "describes", "accuses",
    "jokes", "quips", "retorts", "reiterates", "recounts", "asserts", "concludes",
    "wonders", "pleads", "declares", "laments", "muses",
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
#: ``,” Ana Ruiz, deputy director of the agency, told reporters`` (a bare role after a name)
_AFTER_NP_CLAUSE_VERB = re.compile(r"^[\s,]*(?P<np>[^;:!?\u201c\u201d\",]{1,80}),\s*"
                                   r"(?:(?:who|whose|which|a|an|the|\d+)\b|[RDI]-[A-Z][\w.]*|"
                                   r"(?<=[a-z], )(?=[a-z]{2}))"
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
_PARTY_AFTER = re.compile(r"[ \t]*(?:\(|,[ \t]*)[RDI]-[A-Z][^()\n,]{0,30}\)?")
#: ``Koenig:`` / ``DHS spokeswoman Kendra Voss fired back:`` -- a colon intro with no
#: reporting verb: the subject is the noun phrase before at most three lower-case words.
_COLON_SUBJECT = re.compile(r"^\s*(?P<np>(?:[\w.\u2019'-]+[ \t]+){0,6}?[A-Z][\w.\u2019'-]*)"
                            r"(?:[ \t]+[a-z][\w\u2019'-]*){0,3}[ \t]*:\s*$")
_PRONOUN_TAIL = re.compile(r"(?<![\w\u2019'-])(?:he|she|they)\s*$")
#: People named by a bare plural as a clause's subject (``activists reacted ..., urging``).
BARE_PLURALS = (r"(?:activists|advocates|protesters|demonstrators|organizers|critics|"
                r"opponents|supporters|officials|lawmakers|residents|immigrants|parents|"
                r"students|workers|detainees)")
#: The subject at the start of a clause: a run of capitalised words (``Los Angeles County
#: Supervisor Gloria Mendoza-Reyes``, ``ICE spokeswoman Ana Ruiz``), ``the``/``a`` description
#: or a pronoun.
_SUBJECT = re.compile(r"\s*(?:[Aa]n?|[Tt]he)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:judge|official|"
                      r"spokes(?:man|woman|person)|officer|agent|prosecutor|attorney|lawyer)\b|"
                      r"\s*(?:[Tt]he[ \t]+office[ \t]+of[ \t]+)?"
                      r"(?:(?:[A-Z][\w.\u2019'-]*|of|the|for|de|la)[ \t]+){0,7}"
                      r"[A-Z][\w.\u2019'-]*(?:[ \t]+(?:office|campaign|administration|"
                      r"government|spokes(?:man|woman|"
                      r"person)(?:[ \t]+[A-Z][\w.\u2019'-]*){0,3}))?|\s*(?:he|she|they)\b|"
                      r"\s*" + BARE_PLURALS + r"\b")
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
#: A dateline before the first sentence (``WASHINGTON, D.C. (WLBT) -``, ``BOSTON —``): a
#: place, not a subject.
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.\u2019'-]+(?:[ \t]+[A-Z][A-Z.\u2019'-]+){0,3}"
                       r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?[ \t]*"
                       r"(?:\([^()\n]{1,40}\))?[ \t]*[-\u2014\u2013]+[ \t]+")
#: ``Asked whether..., Johnston said``: an opening clause is not part of the speaker.
_LEADING_CLAUSE = re.compile(r"^\s*(?:(?:When|While|After|Before|As|If|Although|Though|"
                             r"Because|Since|Despite|During|Following|Asked|Pressed|Speaking|"
                             r"Responding|Reached|Reacting|Addressing|Writing|Testifying|"
                             r"Appearing|Standing|In|On|At|Last|This|Earlier|Later|Meanwhile|"
                             r"However|Still|Instead|Elsewhere|Separately|Once|Partial|"
                             r"Taking|Talking|Noting|Citing|Calling|Saying|Referring|Pointing|"
                             r"Looking|Arguing|Defending|Explaining|Describing|Acknowledging|"
                             r"Insisting|Warning|Echoing|Sitting|Walking|Holding|Flanked|"
                             r"Surrounded|Joined|Visiting|Touring|Announcing|Signing|Unveiling|"
                             r"Answering|Commenting|Discussing|Criticizing|Praising|"
                             r"[Ww]here)\b[^,]{0,120},\s*)+")
#: A clause boundary inside a would-be speaker phrase (the subject follows it).
#: ``X was not available to comment, but his secretary Y said``: a new subject after a
#: comma and a contrast (a verb before it is the other clause's).
_CONTRAST = re.compile(r",[ \t]+(?:but|while|whereas|although|though)\s+"
                       r"(?=(?:his|her|their|its|the)\s)")
_CLAUSE_BREAK = re.compile(r"(?:^|[\s,])(?:(?:while|whereas|but|although|though|when|after|"
                           r"because|since|as|meanwhile|what|whom)\s+(?=[A-Z])|"
                           # “..., and Ortiz said then that ...”: a new clause's subject
                           r"(?<=,)[ \t]+and\s+(?=[A-Z][a-z])|"
                           r"what\s+(?=(?:a|an|one|the|another)\s))")  # “what one member called”
#: ``Noem’s message to the city was blunt:`` -> Noem.
_POSSESSIVE_CUE = re.compile(r"(?P<np>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,5})[\u2019']s\s+"
                             r"(?:[\w-]+\s+){0,2}?(?P<noun>message|statement|response|reply|"
                             r"answer|words|post|tweet|letter|warning|remarks|verdict)\b")
_DOCUMENT_TAG = re.compile(r",\s*(?P<doc>the\s+(?:ruling|opinion|order|statement|report|complaint|"
                           r"lawsuit|memo|filing))\s*$", re.I)


def _intro(raw: str, span: tuple[int, int]) -> bool:
    text = raw[span[0]:span[1]].rstrip()
    return text.endswith(":") and bool(_VERB_RE.search(text) or _STATEMENT_RE.search(text)
                                       or re.search(r"statement", text, re.I))


def _attribute_after_probe(raw: str, q: _Quote, pend: int) -> bool:
    """Is a short quote followed by a reporting cue (``“Never,” she said``)?"""
    a = q.close_mark + 1
    seg = raw[a:min(pend, a + 80)]
    return bool(_PROBE.match(seg))
