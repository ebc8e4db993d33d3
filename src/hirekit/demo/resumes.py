"""Fictional resumes for the demo candidates, screened like real uploads.

Each resume is assembled from a profile (a strong Flask engineer, a tutorial-only
beginner, a Django developer...) so the ranked lists, flags and quotes in the
demo show what screening does. Names and contacts come from the demo candidate;
every employer, school and project here is invented.
"""

from __future__ import annotations

import io
import random

from sqlalchemy import select

from hirekit.candidates.models import Candidate
from hirekit.extensions import db
from hirekit.resumes.models import Resume
from hirekit.resumes.services.screenings import screen_resume_now
from hirekit.resumes.services.uploads import Upload, read_resume, store_resume

PROFILES: dict[str, list[str]] = {
    "strong": [
        "Backend engineer with seven years of Python, the last four building Flask services.",
        "Designed and built a REST API in Flask serving 2 million requests a day for a "
        "logistics platform at Harbourline Freight, cutting p95 latency by 40%.",
        "Structured the codebase around an application factory and one blueprint per "
        "feature; used Flask-SQLAlchemy with Alembic migrations on PostgreSQL.",
        "Wrote pytest suites with the Flask test client, raising coverage to 92%.",
        "Skills: Python, Flask, Flask-SQLAlchemy, Flask-Login, Marshmallow, PostgreSQL, "
        "Redis, Celery, pytest, Docker",
    ],
    "solid": [
        "Python developer with three years of web work.",
        "Built and maintained internal REST APIs in Flask for the billing team at "
        "Copperleaf Utilities, used by 40 staff.",
        "Integrated PostgreSQL through SQLAlchemy models and wrote unit tests with pytest.",
        "Skills: Python, Flask, SQLAlchemy, PostgreSQL, pytest, Git",
    ],
    "tutorial": [
        "Career changer learning web development.",
        "Followed a Flask tutorial to build a todo app and a basic CRUD blog.",
        "Skills: Python, Flask, HTML, CSS",
    ],
    "generic": [
        "Python developer writing data pipelines and automation scripts.",
        "Automated reporting with pandas and scheduled jobs for the finance team at "
        "Brightwater Mills.",
        "Skills: Python, pandas, NumPy, SQL, Excel",
    ],
    "django": [
        "Web developer with five years of Django.",
        "Built the customer portal at Meadowgate Insurance with Django and Django REST "
        "Framework, and tested it with pytest-django.",
        "Skills: Python, Django, Django REST Framework, PostgreSQL, pytest",
    ],
    "nondev": [
        "Laboratory technician with six years of experience.",
        "Performed quality testing of samples and maintained lab equipment at Eagle "
        "Flask Industries.",
        "Skills: sample preparation, safety procedures, reporting",
    ],
}
WEIGHTS = {"strong": 4, "solid": 5, "tutorial": 3, "generic": 3, "django": 2, "nondev": 1}


def _resume_text(candidate: Candidate, profile: str) -> str:
    contact = " · ".join(part for part in (candidate.email, candidate.phone) if part)
    lines = PROFILES[profile]
    return "\n".join(
        [
            candidate.name,
            contact,
            "",
            "Summary",
            lines[0],
            "",
            "Experience",
            *lines[1:-1],
            "",
            lines[-1],
            "",
            "Education",
            "BSc, Northfield Institute of Technology",
        ]
    )


def load_demo_resumes(seed: int = 7) -> dict[str, int]:
    """Give every demo candidate without a resume a fictional one, screened at once."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    with_resume = select(Resume.candidate_id).where(Resume.candidate_id.is_not(None))
    candidates = db.session.scalars(
        select(Candidate)
        .where(Candidate.email.like("%@example.com"), Candidate.id.not_in(with_resume))
        .order_by(Candidate.id)
    ).all()
    profiles = list(WEIGHTS)
    weights = [WEIGHTS[p] for p in profiles]
    for candidate in candidates:
        profile = rng.choices(profiles, weights)[0]
        text = _resume_text(candidate, profile).encode()
        name = candidate.name.lower().replace(" ", "-") + "-resume.txt"
        upload = Upload(name, io.BytesIO(text))
        resume = store_resume(read_resume(upload), candidate=candidate, actor=None)
        screen_resume_now(resume)
    return {"resumes": len(candidates)} if candidates else {}
