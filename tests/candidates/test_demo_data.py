"""The demo organisation: three jobs, about forty candidates, ten weeks of moves, loaded once."""

from __future__ import annotations

from datetime import timedelta

from hirekit.candidates.models import Application, Candidate, Event
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.jobs.models import Job


def _count(model):
    return db.session.scalar(db.select(db.func.count(model.id)))


def test_demo_load_builds_a_believable_pipeline_once(runner, app):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "3 jobs" in result.output and "40 candidates" in result.output
    jobs = db.session.scalars(db.select(Job).order_by(Job.id)).all()
    assert sorted(j.use_case for j in jobs) == ["full-stack", "microservices", "rest-api"]
    assert [j.confidential for j in jobs].count(True) == 1
    assert all(j.state == "open" for j in jobs)
    people = db.session.scalars(db.select(Candidate)).all()
    assert len(people) == 40
    assert all(p.email.endswith("@example.com") for p in people)
    statuses = [a.status for a in db.session.scalars(db.select(Application))]
    assert statuses.count("hired") == 2
    rejected = db.session.scalars(
        db.select(Application).where(Application.status == "rejected")
    ).all()
    assert len(rejected) >= 3 and all(a.reject_reason for a in rejected)
    moves = db.session.scalars(db.select(Event).where(Event.type == "moved")).all()
    assert len(moves) > 30
    oldest = min(e.at for e in db.session.scalars(db.select(Event)))
    assert utcnow() - oldest > timedelta(weeks=6)
    assert len({a.stage_id for a in db.session.scalars(db.select(Application))}) >= 8

    again = runner.invoke(args=["demo", "load"])
    assert "already loaded" in again.output
    assert (_count(Job), _count(Candidate)) == (3, 40)


def test_demo_pipeline_tells_the_same_story_every_time(app):
    from hirekit.accounts.services import create_user
    from hirekit.demo.load import DEMO_PASSWORD, DEMO_USERS
    from hirekit.demo.pipeline import load_demo_pipeline

    # The pipeline alone: the demo's interviews later move a few people on.
    for email, name, role in DEMO_USERS:
        create_user(email, role, DEMO_PASSWORD, name=name)
    load_demo_pipeline()
    load_demo_pipeline()  # a second copy, straight from the same seed

    def story(jobs):
        ids = [j.id for j in jobs]
        rows = db.session.scalars(
            db.select(Application).where(Application.job_id.in_(ids)).order_by(Application.id)
        )
        return [
            (a.candidate.name, ids.index(a.job_id), a.stage.name, a.status, a.reject_reason)
            for a in rows
        ]

    jobs = db.session.scalars(db.select(Job).order_by(Job.id)).all()
    assert len(jobs) == 6
    assert story(jobs[:3]) == story(jobs[3:])
