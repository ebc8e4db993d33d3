"""The demo's fictional resumes are stored and screened like real uploads."""

from __future__ import annotations

from sqlalchemy import func, select

from hirekit.candidates.models import Candidate
from hirekit.demo import load_demo
from hirekit.extensions import db
from hirekit.resumes.models import Resume, Screening


def test_every_demo_candidate_gets_a_screened_resume(app):
    counts = load_demo()
    db.session.commit()
    candidates = db.session.scalar(select(func.count(Candidate.id)))
    assert counts["resumes"] == candidates == 40
    screened = db.session.scalar(
        select(func.count(func.distinct(Resume.candidate_id))).where(Resume.status == "screened")
    )
    assert screened == 40
    fits = set(db.session.scalars(select(Screening.fit)))
    assert {"strong", "no"} <= fits  # the profiles span the range a recruiter meets
    assert load_demo() == {}


def test_demo_resumes_are_fictional(demo_copy):
    assert db.session.scalar(select(func.count(Resume.id))) == 40
    for resume in db.session.scalars(select(Resume)):
        assert resume.candidate.email.endswith("@example.com")
