"""Start-up: the quote command's modules load without scipy, scikit-learn or NLTK's
package (issue 15: ``import nltk`` pulls in scipy.stats and scikit-learn)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("scipy", "sklearn", "nltk", "matplotlib")


def _loaded_after(code: str) -> list[str]:
    probe = (f"import sys\n{code}\nimport json\nloaded = {{m.split('.')[0] for m in sys.modules}}\n"
             f"print(json.dumps(sorted(loaded & {set(HEAVY)!r})))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_cli_import_loads_no_heavy_library():
    assert _loaded_after("import corpus_tools.cli") == []


def test_quote_command_path_loads_no_scipy_sklearn_or_nltk_package():
    # everything `corpus-tools quotes` imports: extraction, sentences, stems, stance, tone
    code = ("import corpus_tools.cli, corpus_tools.cli_quotes, corpus_tools.stance, "
            "corpus_tools.tone, corpus_tools.segment, corpus_tools.tokenize")
    assert _loaded_after(code) == []


def test_private_nltk_parts_give_nltks_results_and_leave_nltk_importable():
    code = """
from corpus_tools.segment import sentence_tokenizer
from corpus_tools.tokenize import stem
text = "Dr. Smith left at 5 p.m. on Jan. 3. He said no. The U.S. agreed. Gov. Li did."
ours = list(sentence_tokenizer().span_tokenize(text))
words = ["deportations", "cities", "militarized", "sanctuary", "enforcing"]
our_stems = [stem(w) for w in words]
assert "nltk" not in sys.modules
import nltk  # the real package still loads, complete, after the private parts
from nltk.stem.porter import PorterStemmer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
assert callable(nltk.download) and callable(nltk.word_tokenize)
params = PunktParameters()
params.abbrev_types = set(sentence_tokenizer()._params.abbrev_types)
assert list(PunktSentenceTokenizer(params).span_tokenize(text)) == ours, ours
assert len(ours) == 3, ours
assert [PorterStemmer().stem(w) for w in words] == our_stems
"""
    assert _loaded_after(code) == ["nltk", "scipy", "sklearn"]


def test_analyze_command_path_loads_no_heavy_library():
    # everything `corpus-tools analyze` imports: units, frames, terms, the batch runner;
    # matplotlib is for figures only (style.apply_style imports it when a plot is drawn)
    code = ("import corpus_tools.cli_analyze, corpus_tools.batch, corpus_tools.units, "
            "corpus_tools.frames, corpus_tools.terms, corpus_tools.voices")
    assert _loaded_after(code) == []


def test_style_still_applies_its_colour_cycle():
    code = """
import matplotlib as mpl
from corpus_tools.style import SEQUENCE_COLORS, apply_style
apply_style()
assert [c["color"] for c in mpl.rcParams["axes.prop_cycle"]] == list(SEQUENCE_COLORS)
"""
    assert "matplotlib" in _loaded_after(code)
