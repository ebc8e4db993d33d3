"""The dashboard's "my work" tiles per role, and the links that lead to the work."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import event

from hirekit.candidates.models import Application
from hirekit.candidates.services.applications import apply, reject
from hirekit.candidates.services.candidates import CandidateFields, create_candidate
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.interviews.services import scorecards
from hirekit.interviews.services.scorecards import ScorecardInput
from hirekit.jobs.services.jobs import JobFields, create_job
from hirekit.queue.models import BackgroundJob, JobStatus
from tests.conftest import login
from tests.interviews.conftest import happened, schedule_panel


@pytest.fixture
def team(make_user):
    manager = make_user("hiring_manager", name="Hana Manager")
    recruiter = make_user("recruiter", name="Remy Recruiter")
    a = make_user("interviewer", name="Ada Interviewer")
    job = create_job(
        JobFields(
            title="Flask API developer",
            use_case="rest-api",
            level="mid",
            hiring_manager_id=manager.id,
        ),
        actor=manager,
    )
    job.state = "open"
    casey = create_candidate(CandidateFields(name="Casey Candidate"), actor=recruiter)
    drew = create_candidate(CandidateFields(name="Drew Waiting"), actor=recruiter)
    apply(casey, job, actor=recruiter)
    apply(drew, job, actor=recruiter)
    db.session.commit()
    return SimpleNamespace(
        manager=manager, recruiter=recruiter, a=a, job=job, casey=casey, drew=drew
    )


def _tile(app, user, tile: str) -> str:
    client = app.test_client()
    login(client, user.email)
    html = client.get("/dashboard").get_data(as_text=True)
    assert f'id="tile-{tile}"' in html, f"no {tile} tile for {user.role}"
    return html.split(f'id="tile-{tile}"')[1].split("</section>")[0]


def _submit(card, user):
    qs = scorecards.questions_for(card)
    data = ScorecardInput(answers={q.id: (3, "") for q in qs}, recommendation="yes")
    scorecards.save(card.id, data, actor=user, submit=True)
    db.session.commit()


def test_interviewer_sees_the_next_interview_then_the_scorecard_due(app, team):
    interview = schedule_panel(
        team.manager, team.job, team.casey, [team.a], starts_at=utcnow() + timedelta(days=1)
    )
    upcoming = _tile(app, team.a, "upcoming")
    assert f'href="/interviews/{interview.id}"' in upcoming and "Casey Candidate" in upcoming
    assert "Nothing scheduled" not in upcoming
    assert "None due." in _tile(app, team.a, "scorecards-due")
    happened(interview, utcnow() - timedelta(days=3))
    card = interview.scorecards[0]
    due = _tile(app, team.a, "scorecards-due")
    assert f'href="/scorecards/{card.id}"' in due and "overdue" in due
    assert "Nothing scheduled" in _tile(app, team.a, "upcoming")
    _submit(card, team.a)
    assert "None due." in _tile(app, team.a, "scorecards-due")


def test_hiring_manager_sees_debriefs_decisions_and_pipeline_counts(app, team):
    interview = happened(
        schedule_panel(team.manager, team.job, team.casey, [team.a]), utcnow() - timedelta(days=2)
    )
    waiting = _tile(app, team.manager, "awaiting-decision")
    debrief_link = f'href="/jobs/{team.job.id}/debriefs/{team.casey.id}"'
    assert debrief_link in waiting and "0 of 1 scorecards" in waiting
    assert "No debrief waiting" in _tile(app, team.manager, "debriefs")
    _submit(interview.scorecards[0], team.a)
    assert debrief_link in _tile(app, team.manager, "debriefs")
    pipeline = _tile(app, team.manager, "pipelines")
    first_stage = team.job.stages[0].name
    assert f'href="/jobs/{team.job.id}/board"' in pipeline
    assert f"{first_stage} <strong>2</strong>" in pipeline
    # A rejected candidate leaves the pipeline count and the decisions waiting.
    application = db.session.scalars(
        db.select(Application).filter_by(candidate_id=team.casey.id)
    ).one()
    reject(application, "skills-mismatch", actor=team.manager)
    db.session.commit()
    assert f"{first_stage} <strong>1</strong>" in _tile(app, team.manager, "pipelines")
    assert debrief_link not in _tile(app, team.manager, "debriefs")
    # Recruiters do not run debriefs.
    client = app.test_client()
    login(client, team.recruiter.email)
    assert 'id="tile-debriefs"' not in client.get("/dashboard").get_data(as_text=True)


def test_recruiter_sees_new_stalled_and_failed_work(app, team):
    new = _tile(app, team.recruiter, "new-applications")
    assert "(2)" in new and f'href="/candidates/{team.drew.id}"' in new
    assert "(0)" in _tile(app, team.recruiter, "stalled")
    drew_app = db.session.scalars(db.select(Application).filter_by(candidate_id=team.drew.id)).one()
    drew_app.stage_entered_at = utcnow() - timedelta(days=10)
    drew_app.created_at = utcnow() - timedelta(days=10)
    db.session.add(
        BackgroundJob(
            func="hirekit.x:y", label="Rank resumes", status=JobStatus.FAILED.value, error="boom"
        )
    )
    db.session.commit()
    stalled = _tile(app, team.recruiter, "stalled")
    assert "(1)" in stalled and "Drew Waiting" in stalled and "Casey" not in stalled
    assert "(1)" in _tile(app, team.recruiter, "new-applications")
    failed = _tile(app, team.recruiter, "failed-jobs")
    assert "Rank resumes" in failed and "boom" in failed and 'href="/tasks/' in failed
    assert 'href="/reviews"' in _tile(app, team.recruiter, "takehomes")


def test_job_page_links_every_tool_of_the_job(client, team):
    login(client, team.manager.email)
    html = client.get(f"/jobs/{team.job.id}").get_data(as_text=True)
    j = team.job.id
    for href in (
        f"/jobs/{j}/board",
        f"/jobs/{j}/ranked",
        f"/jobs/{j}/resumes",
        f"/jobs/{j}/kit",
        f"/jobs/{j}/interviews/new",
        "/reviews",
        f"/careers/{j}",
    ):
        assert f'href="{href}"' in html, href


def test_schedule_link_on_candidate_page_and_board_only_for_active_applications(client, app, team):
    login(client, team.manager.email)
    link = f'href="/jobs/{team.job.id}/interviews/new?candidate_id={team.casey.id}"'
    assert link in client.get(f"/candidates/{team.casey.id}").get_data(as_text=True)
    assert link in client.get(f"/jobs/{team.job.id}/board").get_data(as_text=True)
    application = db.session.scalars(
        db.select(Application).filter_by(candidate_id=team.casey.id)
    ).one()
    reject(application, "skills-mismatch", actor=team.manager)
    db.session.commit()
    assert link not in client.get(f"/candidates/{team.casey.id}").get_data(as_text=True)
    assert link not in client.get(f"/jobs/{team.job.id}/board").get_data(as_text=True)
    form = client.get(f"/jobs/{team.job.id}/interviews/new").get_data(as_text=True)
    assert (
        "Drew Waiting" in form and "Casey Candidate" not in form.split("Interviews for this job")[0]
    )


def _dashboard_statements(app, user) -> tuple[str, int]:
    client = app.test_client()
    login(client, user.email)
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        html = client.get("/dashboard").get_data(as_text=True)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return html, len(seen)


def test_dashboard_statements_do_not_grow_with_the_interviews_listed(app, team):
    """Overdue scorecards and debriefs of more jobs and candidates cost no more queries."""
    past = utcnow() - timedelta(days=3)
    happened(schedule_panel(team.manager, team.job, team.casey, [team.a]), past)
    html, one = _dashboard_statements(app, team.manager)
    assert "Overdue scorecards (1)" in html
    other = create_job(
        JobFields(title="Platform engineer", use_case="microservices", level="senior"),
        actor=team.manager,
    )
    other.state = "open"
    apply(team.drew, other, actor=team.recruiter)
    db.session.commit()
    happened(schedule_panel(team.manager, other, team.drew, [team.a]), past)
    html, two = _dashboard_statements(app, team.manager)
    assert "Overdue scorecards (2)" in html and "Platform engineer" in html
    assert two == one
