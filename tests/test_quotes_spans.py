"""corpus_tools.quotes.spans: pairing quote marks in one paragraph, trimming, kinds."""

from corpus_tools.quotes.spans import _is_dash_line, _scan_paragraph, _trim


def _spans(raw: str) -> list[str]:
    return [raw[q.start:q.end] for q in _scan_paragraph(raw, 0, len(raw), 0)]


def test_scan_pairs_curly_and_straight_marks_and_skips_apostrophes():
    raw = "Wu’s aide said “we’re ready,” and Doe added \"it's over.\" Trump’s team declined."
    assert _spans(raw) == ["we’re ready,", "it's over."]


def test_scan_keeps_a_quote_left_open_to_the_paragraph_end():
    raw = "“We will not comply. We never have"
    quotes = _scan_paragraph(raw, 0, len(raw), 3)
    assert [(raw[q.start:q.end], q.closed, q.para) for q in quotes] == \
        [("We will not comply. We never have", False, 3)]


def test_trim_strips_spaces_and_drops_a_span_without_letters_or_digits():
    raw = "“  ready now ” “ — ”"
    first, second = _scan_paragraph(raw, 0, len(raw), 0)
    trimmed = _trim(raw, first)
    assert trimmed is not None and raw[trimmed.start:trimmed.end] == "ready now"
    assert _trim(raw, second) is None


def test_dash_line_is_a_signature_line():
    raw = "We stand with our neighbors.\n— Ana Ruiz, organizer"
    assert _is_dash_line(raw, (29, len(raw)))
    assert not _is_dash_line(raw, (0, 28))
