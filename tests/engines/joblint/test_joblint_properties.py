"""Any text at all: no exception, and every quote sits at its stated offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hirekit.engines.joblint import RULE_IDS, lint_job

FRAGMENTS = st.sampled_from(
    [
        "Flask",
        "5+ years of Flask",
        "Django ORM",
        "Requirements:\n",
        "Nice to have\n",
        "- ",
        "$140k\u2013$180k",
        "\u20ac90k",
        "140,000 - 180,000 USD",
        "rockstar",
        "ninja",
        "he will",
        "recent graduate",
        "Python",
        "pytest",
        " ",
        "\n",
        ".",
        "(",
        "Senior",
        "401(k)",
    ]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(FRAGMENTS | st.text(max_size=8)).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from([None, "senior", "junior"]))
def test_any_text_lints_and_quotes_are_exact(text: str, level: str | None) -> None:
    result = lint_job(text, level=level)
    for issue in result.issues:
        assert issue.rule in RULE_IDS
        if issue.start is None:
            assert issue.quote == "" and issue.end is None
        else:
            assert issue.end is not None and issue.start < issue.end
            assert text[issue.start : issue.end] == issue.quote
