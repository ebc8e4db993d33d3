"""Yellow flags, raised only for resumes that claim Python.

Each yellow flag costs a candidate, so the absence flags quote the sentences
that make the claim (the Flask or Python mentions) and say ``medium``.
"""

from __future__ import annotations

from hirekit.engines.screening.flags.evidence import Finding, ResumeView, finding
from hirekit.engines.screening.flags.tutorial import is_tutorial

PYTHON_NAMES = (
    "Python", "Flask", "Django", "Django REST framework", "FastAPI", "Pyramid", "Tornado",
    "aiohttp", "Quart", "Bottle",
)  # fmt: skip


def detect(view: ResumeView) -> list[Finding]:
    python = [i for i in view.with_skills if _claims_python(view, i)]
    if not python:
        return []
    flask = view.flask
    found: list[Finding | None] = []
    if flask:
        found.append(_tutorial_only(view, flask))
        if "blueprints_or_factory" not in view.raised:
            found.append(_absence("no_structure", flask, view))
        if "flask_extensions" not in view.raised:
            found.append(_absence("no_extensions", flask, view))
    else:
        found.append(_absence("generic_python", python, view))
    if "testing" not in view.raised:
        found.append(_absence("no_testing", python, view))
    return [f for f in found if f is not None]


def _claims_python(view: ResumeView, index: int) -> bool:
    """Python itself, or a Python web framework or Flask extension (Flask implies Python)."""
    return view.claimed(index, category="flask-extension") or any(
        view.claimed(index, name=name) for name in PYTHON_NAMES
    )


def _tutorial_only(view: ResumeView, flask: list[int]) -> Finding | None:
    """Every prose Flask mention is a course or follow-along project, nothing shipped."""
    if "production_scale" in view.raised:
        return None
    prose = [i for i in flask if not view.in_list(i)]
    tutorial = [i for i in prose if _tutorial_around(view, i)]
    if not tutorial or len(tutorial) < len(prose):
        return None
    return finding("tutorial_only", [(i, True) for i in tutorial], view)


#: How many sentences before or after a Flask mention may name the course it was for.
TUTORIAL_REACH = 2


def _tutorial_around(view: ResumeView, index: int) -> bool:
    low, high = max(index - TUTORIAL_REACH, 0), min(index + TUTORIAL_REACH + 1, len(view.sentences))
    return any(
        is_tutorial(view, j) for j in range(low, high) if view.section(j) == view.section(index)
    )


def _absence(flag: str, claims: list[int], view: ResumeView) -> Finding | None:
    return finding(flag, [(i, False) for i in claims[:3]], view)
