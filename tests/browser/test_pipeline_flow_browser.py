"""The whole pipeline in a browser: job post, careers application, search, board, take-home.

A recruiter writes a job whose post the live check flags, opens it; a visitor
applies with a text resume; the recruiter finds them, drags their card from
Applied to Screen to Take-home and sends the take-home; the candidate uploads
a Flask app through the emailed link; the recruiter reads the review.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from hirekit.candidates.models import Application
from hirekit.extensions import db
from hirekit.mail.models import OutboxMessage
from hirekit.queue.runner import drain
from tests.conftest import PASSWORD
from tests.resumes.samples import resume_lines
from tests.takehomes.archives import APP, zip_bytes

pytestmark = pytest.mark.browser

TITLE = "Flask API developer"
NAME = "Ana Lovelace"
EMAIL = "ana@example.com"
POST = """We build a REST API with Flask and SQLAlchemy for logistics customers.

## What we expect
- 5+ years of Flask
- Experience with PostgreSQL and pytest
"""


def _create_and_open_job(page: Any, url: str) -> None:
    page.goto(f"{url}/jobs/new")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Location").fill("Porto")
    page.get_by_label("Use case").select_option("rest-api")
    page.get_by_label("Level").select_option("mid")
    page.get_by_label(re.compile(r"^Description")).fill(POST)
    # The check runs on the form as the recruiter types, before anything is saved.
    live = page.locator("[data-lint-output]")
    expect(live.locator("[data-lint-issues]")).to_contain_text("Asks for years of Flask itself")
    expect(live.locator("blockquote").first).to_contain_text("5+ years of Flask")
    page.get_by_role("button", name="Create draft").click()
    expect(page).to_have_url(re.compile(r"/jobs/\d+$"))
    page.get_by_role("button", name="Open", exact=True).click()
    expect(page.locator("h1 .chip")).to_have_text("open")


def _apply_as_visitor(browser: Any, url: str, resume: Path) -> None:
    context = browser.new_context()  # a stranger's browser: no session cookie
    try:
        visitor = context.new_page()
        visitor.goto(f"{url}/careers/")
        visitor.get_by_role("link", name=TITLE).click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
        visitor.get_by_label("Full name").fill(NAME)
        visitor.get_by_label("Email").fill(EMAIL)
        visitor.get_by_label(re.compile(r"^Resume")).set_input_files(str(resume))
        visitor.get_by_label(re.compile("I agree")).check()
        visitor.get_by_role("button", name="Send application").click()
        expect(visitor.get_by_role("heading", level=1)).to_contain_text("application was received")
    finally:
        context.close()


def _column(page: Any, stage: str) -> Any:
    heading = page.get_by_role("heading", name=re.compile(rf"^{re.escape(stage)} \d+$"))
    return page.locator("section.board-column").filter(has=heading)


def _drag_card(page: Any, stage: str) -> None:
    """Drag the candidate's card onto ``stage``; wait for the server to accept the move."""
    card = page.locator("[data-card]").filter(has_text=NAME)
    target = _column(page, stage).locator("ul.board-cards")
    with page.expect_response(re.compile(r"/applications/\d+/move$")) as moved:
        # Held by its days counter: a drag that starts on the menu or link is not the card's.
        card.locator(".days").drag_to(target)
    assert moved.value.status == 200
    expect(target.locator("[data-card]")).to_contain_text(NAME)
    expect(_column(page, stage).locator(".count")).to_have_text("1")
    expect(card).not_to_have_class(re.compile("move-failed"))


def _upload_takehome(browser: Any, link: str, archive: Path) -> None:
    context = browser.new_context()
    try:
        candidate = context.new_page()
        candidate.goto(link)
        expect(candidate.get_by_role("heading", level=1)).to_contain_text(TITLE)
        candidate.get_by_label(re.compile("Take-home archive")).set_input_files(str(archive))
        candidate.get_by_role("button", name="Upload my take-home").click()
        expect(candidate.get_by_role("heading", level=1)).to_contain_text("we received")
    finally:
        context.close()


def test_recruiter_takes_a_careers_applicant_through_to_a_take_home_review(
    page, browser, live_server, make_user, sign_in, tmp_path: Path
):
    url = live_server.url
    recruiter = make_user("recruiter", name="Rita Recruiter")
    resume = tmp_path / "ana-lovelace.txt"
    resume.write_text("\n".join(resume_lines(NAME, EMAIL)), encoding="utf-8")
    archive = tmp_path / "ana-takehome.zip"
    archive.write_bytes(zip_bytes(APP))

    sign_in(recruiter.email, PASSWORD)
    _create_and_open_job(page, url)
    job_url = page.url

    _apply_as_visitor(browser, url, resume)
    drain()  # the resume's screening

    page.get_by_role("link", name="Candidates", exact=True).click()
    page.get_by_role("searchbox", name="Search").fill("Lovelace")
    page.get_by_role("button", name="Search", exact=True).click()
    found = page.get_by_role("table", name="Candidates")
    expect(found.get_by_role("row")).to_have_count(2)  # the header and Ana
    expect(found).to_contain_text(EMAIL)

    page.goto(job_url)
    page.get_by_role("link", name="Board", exact=True).click()
    expect(_column(page, "Applied").locator("[data-card]")).to_contain_text(NAME)
    _drag_card(page, "Screen")
    _drag_card(page, "Take-home")
    page.reload()  # what the server holds, not only what the script moved
    expect(_column(page, "Take-home").locator("[data-card]")).to_contain_text(NAME)
    db.session.expire_all()
    application = db.session.scalars(select(Application)).one()
    assert application.stage.name == "Take-home"

    page.get_by_role("link", name=NAME).click()
    panel = page.locator("#takehomes")
    panel.get_by_label("Link valid for (days)").fill("3")
    panel.get_by_role("button", name="Send take-home").click()
    expect(page.locator(".flash-success")).to_contain_text(f"sent to {EMAIL}")
    expect(panel.locator("[data-invite-state]")).to_have_text("sent")

    db.session.expire_all()
    message = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.template_key == "takehome_invitation")
    ).one()
    assert message.to_addr == EMAIL
    link = re.search(r"(http://127\.0\.0\.1:\d+/takehome/\S+)", message.body)
    assert link, message.body

    _upload_takehome(browser, link.group(1), archive)
    drain()  # the review of the uploaded app

    page.reload()
    expect(panel.locator("[data-invite-state]")).to_have_text("reviewed")
    panel.get_by_role("link", name="Report").click()
    expect(page).to_have_url(re.compile(r"/reviews/\d+$"))
    expect(page.locator("main")).to_contain_text("Score ")
