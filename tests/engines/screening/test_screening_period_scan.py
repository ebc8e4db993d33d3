"""Reading date ranges only where they can start, and only in the sections that
count, finds what a scan of the whole text finds."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from hirekit.engines.screening.periods import (
    _EXPLICIT_DATE,
    _YEAR,
    RANGE,
    _years,
    explicit_dates,
    find_periods,
    latest_date,
    ranges,
)
from hirekit.engines.screening.profile import education_blocks, on_school_line, work_periods
from hirekit.engines.screening.sections import SectionIndex, find_sections

TODAY = date(2025, 6, 1)
fragments = st.sampled_from(
    ["2019", "2020", "1999", "12", "3", "Jan", "sept.", "September", "Dec,", "present", "to",
     "until", "-", "\u2013", "/", ".", "x2019", "192019", "\u017fep", "\u212a", "Tools", "tools",
     "Dejan", "03", "1920", "\u0662\u0660\u0661\u0669", "20\u0661\u0669"]
)  # fmt: skip
glue = st.sampled_from([" ", "", "\n", " - ", ", ", "/", "."])
headings = st.sampled_from(
    ["Experience", "EDUCATION", "- Skills:", "# Projects", "Tools", "Work history", "Summary"]
)


@st.composite
def resumes(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.booleans()):
            lines.append(draw(headings))
        parts = draw(st.lists(st.tuples(fragments, glue), max_size=12))
        lines.append("".join(f + g for f, g in parts))
    return "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(resumes(), st.integers(0, 20), st.integers(0, 20))
def test_candidate_starts_give_the_same_matches(text: str, lo: int, width: int) -> None:
    hi = min(len(text), lo + width * 5)
    lo = min(lo, hi)
    assert [m.span() for m in ranges(text, lo, hi)] == [
        m.span() for m in RANGE.finditer(text, lo, hi)
    ]


@settings(max_examples=300, deadline=None)
@given(resumes())
def test_explicit_dates_tried_at_range_starts_are_those_of_a_whole_scan(text: str) -> None:
    assert [(m.span(), m.groupdict()) for m in explicit_dates(text)] == [
        (m.span(), m.groupdict()) for m in _EXPLICIT_DATE.finditer(text)
    ]


def test_the_latest_date_reads_month_words_numbers_and_bare_years() -> None:
    assert latest_date("Jan 2019 - 03/2021, then 2020", TODAY) == date(2021, 3, 1)
    assert latest_date("Sept. 2023 and 2018", TODAY) == date(2023, 9, 1)
    assert latest_date("2022 to 2024", TODAY) == date(2024, 12, 1)
    assert latest_date("192019 and 3030", TODAY) is None


@settings(max_examples=300, deadline=None)
@given(resumes(), st.integers(0, 20), st.integers(0, 20))
def test_year_search_finds_what_the_year_pattern_finds(text: str, lo: int, width: int) -> None:
    hi = min(len(text), lo + width * 5)
    lo = min(lo, hi)
    assert _years(text, lo, hi) == [m.start() for m in _YEAR.finditer(text, lo, hi)]


@settings(max_examples=300, deadline=None)
@given(resumes())
def test_section_regions_give_the_same_periods(text: str) -> None:
    sections = find_sections(text)
    index = SectionIndex(sections)
    has_experience = any(s.name == "experience" for s in sections)
    blocks = education_blocks(text)
    expected = [
        p
        for p in find_periods(text, TODAY)
        if index.at(p.start) != "education"
        and not (has_experience and index.at(p.start) not in ("experience", None))
        and not any(lo <= p.start < hi for lo, hi in blocks)
        and not on_school_line(text, p)
    ]
    assert work_periods(text, sections, TODAY) == expected


def test_ranges_across_lines_and_month_words() -> None:
    text = "Experience\nSeptember\n2019 - Present\nEducation\n2010 - 2014"
    periods = work_periods(text, find_sections(text), TODAY)
    assert [text[p.start : p.end] for p in periods] == ["September\n2019 - Present"]


def test_a_month_spelled_with_the_long_s_is_read_as_september() -> None:
    from hirekit.engines.screening.periods import find_periods

    assert find_periods("2019 - ſep 2019 ") == find_periods("2019 - sep 2019 ")
