"""A hiring manager builds a kit and schedules a panel of two; each interviewer scores alone;
the debrief shows both scorecards, the disagreement and the level estimate."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from hirekit.candidates.services.applications import apply
from hirekit.candidates.services.candidates import CandidateFields, create_candidate
from hirekit.extensions import db
from hirekit.interviews.models import Interview, Kit
from hirekit.jobs.services.jobs import JobFields, create_job
from tests.conftest import PASSWORD
from tests.interviews.outbox import to

pytestmark = pytest.mark.browser

EDITED = "How would you version this API without breaking its current clients?"


def _setup(make_user: Any) -> tuple[Any, Any, Any, Any, Any]:
    manager = make_user("hiring_manager", name="Hana Manager")
    a = make_user("interviewer", name="Ada Interviewer")
    b = make_user("interviewer", name="Ben Interviewer")
    job = create_job(
        JobFields(title="Flask API developer", use_case="rest-api", level="mid",
                  hiring_manager_id=manager.id),
        actor=manager,
    )  # fmt: skip
    candidate = create_candidate(
        CandidateFields(name="Casey Candidate", email="casey@example.com"), actor=manager
    )
    apply(candidate, job, actor=manager)
    db.session.commit()
    return manager, a, b, job, candidate


def _as(browser: Any, live_server: Any, user: Any) -> tuple[Any, Any]:
    """A fresh browser context signed in as ``user``: no cookie shared with anyone else."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{live_server.url}/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/dashboard")
    return context, page


def _score(page: Any, edited_id: int, edited_rating: int, key_points: str) -> None:
    """Rate every question 3 except the edited one; every attribute 3; recommend; submit."""
    expect(page.locator(f"#question-{edited_id} legend")).to_contain_text(EDITED)
    for fieldset in page.locator("fieldset.iv-question").all():
        qid = int((fieldset.get_attribute("id") or "").removeprefix("question-"))
        value = edited_rating if qid == edited_id else 3
        fieldset.locator(f'input[type="radio"][value="{value}"]').check()
    for group in page.locator("fieldset.iv-attributes .iv-ratings").all():
        group.locator('input[type="radio"][value="3"]').check()
    page.get_by_label("Recommendation").select_option("yes")
    # Let the last autosave (the one carrying the key points: with the tests' short pause
    # the ratings were saved on their own already) land before submitting, so the two
    # requests never cross.
    with page.expect_response(
        lambda r: (
            "/scorecards/" in r.url
            and r.request.method == "POST"
            and key_points in (r.request.post_data or "")
        )
    ):
        page.get_by_label("Key points").fill(key_points)
    page.get_by_role("button", name="Submit scorecard").click()
    expect(page.locator("#card-status")).to_have_text("submitted")


def test_kit_panel_independent_scorecards_and_debrief(
    page, browser, live_server, make_user, sign_in
):
    manager, a, b, job, candidate = _setup(make_user)
    sign_in(manager.email, PASSWORD)

    # The kit: generated on first sight, then one question rewritten.
    page.goto(f"{live_server.url}/jobs/{job.id}/kit")
    db.session.expire_all()
    kit = db.session.scalars(db.select(Kit).filter_by(job_id=job.id)).one()
    part = kit.parts[0]
    edited_id = part.questions[0].id
    item = page.locator(f"#kq-{edited_id}")
    item.get_by_text("Edit question").click()
    item.get_by_label("Question", exact=True).fill(EDITED)
    item.get_by_label("What a senior answer sounds like").fill(
        "Additive changes, deprecation headers, a v2 only for breaking changes."
    )
    item.get_by_role("button", name="Save question").click()
    expect(page.locator(f"#kq-{edited_id} > p strong")).to_have_text(EDITED)

    # A panel of two for the kit's first interview.
    page.get_by_role("link", name="Schedule an interview").click()
    page.get_by_label("Candidate").select_option(str(candidate.id))
    page.get_by_label("Kit part").select_option(str(part.id))
    page.get_by_label("Interviewers").select_option([str(a.id), str(b.id)])
    page.get_by_label("Date and time (UTC)").fill("2036-03-02T14:00")
    page.get_by_label("Video link").fill("https://meet.example.com/casey")
    page.get_by_role("button", name="Schedule").click()
    expect(page.locator(".flash-success")).to_contain_text("Interview scheduled")
    expect(page).to_have_url(re.compile(r"/interviews/\d+$"))
    db.session.expire_all()
    interview = db.session.scalars(db.select(Interview).filter_by(job_id=job.id)).one()
    cards = {c.interviewer_id: c.id for c in interview.scorecards}
    assert len(to(a.email)) == len(to(b.email)) == 1  # each invited through the outbox

    # A, in a browser of their own: home page, scorecard, and B's stays closed.
    a_context, a_page = _as(browser, live_server, a)
    try:
        a_page.goto(f"{live_server.url}/interviews")
        a_page.locator("#my-interviews").get_by_role("link", name="draft").click()
        _score(a_page, edited_id, 4, "Clear on versioning and testing.")
        assert a_page.goto(f"{live_server.url}/scorecards/{cards[b.id]}").status == 403
        a_page.goto(f"{live_server.url}/interviews/{interview.id}")
        seen = a_page.locator("section", has=a_page.get_by_role("heading", name="Scorecards"))
        expect(seen).to_contain_text("Ada Interviewer")
        expect(seen).not_to_contain_text("Ben Interviewer")
    finally:
        a_context.close()

    # B scores the rewritten question two points lower.
    b_context, b_page = _as(browser, live_server, b)
    try:
        b_page.goto(f"{live_server.url}/scorecards/{cards[b.id]}")
        _score(b_page, edited_id, 2, "Versioning answer stayed at the junior level.")
    finally:
        b_context.close()

    # The debrief: both scorecards side by side, the disagreement, the estimate.
    page.goto(f"{live_server.url}/jobs/{job.id}/debriefs/{candidate.id}")
    expect(page.locator("[data-summary]")).to_contain_text("Panel leans hire; two interviewers")
    table = page.locator("#debrief-table")
    expect(table).to_be_hidden()
    page.get_by_text("Show the figures").click()
    expect(table.locator("thead th")).to_have_text(
        ["Question / attribute", "Ada Interviewer", "Ben Interviewer", "Spread"]
    )
    row = table.locator(f'tr[data-item="q{edited_id}"]')
    expect(row).to_have_class("iv-disagree")
    expect(row.locator("td")).to_have_text([EDITED, "4", "2", re.compile(r"^2\s+disagreement$")])
    expect(table.locator("tr.iv-disagree")).to_have_count(1)
    expect(page.locator(".iv-disagree-note")).to_contain_text("1 item(s)")
    # Every other rating is 3 and the rewritten question averages (4 + 2) / 2 = 3.
    estimate = page.locator("#level-estimate")
    expect(estimate.locator(".iv-level")).to_have_text("mid")
    expect(estimate).to_contain_text("score 3.00 on 1–4")
    expect(table).to_contain_text("Versioning answer stayed at the junior level.")
