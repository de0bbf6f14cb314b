"""Shared fixtures: the seed corpus, loaded once per session."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools import load_corpus


@pytest.fixture(scope="session")
def corpus() -> pd.DataFrame:
    return load_corpus()


@pytest.fixture(scope="session")
def raw_texts(corpus: pd.DataFrame) -> dict[str, str]:
    return dict(zip(corpus["article_id"], corpus["text"], strict=True))
