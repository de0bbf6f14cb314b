"""Tests for corpus_tools.naming: the naming label list and its counts with evidence."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools.naming import (
    NamingError,
    count_naming,
    find_names,
    find_naming,
    load_naming,
)
from corpus_tools.units import extract_units

CATEGORIES = {"criminality", "illegality", "status_description", "neutral_status", "generic",
              "membership"}
EMPTY_QUOTES = pd.DataFrame(columns=["article_id", "start", "end", "text", "kind", "speaker",
                                     "group"])


def test_shipped_list_is_valid_and_sourced() -> None:
    naming = load_naming()
    assert list(naming.columns) == ["label", "category", "pattern", "source", "line"]
    assert set(naming["category"]) <= CATEGORIES
    assert naming["source"].str.len().min() > 10
    for label in ["illegal aliens", "criminal illegal aliens", "illegal immigrants",
                  "undocumented immigrants", "immigrants", "residents", "neighbors",
                  "people without legal authorization"]:
        assert label in set(naming["label"])
    for pattern in naming["pattern"]:
        re.compile(pattern)


@pytest.mark.parametrize("text, labels", [
    ("DHS targets the worst criminal illegal aliens.", ["criminal illegal aliens"]),
    ("illegal aliens on the streets", ["illegal aliens"]),
    ("a Colombian illegal immigrant", ["illegal immigrants"]),
    ("deport millions of undocumented immigrants", ["undocumented immigrants"]),
    ("the dignity of our immigrant neighbors and our neighbors", ["immigrant neighbors",
                                                                  "neighbors"]),
    ("Immigrant advocates and the Immigrant Legal Resource Center", []),
    ("people without legal authorization to be in the country",
     ["people without legal authorization"]),
    ("someone in the country illegally; inmates in the U.S. illegally",
     ["in the country illegally", "in the country illegally"]),
    ("our undocumented brothers and sisters", ["brothers and sisters"]),
    ("neighborhoods and alienated residents", ["residents"]),
])
def test_find_names_leftmost_longest(text: str, labels: list[str]) -> None:
    assert [m[2] for m in find_names(text)] == labels


def test_count_naming_toy_grid_and_share() -> None:
    units = pd.DataFrame({
        "article_id": ["a", "a", "b"], "unit_id": ["a-q1", "a-s1", "b-q1"],
        "start": [0, 100, 5], "speaker": ["DHS", "", "Wu"],
        "group": ["administration", "press", "local_officials"],
        "outlet": ["Politico", "Politico", "NY Post"],
        "text": ["Criminal illegal aliens and illegal aliens.", "undocumented immigrants",
                 "Protect our residents. Our residents matter."]})
    counts, evidence = count_naming(units)
    n_labels = load_naming()["label"].nunique()
    assert len(counts) == 3 * n_labels
    assert list(counts.columns) == ["group", "label", "category", "count", "share"]
    got = counts[counts["count"] > 0].set_index(["group", "label"])["count"].to_dict()
    assert got == {("administration", "criminal illegal aliens"): 1,
                   ("administration", "illegal aliens"): 1,
                   ("local_officials", "residents"): 2,
                   ("press", "undocumented immigrants"): 1}
    assert counts.groupby("group")["share"].sum().tolist() == pytest.approx([1.0, 1.0, 1.0])
    assert evidence["start"].tolist() == [0, 28, 100, 17, 32]
    wu = evidence[evidence["speaker"] == "Wu"]
    assert wu["sentence"].tolist() == ["Protect our residents.", "Our residents matter."]
    by_outlet = count_naming(units, by=["outlet", "group"]).counts
    assert {"outlet", "group"} <= set(by_outlet.columns)
    assert by_outlet["count"].sum() == 5


def test_evidence_offsets_index_raw_text(corpus: pd.DataFrame,
                                         raw_texts: dict[str, str]) -> None:
    units = extract_units(corpus, EMPTY_QUOTES)
    counts, evidence = count_naming(units, by="outlet")
    assert len(evidence) > 20
    for aid, start, end, match in zip(evidence["article_id"], evidence["start"],
                                      evidence["end"], evidence["match"], strict=True):
        assert " ".join(raw_texts[aid][start:end].split()) == match
    politico = counts[counts["outlet"] == "Politico"].set_index("label")["count"]
    assert politico["criminal illegal aliens"] == 3
    assert politico["illegal aliens"] == 1  # Homan's; the DHS ones are the longer label
    nyp = counts[counts["outlet"] == "New York Post"].set_index("label")["count"]
    assert nyp["illegal immigrants"] == 4
    assert evidence["sentence"].str.len().min() > 0


def test_custom_file_and_errors(tmp_path: Path) -> None:
    good = tmp_path / "naming.csv"
    good.write_text("# my labels\nlabel,category,pattern,source\n"
                    "aliens,illegality,aliens?,\"statute, 8 U.S.C.\"\n", encoding="utf-8")
    units = pd.DataFrame({"article_id": ["a"], "start": [0], "text": ["an alien"],
                          "group": ["g"]})
    counts, _ = count_naming(units, naming=good)
    assert counts["count"].tolist() == [1]
    bad_regex = tmp_path / "bad.csv"
    bad_regex.write_text("label,category,pattern,source\nx,generic,(unclosed,src\n",
                         encoding="utf-8")
    with pytest.raises(NamingError, match=r"bad\.csv:2: invalid regular expression"):
        load_naming(bad_regex)
    no_col = tmp_path / "nocol.csv"
    no_col.write_text("label,pattern\nx,y\n", encoding="utf-8")
    with pytest.raises(NamingError, match=r"nocol\.csv:1: missing column"):
        load_naming(no_col)
    clash = tmp_path / "clash.csv"
    clash.write_text("label,category,pattern,source\nx,generic,a,s\nx,membership,b,s\n",
                     encoding="utf-8")
    with pytest.raises(NamingError, match=r"clash\.csv:3: label 'x'"):
        load_naming(clash)
    with pytest.raises(NamingError, match="not found"):
        load_naming(tmp_path / "missing.csv")
    with pytest.raises(KeyError, match="missing column"):
        find_naming(units.drop(columns="start"))
