"""benchmarks/stance_real.py: the stance experiment's data side (masked context, which files it
reads), on a tiny coded set written here (our own sentences). Its model fits need the real
sets and minutes of CPU, so they are not run here."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest


def _script():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "stance_real.py"
    spec = importlib.util.spec_from_file_location("stance_real", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_masked_context_hides_names_titles_and_the_quote():
    text = 'Mayor Dana Ortiz said the city would not help. "We will not comply," she said.'
    start = text.index("We will")
    end = text.index(',"')
    out = _script().masked_context(text, start, end)
    assert "Ortiz" not in out and "We will not comply" not in out
    assert "xquote" in out and "xname" in out
    assert "would not help" in out and "she said" in out


def _coded_set(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    gold = {}
    for name, stance in (("d01_a.txt", "against"), ("d02_b.txt", "favor"),
                         ("d03_c.txt", "none")):
        quote = f"Quote of {name} here."
        text = f'Ana Ruiz said, "{quote}"\n'
        start = text.index(quote)
        (root / "text" / name).write_text(text, encoding="utf-8")
        gold[name] = {"quotes": [{"start": start, "end": start + len(quote),
                                  "speaker": ["Ana Ruiz"], "group": "other",
                                  "stance": stance, "frames": []}], "ignore": []}
    (root / "gold.json").write_text(json.dumps({"articles": gold}), encoding="utf-8")
    return root


def test_load_real_reads_the_tuning_half_unless_all_is_asked(tmp_path):
    folder = _coded_set(tmp_path / "set")
    script = _script()
    tune = script.load_real([str(folder)])
    assert sorted(tune["article"]) == ["set/d01_a", "set/d03_c"]
    assert sorted(tune["stance"]) == ["against", "none"]
    assert len(script.load_real([f"{folder}:all"])) == 3
    with pytest.raises(SystemExit, match="must be 'tune' or 'all'"):
        script.load_real([f"{folder}:heldout"])
