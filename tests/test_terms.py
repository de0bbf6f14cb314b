"""Tests for corpus_tools.terms: tidy term counts for any grouping."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.terms import count_terms, group_term_matrix, top_terms
from corpus_tools.tokenize import analyze

UNITS = pd.DataFrame({
    "text": ["The sanctuary cities refuse to work with ICE.",
             "ICE will arrest illegal aliens, ICE said.",
             "Protect our residents and our immigrant neighbors.",
             "Our residents, our city."],
    "group": ["administration", "administration", "local_officials", "local_officials"],
    "outlet": ["Politico", "Politico", "Politico", "New York Post"],
})


def test_counts_rates_and_order() -> None:
    counts = count_terms(UNITS)
    assert list(counts.columns) == ["term", "group", "count", "rate"]
    adm = counts[counts["group"] == "administration"]
    # analyze(): stop words dropped, 'sanctuary cities' and 'illegal aliens' merged.
    assert dict(zip(adm["term"], adm["count"], strict=True)) == {
        "ice": 3, "arrest": 1, "illegal alien": 1, "refuse": 1, "sanctuary city": 1,
        "work": 1}
    assert adm["rate"].iloc[0] == pytest.approx(3 / 8 * 1000)
    assert counts.groupby("group")["rate"].sum().tolist() == pytest.approx([1000.0, 1000.0])
    # Sorted by group, then descending count, then term.
    expected = counts.sort_values(["group", "count", "term"], ascending=[True, False, True])
    pd.testing.assert_frame_equal(counts, expected.reset_index(drop=True))
    assert counts["group"].iloc[0] == "administration"
    assert adm["term"].tolist()[:3] == ["ice", "arrest", "illegal alien"]


def test_any_grouping_column_and_min_count() -> None:
    by_outlet = count_terms(UNITS, by="outlet")
    assert "outlet" in by_outlet.columns and "group" not in by_outlet.columns
    nyp = by_outlet[by_outlet["outlet"] == "New York Post"]
    assert dict(zip(nyp["term"], nyp["count"], strict=True)) == {"city": 1, "residents": 1}
    full = count_terms(UNITS, by="outlet", min_count=0)
    n_terms = full["term"].nunique()
    assert len(full) == 2 * n_terms
    assert (full["count"] == 0).any()
    assert count_terms(UNITS, min_count=2)["count"].min() == 2


def test_matrix_and_custom_analyzer() -> None:
    groups, terms, matrix = group_term_matrix(UNITS, analyzer=str.split)
    assert groups == ["administration", "local_officials"]
    assert terms == sorted(terms)
    assert matrix.sum() == sum(len(t.split()) for t in UNITS["text"])


def test_empty_and_missing() -> None:
    empty = count_terms(pd.DataFrame({"text": ["the and of", ""], "group": ["a", "b"]}))
    assert empty.empty and list(empty.columns) == ["term", "group", "count", "rate"]
    with pytest.raises(KeyError, match="missing column"):
        count_terms(UNITS, by="speaker")


def test_top_terms_ties_alphabetical() -> None:
    top = top_terms(count_terms(UNITS), n=2)
    assert top.groupby("group").size().tolist() == [2, 2]
    assert top[top["group"] == "local_officials"]["term"].tolist() == ["residents",
                                                                       "city"]


WORDS = st.sampled_from(["ice", "agents", "sanctuary", "cities", "the", "Boston", "residents",
                         "illegal", "aliens", "we're", "of", "2020"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.lists(WORDS, max_size=12), st.sampled_from("abc")),
                min_size=1, max_size=6))
def test_counts_equal_analyzer_counter(rows: list[tuple[list[str], str]]) -> None:
    """Summed per group, the counts are exactly the analyzer's terms."""
    units = pd.DataFrame({"text": [" ".join(w) for w, _ in rows], "group": [g for _, g in rows]})
    counts = count_terms(units)
    expected: Counter = Counter()
    for text, group in zip(units["text"], units["group"], strict=True):
        expected.update((term, group) for term in analyze(text))
    got = {(t, g): c for t, g, c in zip(counts["term"], counts["group"], counts["count"],
                                         strict=True)}
    assert got == dict(expected)


def test_real_corpus_totals(corpus: pd.DataFrame) -> None:
    """On the articles' bodies the per-article totals equal the analyzer's token counts."""
    from corpus_tools.segment import extract_sentences

    sentences = extract_sentences(corpus)
    counts = count_terms(sentences, by="article_id")
    totals = counts.groupby("article_id")["count"].sum()
    for aid, group in sentences.groupby("article_id"):
        assert totals[aid] == sum(len(analyze(t)) for t in group["text"])
    assert counts[counts["term"] == "sanctuary city"]["count"].sum() >= 10


def _fixture_units() -> pd.DataFrame:
    """Units of the 62 fixture articles and the seeds: each paragraph, grouped by article."""
    from corpus_tools.paths import PROJECT_ROOT

    rows = []
    for folder in (PROJECT_ROOT / "tests" / "fixtures" / "articles", PROJECT_ROOT / "data" / "raw"):
        for path in sorted(folder.glob("*.txt")):
            for k, para in enumerate(path.read_text(encoding="utf-8").split("\n\n")):
                rows.append((path.stem, f"{path.stem}-{k % 3}", para))
    return pd.DataFrame(rows, columns=["article_id", "part", "text"])


def test_matrix_equals_countvectorizer_summed_per_group() -> None:
    """The Counter-built matrix is exactly scikit-learn's CountVectorizer(analyzer=analyze)
    matrix summed per group, with the same (sorted) vocabulary, on real texts."""
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer

    units = _fixture_units()
    assert len(units) > 1000
    for by in ("article_id", "part"):
        groups, terms, matrix = group_term_matrix(units, by=by)
        vectorizer = CountVectorizer(analyzer=analyze, dtype=np.int64)
        doc_term = vectorizer.fit_transform(units["text"].tolist())
        index = {g: i for i, g in enumerate(groups)}
        rows = np.array([index[g] for g in units[by]])
        indicator = sparse.csr_matrix((np.ones(len(rows), dtype=np.int64),
                                       (rows, np.arange(len(rows)))),
                                      shape=(len(groups), len(rows)))
        expected = indicator @ doc_term
        assert groups == sorted(set(units[by]))
        assert terms == vectorizer.get_feature_names_out().tolist()
        assert matrix.dtype == np.int64 and matrix.shape == expected.shape
        assert (matrix != expected).nnz == 0
        assert matrix.has_canonical_format


def test_count_terms_imports_neither_sklearn_nor_scipy() -> None:
    import subprocess
    import sys

    code = ("import sys, pandas as pd\n"
            "from corpus_tools.terms import count_terms\n"
            "t = count_terms(pd.DataFrame({'text': ['ICE agents'], 'group': ['a']}))\n"
            "assert t['term'].tolist() == ['agents', 'ice'], t\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'scipy'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_each_distinct_text_analysed_once_and_counted_every_time() -> None:
    calls: list[str] = []

    def counting(text: str) -> list[str]:
        calls.append(text)
        return analyze(text)

    units = pd.DataFrame({"text": ["ICE agents came.", "Our residents.", "ICE agents came."],
                          "group": ["a", "b", "b"]})
    counts = count_terms(units, analyzer=counting)
    assert sorted(calls) == ["ICE agents came.", "Our residents."]
    got = {(t, g): c for t, g, c in zip(counts["term"], counts["group"], counts["count"],
                                         strict=True)}
    assert got == {("agents", "a"): 1, ("came", "a"): 1, ("ice", "a"): 1, ("agents", "b"): 1,
                   ("came", "b"): 1, ("ice", "b"): 1, ("residents", "b"): 1}
