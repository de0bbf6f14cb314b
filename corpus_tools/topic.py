"""Topic: what the stance and framing measures are about, as an input rather than a constant.

The seed study's topic (``resources/topic.json``) names the stance target (federal
immigration enforcement in sanctuary jurisdictions), the wording of figure titles and axes,
the resource files its measures read (stance lexicon and model, frame codebook, naming list)
and the words that make an article *on target*. A study of another topic passes its own
topic file: the notebooks take their titles from it, and the stance measures only score
articles that mention the target (a quote from an article about flood aid is ``none``
toward immigration enforcement, whatever its words), saying how many articles were off
target instead of scoring them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from corpus_tools.paths import RESOURCES_DIR

TOPIC_PATH = RESOURCES_DIR / "topic.json"
_REQUIRED = ("name", "stance_target", "stance_title", "on_target_terms")


class TopicError(ValueError):
    """A malformed topic file; the message names the file and the problem."""


@dataclass(frozen=True)
class Topic:
    """A study's topic: the stance target, its wording and its resources (absolute paths;
    ``None`` where the topic has none, so the measure is skipped and says so)."""

    name: str
    stance_target: str
    stance_title: str
    stance_axis: str = "quotes (against \u2190 | \u2192 favor)"
    favor_means: str = ""
    against_means: str = ""
    stance_lexicon: Path | None = None
    stance_model: Path | None = None
    codebook: Path | None = None
    naming: Path | None = None
    on_target_terms: tuple[str, ...] = field(default_factory=tuple)
    source: str = ""

    def on_target(self, text: str) -> bool:
        """Whether ``text`` mentions the stance target (any of :attr:`on_target_terms`, as
        whole words; capitalised terms such as ``ICE`` match case-sensitively).

        Examples
        --------
        >>> topic = load_topic()
        >>> topic.on_target("ICE agents arrested two men."), topic.on_target("Ice on roads.")
        (True, False)
        """
        return bool(_term_pattern(self.on_target_terms).search(text))


@lru_cache(maxsize=8)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for term in terms:
        body = re.escape(term)
        parts.append(body if term != term.lower() else f"(?i:{body})")
    if not parts:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def load_topic(path: str | Path | None = None) -> Topic:
    """Read a topic file (JSON; default: the seed study's ``resources/topic.json``).

    Resource names are resolved beside the topic file, then in the package's resources.

    Raises
    ------
    TopicError
        Naming the file and what is missing or malformed.
    """
    path = Path(path).expanduser().resolve() if path else TOPIC_PATH
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TopicError(f"topic file not found: {path}") from None
    except json.JSONDecodeError as err:
        raise TopicError(f"{path.name} line {err.lineno}: invalid JSON ({err.msg})") from None
    missing = [k for k in _REQUIRED if not data.get(k)]
    if missing:
        raise TopicError(f"{path.name}: missing {', '.join(missing)}")

    def resource(key: str) -> Path | None:
        name = data.get(key)
        if not name:
            return None
        for base in (path.parent, RESOURCES_DIR):
            if (base / name).is_file():
                return (base / name).resolve()
        raise TopicError(f"{path.name}: {key} {name!r} is neither beside it nor in the "
                         "package's resources")

    return Topic(name=data["name"], stance_target=data["stance_target"],
                 stance_title=data["stance_title"],
                 stance_axis=data.get("stance_axis", Topic.stance_axis),
                 favor_means=data.get("favor_means", ""),
                 against_means=data.get("against_means", ""),
                 stance_lexicon=resource("stance_lexicon"),
                 stance_model=resource("stance_model"), codebook=resource("codebook"),
                 naming=resource("naming"),
                 on_target_terms=tuple(data["on_target_terms"]), source=data.get("source", ""))


def apply_topic(quotes, corpus, topic: Topic | None = None,
                stance_columns: tuple[str, ...] = ("stance", "stance_model")):
    """Mark each quote ``on_target`` (its article mentions the topic's target) and set the
    stance of quotes from off-target articles to ``none``: words about another subject say
    nothing about this target.

    Parameters
    ----------
    quotes : DataFrame
        With ``article_id`` and any of ``stance_columns``.
    corpus : DataFrame
        ``article_id, text`` of the articles.
    topic : Topic, optional
        Default: :func:`load_topic`.

    Returns
    -------
    DataFrame
        A copy with an ``on_target`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"article_id": ["a", "b"],
    ...                        "text": ["ICE raids began.", "Flood aid arrived."]})
    >>> quotes = pd.DataFrame({"article_id": ["a", "b"], "stance": ["favor", "favor"]})
    >>> apply_topic(quotes, corpus)[["on_target", "stance"]].values.tolist()
    [[True, 'favor'], [False, 'none']]
    """
    topic = topic or load_topic()
    on = {aid: topic.on_target(text)
          for aid, text in zip(corpus["article_id"], corpus["text"], strict=True)}
    out = quotes.copy()
    out["on_target"] = out["article_id"].map(on).fillna(False).astype(bool)
    for col in stance_columns:
        if col in out.columns:
            keep = out["on_target"] | (out[col] == "")
            out.loc[~keep, col] = "none"
    return out
