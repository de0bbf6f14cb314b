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
