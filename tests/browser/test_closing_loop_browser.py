"""Closing the loop in a browser: a bulk reject asks before any email goes; feedback is
drafted, edited and approved; the candidate answers the survey on a phone (axe-core)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import expect
from sqlalchemy import select

from hirekit.careers import status
from hirekit.extensions import db
from hirekit.mail.models import MessageStatus, OutboxMessage
from hirekit.queue.runner import drain
from hirekit.reports.experience import answer_of
from tests.browser.test_careers_public_browser import (
    PHONE,
    _blocking_violations,
    _sideways_overflow,
)
from tests.closing.helpers import reviewed_takehome
from tests.conftest import PASSWORD
from tests.jobs.factories import make_application, make_job

pytestmark = pytest.mark.browser


@pytest.fixture
def app(app_factory: Any) -> Iterator[Flask]:
    # No delay: a confirmed rejection email is due at once, so the test sees it go.
    app = app_factory(REJECTION_EMAIL_DELAY_HOURS=0)
    with app.app_context():
        yield app


def _outbox(purpose: str) -> list[OutboxMessage]:
    db.session.expire_all()
    query = select(OutboxMessage).where(OutboxMessage.purpose == purpose)
    return list(db.session.scalars(query.order_by(OutboxMessage.id)))


def test_reject_confirm_feedback_and_survey(page, browser, live_server, sign_in, make_user):
    recruiter = make_user("recruiter")
    job = make_job(recruiter, title="Flask API developer")
    ada = make_application(recruiter, job, "Ada Example")
    bo = make_application(recruiter, job, "Bo Example")
    reviewed_takehome(recruiter, ada)
    sign_in(recruiter.email, PASSWORD)

    # Bulk reject: the board asks first, then asks about the email; nothing goes before.
    page.goto(f"{live_server.url}/jobs/{job.id}/board")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_label("Select Ada Example").check()
    page.get_by_label("Select Bo Example").check()
    page.locator("#bulk-action").select_option("reject:position-filled")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send the rejection email?")
    expect(page.locator(".rejection-recipients")).to_contain_text("Ada Example")
    expect(page.locator(".rejection-recipients")).to_contain_text("Bo Example")
    drain()
    assert _outbox("rejection") == []  # rejected, not told: the person has not confirmed
    page.get_by_label("Email template").select_option("application_rejected")
    page.get_by_role("button", name="Send rejection email").click()
    expect(page.locator(".flash-success")).to_contain_text("Rejection email queued for 2")
    drain()  # the delay (0 here) has passed: the worker delivers
    sent = _outbox("rejection")
    assert sorted(m.application_id for m in sent) == sorted([ada.id, bo.id])
    assert {m.status for m in sent} == {MessageStatus.RECORDED}
    page.goto(f"{live_server.url}/outbox")
    expect(page.locator("main")).to_contain_text("Your application for Flask API developer")

    # Feedback: drafted from the review, edited, saved (nothing sent), then approved.
    page.goto(f"{live_server.url}/candidates/{ada.candidate_id}")
    page.get_by_role("link", name="Take-home feedback").click()
    page.get_by_role("button", name="Draft feedback").click()
    box = page.get_by_label("Feedback for the candidate")
    expect(box).to_have_value(re.compile("Two things to improve:"))
    box.fill(box.input_value() + "\n\nThank you for the care you put into it.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".flash-success")).to_contain_text("Nothing was sent")
    drain()
    assert _outbox("feedback") == []
    page.get_by_role("button", name="Approve and send").click()
    expect(page.locator(".feedback-sent")).to_contain_text("Approved by")
    (feedback,) = _outbox("feedback")
    assert "Thank you for the care you put into it." in feedback.body
    assert "score" not in feedback.body.lower()

    # The candidate's survey, on a phone, through the private link.
    token = status.token_for(ada)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        phone = context.new_page()
        phone.goto(f"{live_server.url}/careers/status/{token}")
        expect(phone.get_by_role("group", name="How was your experience applying?")).to_be_visible()
        assert _sideways_overflow(phone) <= 0, "the status page with the survey scrolls sideways"
        assert _blocking_violations(phone) == [], "status page with the survey"
        phone.get_by_role("button", name="Send my answer").click()
        expect(phone.locator("#rating-error")).to_have_text(
            "Choose how your experience was, from 1 to 5."
        )
        assert _sideways_overflow(phone) <= 0, "the survey with its error scrolls sideways"
        assert _blocking_violations(phone) == [], "survey with an error"
        phone.get_by_label("4 · Very good").check()
        phone.get_by_label(re.compile("Anything you want to tell us")).fill("Clear and quick.")
        phone.get_by_role("button", name="Send my answer").click()
        expect(phone.locator("#survey")).to_contain_text("You answered our question")
        assert _sideways_overflow(phone) <= 0
        assert _blocking_violations(phone) == [], "status page after answering"
    finally:
        context.close()
    db.session.expire_all()
    answer = answer_of(ada)
    assert answer is not None and (answer.rating, answer.comment) == (4, "Clear and quick.")
    assert answer_of(bo) is None
