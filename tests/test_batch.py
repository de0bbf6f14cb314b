"""Batch command: synthetic corpora, streaming, identical results for any jobs/chunks/engine."""

from __future__ import annotations

import argparse
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools import load_corpus
from corpus_tools.batch import (
    STREAMED_TABLES,
    TABLE_SCHEMAS,
    analyze_article,
    analyze_batch,
    analyze_corpus,
    load_resources,
)
from corpus_tools.cli_analyze import add_analyze_parser, analyze_command
from corpus_tools.load import CorpusError
from corpus_tools.stream import corpus_frame, iter_articles
from corpus_tools.synth import make_synthetic_corpus

N_ARTICLES = 10


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="corpus-tools")
    add_analyze_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["analyze", *argv])


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def synth_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth")
    make_synthetic_corpus(N_ARTICLES, seed=7, out_dir=folder)
    return folder


@pytest.fixture(scope="module")
def baseline(synth_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``--jobs 1``, one chunk: the reference every other run must equal byte for byte."""
    out = tmp_path_factory.mktemp("jobs1")
    assert analyze_command(_args(str(synth_dir), "--out", str(out), "--no-progress")) == 0
    return out


# ----------------------------------------------------------------------------- synth

def test_synthetic_corpus_is_deterministic_and_varied(tmp_path: Path) -> None:
    a = make_synthetic_corpus(30, seed=3, out_dir=tmp_path)
    assert a.equals(make_synthetic_corpus(30, seed=3))
    assert not a["text"].equals(make_synthetic_corpus(30, seed=4)["text"])
    assert a["article_id"].is_unique and a["article_id"].is_monotonic_increasing
    assert a["outlet"].nunique() >= 5 and a["published"].nunique() >= 25
    loaded = load_corpus(tmp_path)
    assert loaded["text"].tolist() == a["text"].tolist()
    assert loaded["year"].notna().all()


# ----------------------------------------------------------------------------- streaming

def test_chunks_rebuild_load_corpus_for_every_input_kind(synth_dir: Path, tmp_path: Path) -> None:
    expected = load_corpus(synth_dir)
    meta = pd.read_csv(synth_dir / "articles.csv", dtype=str, keep_default_na=False)
    meta["text"] = expected["text"].to_numpy()
    meta.to_csv(tmp_path / "corpus.csv", index=False)
    with open(tmp_path / "corpus.jsonl", "w", encoding="utf-8") as fh:
        for rec in meta.to_dict("records"):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for source in (synth_dir, synth_dir / "raw", tmp_path / "corpus.csv",
                   tmp_path / "corpus.jsonl"):
        chunks = list(iter_articles(source, chunk_size=3))
        assert [len(c) for c in chunks] == [3, 3, 3, 1]
        got = pd.concat([corpus_frame(c) for c in chunks], ignore_index=True)
        assert got["text"].tolist() == expected["text"].tolist(), source
        assert got["exclude"].tolist() == expected["exclude"].tolist(), source
    got = pd.concat([corpus_frame(c) for c in iter_articles(synth_dir, 4)], ignore_index=True)
    pd.testing.assert_frame_equal(got, expected)


def test_bad_inputs_are_named_and_write_nothing(synth_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    make_synthetic_corpus(4, seed=1, out_dir=bad)
    victim = sorted((bad / "raw").glob("*.txt"))[-1]
    victim.write_bytes(b"Title\n\nCaf\xe9 owners said.")
    out = tmp_path / "out"
    with pytest.raises(CorpusError, match=victim.name + ".*not valid UTF-8"):
        analyze_corpus(bad, out, chunk_size=2, progress=False)
    assert not out.exists()  # checked before anything is written, even the folder
    dup = tmp_path / "dup.csv"
    pd.DataFrame({"article_id": ["a", "b", "a"], "text": ["x y.", "y z.", "z."]}).to_csv(
        dup, index=False)
    with pytest.raises(CorpusError, match="duplicate article_id 'a'"):
        list(iter_articles(dup))
    assert analyze_command(_args(str(tmp_path / "missing"), "--out", str(out),
                                 "--no-progress")) == 2


# ----------------------------------------------------------------------------- per article

def test_batch_equals_articles_one_by_one(synth_dir: Path) -> None:
    records = next(iter_articles(synth_dir, chunk_size=4))
    actors, codebook = load_resources()
    batch = analyze_batch(records, actors, codebook)
    single = [analyze_article(r, actors, codebook) for r in records]
    for name in STREAMED_TABLES:
        one_by_one = pd.concat([s[name] for s in single], ignore_index=True)
        pd.testing.assert_frame_equal(batch[name], one_by_one, check_dtype=False)
    summed = pd.concat([s["term_counts"] for s in single]).groupby(["group", "term"])["count"]
    assert summed.sum().equals(batch["term_counts"].groupby(["group", "term"])["count"].sum())


def test_tables_match_the_library_on_the_seeds(tmp_path: Path) -> None:
    from corpus_tools.frames import score_frame_shares, tag_frames
    from corpus_tools.quotes import extract_quotes
    from corpus_tools.terms import count_terms
    from corpus_tools.units import extract_units

    summary = analyze_corpus(None, tmp_path, progress=False, chunk_size=2)
    corpus = load_corpus()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quotes = extract_quotes(corpus)
    units = extract_units(corpus, quotes)
    hits = tag_frames(units)
    terms = pd.read_csv(summary.paths["term_counts"], keep_default_na=False)
    pd.testing.assert_frame_equal(terms, count_terms(units), check_dtype=False)
    shares = pd.read_csv(summary.paths["frame_shares"])
    expected = score_frame_shares(units, hits)
    cols = ["group", "frame", "n_units", "n_hits", "share"]
    pd.testing.assert_frame_equal(shares[cols], expected[cols], check_dtype=False)
    assert (shares["ci_low"] <= shares["share"]).all()
    assert (shares["share"] <= shares["ci_high"]).all()
    table = pd.read_csv(summary.paths["quotes"], keep_default_na=False)
    assert table["quote_id"].tolist() == quotes["quote_id"].tolist()
    assert table["group"].tolist() == quotes["group"].tolist()
    assert list(table.columns) == [c for c, _ in TABLE_SCHEMAS["quotes"]]
    evoked = hits.groupby("unit_id")["frame"].agg(lambda f: set(f))
    speech = table[table["kind"] != "term"].set_index("quote_id")["frames"]
    for qid, frames in speech.items():
        assert set(filter(None, frames.split(";"))) == evoked.get(qid, set()), qid


# ----------------------------------------------------------------------------- identity

def test_two_jobs_give_identical_files(synth_dir: Path, baseline: Path, tmp_path: Path) -> None:
    assert analyze_command(_args(str(synth_dir), "--out", str(tmp_path), "--jobs", "2",
                                 "--no-progress")) == 0
    assert _files(tmp_path) == _files(baseline)


def test_small_chunks_give_identical_files(synth_dir: Path, baseline: Path,
                                          tmp_path: Path) -> None:
    assert analyze_command(_args(str(synth_dir), "--out", str(tmp_path), "--chunk-size", "3",
                                 "--no-progress")) == 0
    assert _files(tmp_path) == _files(baseline)
    assert pd.read_csv(tmp_path / "articles.csv")["n_quotes"].sum() > N_ARTICLES


def test_parquet_output_is_readable(synth_dir: Path, baseline: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    assert analyze_command(_args(str(synth_dir), "--out", str(tmp_path), "--format", "parquet",
                                 "--chunk-size", "4", "--no-progress")) == 0
    for name, schema in TABLE_SCHEMAS.items():
        got = pd.read_parquet(tmp_path / f"{name}.parquet")
        csv = pd.read_csv(baseline / f"{name}.csv", keep_default_na=False,
                          dtype={c: str for c, kind in schema if kind == "str"})
        for col, kind in schema:
            if kind != "str":
                csv[col] = pd.to_numeric(csv[col], errors="coerce")
        assert list(got.columns) == [c for c, _ in schema]
        pd.testing.assert_frame_equal(got, csv, check_dtype=False)


@pytest.mark.slow
def test_dask_cluster_gives_identical_files(synth_dir: Path, baseline: Path,
                                           tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        args = _args(str(synth_dir), "--out", str(tmp_path), "--scheduler",
                     cluster.scheduler_address, "--chunk-size", "6", "--no-progress")
        assert analyze_command(args) == 0
    assert _files(tmp_path) == _files(baseline)
