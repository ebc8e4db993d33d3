"""Destructive buttons ask in a dialog where scripts run; a bulk reject is undone from the board."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from hirekit.candidates.models import Application
from hirekit.extensions import db
from hirekit.jobs.models import Job
from tests.conftest import PASSWORD
from tests.jobs.factories import make_application
from tests.resumes.samples import open_job

pytestmark = pytest.mark.browser


def _state(job_id: int) -> str:
    db.session.expire_all()
    return str(db.session.get(Job, job_id).state)


def test_closing_a_job_asks_in_a_dialog(page, live_server, make_user, sign_in):
    admin = make_user("admin")
    job = open_job(admin, title="Flask API developer")
    sign_in(admin.email, PASSWORD)
    page.goto(f"{live_server.url}/jobs/{job.id}")
    asked: list[str] = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Close", exact=True).click()
    expect(page.locator("h1 .chip")).to_have_text("open")
    assert asked and "Close Flask API developer?" in asked[0]
    assert _state(job.id) == "open"
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Close", exact=True).click()
    expect(page.locator("h1 .chip")).to_have_text("closed")
    assert _state(job.id) == "closed"


def test_bulk_reject_asks_then_undo_restores(page, live_server, make_user, sign_in):
    admin = make_user("admin")
    job = open_job(admin)
    people = [make_application(admin, job, n) for n in ("Ada Example", "Bob Example")]
    sign_in(admin.email, PASSWORD)
    page.goto(f"{live_server.url}/jobs/{job.id}/board")
    for a in people:
        page.locator(f"#pick-{a.id}").check()
    page.locator("#bulk-action").select_option("reject:position-filled")
    asked: list[str] = []
    page.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    page.get_by_role("button", name="Apply").click()
    # Next the board asks about the rejection email; declining goes back with the Undo.
    expect(page.get_by_role("heading", level=1)).to_have_text("Send the rejection email?")
    page.get_by_role("link", name="Don't send").click()
    expect(page.locator("form.undo")).to_contain_text("2 candidate(s) rejected in bulk.")
    assert "2 selected" in asked[0]
    db.session.expire_all()
    assert {db.session.get(Application, a.id).status for a in people} == {"rejected"}
    page.get_by_role("button", name="Undo").click()
    expect(page.locator(".flashes")).to_contain_text("Undone for 2 candidate(s).")
    expect(page.locator("form.undo")).to_have_count(0)
    db.session.expire_all()
    assert {db.session.get(Application, a.id).status for a in people} == {"active"}
