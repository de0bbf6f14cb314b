"""load_corpus: the seed corpus, its metadata, bring-your-own inputs and every bad input."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools import CorpusError, load_corpus
from corpus_tools.paths import DATA_DIR, PROJECT_ROOT, RAW_DIR

SHARED = PROJECT_ROOT.parent / "shared" / "corpus"


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_seed_corpus_facts(corpus):
    assert list(corpus["article_id"]) == [
        "000_674bf23a13580e8a", "002_38024473db85f993", "004_b943aaa28719df54"]
    assert list(corpus["outlet"]) == ["Politico", "New York Post", "Boston 25 News"]
    assert [d.strftime("%Y-%m-%d") for d in corpus["published"]] == [
        "2025-08-29", "2024-11-18", "2020-02-14"]
    assert list(corpus["year"]) == [2025, 2024, 2020]
    assert corpus.loc[0, "headline"] == "Trump admin plans immigration enforcement surge in Boston"
    assert "Comments" not in corpus.loc[0, "body"]
    assert corpus.loc[0, "body"].startswith("The Trump administration is preparing")


def test_raw_copies_are_byte_identical_to_shared():
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus not beside the checkout")
    for src in SHARED.glob("*.txt"):
        assert (RAW_DIR / src.name).read_bytes() == src.read_bytes()


def test_default_resolves_from_package_not_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(load_corpus()) == 3


def test_loading_never_writes_raw(corpus):
    before = _digest(RAW_DIR)
    load_corpus()
    assert _digest(RAW_DIR) == before


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "data"
    (dst / "raw").mkdir(parents=True)
    for p in RAW_DIR.glob("*.txt"):
        shutil.copy(p, dst / "raw" / p.name)
    shutil.copy(DATA_DIR / "articles.csv", dst / "articles.csv")
    return dst


def _edit_meta(folder: Path, fn) -> None:
    meta = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    fn(meta)
    meta.to_csv(folder / "articles.csv", index=False)


def _error(folder: Path) -> str:
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    return str(info.value)


def test_missing_file(data_copy):
    (data_copy / "raw" / "002_38024473db85f993.txt").unlink()
    msg = _error(data_copy)
    assert "articles.csv line 3" in msg and "file not found" in msg
    assert "002_38024473db85f993" in msg


def test_duplicate_article_id(data_copy):
    _edit_meta(data_copy, lambda m: m.__setitem__("article_id",
               ["a", "a", "004_b943aaa28719df54"]))
    msg = _error(data_copy)
    assert "duplicate article_id 'a' on lines 2, 3" in msg


def test_unparseable_date(data_copy):
    _edit_meta(data_copy, lambda m: m.__setitem__("published",
               ["2025-08-29", "18/11/2024", "2020-02-14"]))
    msg = _error(data_copy)
    assert "line 3" in msg and "'18/11/2024' is not an ISO date" in msg


def test_empty_file(data_copy):
    (data_copy / "raw" / "000_674bf23a13580e8a.txt").write_text("  \n\n", encoding="utf-8")
    msg = _error(data_copy)
    assert "000_674bf23a13580e8a.txt is empty" in msg and "line 2" in msg


def test_non_utf8_bytes(data_copy):
    path = data_copy / "raw" / "004_b943aaa28719df54.txt"
    path.write_bytes(b"Headline\n\nCaf\xe9 line\n")
    msg = _error(data_copy)
    assert "004_b943aaa28719df54.txt is not valid UTF-8" in msg
    assert "byte 0xe9 at offset 13, line 3" in msg


@pytest.mark.parametrize("bad", ["../../etc/passwd", "/etc/passwd", "../articles.csv"])
def test_file_escaping_data_folder(data_copy, bad):
    _edit_meta(data_copy, lambda m: m.__setitem__("file",
               [bad, "002_38024473db85f993.txt", "004_b943aaa28719df54.txt"]))
    msg = _error(data_copy)
    assert f"file {bad!r} escapes the data folder" in msg and "line 2" in msg


def test_all_problems_reported_together(data_copy):
    (data_copy / "raw" / "002_38024473db85f993.txt").unlink()
    _edit_meta(data_copy, lambda m: m.__setitem__("published", ["x", "2024-11-18", "y"]))
    with pytest.raises(CorpusError) as info:
        load_corpus(data_copy)
    a, b, c = "000_674bf23a13580e8a", "002_38024473db85f993", "004_b943aaa28719df54"
    root = (data_copy / "raw").resolve()
    expected = [
        f"articles.csv line 2 (article_id {a!r}): published 'x' is not an ISO date (YYYY-MM-DD)",
        f"articles.csv line 4 (article_id {c!r}): published 'y' is not an ISO date (YYYY-MM-DD)",
        f"articles.csv line 3 (article_id {b!r}): file not found: {root / (b + '.txt')}",
    ]
    assert info.value.problems == expected
    for message in expected:  # and the error's text lists each of them
        assert f"  - {message}" in str(info.value)


def test_missing_required_column(data_copy):
    _edit_meta(data_copy, lambda m: m.pop("file"))
    assert "missing required column(s) file" in _error(data_copy)


def test_folder_of_txt_without_metadata(tmp_path):
    for p in RAW_DIR.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    corpus = load_corpus(tmp_path)
    assert list(corpus["article_id"]) == sorted(p.stem for p in RAW_DIR.glob("*.txt"))
    assert corpus["published"].isna().all()


def test_csv_and_jsonl_inputs(tmp_path):
    rows = [{"article_id": "b", "text": "Title\n\n“Go home,” she said.", "outlet": "X",
             "published": "2021-03-04"},
            {"article_id": "a", "text": "Other\n\nBody text here."}]
    pd.DataFrame(rows).to_csv(tmp_path / "c.csv", index=False)
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    for name in ("c.csv", "c.jsonl"):
        corpus = load_corpus(tmp_path / name)
        assert list(corpus["article_id"]) == ["a", "b"]
        assert corpus.loc[1, "body"] == "“Go home,” she said."
        assert corpus.loc[1, "year"] == 2021


def test_jsonl_bad_line_named(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"article_id": "a", "text": "T\\n\\nx"}\n{not json\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c.jsonl line 2: invalid JSON"):
        load_corpus(path)


def test_missing_folder(tmp_path):
    with pytest.raises(CorpusError, match="data folder not found"):
        load_corpus(tmp_path / "nope")
