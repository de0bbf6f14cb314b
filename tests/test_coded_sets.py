"""Coded sets: the real-news yardstick's loader and scores, on a folder the test writes."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools.coded_sets import (
    CodedSetError,
    compare_coders,
    frame_report,
    frames_per_text,
    load_coded_set,
    score_frames,
    score_quotes_against,
    score_stance_labels,
    speaker_accepted,
    split_of,
)
from corpus_tools.quotes import extract_quotes

REALDEV = Path(__file__).resolve().parents[1].parent / "shared" / "realdev"

TEXT_A = ("Mayor Dana Ortiz defended the policy on Monday.\n\n"
          "\u201cWe will keep protecting every family in this city,\u201d Ortiz said.\n\n"
          "The agency disagreed. \u201cSanctuary policies put our officers at risk,\u201d "
          "said Paul Reyes, a spokesman for ICE.\n")
TEXT_B = "A quiet day.\n\nNobody was quoted in this \u201cshort\u201d note.\n"


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture()
def coded(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "d01_a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "text" / "d02_b.txt").write_text(TEXT_B, encoding="utf-8")
    q1 = _span(TEXT_A, "We will keep protecting every family in this city,")
    q2 = _span(TEXT_A, "Sanctuary policies put our officers at risk,")
    gold = {"articles": {
        "d01_a.txt": {"quotes": [
            {"start": q1[0], "end": q1[1], "speaker": ["Dana Ortiz", "Ortiz"],
             "group": "local_officials", "stance": "against", "frames": ["humanitarian"]},
            {"start": q2[0], "end": q2[1], "speaker": ["Paul Reyes", "Reyes"],
             "group": "administration", "stance": "favor", "frames": ["crime_threat"]},
        ], "ignore": []},
        "d02_b.txt": {"quotes": [], "ignore": []},
    }}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,url,outlet,year\nd01_a.txt,,Daily A,2024\n",
                                          encoding="utf-8")
    return tmp_path


def test_load_coded_set_reads_text_gold_and_outlet(coded: Path) -> None:
    corpus, gold, ignore = load_coded_set(coded)
    assert corpus["article_id"].tolist() == ["d01_a", "d02_b"]
    assert corpus["outlet"].tolist() == ["Daily A", ""]
    # sources.csv gives the year (not a date): kept, and a missing year stays missing
    assert corpus["year"].tolist()[0] == 2024 and pd.isna(corpus["year"].tolist()[1])
    assert corpus["published"].isna().all()
    assert gold["text"].tolist() == ["We will keep protecting every family in this city,",
                                     "Sanctuary policies put our officers at risk,"]
    assert gold["speakers"].tolist() == [("Dana Ortiz", "Ortiz"), ("Paul Reyes", "Reyes")]
    assert gold["frames"].tolist() == [("humanitarian",), ("crime_threat",)]
    assert ignore.empty


def test_split_reads_only_that_halfs_files(coded: Path) -> None:
    # The held-out file is made unreadable: reading the tuning half must never open it.
    (coded / "text" / "d02_b.txt").write_bytes(b"\xff\xfe not utf-8")
    corpus, gold, _ = load_coded_set(coded, split="tune")
    assert corpus["article_id"].tolist() == ["d01_a"]
    assert gold["article_id"].tolist() == ["d01_a", "d01_a"]
    with pytest.raises(UnicodeDecodeError):
        load_coded_set(coded)
    with pytest.raises(CodedSetError, match="split 'odd'"):
        load_coded_set(coded, split="odd")


def test_out_of_range_span_is_named(coded: Path) -> None:
    gold = json.loads((coded / "gold.json").read_text(encoding="utf-8"))
    gold["articles"]["d02_b.txt"]["quotes"] = [{"start": 5, "end": 9999, "speaker": [],
                                               "group": "other", "stance": "none",
                                               "frames": []}]
    (coded / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(CodedSetError, match=r"d02_b\.txt quote 0: span 5-9999"):
        load_coded_set(coded)


def test_scores_on_a_hand_checked_folder(coded: Path) -> None:
    corpus, gold, ignore = load_coded_set(coded)
    pred = extract_quotes(corpus)
    scores = score_quotes_against(pred, gold, ignore)
    assert (scores["n_gold"], scores["n_matched"]) == (2, 2)
    assert scores["recall"] == 1.0
    assert scores["speaker_accuracy"] == 1.0
    # A wrong speaker on one quote halves speaker accuracy and attributed precision.
    wrong = pred.copy()
    wrong.loc[wrong["text"].str.startswith("Sanctuary"), "speaker"] = "Dana Ortiz"
    scores = score_quotes_against(wrong, gold, ignore)
    assert scores["speaker_accuracy"] == 0.5
    assert scores["attributed_precision"] == 0.5


def test_ignored_spans_neither_reward_nor_penalise(coded: Path) -> None:
    corpus, gold, _ = load_coded_set(coded)
    pred = pd.DataFrame({"article_id": ["d01_a", "d02_b"], "start": [gold.at[0, "start"], 36],
                         "end": [gold.at[0, "end"], 41], "kind": ["direct", "direct"],
                         "speaker": ["Ortiz", ""], "group": ["local_officials", ""]})
    ignore = pd.DataFrame({"article_id": ["d02_b"], "start": [36], "end": [41]})
    with_ignore = score_quotes_against(pred, gold, ignore)
    without = score_quotes_against(pred, gold, ignore.iloc[:0])
    assert with_ignore["n_predicted"] == 1 and with_ignore["precision"] == 1.0
    assert without["n_predicted"] == 2 and without["precision"] == 0.5


def test_stance_and_frame_scores_hand_checked() -> None:
    table = score_stance_labels(["favor", "favor", "against", "none"],
                                ["favor", "none", "against", "against"]).set_index("label")
    # favor: P 1, R 0.5 -> F1 0.667; against: P 0.5, R 1 -> 0.667; SemEval mean 0.667.
    assert table.loc["favor", "f1"] == 0.667
    assert table.loc["against", "f1"] == 0.667
    assert table.loc["semeval_macro", "f1"] == pytest.approx(0.667, abs=1e-3)
    frames = score_frames([("a", "b"), ("b",)], [("a",), ("b", "c")]).set_index("frame")
    assert frames.loc["micro", ["tp", "n_gold", "n_predicted"]].tolist() == [2, 3, 3]
    assert frames.loc["c", "precision"] == 0.0


def test_split_is_fixed_by_file_number() -> None:
    ids = [f"d{i:02d}_x" for i in range(1, 41)]
    assert sum(split_of(a) == "tune" for a in ids) == 20
    assert split_of("d07_metro") == "tune" and split_of("d08_sf") == "heldout"


@pytest.mark.skipif(not REALDEV.is_dir(), reason="../shared/realdev not beside the checkout")
def test_realdev_loads_whole() -> None:
    corpus, gold, ignore = load_coded_set(REALDEV)
    assert len(corpus) == 40 and len(gold) == 152 and len(ignore) == 3
    for aid, start, end, text in gold[["article_id", "start", "end", "text"]].values:
        raw = corpus.set_index("article_id").at[aid, "text"]
        assert raw[start:end] == text


@pytest.mark.skipif(not REALDEV.is_dir(), reason="../shared/realdev not beside the checkout")
def test_compare_coders_reproduces_realdev_agreement() -> None:
    # ../shared/realdev/AGREEMENT.md: group kappa 0.989, stance kappa 0.904, frames 0.918.
    table = compare_coders(REALDEV).set_index("field")
    assert table.loc["group", "kappa"] == pytest.approx(0.989, abs=0.002)
    assert table.loc["stance", "kappa"] == pytest.approx(0.904, abs=0.005)
    assert table.loc["frames", "f1"] == pytest.approx(0.918, abs=0.005)
    assert table.loc["quotes", "f1"] > 0.98


def test_compare_coders_on_a_written_folder(coded: Path) -> None:
    gold = json.loads((coded / "gold.json").read_text(encoding="utf-8"))
    second = json.loads(json.dumps(gold))
    second["articles"]["d01_a.txt"]["quotes"][1]["stance"] = "none"
    (coded / "gold_second_coder.json").write_text(json.dumps(second), encoding="utf-8")
    table = compare_coders(coded).set_index("field")
    assert table.loc["quotes", "f1"] == 1.0
    assert table.loc["stance", "agreement"] == 0.5
    assert table.loc["group", "agreement"] == 1.0


def test_frame_report_hand_checked():
    """Three units, by hand: crime_threat tp 1 of 1 predicted, 2 coded -> P 1, R 0.5;
    economic tp 1 of 2 predicted, 1 coded -> P 0.5, R 1; humanitarian never coded or
    predicted -> support 0 and NaN; micro 2 tp of 3 predicted and 3 coded."""
    truth = [("crime_threat",), ("crime_threat", "economic"), ()]
    pred = [("crime_threat",), ("economic",), ("economic",)]
    table = frame_report(truth, pred, ["humanitarian", "crime_threat", "economic"])
    assert table["frame"].tolist() == ["humanitarian", "crime_threat", "economic", "micro",
                                       "macro"]
    t = table.set_index("frame")
    assert t.loc["crime_threat", ["support", "n_predicted", "tp"]].tolist() == [2, 1, 1]
    assert t.loc["crime_threat", ["precision", "recall"]].tolist() == [1.0, 0.5]
    assert t.loc["crime_threat", "f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert t.loc["economic", ["support", "n_predicted", "tp", "precision", "recall"]
                 ].tolist() == [1, 2, 1, 0.5, 1.0]
    assert t.loc["humanitarian", ["support", "n_predicted", "tp"]].tolist() == [0, 0, 0]
    assert t.loc["humanitarian", ["precision", "recall", "f1"]].isna().all()
    assert t.loc["micro", ["support", "n_predicted", "tp"]].tolist() == [3, 3, 2]
    assert t.loc["micro", "f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert t.loc["macro", "precision"] == pytest.approx(0.75)


def test_frame_report_lists_uncoded_frames_after_the_given_ones():
    table = frame_report([("zeta",)], [("alpha",)], ["economic"])
    assert table["frame"].tolist() == ["economic", "alpha", "zeta", "micro", "macro"]
    assert table.set_index("frame").loc["micro", "f1"] == 0.0


def test_frames_per_text_is_one_sorted_tuple_per_text():
    assert frames_per_text(["Criminals were deported.", "", None]) == [
        ("crime_threat", "enforcement_ops"), (), ()]


def test_a_full_name_is_accepted_where_the_coders_give_only_the_surname() -> None:
    assert speaker_accepted("Ines Calder", ["Calder"])
    assert speaker_accepted("I.M. Calder", ["IM Calder", "Calder"])
    assert not speaker_accepted("Ines Calder", ["Rosa Calder", "Calder"])  # someone else
    assert not speaker_accepted("Calder", ["Ines Calder", "Calder"][:1])


def test_two_names_of_one_registered_person_are_one_speaker() -> None:
    assert speaker_accepted("William Barr", ["Bill Barr", "Barr"])
    assert speaker_accepted("Tom Homan", ["Thomas D. Homan", "Homan"])
    assert not speaker_accepted("Tom Homan", ["Thomas Holman", "Holman"])
