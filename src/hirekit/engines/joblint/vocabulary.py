"""The data the rules match against, loaded once from the package's TOML files."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

# Whole-word edges that also work for names like "C++", ".NET" and "Node.js":
# "Flask" must not match inside "Flask-Login", nor "JS" inside "Node.js".
_LEFT = r"(?<![\w.+#-])"
_RIGHT = r"(?![\w+#-]|\.\w)"


#: Python web frameworks, for telling "Flask" offered beside others from a Flask role.
PYTHON_WEB_FRAMEWORKS = (
    "Flask", "Django", "FastAPI", "Pyramid", "Falcon", "Bottle", "Tornado", "Starlette", "Sanic",
    "Quart", "Litestar", "aiohttp", "web2py", "CherryPy",
)  # fmt: skip


def any_word(words: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """One of ``words`` as a whole word, ignoring case."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Technology:
    name: str
    pattern: re.Pattern[str]
    extension: bool  # a Flask extension or an ORM / database library


@dataclass(frozen=True)
class Wording:
    pattern: re.Pattern[str]
    kind: str  # "gendered" | "age-coded" | "exclusionary"
    why: str
    alternative: str
    not_before: frozenset[str]
    not_after: frozenset[str]
    only_if_required: bool
    person_pronoun: bool


def _load(name: str) -> dict[str, Any]:
    raw = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(raw)


def _alternation(phrases: list[str], plurals: bool) -> str:
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        body = r"[\s-]+".join(re.escape(word) for word in phrase.split())
        parts.append(body + ("s?" if plurals else ""))
    return "|".join(parts)


@cache
def technologies() -> tuple[Technology, ...]:
    """Every technology in ``technologies.toml``, each with a whole-word pattern."""
    found = []
    for entry in _load("technologies.toml")["technology"]:
        flags = 0 if entry.get("case_sensitive", False) else re.IGNORECASE
        body = _alternation(entry["names"], plurals=False)
        found.append(
            Technology(
                name=entry["name"],
                pattern=re.compile(f"{_LEFT}(?:{body}){_RIGHT}", flags),
                extension=bool(entry.get("extension", False)),
            ),
        )
    return tuple(found)


@cache
def wording() -> tuple[Wording, ...]:
    """Every entry of ``wording.toml`` with a case-insensitive whole-word pattern."""
    found = []
    for entry in _load("wording.toml")["term"]:
        parts = [_alternation(entry.get("phrases", []), plurals=bool(entry.get("plurals", False)))]
        # `patterns`: regular expressions for wording no phrase list can spell
        # out, such as an age range with its numbers.
        parts += entry.get("patterns", [])
        body = "|".join(part for part in parts if part)
        found.append(
            Wording(
                pattern=re.compile(rf"(?<![\w'-])(?:{body})(?![\w'-])", re.IGNORECASE),
                kind=entry["kind"],
                why=entry["why"],
                alternative=entry["alternative"],
                not_before=frozenset(w.lower() for w in entry.get("not_before", [])),
                not_after=frozenset(w.lower() for w in entry.get("not_after", [])),
                only_if_required=bool(entry.get("only_if_required", False)),
                person_pronoun=bool(entry.get("person_pronoun", False)),
            ),
        )
    return tuple(found)
