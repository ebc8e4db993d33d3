"""Realistic job posts, each with the exact set of rules it must raise."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from hirekit.engines.joblint import lint_job

POSTS = Path(__file__).parent / "posts"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads((POSTS / "expected.toml").read_text("utf-8"))


def test_there_are_at_least_twelve_distinct_posts() -> None:
    assert len(list(POSTS.glob("*.txt"))) >= 12
    assert {e.get("post", name) for name, e in EXPECTED.items()} == {
        p.stem for p in POSTS.glob("*.txt")
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_post_raises_exactly_the_expected_rules(name: str) -> None:
    entry = EXPECTED[name]
    text = (POSTS / f"{entry.get('post', name)}.txt").read_text("utf-8")
    form = {k: entry[k] for k in ("level", "salary_min", "salary_max", "currency") if k in entry}
    result = lint_job(text, **form)
    assert sorted(result.rules) == sorted(entry["rules"])
    for issue in result.issues:
        if issue.start is None:
            assert issue.quote == "" and issue.end is None
        else:
            assert text[issue.start : issue.end] == issue.quote != ""
