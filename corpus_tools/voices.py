"""Voices: who gets quoted, how often and at what length, and who is talked about.

Counts are computed from a quote table (the extractor's output or the hand-coded gold)
and, for mentions, from the narration units, so "talked about" and "speaks" are measured
on disjoint text.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from corpus_tools.style import GROUP_ORDER
from corpus_tools.tokenize import merge_multiword, tokenize


def _speech(quotes: pd.DataFrame) -> pd.DataFrame:
    speech = quotes[quotes["kind"] != "term"].copy()
    speech["n_words"] = [len(tokenize(t)) for t in speech["text"]]
    return speech


def _group_order(values: Sequence[str]) -> list[str]:
    known = [g for g in GROUP_ORDER if g in set(values)]
    return known + sorted(set(values) - set(known))


def count_quotes(quotes: pd.DataFrame, by: str | Sequence[str] = "group") -> pd.DataFrame:
    """Quotes and quoted words per group (or any columns): tidy ``by..., n_quotes, n_words,
    mean_words, share_quotes, share_words``.

    Scare quotes and titles (``kind == "term"``) are not speech and are left out. Shares
    are within the whole table.

    Examples
    --------
    >>> q = pd.DataFrame({"text": ["We will go.", "No."], "kind": ["direct", "direct"],
    ...                   "group": ["administration", "advocates"]})
    >>> count_quotes(q)[["group", "n_quotes", "n_words"]].values.tolist()
    [['administration', 1, 3], ['advocates', 1, 1]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    speech = _speech(quotes)
    out = (speech.groupby(keys, sort=True)
           .agg(n_quotes=("text", "size"), n_words=("n_words", "sum"))
           .reset_index())
    out["mean_words"] = out["n_words"] / out["n_quotes"]
    out["share_quotes"] = out["n_quotes"] / max(out["n_quotes"].sum(), 1)
    out["share_words"] = out["n_words"] / max(out["n_words"].sum(), 1)
    if "group" in keys:
        order = {g: i for i, g in enumerate(_group_order(out["group"]))}
        out = out.sort_values([*[k for k in keys if k != "group"], "group"],
                              key=lambda s: s.map(order) if s.name == "group" else s,
                              kind="stable")
    return out.reset_index(drop=True)


def count_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker: ``speaker, group, n_quotes, n_words, articles``; most quoted
    first, ties by name."""
    speech = _speech(quotes)
    out = (speech.groupby(["speaker", "group"], sort=True)
           .agg(n_quotes=("text", "size"), n_words=("n_words", "sum"),
                articles=("article_id", lambda s: ";".join(sorted(set(s)))))
           .reset_index())
    return out.sort_values(["n_quotes", "n_words", "speaker"], ascending=[False, False, True],
                           kind="stable").reset_index(drop=True)


def _alias_table(actors: pd.DataFrame) -> dict[str, str]:
    """Normalised alias -> actor_id; an alias claimed by two actors is ambiguous and left
    out (e.g. a surname shared by two people)."""
    owners: dict[str, set[str]] = {}
    for actor_id, name, aliases in zip(actors["actor_id"], actors["name"],
                                       actors["aliases"].fillna(""), strict=True):
        for alias in [name, *str(aliases).split("|")]:
            norm = " ".join(t.norm for t in tokenize(alias))
            if norm:
                owners.setdefault(norm, set()).add(actor_id)
    return {a: next(iter(ids)) for a, ids in sorted(owners.items()) if len(ids) == 1}


def count_mentions(units: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Mentions of registered actors in the narration (``kind == "narration"`` units):
    tidy ``article_id, actor_id, start, end, text`` with raw offsets, longest alias first
    (``Boston Mayor Michelle Wu`` is one mention, not three)."""
    aliases = _alias_table(actors)
    narration = units[units["kind"] == "narration"]
    rows = []
    for aid, start, text in zip(narration["article_id"], narration["start"],
                                narration["text"], strict=True):
        tokens = merge_multiword(tokenize(text, start), terms=tuple(aliases), min_tokens=1)
        for tok in tokens:
            if tok.norm in aliases:
                rows.append((aid, aliases[tok.norm], tok.start, tok.end,
                             text[tok.start - start:tok.end - start]))
    return pd.DataFrame(rows, columns=["article_id", "actor_id", "start", "end", "text"])


def compare_voice_and_mention(quotes: pd.DataFrame, units: pd.DataFrame,
                              actors: pd.DataFrame) -> pd.DataFrame:
    """Who is talked about vs who speaks, per registered actor: ``actor_id, name, group,
    n_mentions, n_quotes, n_words``; actors with neither are left out. Sorted by mentions
    plus quotes, then name."""
    mentions = count_mentions(units, actors).groupby("actor_id").size().rename("n_mentions")
    speech = _speech(quotes)
    spoken = speech.groupby("actor_id").agg(n_quotes=("text", "size"),
                                            n_words=("n_words", "sum"))
    out = actors[["actor_id", "name", "group"]].set_index("actor_id")
    out = out.join(mentions).join(spoken).fillna({"n_mentions": 0, "n_quotes": 0,
                                                  "n_words": 0})
    for col in ("n_mentions", "n_quotes", "n_words"):
        out[col] = out[col].astype(int)
    out = out[(out["n_mentions"] + out["n_quotes"]) > 0].reset_index()
    out["total"] = out["n_mentions"] + out["n_quotes"]
    out = out.sort_values(["total", "name"], ascending=[False, True], kind="stable")
    return out.drop(columns="total").reset_index(drop=True)
