"""exclusionary-wording: whole words, names left alone, a rewrite for each."""

from __future__ import annotations

import pytest
from tests.engines.joblint.joblint_helpers import quotes_of, rules_of

from hirekit.engines.joblint import lint_job

RULE = "exclusionary-wording"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("We want a rockstar developer.", "rockstar"),
        ("Calling all Python ninjas!", "ninjas"),
        ("Are you a Flask guru?", "guru"),
        ("Join our young team in Berlin.", "young team"),
        ("You are a digital native.", "digital native"),
        ("Candidates must be a recent graduate.", "recent graduate"),
        ("The developer will own the API and he will report to product.", "he will"),
        ("We need more manpower.", "manpower"),
        ("Culture fit matters to us.", "Culture fit"),
        ("Native English speaker required.", "Native English speaker"),
        ("We work hard, play hard.", "work hard, play hard"),
    ],
)
def test_hits_are_quoted(text: str, quote: str) -> None:
    assert quotes_of(text, RULE) == [quote]


@pytest.mark.parametrize(
    "text",
    [
        "Experience with the Ninja Forms plugin for WordPress.",
        "Our clients include Rockstar Games.",
        "Recent graduates welcome, and so are career changers.",
        "We hire recent graduates as well as experienced developers.",
        "Our CTO, Dana, built the first version. He will interview you.",
        "Your mentor is Sam; he will review your first pull requests.",
        "We use the Jinja templating engine and ninjadb-lite.",
        "Our young company is growing fast.",
        "Manpowergroup is not a client.",
        "Be a rockstarter?",
    ],
)
def test_near_misses_are_left_alone(text: str) -> None:
    assert quotes_of(text, RULE) == []


def test_each_hit_suggests_a_neutral_rewrite() -> None:
    (issue,) = [i for i in lint_job("We want a rockstar.").issues if i.quote]
    assert "experienced engineer" in issue.suggestion
    assert issue.quote == "rockstar" and issue.mistake is None


def test_overlapping_phrases_are_reported_once() -> None:
    assert quotes_of("Native English speaker only.", RULE) == ["Native English speaker"]


@pytest.mark.parametrize(
    "text",
    ["Native-level English is required.", "English: native or near-native.",
     "You are a Python wizard.", "Join our young and dynamic team."],
)  # fmt: skip
def test_native_level_age_and_hero_wording(text: str) -> None:
    assert "exclusionary-wording" in rules_of(text)


@pytest.mark.parametrize(
    "text",
    ["We are a young startup.", "A dynamic environment.", "English C1 required.",
     "You will build our native mobile app.", "You will build the setup wizard flow."],
)  # fmt: skip
def test_neutral_wording_stays_silent(text: str) -> None:
    assert "exclusionary-wording" not in rules_of(text)


@pytest.mark.parametrize(
    ("text", "raised"),
    [("The candidate will use his skills.", True), ("Age limit: 35 years.", True),
     ("The candidate will use his/her skills.", False),
     ("Our CEO built his first company at 20.", False)],
)  # fmt: skip
def test_his_for_the_hire_and_age_limits(text: str, raised: bool) -> None:
    assert ("exclusionary-wording" in rules_of(text)) is raised
