"""Quote tables per batch: built once from columns, equal to one table per article joined."""

from __future__ import annotations

import warnings

import pandas as pd

from corpus_tools.paths import PROJECT_ROOT
from corpus_tools.quotes import extract_quotes, extract_quotes_from_text
from corpus_tools.quotes.extract import extract_quotes_from_texts


def _fixture_texts() -> list[tuple[str, str]]:
    folder = PROJECT_ROOT / "tests" / "fixtures" / "articles"
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    return texts[:20] + [("empty_one", "Headline\n\nNo quotation here.")]


def test_batch_table_equals_per_article_tables_joined():
    texts = _fixture_texts()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        batch = extract_quotes_from_texts(texts)
        joined = pd.concat([extract_quotes_from_text(t, aid) for aid, t in texts],
                           ignore_index=True)
    assert len(batch) > 100 and "empty_one" not in set(batch["article_id"])
    pd.testing.assert_frame_equal(batch, joined.astype(batch.dtypes.to_dict()))
    assert batch["start"].dtype == "int64"


def test_corpus_quotes_equal_per_article_tables(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = extract_quotes(corpus)
        parts = [extract_quotes_from_text(raw, aid, headline=None) for aid, raw
                 in zip(corpus["article_id"], corpus["text"], strict=True)]
    assert len(table) == sum(len(p) for p in parts) > 20
    assert table["quote_id"].tolist() == sorted(table["quote_id"])
