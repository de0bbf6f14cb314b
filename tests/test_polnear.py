"""PolNeAR loader and scorer on a tiny PolNeAR-shaped folder written here (our own text)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools.load import CorpusError
from corpus_tools.polnear import (
    _names_match,
    load_polnear,
    match_polnear,
    quotation_regions,
    score_polnear,
)

HEADER = ("compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\t"
          "title\ttrump_count\tclinton_count\tcredit\twire\n")

# Our own sentences, nothing from PolNeAR.
TEXT_A = ("Town backs the “river plan” today\n\n"
          "“We will build the new bridge by May,” said Dana Ortiz, the mayor.\n\n"
          "She added that the town “cannot wait any longer for help.” Critics called it "
          "“reckless.”\n\n"
          "Lee Park, who chairs the board, disagreed: “The money is not there.\n\n"
          "“Nobody has asked the voters,” he said.\n")
TEXT_B = "Short note\n\nThe council met on Tuesday and voted to adjourn.\n"


def _span(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def _t(tid: str, kind: str, text: str, *fragments: tuple[int, int]) -> str:
    spec = ";".join(f"{s} {e}" for s, e in fragments)
    return f"{tid}\t{kind} {spec}\t{' '.join(text[s:e] for s, e in fragments)}\n"


def _ann_a() -> str:
    t = TEXT_A
    lines = [
        # E1: "We will build ..." said Dana Ortiz
        _t("T1", "Source", t, _span(t, "Dana Ortiz")),
        _t("T2", "Cue", t, _span(t, "said")),
        _t("T3", "Content", t, _span(t, "“We will build the new bridge by May,”")),
        _t("T4", "Attribution", t, _span(t, "said")),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        # E2: She added that the town "cannot wait ..."; "reckless" is a 1-word quote
        _t("T5", "Source", t, _span(t, "She")),
        _t("T6", "Cue", t, _span(t, "added")),
        _t("T7", "Content", t, _span(t, "that the town “cannot wait any longer for help.”")),
        _t("T8", "Attribution", t, _span(t, "added")),
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n",
        _t("T9", "Source", t, _span(t, "Critics")),
        _t("T10", "Cue", t, _span(t, "called")),
        _t("T11", "Content", t, _span(t, "it “reckless.”")),
        _t("T12", "Attribution", t, _span(t, "called")),
        "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9\n",
        # E4: a quote over two paragraphs (the span's text runs over two lines of the .ann)
        _t("T13", "Source", t, _span(t, "Lee Park")),
        _t("T14", "Cue", t, _span(t, "disagreed")),
        _t("T15", "Content", t, (t.index("“The money"), t.index(",” he said"))),
        _t("T16", "Attribution", t, _span(t, "disagreed")),
        "E4\tAttribution:T16 Content:T15 Cue:T14 Source:T13\n",
        "#1\tAnnotatorNotes T15\tone statement over two paragraphs\n",
    ]
    return "".join(lines)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    for split in ("train", "dev", "test"):
        (data / split / "text").mkdir(parents=True)
        (data / split / "attributions").mkdir(parents=True)
    rows = [("train", "town_a", "aa11|bb22", "2016-05-02", "Town backs the river plan"),
            ("train", "town_b", "cc33", "2016-05-03", "Short note"),
            ("dev", "town_d", "cc33", "2016-10-01", "Short note"),
            ("test", "town_t", "cc33", "2016-11-01", "Short note")]
    meta = HEADER + "".join(f"{c}\t{f}\t1\t{a}\tpaper\t{d}\tA. Writer\t{h}\t0\t0\tNone\tNone\n"
                            for c, f, a, d, h in rows)
    (data / "metadata.tsv").write_text(meta, encoding="utf-8")
    for split, name, text, ann, annotator in [
            ("train", "town_a", TEXT_A, _ann_a(), "aa11"),
            ("train", "town_b", TEXT_B, "", "cc33"),
            ("dev", "town_d", TEXT_B, "", "cc33"),
            ("test", "town_t", TEXT_A, _ann_a(), "cc33")]:
        (data / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (data / split / "attributions" / f"{name}_{annotator}.ann").write_text(
            ann, encoding="utf-8")
    # a second annotator of town_a who found nothing: the first listed one is read
    (data / "train" / "attributions" / "town_a_bb22.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_quotation_regions_pair_marks_per_paragraph() -> None:
    text = 'A “b c,” d "e f" g\n“h i\n“j k.”'
    assert [text[s:e] for s, e in quotation_regions(text)] == ["b c,", "e f", "h i", "j k."]


def test_loader_builds_corpus_and_gold_with_offsets(root: Path) -> None:
    corpus, gold = load_polnear(root, "train")
    assert corpus["article_id"].tolist() == ["town_a", "town_b"]
    row = corpus.iloc[0]
    assert (row["outlet"], str(row["published"].date()), row["headline"]) == \
        ("paper", "2016-05-02", "Town backs the river plan")
    text = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    assert all(text[a][s:e] == t for a, s, e, t in
               zip(gold["article_id"], gold["start"], gold["end"], gold["text"], strict=True))
    # "river plan" is in the headline, "reckless." has one word: neither is gold
    assert gold["text"].tolist() == ["We will build the new bridge by May,",
                                     "cannot wait any longer for help.",
                                     "The money is not there.", "Nobody has asked the voters"]
    assert gold["source_text"].tolist() == ["Dana Ortiz", "She", "Lee Park", "Lee Park"]
    assert gold["antecedent_text"].tolist() == ["", "Dana Ortiz", "", ""]
    s, e = gold.loc[0, ["source_start", "source_end"]]
    assert TEXT_A[s:e] == "Dana Ortiz"
    assert gold["quote_id"].is_unique


def _pred(text: str, rows: list[tuple[str, str, str, str, int]]) -> pd.DataFrame:
    """Predictions (quote piece, kind, speaker, mention piece or "", nth occurrence)."""
    out = []
    for piece, kind, speaker, mention, nth in rows:
        s, e = _span(text, piece, nth)
        ms, me = _span(text, mention) if mention else (-1, -1)
        out.append({"article_id": "town_a", "start": s, "end": e, "text": piece, "kind": kind,
                    "speaker": speaker, "speaker_mention": mention,
                    "mention_start": ms, "mention_end": me})
    return pd.DataFrame(out)


def test_scores_are_hand_checked(root: Path) -> None:
    _, gold = load_polnear(root, "train")
    pred = _pred(TEXT_A, [
        ("We will build the new bridge", "direct", "Dana Ortiz", "Dana Ortiz", 0),  # span
        ("cannot wait any longer", "partial", "Dana Ortiz", "", 0),  # by the antecedent
        ("The money is not there.", "direct", "Dana Ortiz", "", 0),  # wrong speaker
        ("Nobody has asked the voters", "direct", "Park", "", 0),  # surname
        ("the town “cannot", "partial", "Lee Park", "", 0),  # false alarm (3 words)
        ("reckless.", "term", "", "", 0),  # a term: not scored
        ("it “reckless.”", "partial", "Critics", "", 0),  # 2 words: not scored
    ])
    pred.loc[4, ["start", "end"]] = [0, 4]  # in the headline, overlapping no gold quote
    row = score_polnear(pred, gold).set_index("article_id").loc["all"]
    assert (row["n_gold"], row["n_predicted"], row["n_matched"]) == (4, 5, 4)
    assert row["precision"] == pytest.approx(0.8)
    assert row["recall"] == pytest.approx(1.0)
    assert row["f1"] == pytest.approx(2 * 0.8 / 1.8)
    assert row["speaker_accuracy"] == pytest.approx(3 / 4)
    assert row["n_correct_by_antecedent"] == 1
    assert row["attributed_precision"] == pytest.approx(3 / 5)
    assert row["matched_attributed_precision"] == pytest.approx(3 / 4)
    m = match_polnear(pred, gold)
    assert m["status"].value_counts().to_dict() == {"correct": 3, "wrong speaker": 1,
                                                    "false alarm": 1}
    assert sorted(m["verdict"]) == ["", "", "antecedent", "name", "span"]


@pytest.mark.parametrize(("pred", "gold", "same"), [
    ("Jane Roe", "Jane Roe, a senator from the north,", True),
    ("Roe", "Sen. Jane Roe (D-Va.)", True),
    ("Jane Roe", "Mrs. Roe", True),
    ("Jane Roe", "Jane Roe of the state party", True),
    ("the Department of Parks", "Department of Parks", True),
    ("Roe", "the Roe campaign", False),
    ("Jane Roe", "Jane Roe's aide", False),
    ("Jane Roe", "he", False),
    ("", "Jane Roe", False),
])
def test_speaker_names_match_the_source(pred: str, gold: str, same: bool) -> None:
    assert _names_match(pred, gold) is same


def test_rest_of_a_quote_takes_the_speaker_found_at_its_source() -> None:
    # gold: two quotes of attribution E1 (source "he" at 50-52), one of E2 (source "he" at 150)
    gold = pd.DataFrame({
        "article_id": ["a"] * 3, "attribution_id": ["E1", "E1", "E2"],
        "start": [10, 60, 110], "end": [40, 90, 140], "text": ["x y z"] * 3,
        "source_start": [50, 50, 150], "source_end": [52, 52, 152],
        "source_text": ["he"] * 3, "source_spans": ["50 52", "50 52", "150 152"],
        "antecedent_text": [""] * 3})
    pred = pd.DataFrame({
        "article_id": ["a"] * 3, "start": [10, 60, 110], "end": [40, 90, 140],
        "text": ["x y z"] * 3, "kind": ["direct"] * 3, "speaker": ["Sam Roe"] * 3,
        "mention_start": [50, -1, -1], "mention_end": [52, -1, -1]})
    m = match_polnear(pred, gold)
    assert m["verdict"].tolist() == ["span", "attribution", ""]
    row = score_polnear(pred, gold).set_index("article_id").loc["all"]
    assert row["speaker_accuracy"] == pytest.approx(2 / 3)


def test_a_prediction_without_speaker_is_never_correct(root: Path) -> None:
    _, gold = load_polnear(root, "train")
    pred = _pred(TEXT_A, [("We will build the new bridge", "direct", "", "Dana Ortiz", 0)])
    row = score_polnear(pred, gold).set_index("article_id").loc["all"]
    assert (row["n_speaker_correct"], row["n_attributed"]) == (0, 0)
    assert row["speaker_accuracy"] == 0.0


def test_test_split_is_refused_without_allow_test(root: Path) -> None:
    with pytest.raises(ValueError, match="acceptance set"):
        load_polnear(root, "test")
    corpus, gold = load_polnear(root, "test", allow_test=True)
    assert corpus["article_id"].tolist() == ["town_t"] and len(gold) == 4


def test_bad_annotation_line_names_file_and_line(root: Path) -> None:
    ann = root / "data" / "dev" / "attributions" / "town_d_cc33.ann"
    ann.write_text("T1\tSource 16 23\tcouncil\nT2\tSource 0 4\tWrong\nE1 Source:T9\nbroken\n",
                   encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        load_polnear(root, "dev")
    problems = err.value.problems
    assert any("town_d_cc33.ann line 2" in p and "differs" in p for p in problems)
    assert any("town_d_cc33.ann line 3" in p and "E line" in p for p in problems)
    assert any("town_d_cc33.ann line 4" in p and "not a brat" in p for p in problems)
    assert not any("line 1" in p for p in problems)


def test_missing_annotation_file_is_named(root: Path) -> None:
    (root / "data" / "dev" / "attributions" / "town_d_cc33.ann").unlink()
    with pytest.raises(CorpusError, match="town_d_cc33.ann"):
        load_polnear(root, "dev")


def _script():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "score_polnear.py"
    spec = importlib.util.spec_from_file_location("score_polnear", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_script_refuses_test_split_without_acceptance(root: Path, capsys) -> None:
    script = _script()
    assert script.main([str(root), "--split", "test"]) == 2
    assert "acceptance set" in capsys.readouterr().err
    assert script.main([str(root), "--split", "test", "--acceptance"]) == 0
    captured = capsys.readouterr()
    assert "WARNING" in captured.err and "1 articles, 4 gold quotes" in captured.out


def test_script_writes_errors_outside_the_repo_only(root: Path, tmp_path: Path) -> None:
    script = _script()
    inside = Path(__file__).resolve().parents[1] / "build" / "polnear_errors.csv"
    assert script.main([str(root), "--split", "train", "--errors", str(inside)]) == 2
    assert not inside.exists()
    out = tmp_path / "errors.csv"
    assert script.main([str(root), "--split", "train", "--errors", str(out)]) == 0
    errors = pd.read_csv(out)
    assert {"quote", "predicted_speaker", "gold_source", "status"} <= set(errors.columns)
    assert "correct" not in set(errors["status"])


REAL_ROOT = Path(os.environ.get("POLNEAR_ROOT", "/work/polnear"))


@pytest.mark.skipif(not (REAL_ROOT / "data" / "metadata.tsv").is_file(),
                    reason="no PolNeAR checkout (set POLNEAR_ROOT)")
def test_real_polnear_train_loads() -> None:
    corpus, gold = load_polnear(REAL_ROOT, "train")
    assert len(corpus) == 840
    text = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    assert all(text[a][s:e] == t for a, s, e, t in
               zip(gold["article_id"], gold["start"], gold["end"], gold["text"], strict=True))
    assert len(gold) > 1000
