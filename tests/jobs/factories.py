"""Build jobs, candidates and applications through the real services."""

from __future__ import annotations

from typing import Any

from hirekit.candidates.services import applications, candidates
from hirekit.candidates.services.candidates import CandidateFields
from hirekit.extensions import db
from hirekit.jobs.services import jobs
from hirekit.jobs.services.jobs import JobFields

FLASK_POST = """# Flask developer

We build a REST API with Flask and SQLAlchemy for logistics customers.

## What you will do
- Design and test endpoints with pytest
- Review code and mentor others

## What we expect
- 5+ years of Flask
- Experience with PostgreSQL
"""


def make_job(actor: Any, **overrides: Any) -> Any:
    values: dict[str, Any] = {
        "title": "Flask developer",
        "use_case": "rest-api",
        "level": "mid",
        "team": "Platform",
        "location": "Lyon",
        "salary_min": 50_000,
        "salary_max": 65_000,
        "currency": "EUR",
        "description": FLASK_POST,
    }
    values.update(overrides)
    job = jobs.create_job(JobFields(**values), actor=actor)
    db.session.commit()
    return job


def make_candidate(actor: Any, name: str = "Ada Example", **overrides: Any) -> Any:
    values: dict[str, Any] = {"name": name, "email": f"{name.split()[0].lower()}@example.com"}
    values.update(overrides)
    candidate = candidates.create_candidate(
        CandidateFields(**values), actor=actor, allow_duplicate=True
    )
    db.session.commit()
    return candidate


def make_application(actor: Any, job: Any, name: str = "Ada Example", **overrides: Any) -> Any:
    candidate = make_candidate(actor, name, **overrides)
    application = applications.apply(candidate, job, actor=actor)
    db.session.commit()
    return application
