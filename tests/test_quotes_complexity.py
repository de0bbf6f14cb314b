"""Quote extraction stays linear on long paragraphs (issue 12): work is counted, not timed.

The work of one call is the number of Python function calls and returns it makes (every
event ``sys.setprofile`` sees, C functions included): deterministic, and a step that
rescans the paragraph for each mention or quote shows up as calls that grow with the
paragraph. Texts are a few fixture articles repeated (``make_long_text``), as ordinary
paragraphs or joined onto one line, at 30 kB and 120 kB: linear work grows ~4x, quadratic
~16x. Before the fix, one line of 120 kB cost 8.7x the work of 30 kB and 4.0x the same text
in paragraphs.
"""

from __future__ import annotations

import sys
import warnings

import pytest

from corpus_tools.actors import ActorRegistry
from corpus_tools.paths import PROJECT_ROOT
from corpus_tools.quotes import extract_quotes_from_text
from corpus_tools.synth import make_long_text

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "articles"
N_BYTES = 30_000


def _work(text: str, registry: ActorRegistry) -> int:
    """Function calls and returns made while extracting the quotes of ``text``."""
    count = 0

    def profile(frame, event, arg):  # noqa: ARG001 (the sys.setprofile signature)
        nonlocal count
        count += 1

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown-speaker warnings
        sys.setprofile(profile)
        try:
            extract_quotes_from_text(text, "long", registry)
        finally:
            sys.setprofile(None)
    return count


@pytest.fixture(scope="module")
def work() -> dict[tuple[bool, int], int]:
    """Work by (one line?, size in bytes), on the same six fixture articles."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))[:6]]
    registry = ActorRegistry()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extract_quotes_from_text(texts[0], "warm-up", registry)  # caches filled once
    return {(one, n): _work(make_long_text(texts, n, one_line=one), registry)
            for one in (False, True) for n in (N_BYTES, 4 * N_BYTES)}


def test_one_line_work_grows_linearly(work):
    ratio = work[True, 4 * N_BYTES] / work[True, N_BYTES]
    assert 3 < ratio < 6, f"4x the text on one line cost {ratio:.2f}x the work"


def test_paragraph_work_grows_linearly(work):
    ratio = work[False, 4 * N_BYTES] / work[False, N_BYTES]
    assert 2.5 < ratio < 6, f"4x the text in paragraphs cost {ratio:.2f}x the work"


def test_one_line_costs_about_what_paragraphs_cost(work):
    ratio = work[True, 4 * N_BYTES] / work[False, 4 * N_BYTES]
    assert ratio < 1.5, f"the text on one line cost {ratio:.2f}x its paragraphs' work"


def test_long_text_shapes_hold_the_same_text():
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))[:2]]
    para = make_long_text(texts, 20_000, seed=3)
    line = make_long_text(texts, 20_000, one_line=True, seed=3)
    assert "\n" not in line.split("\n\n", 1)[1].rstrip("\n")
    assert para.split() == line.split()
    assert len(para.encode("utf-8")) >= 20_000
