"""django-in-flask-role: a Flask role that requires Django, its ORM, admin or DRF.

Django is fine as an alternative ("Flask or Django", "a framework such as
Django or Flask"), as a nice-to-have, or as context ("we are moving off our
Django monolith"); only a requirement counts.
"""

from __future__ import annotations

import re

from hirekit.engines.joblint.issue import Issue
from hirekit.engines.joblint.rules.context import RuleContext
from hirekit.engines.joblint.text import Section, Segment
from hirekit.engines.joblint.vocabulary import PYTHON_WEB_FRAMEWORKS, any_word

RULE = "django-in-flask-role"

_DJANGO = re.compile(
    r"\bDjango(?:\s+(?:ORM|admin(?:\s+panels?)?|REST\s+Framework|Channels|templates?|forms))?\b"
    r"|\bDRF\b",
    re.IGNORECASE,
)
_OTHER_FRAMEWORK = any_word(
    [*(f for f in PYTHON_WEB_FRAMEWORKS if f != "Django"), "Rails", "Laravel", "Express", "Spring"]
)
_OR = re.compile(r"\bor\b|/|\beither\b|\bwhichever\b", re.IGNORECASE)
# Django given as an example of a kind of tool, not as the tool itself.
_EXAMPLE = re.compile(
    r"\be\.g\.|\bsuch as\b|\blike\b|\bsimilar\b|\bequivalent\b|\bcomparable\b|\bany\b"
    r"|\bor other\b",
    re.IGNORECASE,
)
_CONTEXT_ONLY = re.compile(
    r"\b(?:migrat\w*|mov(?:e|ing) (?:off|away)|replac\w*|legacy|rewrit\w*|away from|sunset\w*)\b",
    re.IGNORECASE,
)
_REQUIREMENT_CUE = re.compile(
    r"\b(?:required|requirements?|must|experience|experienced|knowledge|proficien\w*|expert\w*"
    r"|skills?|skilled|strong|solid|deep|familiar\w*|fluent|mastery|background|comfortable"
    r"|understanding|you have|you know|years?|need)\b",
    re.IGNORECASE,
)


def _is_requirement(segment: Segment) -> bool:
    if segment.optional:
        return False
    if segment.section is Section.REQUIRED:
        return True
    # Without a requirements heading, a sentence has to read as a demand itself.
    return segment.section is Section.NONE and bool(_REQUIREMENT_CUE.search(segment.text))


def _is_alternative(segment: Segment) -> bool:
    if _EXAMPLE.search(segment.text):
        return True
    return bool(_OTHER_FRAMEWORK.search(segment.text) and _OR.search(segment.text))


def check(ctx: RuleContext) -> list[Issue]:
    if not ctx.role.is_flask:
        return []
    issues: list[Issue] = []
    for segment in ctx.doc.segments:
        if not _is_requirement(segment) or _is_alternative(segment):
            continue
        if _CONTEXT_ONLY.search(segment.text):
            continue
        match = _DJANGO.search(segment.text)
        if match is None:
            continue
        issue = ctx.quoted(
            RULE,
            segment.start + match.start(),
            segment.start + match.end(),
            f"Requires {match.group(0)} for a Flask role; Flask developers work with SQLAlchemy "
            "or plain SQL, pick their own auth and structure apps differently.",
            "Ask for the Flask equivalents instead: SQLAlchemy, blueprints, the application "
            "factory and the extensions you use; move Django to nice-to-have if it matters.",
        )
        issues.append(ctx.linked(issue, "treating-flask-like-django"))
    return issues
