"""Score every measure on a hand-coded folder of real news (quotes, speakers, groups, stance,
frames), e.g. the project's real-news development set:

    .venv/bin/python benchmarks/score_coded_set.py ../shared/realdev [--split tune|heldout]
                                                    [--errors /tmp/realdev_errors.csv]
                                                    [--frames-out /tmp/realdev_frames.csv]

The folder's format is described in :mod:`corpus_tools.coded_sets`. Nothing from the folder is
written into the repository; ``--errors`` writes the per-quote table where you say (keep it
outside the checkout: it holds third-party text). ``--frames-out`` writes the per-frame
precision, recall, F1 and support (:func:`corpus_tools.coded_sets.frame_report`, numbers
only) on the gold spans and on the matched quotes. ``--split`` applies the realdev split
(:func:`corpus_tools.coded_sets.split_of`: odd-numbered files are for tuning, even-numbered
ones held out).
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from corpus_tools.coded_sets import (
    compare_coders,
    drop_ignored,
    frame_report,
    frames_per_text,
    load_coded_set,
    matched_pairs,
    score_quotes_against,
    score_stance_labels,
)
from corpus_tools.frames import load_codebook
from corpus_tools.quote_eval import match_quotes
from corpus_tools.quotes import extract_quotes
from corpus_tools.stance import score_stance
from corpus_tools.stance_model import load_stance_model


def _frame_table(truth: pd.Series, texts: pd.Series) -> pd.DataFrame:
    """Per-frame precision/recall/F1/support of the codebook tagger, in codebook order."""
    frames = load_codebook()["frame_id"]
    return frame_report(list(truth), frames_per_text(texts), frames)


def score_folder(folder: str, split: str | None = None,
                 rank: bool = True) -> dict[str, pd.DataFrame]:
    """Every score of the package's measures on one coded folder (see the module doc)."""
    corpus, gold, ignore = load_coded_set(folder, split=split)
    pred = extract_quotes(corpus, rank=rank)
    quotes = pd.DataFrame([score_quotes_against(pred, gold, ignore)])
    # The measures alone, on the gold spans (extraction errors cannot touch them).
    model = load_stance_model()
    stance_gold = score_stance_labels(gold["stance"], [score_stance(t).label
                                                       for t in gold["text"]])
    model_gold = score_stance_labels(gold["stance"], model.predict(list(gold["text"])))
    frames_gold = _frame_table(gold["frames"], gold["text"])
    # Extraction and measure together, on the quotes matched to gold.
    speech = drop_ignored(pred[pred["kind"] != "term"], ignore).reset_index(drop=True)
    pairs = match_quotes(speech, gold)
    p_idx, g_idx = [p for p, _ in pairs], [g for _, g in pairs]
    matched = speech.loc[p_idx].reset_index(drop=True)
    stance_matched = score_stance_labels(gold.loc[g_idx, "stance"],
                                         [score_stance(t).label for t in matched["text"]])
    model_matched = score_stance_labels(gold.loc[g_idx, "stance"],
                                        model.predict(list(matched["text"])))
    frames_matched = _frame_table(gold.loc[g_idx, "frames"], matched["text"])
    return {"quotes": quotes, "stance_gold_spans": stance_gold,
            "stance_matched": stance_matched, "stance_model_gold_spans": model_gold,
            "stance_model_matched": model_matched, "frames_gold_spans": frames_gold,
            "frames_matched": frames_matched,
            "errors": matched_pairs(pred, gold, ignore)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="a coded folder: text/ and gold.json")
    parser.add_argument("--split", choices=("tune", "heldout"), default=None)
    parser.add_argument("--errors", metavar="CSV", help="write the per-quote table here")
    parser.add_argument("--frames-out", metavar="CSV",
                        help="write the per-frame scores (gold spans and matched quotes) here")
    parser.add_argument("--rules-only", action="store_true",
                        help="the rules alone, without the speaker ranker")
    parser.add_argument("--agreement", action="store_true",
                        help="also print the two coders' agreement (gold_second_coder.json)")
    args = parser.parse_args(argv)
    scores = score_folder(args.folder, args.split, rank=not args.rules_only)
    if args.agreement:
        scores["coder_agreement"] = compare_coders(args.folder)
    pd.set_option("display.width", 120)
    for name, table in scores.items():
        if name == "errors":
            continue
        print(f"\n## {name}\n{table.round(3).to_string(index=False)}")
    if args.frames_out:  # numbers only: no text of the folder
        pd.concat([scores[k].assign(units=k.removeprefix("frames_"))
                   for k in ("frames_gold_spans", "frames_matched")],
                  ignore_index=True).to_csv(args.frames_out, index=False)
    if args.errors:
        scores["errors"].to_csv(args.errors, index=False)
        print(f"\nper-quote table: {args.errors}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
