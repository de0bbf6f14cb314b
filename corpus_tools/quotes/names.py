"""Names: read a person or organisation name out of a noun phrase (step 4, the words).

:func:`_name_in` strips titles, party tags and roles from a mention; :func:`_clean_np`
drops leading conjunctions; first names give a gender (shipped list).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from corpus_tools.actors import TITLE_WORDS, organization_type
from corpus_tools.segment import load_wordlist

_PARTY_OPEN = re.compile(r"^\([RDI]-")
_PARTY_TAG = re.compile(r"^\(?[RDI]-[A-Z][\w.]*\)?,?$|^\([RDI]\),?$")
#: The head noun of an organisation's name (``Tennessee Immigrant and Refugee Rights
#: Coalition``): such a capitalised run is an organisation, not a person.
_ORG_HEADS = frozenset("""coalition union center centre association committee council project
network alliance institute foundation fund league federation services office department
agency church partnership collaborative clinic society commission board""".split())
#: The last word of a place's name (``Harlan Falls``, ``Colorado Springs``): not a person.
_PLACE_HEADS = frozenset("""falls springs city county heights park beach valley river lake
hills creek island bay harbor harbour village township borough parish""".split())
#: Capitalised words that open a sentence or a clause but are no part of a name.
_NOT_NAME = frozenset("""the a an in on at but and or so as if when while after before then
still however meanwhile last this that earlier later asked speaking he she they we it his
her their our its monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december""".split())
_ANAPHORA = re.compile(r"^(?:the|a|an|that|this)\s+(?:\w+\s+){0,2}(?:spokesperson|spokesman|"
                       r"spokeswoman|agency|department|office|official|officials|statement|"
                       r"administration|organization|group|coalition)\b", re.I)
_ROLE_WORDS = TITLE_WORDS
#: Lower-case words that end a name however unknown its first name (a time, a place or a
#: clause follows): ``... Christiansen on Feb. 25``, ``... Moss in a statement``.
_NAME_ENDERS = frozenset("""on in at during after before last this via when while who whose
which told said says added spoke met wrote argued called noted explained stressed insisted
appeared joined took gave sent issued posted tweeted testified""".split())


_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|so|then|also|later|earlier|again)\s+", re.I)


#: ``in a statement, ICE official Bryan Cox``: a phrase of manner or time before the subject.
_LEADING_PHRASE = re.compile(r"^(?:(?:meanwhile|however|also|later|earlier),\s+)?(?:in|on|at|"
                             r"during|after)\s+(?:a|an|the|his|her|their|its)\s+"
                             r"(?:[\w-]+\s+){0,2}?[\w-]+,\s+(?=[A-Z])", re.I)


#: ``Context: McFadden``, ``Why it matters: ...``: a newsletter's label before the subject.
_LABEL = re.compile(r"^[A-Z][a-z]+(?:[ \t]+[a-z]+){0,3}:[ \t]+(?=[A-Z])")


def _clean_np(np_text: str) -> str:
    np_text = np_text.strip(" ,;:\u2014\u2013-\n\u00a0")
    if np_text.endswith(".") and len(np_text.split()[-1]) > 3:
        np_text = np_text[:-1]
    np_text = _LEADING_PHRASE.sub("", _LABEL.sub("", np_text))
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
        if _PARTY_OPEN.match(w) and not w.rstrip(",").endswith(")"):
            break  # “Corey A. Stewart (R-At Large)”: a tag of several words ends the name
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
        elif len(run) >= 2 and bare in _NAME_ENDERS:
            break  # “ICE spokeswoman Gillian Christiansen on Feb. 25”: a date follows
        elif 2 <= len(run) <= 4 and bare in ("of", "from", "with") and \
                i + 1 < len(words) and words[i + 1][:1].isupper() and \
                run[-1].lower() not in _ORG_HEADS | _PLACE_HEADS and \
                organization_type(" ".join(run)) is None:
            break  # “Ana Maria Soto of ORG”: the person, then their organisation
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


def _pronoun_gender(text: str) -> str:
    """``m``/``f`` when ``text`` refers to its person as *his* or *her* (not both)."""
    words = set(re.findall(r"\b(?:his|her|him|he|she)\b", text.lower()))
    male, female = bool(words & {"his", "him", "he"}), bool(words & {"her", "she"})
    return "m" if male and not female else "f" if female and not male else ""


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


def _inside_longer_name(text: str, start: int) -> bool:
    """Is the alias found at ``text[start:]`` the tail of a longer capitalised name (a
    capitalised word right before it, not an article or ``U.S.``)?"""
    before = text[:start].split()
    return bool(before) and before[-1][:1].isupper() and not before[-1].endswith(".") \
        and before[-1].lower() not in _NOT_NAME
