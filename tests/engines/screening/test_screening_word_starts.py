"""Trying a pattern only at the word starts where it can begin finds what
scanning every character finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hirekit.engines.screening.flags.apis import BUILT_API_SCAN
from hirekit.engines.screening.flags.tutorial import TUTORIAL_SCAN
from hirekit.engines.screening.word_starts import StartScan

words = st.sampled_from(
    ["Designed", "built", "BUILDING", "developed", "implemented", "architected", "created",
     "wrote", "Writing", "authored", "delivered", "exposed", "shipped", "owned", "led the",
     "REST", "JSON", "APIs", "API", "endpoints", "web services", "microservice", "tests for",
     "client", "Flask", "a", "tutorial", "Mega-Tutorial", "course", "Coursera", "bootcamp",
     "to-do list app", "TODO", "followed along", "class project", "homework", "hello world",
     "guided project", "Udemy", "freeCodeCamp", "rebuilt", "unowned", "x_built", "2built",
     "\u212aafka", "buil\u0131t", "caf\u00e9"]
)  # fmt: skip
glue = st.sampled_from([" ", "\n", ", ", "-", "_", ".", "(", ""])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(words, glue), max_size=25))
def test_same_matches_as_a_full_scan(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + g for w, g in parts)
    for scan in (BUILT_API_SCAN, TUTORIAL_SCAN):
        expected = [m.span() for m in scan.pattern.finditer(text)]
        assert [m.span() for m in scan.finditer(text, text.lower())] == expected


def test_only_word_starts_with_an_opening_are_tried() -> None:
    scan = StartScan(re.compile(r"\b(?:cat|dog)s?\b", re.IGNORECASE), ("cat", "dog"))
    text = "Cats, bobcats and DOGS; hotdog"
    assert [text[a:b] for a, b in (m.span() for m in scan.finditer(text, text.lower()))] == [
        "Cats",
        "DOGS",
    ]
