"""Yellow flags, assessed only for resumes that claim Python as the candidate's own.

Without a Python claim they do not apply (none raised), which the result says in
``yellow_flags_assessed``. ``no_structure``, ``no_extensions`` and ``no_testing``
follow mechanically from the green flags; their evidence quotes the Python claim
whose context lacks the green flag, at ``medium`` confidence.
"""

from __future__ import annotations

from hirekit.engines.screening.flags.context import PYTHON_WORK, Context
from hirekit.engines.screening.flags.evidence import Finding, ResumeView, finding

PYTHON_NAMES = (
    "Python", "Flask", "Django", "Django REST framework", "FastAPI", "Pyramid", "Tornado",
    "aiohttp", "Quart", "Bottle", "web2py", "Odoo",
)  # fmt: skip
#: Each absence flag and the green flag whose absence raises it.
ABSENCES = (
    ("no_structure", "blueprints_or_factory"),
    ("no_extensions", "flask_extensions"),
    ("no_testing", "testing"),
)


def python_claims(view: ResumeView) -> list[int]:
    """Sentences claiming Python, a Python web framework or a Flask extension."""
    return [i for i in view.with_skills if _claims_python(view, i)]


def detect(view: ResumeView, context: Context) -> list[Finding]:
    python = python_claims(view)
    if not python:
        return []
    found: list[Finding | None] = []
    if not professional(view, context):
        found.append(_tutorial_only(view, context, python))
    described = [i for i in view.flask if context.described(i)]
    if not described:
        found.append(finding("generic_python", [(i, False) for i in python[:3]], view))
    for flag, green in ABSENCES:
        if green not in view.raised:
            found.append(finding(flag, [(i, False) for i in python[:3]], view))
    return [f for f in found if f is not None]


def professional(view: ResumeView, context: Context) -> bool:
    """Python or web development done for an employer, a client or as a freelancer
    (in a job, a paid project or a summary of years of such work)."""
    for i in range(len(view.sentences)):
        if context.course(i):
            continue
        if not (context.claims_any(i, PYTHON_WORK) or context.web_work(i)):
            continue
        if context.paid(i) or context.summary_claim(i):
            return True
    return False


def _claims_python(view: ResumeView, index: int) -> bool:
    """Python itself, or a Python web framework or Flask extension (Flask implies Python)."""
    return view.claimed(index, category="flask-extension") or any(
        view.claimed(index, name=name) for name in PYTHON_NAMES
    )


def _tutorial_only(view: ResumeView, context: Context, python: list[int]) -> Finding | None:
    """Quote the coursework or projects the Python claims come from, else the claims."""
    quoted = [i for i in python if context.course(i)] or python
    return finding("tutorial_only", [(i, True) for i in quoted[:3]], view)
