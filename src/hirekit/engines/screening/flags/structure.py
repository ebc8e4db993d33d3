"""blueprints_or_factory: a Flask app organised with blueprints or an application factory."""

from __future__ import annotations

import re

from hirekit.engines.screening.flags.evidence import Finding, ResumeView, finding

STRUCTURE = re.compile(
    r"\b(?:blueprints?|application[\s-]+factor(?:y|ies)|app[\s-]+factor(?:y|ies)|"
    r"factory\s+pattern|create_app)\b",
    re.IGNORECASE,
)


HINTS = ("blueprint", "factor", "create_app")


def detect(view: ResumeView) -> Finding | None:
    if not view.flask:
        return None  # every hit needs Flask in reach
    hits: list[tuple[int, bool]] = []
    for i in view.where(STRUCTURE, HINTS):
        if view.matches(i, STRUCTURE) is None:
            continue
        # "a blueprint for growth" is business talk; Flask must be in reach.
        if view.flask_near(i, before=0):
            hits.append((i, not view.in_list(i)))
        elif view.flask_near(i, before=3):
            hits.append((i, False))
    return finding("blueprints_or_factory", hits, view)
