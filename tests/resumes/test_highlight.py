"""Quotes highlighted in the resume text by their offsets, everything else escaped."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hirekit.resumes.highlight import Span, highlight, spans_of


def test_each_span_is_wrapped_in_a_mark_around_exactly_its_offsets():
    text = "Intro. Built a Flask API. Wrote tests."
    start = text.index("Built")
    end = start + len("Built a Flask API.")
    out = str(highlight(text, [Span(start, end, "green", "api_design")]))
    assert out == (
        'Intro. <mark class="green" title="api_design">Built a Flask API.</mark> Wrote tests.'
    )


def test_text_outside_and_inside_marks_is_escaped():
    text = "<script>x</script> & <b>bold</b>"
    out = str(highlight(text, [Span(21, 32, "yellow", "f")]))
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out
    assert '<mark class="yellow" title="f">&lt;b&gt;bold&lt;/b&gt;</mark>' in out


def test_overlapping_and_out_of_range_spans_never_duplicate_text():
    text = "abcdefghij"
    spans = [Span(2, 6, "green", "a"), Span(4, 8, "yellow", "b"), Span(9, 50, "green", "c")]
    out = str(highlight(text, spans))
    assert re.sub(r"<[^>]+>", "", out) == text
    assert out.count("<mark") == 3


def test_spans_of_reads_stored_flags():
    flags = {
        "green": [{"flag": "testing", "evidence": [{"quote": "x", "start": 1, "end": 2}]}],
        "yellow": [{"flag": "no_structure", "evidence": [{"quote": "y", "start": 3, "end": 4}]}],
    }
    assert spans_of(flags) == [Span(1, 2, "green", "testing"), Span(3, 4, "yellow", "no_structure")]


@settings(deadline=None)  # a loaded machine must not turn slowness into a failure
@given(
    st.text(max_size=200),
    st.lists(st.tuples(st.integers(-5, 220), st.integers(-5, 220)), max_size=8),
)
def test_removing_marks_gives_back_the_text(text, pairs):
    spans = [Span(a, b, "green", "f") for a, b in pairs]
    out = str(highlight(text, spans))
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
