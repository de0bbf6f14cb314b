"""Paragraph conventions and headlines: each convention is detected per article, the
metadata headline wins over guessing, and body text is never set aside as a headline."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import extract_paragraphs, extract_quotes, load_corpus
from corpus_tools.clean import (
    Layout,
    audit_layout,
    clean_text,
    detect_layout,
    split_paragraphs,
)
from corpus_tools.quotes import extract_quotes_from_text
from corpus_tools.stream import corpus_frame

TITLE = "Mayor vows to keep sanctuary policy"
P1 = "“We will not comply,” Mayor Jane Doe said on Monday."
P2 = "Federal officials did not respond to a request for comment."
WRAPPED_1 = "The mayor said on Monday that the city\nwould not cooperate with federal agents."
WRAPPED_2 = "Officials disagreed with\nthe mayor, saying the law was clear."


def _texts(raw: str, headline=None) -> list[tuple[str, str]]:
    return [(p.role, p.text) for p in split_paragraphs(raw, headline)]


@pytest.mark.parametrize(("raw", "convention", "newline"), [
    (f"{TITLE}\n\n{P1}\n\n\n{P2}\n", "blank_line", "lf"),
    (f"{TITLE}\r\n\r\n{P1}\r\n\r\n{P2}\r\n", "blank_line", "crlf"),
    (f"{TITLE}\n{P1}\n{P2}", "single_newline", "lf"),
    (f"{TITLE}\r\n{P1}\r\n{P2}\r\n", "single_newline", "crlf"),
    (f"{TITLE}\r{P1}\r{P2}", "single_newline", "cr"),
    (f"{TITLE}\n\n{P1}\n{P2}", "single_newline", "lf"),  # blank line only after the title
])
def test_each_convention_gives_headline_and_one_paragraph_per_paragraph(raw, convention,
                                                                         newline):
    layout = detect_layout(raw)
    assert (layout.paragraphs, layout.newline, layout.headline, layout.source) == (
        convention, newline, True, "text")
    assert _texts(raw) == [("headline", TITLE), ("body", P1), ("body", P2)]


@pytest.mark.parametrize("sep", ["\n", "\r\n"])
def test_single_newline_without_headline_is_all_body(sep):
    raw = sep.join([P1, P2, "“It is the law,” the official said."])
    layout = detect_layout(raw)
    assert (layout.paragraphs, layout.headline) == ("single_newline", False)
    assert [role for role, _ in _texts(raw)] == ["body", "body", "body"]


def test_blank_lines_without_headline_keep_first_paragraph_as_body():
    raw = f"{P1}\n\n{P2}"
    assert _texts(raw) == [("body", P1), ("body", P2)]
    assert "ends like a sentence" in detect_layout(raw).reason


def test_hard_wrapped_lines_inside_blank_line_paragraphs_stay_one_paragraph():
    for sep in ("\n", "\r\n"):
        raw = f"{TITLE}\n\n{WRAPPED_1}\n\n{WRAPPED_2}".replace("\n", sep)
        layout = detect_layout(raw)
        assert (layout.paragraphs, layout.headline) == ("blank_line", True)
        assert _texts(raw) == [("headline", TITLE),
                               ("body", WRAPPED_1.replace("\n", sep)),
                               ("body", WRAPPED_2.replace("\n", sep))]


@pytest.mark.parametrize("indent", ["    ", "\t", "\u00a0\u00a0"])
def test_indented_lines_begin_paragraphs_and_flush_lines_continue_them(indent):
    raw = f"{TITLE}\n{indent}{WRAPPED_1}\n{indent}{WRAPPED_2}\n"
    layout = detect_layout(raw)
    assert (layout.paragraphs, layout.headline) == ("indented", True)
    assert _texts(raw) == [("headline", TITLE), ("body", WRAPPED_1), ("body", WRAPPED_2)]
    without_title = f"{indent}{WRAPPED_1}\n{indent}{WRAPPED_2}\n"
    assert _texts(without_title) == [("body", WRAPPED_1), ("body", WRAPPED_2)]


def test_one_line_of_text_is_one_body_paragraph():
    raw = f"{P1} {P2}"
    layout = detect_layout(raw)
    assert (layout.paragraphs, layout.newline, layout.headline) == ("one_block", "none", False)
    assert _texts(raw) == [("body", raw)]


@pytest.mark.parametrize(("first", "why"), [
    ("The mayor said she would not comply.", "ends like a sentence"),
    ("Mayor Jane Doe told reporters on Monday that the city would keep its sanctuary policy "
     "whatever the federal government decided to do about it in the coming weeks and months "
     "and that she expected a long fight in the courts",
     "too long"),
    ("“We will fight this in every court in the land", "quotation that continues"),
    ("The mayor, who spoke on Monday,\nsaid she would not comply", "several lines"),
])
def test_first_paragraph_that_is_not_a_headline_stays_body(first, why):
    raw = f"{first}\n\n{P2}"
    layout = detect_layout(raw)
    assert layout.headline is False and why in layout.reason
    assert [role for role, _ in _texts(raw)] == ["body", "body"]
    headline, body, _ = clean_text(raw)
    assert headline == "" and body.startswith(first)


def test_sentence_headline_before_a_byline_is_the_headline():
    first = "A sheriff wants to hold people for ICE. State law says he can't."
    for sep in ("\n\n", "\n"):
        raw = sep.join([first, "By Jane Doe | The Ledger | Oct. 22, 2025", P1, P2])
        layout = detect_layout(raw)
        assert layout.headline is True and "byline" in layout.reason
        assert _texts(raw)[0] == ("headline", first)
    assert detect_layout(f"{first}\n\nBy then the jail was full.\n\n{P2}").headline is False


def test_metadata_headline_wins_over_guessing():
    raw = f"{TITLE}\n{P1}\n{P2}"
    # matches, whitespace, case and curly quotes aside: set aside as the headline
    same = detect_layout(raw, headline="  mayor VOWS to keep\nsanctuary policy ")
    assert (same.headline, same.source) == (True, "metadata")
    assert _texts(raw, " MAYOR vows to keep  sanctuary policy")[0] == ("headline", TITLE)
    # another headline in the metadata: the text's first line is body, although it looks
    # like a headline
    other = detect_layout(raw, headline="Sanctuary city defies ICE")
    assert (other.headline, other.source) == (False, "metadata")
    assert _texts(raw, "Sanctuary city defies ICE") == [("body", TITLE), ("body", P1),
                                                        ("body", P2)]
    # the metadata names the first paragraph even when it does not look like a headline
    sentence = "The mayor said she would not comply."
    assert _texts(f"{sentence}\n{P2}", sentence)[0] == ("headline", sentence)
    # an empty metadata value means "no metadata": guessed from the text
    assert detect_layout(raw, headline="") == detect_layout(raw)


def test_cache_is_keyed_by_headline():
    raw = f"{TITLE}\n\n{P1}"
    assert split_paragraphs(raw)[0].role == "headline"
    assert split_paragraphs(raw, "Another title")[0].role == "body"
    assert split_paragraphs(raw, False)[0].role == "body"
    assert split_paragraphs(raw)[0].role == "headline"


def test_seed_layout_audit(corpus):
    audit = audit_layout(corpus)
    assert list(audit.columns) == ["article_id", "paragraphs", "newline", "n_paragraphs",
                                   "headline", "source", "headline_text", "reason"]
    assert set(audit["paragraphs"]) == {"blank_line"}
    assert audit["headline"].all() and set(audit["source"]) == {"metadata"}
    assert audit["headline_text"].tolist() == corpus["headline"].tolist()
    assert all(isinstance(layout, Layout) for layout in corpus["layout"])


def _write_folder(tmp_path, headline: str):
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    (raw_dir / "a.txt").write_text(f"{TITLE}\n{P1}\n{P2}\n", encoding="utf-8")
    (raw_dir / "b.txt").write_text(f"{P1}\r\n{P2}\r\n", encoding="utf-8")
    pd.DataFrame({"article_id": ["a", "b"], "file": ["a.txt", "b.txt"],
                  "headline": [headline, ""]}).to_csv(tmp_path / "articles.csv", index=False)
    return tmp_path


@pytest.mark.parametrize(("meta", "expect_headline"), [(TITLE.upper(), True),
                                                       ("Another title", False)])
def test_load_corpus_threads_metadata_headline(tmp_path, meta, expect_headline):
    corpus = load_corpus(_write_folder(tmp_path, meta)).set_index("article_id")
    layout = corpus.loc["a", "layout"]
    assert (layout.paragraphs, layout.headline, layout.source) == (
        "single_newline", expect_headline, "metadata")
    assert corpus.loc["a", "headline"] == meta
    assert (corpus.loc["a", "exclude"] == [(0, len(TITLE))]) is expect_headline
    assert corpus.loc["a", "body"].startswith(P1 if expect_headline else TITLE)
    assert corpus.loc["b", "layout"] == Layout(
        "single_newline", "crlf", False, "text", corpus.loc["b", "layout"].reason)
    assert corpus.loc["b", "headline"] == "" and corpus.loc["b", "exclude"] == []
    paragraphs = extract_paragraphs(corpus.reset_index())
    roles = paragraphs.groupby("article_id")["role"].apply(list).to_dict()
    assert roles == {"a": ["headline", "body", "body"] if expect_headline else ["body"] * 3,
                     "b": ["body", "body"]}


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_table_files_metadata_headline_wins(tmp_path, suffix):
    records = [{"article_id": "a", "text": f"{TITLE}\n{P1}\n{P2}", "headline": "Other"},
               {"article_id": "b", "text": f"{TITLE}\n{P1}\n{P2}", "headline": ""}]
    path = tmp_path / f"corpus{suffix}"
    if suffix == ".csv":
        pd.DataFrame(records).to_csv(path, index=False)
    else:
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    corpus = load_corpus(path).set_index("article_id")
    assert corpus.loc["a", "layout"].headline is False
    assert corpus.loc["b", "layout"].headline is True
    assert corpus.loc["b", "headline"] == TITLE
    streamed = corpus_frame(records).set_index("article_id")
    assert streamed["layout"].tolist() == corpus["layout"].tolist()
    assert streamed["exclude"].tolist() == corpus["exclude"].tolist()


def test_single_newline_article_yields_its_quotes(tmp_path):
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    text = (f"{TITLE}\n{P1}\n{P2}\n“It is the law of the land,” said Tom Homan, the "
            "border czar.\n")
    (raw_dir / "a.txt").write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quotes = extract_quotes(load_corpus(tmp_path))
        direct = extract_quotes_from_text(text)
    speech = quotes[quotes["kind"] != "term"]
    assert speech["text"].tolist() == ["We will not comply,", "It is the law of the land,"]
    assert speech["speaker"].tolist() == ["Jane Doe", "Tom Homan"]
    for start, end, quote in zip(speech["start"], speech["end"], speech["text"], strict=True):
        assert text[start:end] == quote
    assert direct["text"].tolist() == quotes["text"].tolist()


_PIECES = ["Title", "the mayor said", "“We will", "not comply.”", ".", ",", "-", " ", "  ",
           "\t", "\u00a0", "\u200b", "\n", "\n", "\r\n", "\r", "\n\n", "Related Posts", "x"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
       st.sampled_from([None, "", "Title", "title x", True, False]))
@settings(max_examples=400, deadline=None)
def test_paragraphs_partition_the_text(raw, headline):
    """Paragraphs are disjoint and in order, slice the raw text, and hold every character
    that is not white space; only the first can be the headline."""
    paragraphs = split_paragraphs(raw, headline)
    covered = [False] * len(raw)
    previous_end = 0
    for p in paragraphs:
        assert previous_end <= p.start < p.end <= len(raw)
        assert raw[p.start:p.end] == p.text
        covered[p.start:p.end] = [True] * (p.end - p.start)
        previous_end = p.end
    for ch, inside in zip(raw, covered, strict=True):
        assert inside or ch.isspace() or ch in "\u200b\ufeff", (ch, raw)
    roles = [p.role for p in paragraphs]
    assert "headline" not in roles[1:]
    assert (roles[:1] == ["headline"]) is detect_layout(raw, headline).headline
