"""Description of a corpus: sizes per article and the most frequent content words."""

from __future__ import annotations

import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer

from corpus_tools.clean import extract_paragraphs
from corpus_tools.segment import extract_sentences
from corpus_tools.tokenize import analyze, extract_tokens


def describe_corpus(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per article: ``article_id, outlet, published, n_paragraphs, n_sentences,
    n_tokens, n_content_tokens, n_removed, removed_chars``.

    Counts cover journalism paragraphs (headline and chrome excluded); ``n_removed`` is
    the number of chrome paragraphs set aside by cleaning.
    """
    paragraphs = extract_paragraphs(corpus)
    body = paragraphs[paragraphs["role"] == "body"]
    sentences = extract_sentences(corpus)
    tokens = extract_tokens(corpus)
    content = tokens[~tokens["is_stop"] & tokens["norm"].str.contains(r"[a-z]", regex=True)]
    out = corpus[["article_id", "outlet", "published"]].copy()
    out["published"] = out["published"].dt.strftime("%Y-%m-%d")
    ids = out["article_id"]
    out["n_paragraphs"] = ids.map(body.groupby("article_id").size()).fillna(0).astype(int)
    out["n_sentences"] = ids.map(sentences.groupby("article_id").size()).fillna(0).astype(int)
    out["n_tokens"] = ids.map(tokens.groupby("article_id").size()).fillna(0).astype(int)
    out["n_content_tokens"] = ids.map(content.groupby("article_id").size()).fillna(0)
    out["n_content_tokens"] = out["n_content_tokens"].astype(int)
    out["n_removed"] = [len(r) for r in corpus["removed"]]
    out["removed_chars"] = [sum(d["end"] - d["start"] for d in r) for r in corpus["removed"]]
    return out.reset_index(drop=True)


def count_top_words(corpus: pd.DataFrame, n: int = 10, by: str = "article_id") -> pd.DataFrame:
    """The ``n`` most frequent content terms per ``by`` value (stop words dropped,
    multiword terms joined): tidy ``by, term, count, rank``; ties broken alphabetically.

    Examples
    --------
    >>> from corpus_tools import load_corpus
    >>> count_top_words(load_corpus(), n=1)["term"].tolist()
    ['administration', 'boston', 'agents']
    """
    vec = CountVectorizer(analyzer=analyze)
    matrix = vec.fit_transform(corpus["body"]).tocoo()
    long = pd.DataFrame({
        by: corpus[by].to_numpy()[matrix.row],
        "term": vec.get_feature_names_out()[matrix.col],
        "count": matrix.data,
    })
    long = long.groupby([by, "term"], sort=True)["count"].sum().reset_index()
    long = long.sort_values([by, "count", "term"],
                                               ascending=[True, False, True], kind="stable")
    long["rank"] = long.groupby(by).cumcount() + 1
    return long[long["rank"] <= n].reset_index(drop=True)


def article_label(row: pd.Series, sep: str = ", ") -> str:
    """How an article is named in figures and sentences: its outlet and date where the
    metadata has them, else its id (a folder of ``.txt`` files has neither).

    Examples
    --------
    >>> article_label(pd.Series({"article_id": "a1", "outlet": "Globe", "published": "2024-01-02"}))
    'Globe, 2024-01-02'
    >>> article_label(pd.Series({"article_id": "a1", "outlet": "", "published": None}))
    'a1'
    """
    parts = [str(row.get(k)).strip() for k in ("outlet", "published")
             if not pd.isna(row.get(k)) and str(row.get(k)).strip()]
    return sep.join(parts) if parts else str(row["article_id"])


def describe_lengths(description: pd.DataFrame) -> str:
    """One sentence on article lengths, computed from :func:`describe_corpus`'s table.

    Examples
    --------
    >>> d = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                   "published": ["2020-01-01", "2021-01-01"], "n_tokens": [300, 100]})
    >>> print(describe_lengths(d))  # doctest: +NORMALIZE_WHITESPACE
    2 articles, 100 to 300 word tokens after cleaning; the longest (X, 2020-01-01) is
    3.0 times the shortest (Y, 2021-01-01).
    """
    n = len(description)
    if n == 0:
        return "The corpus has no article."
    if n == 1:
        row = description.iloc[0]
        return (f"One article ({article_label(row)}): {int(row['n_tokens'])} word tokens "
                f"after cleaning, so nothing is compared across articles.")
    ordered = description.sort_values(["n_tokens", "article_id"], kind="stable")
    short, long = ordered.iloc[0], ordered.iloc[-1]
    ratio = long["n_tokens"] / max(int(short["n_tokens"]), 1)
    return (f"{n} articles, {int(short['n_tokens'])} to {int(long['n_tokens'])} word tokens "
            f"after cleaning; the longest ({article_label(long)}) is {ratio:.1f} times the "
            f"shortest ({article_label(short)}).")


def describe_voices(by_group: pd.DataFrame,
                    voices: tuple[str, ...] = ("administration", "local_officials",
                                               "advocates")) -> str:
    """Who is quoted most often and at greatest length, and which named voices are not
    quoted at all, from :func:`corpus_tools.voices.count_quotes` by group.

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["administration", "local_officials"],
    ...                   "n_quotes": [5, 3], "n_words": [60, 90]})
    >>> print(describe_voices(t))  # doctest: +NORMALIZE_WHITESPACE
    Administration is quoted most often (5 of 8 quotes); Local officials at greatest
    length (90 words). Not quoted at all: Advocates.
    """
    from corpus_tools.style import group_label

    if by_group.empty or by_group["n_quotes"].sum() == 0:
        return "No quotation was found, so nobody's voice can be described."
    most = by_group.sort_values(["n_quotes", "group"], ascending=[False, True]).iloc[0]
    longest = by_group.sort_values(["n_words", "group"], ascending=[False, True]).iloc[0]
    text = (f"{group_label(most['group'])} is quoted most often ({int(most['n_quotes'])} of "
            f"{int(by_group['n_quotes'].sum())} quotes); {group_label(longest['group'])} at "
            f"greatest length ({int(longest['n_words'])} words).")
    absent = [group_label(v) for v in voices if v not in set(by_group["group"])]
    if absent:
        text += f" Not quoted at all: {', '.join(absent)}."
    return text


def describe_stance(by_group: pd.DataFrame) -> str:
    """Per group, how many quotes favour or oppose the target and how many take no side,
    from :func:`corpus_tools.stance.count_stance` by group.

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["advocates"] * 3, "stance": ["against", "favor", "none"],
    ...                   "n": [4, 0, 1]})
    >>> describe_stance(t)
    'Advocates: 4 of 5 quotes against, 0 favor, 1 no side.'
    """
    from corpus_tools.style import GROUP_ORDER, group_label

    if by_group.empty or by_group["n"].sum() == 0:
        return "No quotation was scored, so no stance can be described."
    wide = by_group.pivot_table(index="group", columns="stance", values="n", aggfunc="sum",
                                fill_value=0)
    order = [g for g in GROUP_ORDER if g in wide.index] + sorted(
        set(wide.index) - set(GROUP_ORDER))
    parts = []
    for g in order:
        row = wide.loc[g]
        get = {k: int(row.get(k, 0)) for k in ("against", "favor", "none")}
        parts.append(f"{group_label(g)}: {get['against']} of {sum(get.values())} quotes "
                     f"against, {get['favor']} favor, {get['none']} no side.")
    return " ".join(parts)


def seed_only(data_dir: object, text: str) -> object:
    """``text`` as Markdown when the notebook runs on the seed corpus, else a sentence saying
    that this reading describes the seed articles only.

    Notebook prose that names seed facts (outlets, speakers, counts) goes through this, so
    a run on another corpus never shows findings its data do not support.
    """
    from IPython.display import Markdown

    from corpus_tools.compare import is_seed_corpus

    if is_seed_corpus(data_dir):
        return Markdown(text)
    return Markdown("*The reading of the seed corpus that goes here is not shown: this run "
                    "is on another corpus. The computed summaries above describe it.*")
