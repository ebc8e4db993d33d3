"""The demo has work on every dashboard: interviews, scorecards, a debrief, a take-home review."""

from __future__ import annotations

from sqlalchemy import func, select

from hirekit.accounts.services import find_by_email
from hirekit.db import utcnow
from hirekit.demo import load_demo
from hirekit.demo.pipeline import showcase_job
from hirekit.extensions import db
from hirekit.interviews.models import Interview, Scorecard
from hirekit.interviews.services.debrief import build_debrief
from hirekit.main.work import my_work
from hirekit.takehomes.models import Submission
from hirekit.takehomes.services.submissions import recent_submissions


def _count(model, *where):
    return db.session.scalar(select(func.count(model.id)).where(*where))


def _user(first: str):
    user = {
        "rita": find_by_email("rita.recruiter@example.com"),
        "hank": find_by_email("hank.manager@example.com"),
        "ivy": find_by_email("ivy.interviewer@example.com"),
        "omar": find_by_email("omar.interviewer@example.com"),
    }[first]
    assert user is not None
    return user


def test_demo_stages_interviews_scorecards_a_debrief_and_a_review_once(app):
    counts = load_demo()
    db.session.commit()
    assert counts["interviews"] == 6 and counts["scorecards submitted"] == 4
    assert counts["take-home reviews"] == 1
    now = utcnow()
    assert _count(Interview) == 6
    assert _count(Interview, Interview.status == "cancelled") == 1
    assert _count(Interview, Interview.starts_at > now, Interview.status != "cancelled") == 2
    assert _count(Scorecard, Scorecard.status == "submitted") == 4
    # Every interview was scheduled from the job's kit, each on one of its parts.
    assert all(i.part_id is not None for i in db.session.scalars(select(Interview)))

    again = load_demo()
    db.session.commit()
    assert again == {}
    assert (_count(Interview), _count(Scorecard), _count(Submission)) == (6, 9, 1)


def test_each_demo_dashboard_shows_its_work(demo_copy):
    now = utcnow()
    ivy = my_work(_user("ivy"), now)
    assert len(ivy.upcoming) == 2 and len(ivy.scorecards_due) == 1
    hank = my_work(_user("hank"), now)
    assert len(hank.debriefs_ready) == 1
    ready = hank.debriefs_ready[0]
    # The cancelled interview's seat is not waited for: 3 scorecards, all in.
    assert (ready.submitted, ready.total) == (3, 3)
    assert [(r.submitted, r.total) for r in hank.awaiting_scorecards] == [(1, 2)]
    debrief = build_debrief(ready.job_id, ready.candidate_id, _user("hank"))
    assert debrief.estimate.level


def test_demo_take_home_has_a_real_static_review(demo_copy):
    job = showcase_job()
    assert job is not None
    [submission] = recent_submissions(_user("rita"))
    assert submission.status == "reviewed" and submission.job_id == job.id
    assert submission.candidate is not None and submission.score is not None
    assert submission.report is not None
    rules = {f["rule"] for f in submission.report["findings"]}
    # The sample project's known faults are found, with their lines.
    assert "sql-string-format" in rules
    files = {f["file"] for f in submission.report["findings"]}
    assert any(name.endswith("parcels.py") for name in files)
    assert submission.snippets
