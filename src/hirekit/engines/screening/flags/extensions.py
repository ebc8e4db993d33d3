"""flask_extensions: a named Flask extension (Flask-SQLAlchemy, Flask-Login, ...)."""

from __future__ import annotations

from hirekit.engines.screening.flags.evidence import Finding, ResumeView, finding
from hirekit.engines.screening.flags.tutorial import is_tutorial


def detect(view: ResumeView) -> Finding | None:
    hits = [
        # Following a tutorial that uses Flask-Login is weaker than choosing it for work.
        (i, not view.in_list(i) and not is_tutorial(view, i))
        for i in view.with_skills
        if view.claimed(i, category="flask-extension")
    ]
    return finding("flask_extensions", hits, view)
