"""Cleaning: each chrome pattern is set aside with its offsets; journalism is kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import audit_cleaning, extract_paragraphs
from corpus_tools.clean import chrome_reason, clean_text, split_paragraphs


@pytest.mark.parametrize(("paragraph", "reason"), [
    ("Comments", "widget text"),
    ("Related Posts", "widget text"),
    ("This will close in 0 seconds", "widget text"),
    ("Boston Mayor Michelle Wu said her city won’t cooperate. MediaNews Group via Getty Images",
     "photo credit"),
    ("Trump said he is open to declaring a national emergency. Photo by Chris Unger/Zuffa LLC",
     "photo credit"),
    ("ICE officers preparing for arrests in Houston, Texas on June 5, 2024 James Breeden for "
     "the New York Post", "photo credit"),
    (">> Documents show ICE accessed Boston school records 135 times", "link teaser"),
    ("READ MORE: Mayor responds to ICE plans", "link teaser"),
    ("Kelly Garrity and Megan Messerly contributed to this report.", "contributor line"),
])
def test_chrome_patterns(paragraph, reason):
    assert chrome_reason(paragraph) == reason


@pytest.mark.parametrize("paragraph", [
    "Boston Mayor Michelle Wu said her city won’t cooperate with the administration.",
    "She wrote an op-ed for the New York Post.",
    "“We will not comply,” said the mayor, who spoke via Zoom.",
    "Comments from the mayor drew criticism on Friday.",
    "— Boston Mayor Marty Walsh",
])
def test_journalism_is_kept(paragraph):
    assert chrome_reason(paragraph) == ""


def test_seed_audit(corpus, raw_texts):
    audit = audit_cleaning(corpus)
    assert audit.groupby("article_id").size().to_dict() == {
        "000_674bf23a13580e8a": 2, "002_38024473db85f993": 5, "004_b943aaa28719df54": 1}
    for aid, start, end, text in zip(audit["article_id"], audit["start"], audit["end"],
                                     audit["text"], strict=True):
        assert raw_texts[aid][start:end] == text
    assert set(audit["reason"]) == {"widget text", "photo credit", "link teaser",
                                    "contributor line"}


def test_paragraph_offsets_slice_raw(corpus, raw_texts):
    paragraphs = extract_paragraphs(corpus, include_chrome=True)
    for aid, start, end, text in zip(paragraphs["article_id"], paragraphs["start"],
                                     paragraphs["end"], paragraphs["text"], strict=True):
        assert raw_texts[aid][start:end] == text
    assert (paragraphs.groupby("article_id")["role"].first() == "headline").all()


def test_clean_text_keeps_body_order():
    headline, body, removed = clean_text("Title\n\nFirst.\n\nRelated Posts\n\n\nSecond.\u00a0\n")
    assert headline == "Title"
    assert body == "First.\n\nSecond."
    assert removed == [{"start": 15, "end": 28, "text": "Related Posts", "reason": "widget text"}]


def test_split_paragraphs_edge_cases():
    assert split_paragraphs("") == []
    # a lone paragraph has no body after it: it is body, never dropped as a headline
    assert [p.role for p in split_paragraphs("\n\n\nOnly a headline\n\n")] == ["body"]


@given(st.lists(st.sampled_from(["Related", "Posts", "read more:", "via Getty Images", "AP Photo",
                                 "Photo by", "Jane Doe", "contributed to this report.", ">>",
                                 "(AP Photo/Steven Senne)", "for New York Post", "COMMENTS",
                                 "The mayor said", ".", "\u00a0", "\n", "/x"]),
                max_size=8).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_one_search_prefilter_gives_the_rules_answer(paragraph):
    """The combined pattern only skips paragraphs no rule matches; the ordered rules still
    name the reason."""
    from corpus_tools.clean import CHROME_RULES

    text = " ".join(paragraph.replace("\u00a0", " ").split())
    expected = next((reason for reason, pattern in CHROME_RULES if pattern.search(text)), "")
    assert chrome_reason(paragraph) == expected


@pytest.mark.parametrize(("paragraph", "reason"), [
    ("By Jane Doe", "byline"),
    ("By Jane Doe and Sam Lee, Associated Press", "byline"),
    ("BY MARIA LOPEZ | Staff Writer", "byline"),
    ("By the time agents arrived, the family had left.", ""),
    ("By contrast, the mayor said no.", ""),
    ("By Tuesday, ICE had arrested 40 people.", ""),
])
def test_a_byline_is_chrome_and_a_sentence_starting_with_by_is_not(paragraph, reason):
    assert chrome_reason(paragraph) == reason
