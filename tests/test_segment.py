"""Sentence splitting with Punkt and the shipped abbreviation list."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools import extract_sentences, split_sentences


def _sents(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("sentence", [
    "Gov. Maura Healey's office declined.",
    "Rep. Bennie G. Thompson, chairman of the committee, spoke.",
    "Sen. Elizabeth Warren of Mass. and a senator from Miss. disagreed.",
    "The hearing on Sept. 5 was moved to the U.S. District Court in D.C. on Friday.",
    "Mr. Homan, Ms. Wu and Dr. Patel met in Washington.",
    "The agents came from the U.S. border, officials said.",
    "J. R. Smith and John F. Kennedy were named.",
])
def test_abbreviations_do_not_split(sentence):
    assert _sents(sentence) == [sentence]


def test_dc_before_closing_quote_and_attribution():
    text = ("“But within one week we’ll have no crime in Chicago, like no crime in D.C.” "
            "Trump said. He left.")
    assert _sents(text) == [
        "“But within one week we’ll have no crime in Chicago, like no crime in D.C.” "
        "Trump said.", "He left."]


def test_closing_curly_quote_stays_with_its_sentence():
    text = "“We will not comply.” The mayor left. “Never,” she said."
    assert _sents(text) == ["“We will not comply.”", "The mayor left.", "“Never,” she said."]


def test_offset_is_applied():
    assert split_sentences("Ab cd. Ef gh.", offset=100) == [(100, 106), (107, 113)]


def test_seed_sentences_slice_raw(corpus, raw_texts):
    sentences = extract_sentences(corpus)
    assert list(sentences.columns) == ["article_id", "paragraph", "sentence", "start", "end",
                                       "text"]
    for aid, start, end, text in zip(sentences["article_id"], sentences["start"],
                                     sentences["end"], sentences["text"], strict=True):
        assert raw_texts[aid][start:end] == text
    texts = set(sentences["text"])
    assert ("Democratic Gov. Maura Healey’s office declined to comment, and Boston Mayor "
            "Michelle Wu’s office did not respond to a request for comment.") in texts
    # headline and chrome are not sentences of the body
    assert not any("Getty Images" in t or t == "Comments" for t in texts)


def test_sentences_and_units_reuse_precomputed_tables(corpus):
    from corpus_tools.clean import extract_paragraphs
    from corpus_tools.quotes import extract_quotes
    from corpus_tools.units import extract_units

    sentences = extract_sentences(corpus)
    pd.testing.assert_frame_equal(
        sentences, extract_sentences(corpus, extract_paragraphs(corpus, include_chrome=True)))
    quotes = extract_quotes(corpus)
    pd.testing.assert_frame_equal(extract_units(corpus, quotes),
                                  extract_units(corpus, quotes, sentences=sentences))
