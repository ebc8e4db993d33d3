"""Real job posts, reworded (sources in real_posts/SOURCES.md), and the rules each must raise."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from hirekit.engines.joblint import lint_job

REAL_POSTS = Path(__file__).parent / "real_posts"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads(
    (REAL_POSTS / "expected.toml").read_text("utf-8")
)
FORM_FIELDS = ("level", "salary_min", "salary_max", "currency")


def _text(name: str) -> str:
    return (REAL_POSTS / f"{EXPECTED[name].get('post', name)}.txt").read_text("utf-8")


def test_there_are_at_least_forty_real_posts_each_labelled_and_sourced() -> None:
    stems = {p.stem for p in REAL_POSTS.glob("*.txt")}
    assert len(stems) >= 40
    assert {e.get("post", name) for name, e in EXPECTED.items()} == stems
    sources = (REAL_POSTS / "SOURCES.md").read_text("utf-8")
    assert all(f"| {stem} |" in sources for stem in stems)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_post_raises_exactly_the_expected_rules(name: str) -> None:
    entry = EXPECTED[name]
    form = {k: entry[k] for k in FORM_FIELDS if k in entry}
    result = lint_job(_text(name), **form)
    assert sorted(result.rules) == sorted(entry["rules"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_post_quotes_match_their_offsets(name: str) -> None:
    text = _text(name)
    for issue in lint_job(text).issues:
        if issue.start is None:
            assert issue.quote == "" and issue.end is None
        else:
            assert text[issue.start : issue.end] == issue.quote != ""
