"""parse_document: sections from the many ways posts mark them."""

from __future__ import annotations

import pytest

from hirekit.engines.joblint.text import Section, heading_kind, parse_document


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("Requirements", Section.REQUIRED),
        ("## What you'll bring", Section.REQUIRED),
        ("**Who you are**", Section.REQUIRED),
        ("MUST HAVES:", Section.REQUIRED),
        ("Preferred qualifications:", Section.OPTIONAL),
        ("Nice to have", Section.OPTIONAL),
        ("Bonus points", Section.OPTIONAL),
        ("Responsibilities", Section.DUTIES),
        ("What you will do", Section.DUTIES),
        ("Benefits & perks", Section.OTHER),
        ("Our stack", Section.OTHER),
    ],
)
def test_heading_lines(line: str, section: Section) -> None:
    found = heading_kind(line)
    assert found is not None and found[0] is section


@pytest.mark.parametrize(
    "line",
    [
        "- Requirements gathering with stakeholders",
        "You will build APIs that thousands of people use every day.",
        "Strong team player",
        "Core Team",
        "",
    ],
)
def test_ordinary_lines_are_not_headings(line: str) -> None:
    assert heading_kind(line) is None


def test_inline_heading_keeps_its_content() -> None:
    doc = parse_document("Nice to have: Celery, Kafka\nRequirements: Python, Flask\n")
    assert [(s.text, s.section) for s in doc.segments] == [
        ("Celery, Kafka", Section.OPTIONAL),
        ("Python, Flask", Section.REQUIRED),
    ]


def test_segments_are_sentences_at_exact_offsets() -> None:
    text = "Senior Flask Dev\n\nWe build APIs. You write tests; pytest is a plus!\n"
    doc = parse_document(text)
    assert doc.title == "Senior Flask Dev"
    assert [s.text for s in doc.segments] == [
        "Senior Flask Dev",
        "We build APIs.",
        "You write tests;",
        "pytest is a plus!",
    ]
    assert all(text[s.start : s.end] == s.text for s in doc.segments)
    assert [s.optional for s in doc.segments] == [False, False, False, True]
    assert doc.word_count == 13 and not doc.has_headings


def test_required_means_not_optional_and_in_requirements_or_unlabelled() -> None:
    doc = parse_document("Intro.\nRequirements\n- Python\n- Flask is a plus\nBenefits\n- Pension\n")
    assert [(s.text, s.required) for s in doc.segments] == [
        ("Intro.", True),
        ("- Python", True),
        ("- Flask is a plus", False),
        ("- Pension", False),
    ]
