"""Stage kinds end to end: edit the stages in the editor (rename one holding a candidate,
set a kind, reorder with the buttons), then the debrief says in words what the panel
thinks without the cancelled interview, its offer lands in the stage of kind offer,
and the offers report counts it."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from hirekit.candidates.models import Application
from hirekit.candidates.services.applications import apply
from hirekit.candidates.services.candidates import CandidateFields, create_candidate
from hirekit.extensions import db
from hirekit.interviews.services import scorecards
from hirekit.interviews.services.cancelling import cancel_interview
from hirekit.interviews.services.scorecards import ScorecardInput
from hirekit.jobs.models import Job
from hirekit.jobs.services.jobs import JobFields, create_job
from tests.conftest import PASSWORD
from tests.interviews.conftest import later, schedule_panel

pytestmark = pytest.mark.browser


def _rate(interview: Any, user: Any, ratings: list[int], recommendation: str) -> None:
    card = next(c for c in interview.scorecards if c.interviewer_id == user.id)
    qs = scorecards.questions_for(card)
    data = ScorecardInput(
        answers={q.id: (r, "") for q, r in zip(qs, ratings, strict=False)},
        recommendation=recommendation,
    )
    scorecards.save(card.id, data, actor=user, submit=True)


def _setup(make_user: Any) -> tuple[Any, Any, Any]:
    admin = make_user("admin", name="Alex Admin")
    a = make_user("interviewer", name="Ada Interviewer")
    b = make_user("interviewer", name="Ben Interviewer")
    c = make_user("interviewer", name="Cleo Canceled")
    job = create_job(
        JobFields(title="Desenvolvedor Flask", use_case="rest-api", level="mid",
                  hiring_manager_id=admin.id),
        actor=admin,
    )  # fmt: skip
    candidate = create_candidate(
        CandidateFields(name="Casey Candidate", email="casey@example.com"), actor=admin
    )
    apply(candidate, job, actor=admin)
    db.session.commit()
    panel = schedule_panel(admin, job, candidate, [a, b])
    _rate(panel, a, [4, 3], "yes")
    _rate(panel, b, [2, 3], "strong_yes")
    cancelled = schedule_panel(admin, job, candidate, [c], starts_at=later(48))
    _rate(cancelled, c, [1, 1], "strong_no")
    cancel_interview(cancelled.id, actor=admin)
    db.session.commit()
    return admin, job, candidate


def test_stage_kinds_through_the_editor_a_debrief_and_reports(page, live_server, make_user):
    admin, job, candidate = _setup(make_user)
    ids = {s.name: s.id for s in job.stages}
    base = live_server.url
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill(admin.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/dashboard")

    page.goto(f"{base}/jobs/{job.id}/stages")
    # "Applied" holds Casey: renaming it is allowed and keeps her there.
    page.get_by_label("Name of stage 1").fill("Candidatura")
    page.get_by_label("Name of stage 5").fill("Proposta")
    page.get_by_label("Kind of Take-home").select_option("interview")
    page.get_by_role("button", name="Move Take-home up").click()
    page.get_by_role("button", name="Save stages").click()
    expect(page.get_by_text("Pipeline stages saved.")).to_be_visible()

    db.session.expire_all()
    stages = db.session.get(Job, job.id).stages
    assert [(s.name, s.kind) for s in stages] == [
        ("Candidatura", "active"),
        ("Take-home", "interview"),
        ("Screen", "interview"),
        ("Interview", "interview"),
        ("Proposta", "offer"),
        ("Hired", "hired"),
    ]
    assert stages[0].id == ids["Applied"] and stages[4].id == ids["Offer"]
    application = db.session.query(Application).filter_by(candidate_id=candidate.id).one()
    assert application.stage_id == ids["Applied"]

    page.goto(f"{base}/jobs/{job.id}/debriefs/{candidate.id}")
    summary = page.locator("[data-summary]")
    expect(summary).to_contain_text("Panel leans hire;")
    expect(summary).to_contain_text("two interviewers disagree on")
    expect(page.locator("body")).not_to_contain_text("Cleo Canceled")
    table = page.locator("#debrief-table")
    expect(table).to_be_hidden()
    page.get_by_text("Show the figures").click()
    expect(table).to_be_visible()
    expect(table.locator("thead th")).to_have_count(4)  # item, Ada, Ben, spread

    page.get_by_label("Decision").select_option("offer")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Decision recorded.")).to_be_visible()
    db.session.expire_all()
    application = db.session.get(Application, application.id)
    assert application.stage.name == "Proposta"

    page.goto(f"{base}/reports/offers")
    expect(page.locator("main")).to_contain_text("1 pending")
