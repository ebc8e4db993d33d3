"""The alias matcher gives exactly what one big alternation would."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hirekit.engines.screening.aliases import AliasMatcher, alternation
from hirekit.engines.screening.skills import load_taxonomy

_TAXONOMY = load_taxonomy()
PLAIN = [a for s in _TAXONOMY.skills if not s.context for a in s.aliases]
SENSITIVE = [
    v for s in _TAXONOMY.skills if s.context for a in s.aliases for v in (a, a.lower(), a.upper())
]
MATCHER = AliasMatcher(PLAIN, SENSITIVE)
REFERENCE = (alternation(PLAIN, re.IGNORECASE), alternation(SENSITIVE, 0))

TRAPS = ["go", "GO", "r", "c", "c-level", "R&D", "Go.", "x", "node", "Flask-", "caf\u00e9"]
LOOKALIKES = ["\u0130", "\u0131nux", "Po\u017ftgres", "\u212aubernetes"]
pieces = st.sampled_from([*PLAIN, *SENSITIVE, *TRAPS, *LOOKALIKES, "9", "@", "#", "+", "."])
glue = st.sampled_from([" ", "", "-", "_", "\n", ", ", ".", "/", "(", "'s ", "\u2019", "&"])


def spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return sorted((m.start(), m.end()) for m in matches)


def reference(text: str) -> list[tuple[int, int]]:
    return spans([m for pattern in REFERENCE for m in pattern.finditer(text)])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(pieces, glue), max_size=30))
def test_same_matches_as_one_alternation(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + g for p, g in parts)
    assert spans(MATCHER.find(text)) == reference(text)


def test_spellings_and_boundaries() -> None:
    text = "Flask_SQLAlchemy, flask sqlalchemy; R&D at C-level; Go and GO; C++ not C#; Python3."
    found = [text[a:b] for a, b in spans(MATCHER.find(text))]
    assert found == reference_texts(text)
    assert "Flask_SQLAlchemy" in found and "flask sqlalchemy" in found
    assert "R" not in found and "C" not in found and "Go" in found and "C++" in found


def reference_texts(text: str) -> list[str]:
    return [text[a:b] for a, b in reference(text)]


def test_lookalike_letters_fall_back_to_the_full_pattern() -> None:
    text = "Po\u017ftgres and \u0130nformix and \u212aubernetes"
    assert spans(MATCHER.find(text)) == reference(text)
    assert [h.name for h in _TAXONOMY.find(text, [])] == ["PostgreSQL", "Kubernetes"]


def test_non_ascii_letters_glue_but_non_ascii_marks_do_not() -> None:
    """The word-start scan works on ASCII classes; letters beyond ASCII still count."""
    text = (
        "caf\u00e9Flask \u00e9Django \u2022Flask \u2013Docker "
        "\u00abPython\u00bb \u00fcberPostgreSQL"
    )
    found = reference_texts(text)
    assert [text[a:b] for a, b in spans(MATCHER.find(text))] == found
    assert found == ["Flask", "Docker", "Python"]
