"""Frames: codebook validation, token-based matching with raw offsets, bootstrap shares,
group tests, and validation against the hand coding."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from corpus_tools.frames import (
    CodebookError,
    frame_matrix,
    load_codebook,
    parse_pattern,
    score_frame_shares,
    tag_frames,
    test_frame_differences,
)
from corpus_tools.paths import DATA_DIR
from corpus_tools.validate_frames import (
    FRAMES_GOLD_CSV,
    GoldError,
    evaluate_classifier,
    evaluate_tagger,
    load_frame_gold,
)

#: Macro-F1 of the tagger on the hand coding when the codebook was last tuned (in-sample),
#: minus a small epsilon. Raise it when the tagger improves; never lower it silently.
TAGGER_MACRO_F1_FLOOR = 0.938  # measured 0.945 (in-sample, tuned codebook)

HEADER = ("frame_id,name,definition,mfc_dimension,mendelsohn_frame,indicators,exclude,"
          "example,example_article_id\n")


def _codebook(tmp_path, *rows: str):
    path = tmp_path / "frames.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _units(*texts: str, start: int = 0) -> pd.DataFrame:
    return pd.DataFrame({"unit_id": [f"u{i}" for i in range(len(texts))],
                         "article_id": "a", "start": start, "text": list(texts)})


@pytest.fixture(scope="module")
def toy_codebook(tmp_path_factory):
    path = _codebook(
        tmp_path_factory.mktemp("cb"),
        "deport,Deportation,d,m,x,deport|mass deportation|we're going,,ex,a",
        "legal,Legality,d,m,x,law|court,law enforcement,ex,a",
        "mil,Military,d,m,x,militar*|national guard,,ex,a",
    )
    return load_codebook(path)


# --- codebook -----------------------------------------------------------------------------

def test_project_codebook_loads_and_is_documented():
    cb = load_codebook()
    assert 8 <= len(cb) <= 14
    assert cb["frame_id"].is_unique
    for col in ["name", "definition", "mfc_dimension", "mendelsohn_frame", "indicators",
                "example", "example_article_id"]:
        assert cb[col].str.len().gt(0).all(), col


def test_codebook_examples_are_in_the_corpus(raw_texts):
    cb = load_codebook()
    for fid, aid, example in zip(cb["frame_id"], cb["example_article_id"], cb["example"],
                                 strict=True):
        assert aid in raw_texts, fid
        assert example in raw_texts[aid], f"{fid}: example not found in {aid}"


def test_codebook_examples_evoke_their_frame():
    cb = load_codebook()
    units = pd.DataFrame({"unit_id": cb["frame_id"], "start": 0, "text": cb["example"]})
    hits = tag_frames(units, cb)
    evoked = set(zip(hits["unit_id"], hits["frame"], strict=True))
    assert all((f, f) in evoked for f in cb["frame_id"])


def test_duplicate_frame_id_names_the_line(tmp_path):
    path = _codebook(tmp_path, "a,A,d,m,x,law,,ex,a", "b,B,d,m,x,court,,ex,a",
                     "a,A2,d,m,x,judge,,ex,a")
    with pytest.raises(CodebookError, match=r"frames.csv: line 4: duplicate frame_id 'a'"):
        load_codebook(path)


def test_empty_field_and_bad_id_name_the_line(tmp_path):
    with pytest.raises(CodebookError, match=r"line 3: empty 'indicators'"):
        load_codebook(_codebook(tmp_path, "a,A,d,m,x,law,,ex,a", "b,B,d,m,x,,,ex,a"))
    with pytest.raises(CodebookError, match=r"line 2: frame_id 'Bad Id'"):
        load_codebook(_codebook(tmp_path, "Bad Id,A,d,m,x,law,,ex,a"))
    with pytest.raises(CodebookError, match=r"line 2: indicator '--' has no word"):
        load_codebook(_codebook(tmp_path, "a,A,d,m,x,law|--,,ex,a"))


def test_missing_column_is_reported(tmp_path):
    path = tmp_path / "frames.csv"
    path.write_text("frame_id,name\na,A\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"line 1: missing column\(s\)"):
        load_codebook(path)


# --- matching -----------------------------------------------------------------------------

def test_inflections_match_by_stem(toy_codebook):
    units = _units("They deport.", "He was deported.", "Deportations rose.", "Deportee?")
    hits = tag_frames(units, toy_codebook)
    deport = hits[hits["frame"] == "deport"]
    assert deport["unit_id"].tolist() == ["u0", "u1", "u2"]  # 'deportee' stems elsewhere
    assert deport["term"].tolist() == ["deport", "deported", "Deportations"]


def test_multiword_across_line_breaks_and_curly_apostrophes(toy_codebook):
    units = _units("the National\nGuard arrived", "We’re going now", "mass\n  deportations")
    hits = tag_frames(units, toy_codebook)
    assert hits["term"].tolist() == ["National\nGuard", "We’re going", "mass\n  deportations"]
    assert hits["indicator"].tolist() == ["national guard", "we're going", "mass deportation"]


def test_longest_match_wins_within_a_frame(toy_codebook):
    hits = tag_frames(_units("a mass deportation plan"), toy_codebook)
    assert hits["term"].tolist() == ["mass deportation"]


def test_prefix_patterns_and_hyphen_parts(toy_codebook):
    hits = tag_frames(_units("military-like units are militarizing streets"), toy_codebook)
    assert hits["term"].tolist() == ["military", "militarizing"]


def test_exclusions_veto_overlapping_hits(toy_codebook):
    hits = tag_frames(_units("local law enforcement and the law courts"), toy_codebook)
    assert hits["term"].tolist() == ["law", "courts"]
    assert hits["start"].tolist() == [30, 34]


def test_no_raw_substring_matching(toy_codebook):
    # 'lawn' contains 'law', 'courtesy' contains 'court': neither is a token match.
    assert tag_frames(_units("a lawn and some courtesy"), toy_codebook).empty


def test_evidence_offsets_slice_the_raw_text(corpus, raw_texts):
    from corpus_tools.segment import extract_sentences

    units = extract_sentences(corpus).rename(columns={"sentence": "unit_id"})
    units["unit_id"] = units["article_id"] + "-" + units["unit_id"].astype(str)
    hits = tag_frames(units)
    assert len(hits) > 50
    for aid, start, end, term in zip(hits["article_id"], hits["start"], hits["end"],
                                     hits["term"], strict=True):
        assert raw_texts[aid][start:end] == term


def test_blanked_text_keeps_offsets(toy_codebook):
    raw = 'He said "deport them" and the court agreed.'
    blanked = raw.replace('"deport them"', " " * len('"deport them"'))
    units = pd.DataFrame({"unit_id": ["n"], "start": [500], "text": [blanked]})
    hits = tag_frames(units, toy_codebook)
    assert hits["frame"].tolist() == ["legal"]
    start = int(hits["start"].iloc[0]) - 500
    assert raw[start:start + 5] == "court"


def test_tagger_does_not_read_speaker_or_group(toy_codebook):
    units = _units("the court", "the court")
    a = tag_frames(units.assign(speaker=["x", "y"], group=["g", "h"]), toy_codebook)
    pd.testing.assert_frame_equal(a, tag_frames(units, toy_codebook))


def test_frame_matrix_is_boolean_per_unit(toy_codebook):
    units = _units("the court", "nothing", "national guard and law")
    m = frame_matrix(units, tag_frames(units, toy_codebook), ["deport", "legal", "mil"])
    assert m.dtypes.eq(bool).all()
    assert m.astype(int).values.tolist() == [[0, 1, 0], [0, 0, 0], [0, 1, 1]]


# --- shares and tests ---------------------------------------------------------------------

def _grouped(toy_codebook, n=30, seed=0):
    rng = np.random.default_rng(seed)
    texts = rng.choice(["the court", "deported", "nothing here", "court and guard"], size=n)
    units = _units(*texts).assign(group=np.where(np.arange(n) % 3 == 0, "press",
                                                 "administration"))
    return units, tag_frames(units, toy_codebook)


def test_bootstrap_is_deterministic_and_contains_share(toy_codebook):
    units, hits = _grouped(toy_codebook)
    frames = ["deport", "legal", "mil"]
    a = score_frame_shares(units, hits, n_boot=500, seed=7, frames=frames)
    b = score_frame_shares(units, hits, n_boot=500, seed=7, frames=frames)
    pd.testing.assert_frame_equal(a, b)
    assert (a["ci_low"] <= a["share"]).all() and (a["share"] <= a["ci_high"]).all()
    assert a["group"].unique().tolist() == ["administration", "press"]
    assert not a.equals(score_frame_shares(units, hits, n_boot=500, seed=8, frames=frames))
    counts = units.groupby("group").size()
    assert (a.set_index("group")["n_units"] == counts.reindex(a["group"]).to_numpy()).all()


def test_group_interval_does_not_depend_on_other_groups(toy_codebook):
    units, hits = _grouped(toy_codebook)
    frames = ["legal"]
    both = score_frame_shares(units, hits, n_boot=300, seed=1, frames=frames)
    press = units[units["group"] == "press"]
    alone = score_frame_shares(press, hits[hits["unit_id"].isin(press["unit_id"])],
                               n_boot=300, seed=1, frames=frames)
    pd.testing.assert_frame_equal(both[both["group"] == "press"].reset_index(drop=True), alone)


def test_frame_differences_methods(toy_codebook):
    units = _units(*(["the court"] * 8 + ["nothing"] * 2 + ["the court"] * 2
                     + ["nothing"] * 8)).assign(group=["a"] * 10 + ["b"] * 10)
    hits = tag_frames(units, toy_codebook)
    frames = ["legal", "mil"]
    chi = test_frame_differences(units, hits, frames=frames)
    assert chi.loc[0, "p_value"] < 0.01 and chi.loc[1, "p_value"] == 1.0
    fisher = test_frame_differences(units, hits, frames=frames, method="fisher")
    assert 0 < fisher.loc[0, "p_value"] < 0.05
    perm = test_frame_differences(units, hits, frames=frames, method="permutation",
                                  n_perm=999, seed=3)
    assert perm.loc[0, "p_value"] < 0.05
    pd.testing.assert_frame_equal(perm, test_frame_differences(
        units, hits, frames=frames, method="permutation", n_perm=999, seed=3))
    assert (chi["p_adjusted"] >= chi["p_value"]).all()
    with pytest.raises(ValueError, match="two groups"):
        test_frame_differences(units.assign(group=list("abc") * 6 + ["a", "b"]), hits,
                               frames=frames, method="fisher")


# --- validation against the hand coding ---------------------------------------------------

needs_gold = pytest.mark.skipif(not FRAMES_GOLD_CSV.is_file(), reason="no hand coding yet")


@needs_gold
def test_gold_spans_index_the_raw_text(raw_texts):
    gold = load_frame_gold()
    assert (gold["unit_kind"] == "narration").sum() >= 40
    for aid, start, end, text in zip(gold["article_id"], gold["start"], gold["end"],
                                     gold["text"], strict=True):
        raw = raw_texts[aid][start:end]
        assert len(raw) == len(text)
        # narration keeps the raw words where they are not blanked
        assert all(t == " " or t == r for t, r in zip(text, raw, strict=True))


@needs_gold
def test_every_gold_quote_is_coded():
    quotes = pd.read_csv(DATA_DIR / "annotations" / "quotes_gold.csv")
    quotes = quotes[quotes["kind"] != "term"]
    gold = load_frame_gold()
    coded = set(zip(gold.loc[gold["unit_kind"] == "quote", "article_id"],
                    gold.loc[gold["unit_kind"] == "quote", "start"], strict=True))
    assert set(zip(quotes["article_id"], quotes["start"], strict=True)) <= coded


def test_gold_rejects_unknown_frame(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_text("article_id,unit_kind,start,end,text,frames,note\n"
                    "a,quote,0,3,abc,crime_threat;nope,\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"line 2: unknown frame id\(s\) \['nope'\]"):
        load_frame_gold(path)


@needs_gold
def test_tagger_macro_f1_does_not_regress():
    scores = evaluate_tagger(load_frame_gold())
    macro = scores.loc[scores["frame"] == "macro", "f1"].item()
    assert macro >= TAGGER_MACRO_F1_FLOOR


@needs_gold
def test_classifier_evaluation_runs():
    scores = evaluate_classifier(load_frame_gold())
    assert scores["system"].eq("classifier_loao").all()
    assert scores[["precision", "recall", "f1"]].apply(lambda c: c.between(0, 1)).all().all()
    assert "macro" in scores["frame"].tolist()


def test_parse_pattern_splits_hyphens_like_the_text():
    assert [p.value for p in parse_pattern("MS-13").pieces] == ["ms", "13"]


def test_permutation_null_matches_a_loop_over_shuffles(toy_codebook):
    """The vectorised null (one bincount for all shuffles) equals scoring each shuffle."""
    from scipy import stats

    from corpus_tools.frames import _chi2_null

    rng = np.random.default_rng(7)
    codes = rng.integers(0, 3, size=40)
    evokes = rng.integers(0, 2, size=40)
    perms = np.array([rng.permutation(codes) for _ in range(50)])
    sizes = np.bincount(codes, minlength=3)
    index = (perms + 3 * np.arange(50)[:, None]).ravel()
    fast = _chi2_null(index, evokes, sizes)
    slow = []
    for pc in perms:
        yes = np.bincount(pc, weights=evokes, minlength=3)
        table = np.column_stack([yes, sizes - yes])
        slow.append(stats.chi2_contingency(table, correction=False)[0]
                    if (table.sum(axis=0) > 0).all() else 0.0)
    np.testing.assert_allclose(fast, slow, rtol=1e-12, atol=1e-12)


# --- word senses of the project codebook (our own sentences) -------------------------------
#: (frame, a sentence where the cue has the frame's sense, one where the word has another
#: sense and the exclude must veto it).
WORD_SENSES = [
    ("legality_authority", "The county ignored the ICE detainer.",
     "She was detained at the airport."),
    ("legality_authority", "Hiring a worker without papers is not legal here.",
     "The farmworkers were legalized in 1986."),
    ("legality_authority", "The mayor said the state has no authority over city police.",
     "Those in authority stayed silent at the meeting."),
    ("legality_authority", "The sheriff said it would be illegal to hold them.",
     "He called them illegal aliens and illegals, and said they entered illegally."),
    ("legality_authority", "The judge called the arrests unlawful.",
     "The agency arrests people who are unlawfully present."),
    ("enforcement_ops", "Agents detained twelve people at the plant.",
     "The jail will no longer honor a detainer."),
    ("enforcement_ops", "The removal of the family took one morning.",
     "The council voted to remove her from office."),
    ("enforcement_ops", "The city will deploy more officers downtown.",
     "He wants to deploy troops and deploy the military in our streets."),
    ("enforcement_ops", "Deportation flights doubled this year.",
     "Parents live under the threat of deportation."),
    ("crime_threat", "He was charged with a violent offense.",
     "The remark was offensive to many."),
    ("security_militarization", "The president cited national security.",
     "The Secure Communities program shared fingerprints; she fears for her personal "
     "security."),
    ("economic", "The plant closure cost hundreds of jobs.",
     "The officers just do their jobs; it is the government's job."),
    ("humanitarian", "The raids tore families apart.",
     "A family member picked her up from school."),
    # Revised from the realdev3 error analysis (issue 14); checked on every tuning set.
    ("legality_authority", "The law is unconstitutional.",
     "Nobody agrees on what constitutes a welcoming city."),
    ("legality_authority", "The ordinance violates federal law.",
     "Families described human rights violations in the camps."),
    ("community_trust", "Residents no longer trust the police.",
     "The Trust Act limits what jailers tell federal agents."),
    ("political_conflict", "The governor threatened to punish the city.",
     "Gangs like these threaten public safety."),
    ("security_militarization", "Border security is a national priority.",
     "Her Social Security number did not match the records."),
]

#: (frame, a sentence with a cue added from the realdev3 error analysis).
NEW_CUES = [
    ("legality_authority", "The county was sued by a man it held too long."),
    ("legality_authority", "We look forward to litigating this."),
    ("crime_threat", "Repeat offenders walk out of the jail."),
    ("humanitarian", "Detainees describe human rights abuses."),
    ("community_trust", "The raids sow mistrust between families and the police."),
]


@pytest.mark.parametrize(("frame", "evoked", "other_sense"), WORD_SENSES,
                         ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(WORD_SENSES)])
def test_codebook_word_senses(frame, evoked, other_sense):
    hits = tag_frames(_units(evoked, other_sense))
    tagged = set(hits.loc[hits["frame"] == frame, "unit_id"])
    assert tagged == {"u0"}, hits[["unit_id", "frame", "term"]].to_string()


@pytest.mark.parametrize(("frame", "text"), NEW_CUES,
                         ids=[f"{f}-{i}" for i, (f, _) in enumerate(NEW_CUES)])
def test_codebook_new_cues(frame, text):
    hits = tag_frames(_units(text))
    assert frame in set(hits["frame"]), hits[["frame", "term"]].to_string()


def test_communities_alone_is_not_belonging_but_neighbors_are():
    hits = tag_frames(_units("Our communities will not be bullied.",
                             "Our immigrant neighbors belong here."))
    by_unit = hits.groupby("unit_id")["frame"].agg(set).to_dict()
    assert by_unit["u0"] == {"political_conflict"}
    assert "immigrant_belonging" in by_unit["u1"]
