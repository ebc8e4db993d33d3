"""A recruiter sends a take-home link; the candidate, with no account, uploads through it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from hirekit.extensions import db
from hirekit.mail.models import OutboxMessage
from hirekit.queue.runner import drain
from tests.conftest import PASSWORD
from tests.jobs.factories import make_application, make_job
from tests.takehomes.archives import APP, zip_bytes

pytestmark = pytest.mark.browser


def test_send_take_home_upload_as_candidate_then_see_the_report(
    page, browser, live_server, make_user, sign_in, tmp_path: Path
):
    recruiter = make_user("recruiter", name="Rita Recruiter")
    application = make_application(recruiter, make_job(recruiter, title="Flask API developer"))
    sign_in(recruiter.email, PASSWORD)
    page.goto(f"{live_server.url}/candidates/{application.candidate_id}")
    panel = page.locator("#takehomes")
    panel.get_by_label("Link valid for (days)").fill("3")
    panel.get_by_role("button", name="Send take-home").click()
    expect(page.locator(".flash-success")).to_contain_text("sent to ada@example.com")
    expect(panel.locator("[data-invite-state]")).to_have_text("sent")

    db.session.expire_all()
    message = db.session.scalars(select(OutboxMessage)).one()
    link = re.search(r"(http://127\.0\.0\.1:\d+/takehome/\S+)", message.body)
    assert link, message.body

    archive = tmp_path / "my-takehome.zip"
    archive.write_bytes(zip_bytes(APP))
    candidate = browser.new_context()  # a stranger's browser: no session cookie
    try:
        visitor = candidate.new_page()
        visitor.goto(link.group(1))
        expect(visitor.get_by_role("heading", level=1)).to_contain_text("Flask API developer")
        expect(visitor.locator("dl")).to_contain_text("Size limit")
        visitor.get_by_label(re.compile("Take-home archive")).set_input_files(str(archive))
        visitor.get_by_role("button", name="Upload my take-home").click()
        expect(visitor.get_by_role("heading", level=1)).to_contain_text("we received")
    finally:
        candidate.close()

    drain()
    page.reload()
    expect(panel.locator("[data-invite-state]")).to_have_text("reviewed")
    panel.get_by_role("link", name="Report").click()
    expect(page).to_have_url(re.compile(r"/reviews/\d+$"))
    expect(page.locator("main")).to_contain_text("Score ")
