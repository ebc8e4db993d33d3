"""Scheduling starts from the candidate, by clicking, in the scheduler's own time zone;
each role's dashboard shows its work and leads to it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from hirekit.candidates.services.applications import apply
from hirekit.candidates.services.candidates import CandidateFields, create_candidate
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.interviews.models import Interview
from hirekit.jobs.services.jobs import JobFields, create_job
from tests.conftest import PASSWORD
from tests.interviews.conftest import happened, schedule_panel

pytestmark = pytest.mark.browser


def _setup(make_user: Any) -> Any:
    manager = make_user("hiring_manager", name="Hana Manager")
    recruiter = make_user("recruiter", name="Remy Recruiter")
    a = make_user("interviewer", name="Ada Interviewer")
    job = create_job(
        JobFields(title="Flask API developer", use_case="rest-api", level="mid",
                  hiring_manager_id=manager.id),
        actor=manager,
    )  # fmt: skip
    job.state = "open"
    candidate = create_candidate(CandidateFields(name="Casey Candidate"), actor=recruiter)
    apply(candidate, job, actor=recruiter)
    db.session.commit()
    return manager, recruiter, a, job, candidate


def _as(browser: Any, live_server: Any, user: Any, zone: str = "UTC") -> tuple[Any, Any]:
    """A fresh browser context in time zone ``zone``, signed in as ``user``."""
    context = browser.new_context(timezone_id=zone)
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live_server.url}/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/dashboard")
    assert errors == []
    return context, page


def test_schedule_from_the_candidate_page_in_the_browsers_time_zone(
    browser: Any, live_server: Any, make_user: Any
) -> None:
    manager, _, a, job, candidate = _setup(make_user)
    context, page = _as(browser, live_server, manager, zone="America/New_York")
    try:
        db.session.expire_all()
        assert manager.time_zone == "America/New_York"  # taken from the browser at sign-in
        # Dashboard -> the new application -> the candidate -> Schedule interview.
        page.locator("#tile-new-applications").get_by_role("link", name="Casey Candidate").click()
        expect(page.locator("h1")).to_have_text("Casey Candidate")
        page.get_by_role("link", name="Schedule interview").click()
        expect(page.locator("h1")).to_contain_text("Flask API developer")
        expect(page.get_by_label("Candidate")).to_have_value(str(candidate.id))
        page.get_by_label("Interviewers").select_option([str(a.id)])
        when = page.get_by_label("Date and time (America/New_York)")
        when.fill("2020-01-06T10:00")
        page.get_by_role("button", name="Schedule").click()
        expect(page.locator(".flash-error")).to_contain_text("a time in the future")
        page.get_by_label("Interviewers").select_option([str(a.id)])
        page.get_by_label("Date and time (America/New_York)").fill("2036-07-01T10:00")
        page.get_by_role("button", name="Schedule").click()
        expect(page.locator(".flash-success")).to_contain_text("Interview scheduled")
        expect(page).to_have_url(re.compile(r"/interviews/\d+$"))
        expect(page.locator("main")).to_contain_text("Tue 01 Jul 2036 10:00 America/New_York")
        db.session.expire_all()
        interview = db.session.scalars(db.select(Interview).filter_by(job_id=job.id)).one()
        assert interview.starts_at == datetime(2036, 7, 1, 14, 0, tzinfo=UTC)
    finally:
        context.close()


def test_each_role_dashboard_shows_its_work(browser: Any, live_server: Any, make_user: Any) -> None:
    manager, recruiter, a, job, candidate = _setup(make_user)
    soon = schedule_panel(manager, job, candidate, [a], starts_at=utcnow() + timedelta(days=1))
    done = schedule_panel(manager, job, candidate, [a], starts_at=utcnow() + timedelta(days=2))
    happened(done, utcnow() - timedelta(days=2))
    card = done.scorecards[0]

    context, page = _as(browser, live_server, a)
    try:
        due = page.locator("#tile-scorecards-due")
        expect(due).to_contain_text("overdue")
        page.locator("#tile-upcoming").get_by_role("link", name=re.compile("Casey")).click()
        expect(page).to_have_url(re.compile(rf"/interviews/{soon.id}$"))
        page.go_back()
        page.locator("#tile-scorecards-due").get_by_role("link", name=re.compile("Casey")).click()
        expect(page).to_have_url(re.compile(rf"/scorecards/{card.id}$"))
    finally:
        context.close()

    context, page = _as(browser, live_server, manager)
    try:
        expect(page.locator("#tile-pipelines")).to_contain_text(job.stages[0].name + " 1")
        decision = page.locator("#tile-awaiting-decision")
        expect(decision).to_contain_text("0 of 1 scorecards")
        decision.get_by_role("link", name="Casey Candidate").click()
        expect(page).to_have_url(re.compile(rf"/jobs/{job.id}/debriefs/{candidate.id}$"))
    finally:
        context.close()

    context, page = _as(browser, live_server, recruiter)
    try:
        expect(page.locator("#tile-new-applications")).to_contain_text("(1)")
        expect(page.locator("#tile-stalled")).to_contain_text("Nobody is stuck")
        page.locator("#tile-new-applications").get_by_role(
            "link", name="Flask API developer"
        ).click()
        expect(page).to_have_url(re.compile(rf"/jobs/{job.id}/board$"))
    finally:
        context.close()
