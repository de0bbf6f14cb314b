"""The speaker ranker: candidates, features, the shipped model, the extractor's hook and the
training script (on a tiny PolNeAR-shaped folder of our own sentences)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from corpus_tools.quotes import extract_quotes_from_text
from corpus_tools.quotes import rank as rs
from tests.test_polnear import HEADER, _span, _t


def _window(raw: str) -> rs._Sentences:
    return rs._Sentences(raw, [(raw.index("\n\n") + 2, len(raw))])


def _by_text(raw: str, quotes: list[rs.QuoteView], i: int = 0) -> dict[str, dict[str, float]]:
    spans = sorted((q.start, q.end) for q in quotes)
    previous = rs.speakers_so_far(quotes)[i][0]
    return {c.text: f for c, f in rs.quote_candidates(raw, _window(raw), quotes[i], previous,
                                                      None, spans)}


def _view(raw: str, words: str) -> rs.QuoteView:
    start = raw.index(words)
    return rs.QuoteView(start, start + len(words), "direct")


RAW = ("Budget day\n\n"
       "The council met on Monday. Ana Ruiz said “the plan will cost far too much money,” "
       "and she told Tom Reed that “nobody wants it.” He left.")


def test_candidates_are_names_pronouns_and_descriptions_in_text_order() -> None:
    cands = rs.candidates(RAW, [(12, len(RAW))])
    assert [(c.kind, c.text) for c in cands] == [
        ("org", "The council"), ("name", "Ana Ruiz"), ("pronoun", "she"),
        ("name", "Tom Reed"), ("pronoun", "it"), ("pronoun", "He")]
    assert all(RAW[c.start:c.end] == c.text for c in cands)  # offsets index the raw text


def test_a_name_before_said_is_a_subject_with_the_verb_after_it() -> None:
    feats = _by_text(RAW, [_view(RAW, "the plan will cost far too much money,")])
    ana = feats["Ana Ruiz"]
    assert ana["verb_right_after"] == 1.0 and ana["subject_like"] == 1.0
    assert ana["side=before"] == 1.0 and ana["sent=0"] == 1.0 and ana["words=1"] == 1.0
    assert "object_of_verb" not in ana
    assert feats["The council"]["sent=-1"] == 1.0  # the sentence before
    assert feats["she"]["type=pronoun"] == 1.0 and feats["she"]["side=after"] == 1.0


def test_the_object_of_told_gets_the_object_feature() -> None:
    feats = _by_text(RAW, [_view(RAW, "the plan will cost far too much money,")])
    assert feats["Tom Reed"]["object_of_verb"] == 1.0
    assert "subject_like" not in feats["Tom Reed"]


def test_a_candidate_inside_another_quote_is_flagged() -> None:
    raw = "T\n\n“Talk to Ben Ford about it,” she said. “No,” Ann Lee replied."
    quotes = [_view(raw, "Talk to Ben Ford about it,"), _view(raw, "No,")]
    feats = _by_text(raw, quotes, 1)
    assert feats["Ben Ford"]["in_quote"] == 1.0
    assert "in_quote" not in feats["Ann Lee"]


def test_features_are_deterministic() -> None:
    quotes = [_view(RAW, "the plan will cost far too much money,")]
    first, second = _by_text(RAW, quotes), _by_text(RAW, quotes)
    assert first == second
    model = rs.load_model()
    assert [rs.probability(f, model) for f in first.values()] == \
        [rs.probability(f, model) for f in second.values()]


def test_the_shipped_model_loads_cites_polnear_and_scores() -> None:
    model = rs.load_model()
    assert "PolNeAR" in model["dataset"] and "Newell" in model["dataset"]
    assert 0.0 < model["threshold"] < 1.0
    assert model["training"]["split"] == "train" and model["training"]["positives"] > 0
    feats = _by_text(RAW, [_view(RAW, "the plan will cost far too much money,")])
    p = {name: rs.probability(f, model) for name, f in feats.items()}
    assert max(p, key=p.get) == "Ana Ruiz"
    assert p["Tom Reed"] < p["Ana Ruiz"]


SILENT = "Race day\n\n“We will win this race easily and soon,” Jane Smith chortled on stage."


@pytest.mark.filterwarnings("ignore:.*unknown group")
def test_the_hook_fills_a_quote_the_rules_leave_without_speaker() -> None:
    rules = extract_quotes_from_text(SILENT, rank=False)
    assert rules["speaker"].tolist() == [""]
    ranked = extract_quotes_from_text(SILENT)
    row = ranked.iloc[0]
    assert (row["speaker"], row["cue"], row["speaker_mention"]) == ("Jane Smith", "ranker",
                                                                   "Jane Smith")
    assert SILENT[row["mention_start"]:row["mention_end"]] == "Jane Smith"


def test_the_hook_does_not_override_a_rule_attribution() -> None:
    raw = ("Title\n\nTom Reed watched from the back. “We will not comply with this,” "
           "Mayor Jane Doe said, turning to Tom Reed.")
    ranked = extract_quotes_from_text(raw)
    assert ranked.equals(extract_quotes_from_text(raw, rank=False))
    assert ranked["speaker"].tolist() == ["Jane Doe"] and ranked["cue"].tolist() == ["said"]


# -- the training script on a tiny PolNeAR-shaped folder (our own sentences) ---------------

ARTICLES = {
    "vote_a": ("Vote day\n\nThe vote was close. “We will fix every road in this town,” "
               "Maria Lopez chortled, looking at Tom Reed.\n\n"
               "“The budget is a disgrace to all of us,” Paul Kim sneered at reporters.\n"),
    "vote_b": ("Late count\n\n“Nobody expected a result like this one,” Ann Cole beamed "
               "beside Ben Ford.\n\n"
               "Ben Ford smiled. “We are not done yet, not at all,” Lee Park crowed.\n"),
}
SOURCES = {"vote_a": ["Maria Lopez", "Paul Kim"], "vote_b": ["Ann Cole", "Lee Park"]}


def _ann(text: str, sources: list[str]) -> str:
    lines, n = [], 0
    quotes = [text[s:e + 1] for s, e in zip(
        [i for i, ch in enumerate(text) if ch == "“"],
        [i for i, ch in enumerate(text) if ch == "”"], strict=True)]
    for k, (quote, source) in enumerate(zip(quotes, sources, strict=True), start=1):
        lines += [_t(f"T{n + 1}", "Source", text, _span(text, source)),
                  _t(f"T{n + 2}", "Content", text, _span(text, quote)),
                  _t(f"T{n + 3}", "Attribution", text, _span(text, source)),
                  f"E{k}\tAttribution:T{n + 3} Content:T{n + 2} Source:T{n + 1}\n"]
        n += 3
    return "".join(lines)


@pytest.fixture
def tiny_polnear(tmp_path: Path) -> Path:
    data = tmp_path / "polnear" / "data"
    rows = []
    for name, text in ARTICLES.items():
        for sub in ("text", "attributions"):
            (data / "train" / sub).mkdir(parents=True, exist_ok=True)
        (data / "train" / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (data / "train" / "attributions" / f"{name}_aa11.ann").write_text(
            _ann(text, SOURCES[name]), encoding="utf-8")
        rows.append(f"train\t{name}\t1\taa11\tpaper\t2016-05-02\tA. Writer\t"
                    f"{text.splitlines()[0]}\t0\t0\tNone\tNone\n")
    (data / "metadata.tsv").write_text(HEADER + "".join(rows), encoding="utf-8")
    return tmp_path / "polnear"


def _train_script():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "train_ranker.py"
    spec = importlib.util.spec_from_file_location("train_ranker", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_script_reproduces_its_json(tiny_polnear: Path, tmp_path: Path) -> None:
    script = _train_script()
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert script.main([str(tiny_polnear), "--out", str(first)]) == 0
    assert script.main([str(tiny_polnear), "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    model = json.loads(first.read_text(encoding="utf-8"))
    assert model["training"]["articles"] == 2
    assert model["training"]["quotes"] == 4  # every quote: no rule knows these verbs
    assert model["training"]["positives"] == 4
    assert model["command"] == "python benchmarks/train_ranker.py POLNEAR_ROOT"
    assert "PolNeAR" in model["dataset"]
    # what the script wrote is what the package scores with
    assert rs.load_model(first)["coefficients"] == model["coefficients"]
    assert "Maria Lopez" not in first.read_text(encoding="utf-8")  # no corpus text


def test_the_window_reads_a_bounded_stretch_around_each_quote() -> None:
    """Work per quote is bounded: on one unpunctuated 200 kB line the window is at most
    REACH characters on each side of the quote, and never the quote's own words."""
    raw = "T\n\n" + "word " * 20_000 + "“we will all go home now” " + "word " * 20_000
    sents = rs._Sentences(raw, [(3, len(raw))])
    q = _view(raw, "we will all go home now")
    spans, _ = rs.window(sents, q)
    assert sum(b - a for a, b in spans) == 2 * rs.REACH
    assert all(b <= q.start or a >= q.end for a, b in spans)


#: Two quotes of a lawsuit, the first with no speaker the rules can read.
_LAWSUIT_READS = ("Title\n\nBut two groups have sued in the county court, arguing that the "
                  "port skipped its reviews, the Harbor Ledger reported.\n\n\u201cThe harm "
                  "to the marsh and the birds must be considered,\u201d the lawsuit reads. "
                  "\u201cThe terminal poses clear harm.\u201d\n")


@pytest.mark.filterwarnings("ignore:.*unknown group")
def test_a_continuation_goes_on_with_the_speaker_the_ranker_chose() -> None:
    raw = _LAWSUIT_READS
    rules = extract_quotes_from_text(raw, rank=False)
    assert rules["speaker"].tolist() == ["", ""]  # no subject after “But” (a participle)
    ranked = extract_quotes_from_text(raw)
    assert ranked["cue"].iloc[0] == "ranker"
    assert ranked["speaker"].iloc[1] == ranked["speaker"].iloc[0] != "But"


@pytest.mark.filterwarnings("ignore:.*unknown group")
def test_the_quote_after_a_ranker_filled_one_goes_on_with_its_speaker(monkeypatch) -> None:
    """Whatever the fitted coefficients: when the ranker fills only the first of two quotes
    of a paragraph, the second (left without a speaker by the rules) goes on with it."""
    import corpus_tools.quotes.extract as ex
    real = ex.rs.rank_quotes

    def first_only(*args, **kwargs):
        chosen = real(*args, **kwargs)
        return {k: chosen[k] for k in sorted(chosen)[:1]}

    monkeypatch.setattr(ex.rs, "rank_quotes", first_only)
    raw = _LAWSUIT_READS
    ranked = extract_quotes_from_text(raw)
    assert ranked["cue"].tolist() == ["ranker", "continuation"]
    assert ranked["speaker"].iloc[1] == ranked["speaker"].iloc[0] != ""


@pytest.mark.parametrize("raw", [
    "Some said the plan would fail.",  # a stop word
    "Department heads met on Monday.",  # an organisation noun
    "PHOENIX, Ariz. (AP) \u2014 The vote was close.",  # a dateline and its state
])
def test_no_candidate_is_a_common_word_or_a_dateline(raw: str) -> None:
    names = [c.text for c in rs.candidates(raw, [(0, len(raw))]) if c.kind == "name"]
    assert not {"Some", "Department", "PHOENIX", "Ariz"} & set(names)
