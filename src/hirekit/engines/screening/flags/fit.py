"""The fit band (strong / possible / no) exactly as the flag spec defines it.

Fit rewards Python web fundamentals (the guide's hiring mistake 3 is demanding Flask
years); Flask specifics lift a candidate from possible to strong.
"""

from __future__ import annotations

from dataclasses import dataclass

from hirekit.engines.screening.flags.context import PYTHON_WEB, Context
from hirekit.engines.screening.flags.evidence import ResumeView
from hirekit.engines.screening.flags.yellow import professional, python_claims

#: Any one of these, beside API design and database work, makes Flask work strong.
LIFTS = ("testing", "flask_extensions", "blueprints_or_factory", "production_scale")


@dataclass(frozen=True)
class Band:
    fit: str  # "strong" | "possible" | "no"
    reason: str
    evidence: tuple[int, ...] = ()  # sentence indices behind the band


def fit_band(view: ResumeView, context: Context, green: set[str]) -> Band:
    if not python_claims(view):
        return Band("no", "no Python claimed as the candidate's own skill or work")
    flask = [
        i
        for i in view.flask
        if not context.course(i)
        and ((context.paid(i) and context.described(i)) or context.summary_claim(i))
    ]
    if flask and {"api_design", "database_integration"} <= green:
        lifts = [f for f in LIFTS if f in green]
        if lifts:
            return Band(
                "strong",
                "professional Flask work with API design, database work and "
                + ", ".join(f.replace("_", " ") for f in lifts),
                tuple(flask[:3]),
            )
    if flask:
        return Band("possible", "Flask used in described professional work", tuple(flask[:3]))
    framework = [
        i
        for i in view.with_skills
        if context.claims_any(i, PYTHON_WEB)
        and not context.course(i)
        and ((context.paid(i) and context.described(i)) or context.summary_claim(i))
    ]
    if framework:
        return Band(
            "possible",
            "professional Python web-framework experience in described work",
            tuple(framework[:3]),
        )
    # "Python and Flask developer who builds backend systems", from someone whose
    # paid work the resume shows: a role claimed in a summary of professional work.
    roles = [
        i
        for i in view.with_skills
        if context.claims_any(i, PYTHON_WEB) and context.framework_role(i)
    ]
    if roles and professional(view, context):
        return Band(
            "possible",
            "a Python web-framework role claimed beside professional work",
            tuple(roles[:3]),
        )
    if context.python_role:
        rows = [
            i
            for i in view.with_skills
            if context.skill_row(i) and context.claims_any(i, PYTHON_WEB)
        ]
        if rows:
            return Band(
                "possible",
                "a Python web framework with a stated duration in a Python-developer role",
                tuple(rows[:3]),
            )
    return Band("no", "Python claimed, but no professional Python web-framework work")
