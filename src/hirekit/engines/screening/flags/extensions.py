"""flask_extensions: a named Flask extension (Flask-SQLAlchemy, Flask-Login, ...)."""

from __future__ import annotations

from hirekit.engines.screening.flags.evidence import Finding, ResumeView, finding


def detect(view: ResumeView) -> Finding | None:
    hits = [
        (i, not view.in_list(i))
        for i in range(len(view.sentences))
        if view.claimed(i, category="flask-extension")
    ]
    return finding("flask_extensions", hits, view)
