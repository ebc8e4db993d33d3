"""Template text: only known bare placeholders, filled safely."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hirekit.mail.defaults import DEFAULT_TEMPLATES
from hirekit.mail.placeholders import PLACEHOLDERS, TemplateTextError, check, fill


def test_known_placeholders_are_filled_and_missing_ones_left_empty():
    text = "Hi {candidate_name}, about {job_title} until {expires}."
    assert fill(text, {"candidate_name": "Ada", "job_title": "Flask dev"}) == (
        "Hi Ada, about Flask dev until ."
    )


def test_double_braces_are_literal():
    assert fill("{{not a field}} {company}", {"company": "Acme"}) == "{not a field} Acme"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Hello {name}", "unknown placeholder {name}"),
        ("{candidate_name.__class__}", "unknown placeholder {candidate_name.__class__}"),
        ("{candidate_name[0]}", "unknown placeholder {candidate_name[0]}"),
        ("{candidate_name!r}", "{candidate_name} may not carry a format or conversion"),
        ("{job_title:>40}", "{job_title} may not carry a format or conversion"),
        ("{0}", "unknown placeholder {0}"),
    ],
)
def test_unknown_or_decorated_placeholders_are_refused(text, problem):
    assert check(text) == [problem]
    with pytest.raises(TemplateTextError):
        fill(text, {})


def test_an_unmatched_brace_is_a_problem():
    assert "literal brace" in check("Hello {candidate_name")[0]


def test_every_default_template_is_valid():
    for template in DEFAULT_TEMPLATES:
        assert check(template.subject) == [] and check(template.body) == [], template.key
        assert "\n" not in template.subject


@given(st.text(max_size=200))
def test_any_text_is_either_refused_or_filled_without_reaching_objects(text):
    problems = check(text)
    if problems:
        with pytest.raises(TemplateTextError):
            fill(text, {})
        return
    context = {name: f"<{name}>" for name in PLACEHOLDERS}
    filled = fill(text, context)
    assert "__class__" not in filled or "__class__" in text
