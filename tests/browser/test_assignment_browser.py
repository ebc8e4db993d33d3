"""A candidate's assignment page in a real browser: brief, starter, uploads, the deadline."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.takehomes.services import assignments, invitations
from hirekit.takehomes.services.invitations import token_for
from tests.jobs.factories import make_application, make_job
from tests.takehomes.archives import APP, zip_bytes
from tests.takehomes.assignment_data import fields, files

pytestmark = pytest.mark.browser


def test_candidate_uploads_twice_then_the_deadline_closes_uploads(
    app, browser, live_server, make_user, tmp_path: Path
):
    app.config["BASE_URL"] = live_server.url
    recruiter = make_user("recruiter")
    job = make_job(recruiter, title="Flask API developer")
    assignment = assignments.create_assignment(job.id, fields(), files(), actor=recruiter)
    application = make_application(recruiter, job)
    invitation = invitations.invite(
        application.id, actor=recruiter, assignment_version_id=assignment.current.id
    )
    db.session.commit()
    link = f"{live_server.url}/takehome/{token_for(invitation)}"
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    first.write_bytes(zip_bytes(APP))
    second.write_bytes(zip_bytes(APP, top="v2/"))

    # The candidate's own browser: no account, a time zone far from UTC.
    context = browser.new_context(timezone_id="Asia/Tokyo", accept_downloads=True)
    context.set_default_timeout(10_000)
    try:
        visitor = context.new_page()
        visitor.goto(link)
        expect(visitor.locator("[data-brief] h1")).to_have_text("The task")
        expect(visitor.locator("[data-brief] strong")).to_have_text("two")
        expect(visitor.locator("[data-brief] script")).to_have_count(0)  # shown as text only
        deadline = visitor.locator("time[data-deadline]")
        expect(deadline).to_contain_text("(Asia/Tokyo)")  # the browser's zone, named
        expect(deadline).not_to_contain_text("UTC")

        with visitor.expect_download() as download:
            visitor.get_by_role("link", name=re.compile("Download the starter files")).click()
        assert Path(download.value.path()).read_bytes().startswith(b"PK")

        for archive in (first, second):
            visitor.get_by_label(re.compile("Take-home archive")).set_input_files(str(archive))
            visitor.get_by_role("button", name="Upload", exact=True).click()
            expect(visitor.locator(".flash-success")).to_contain_text(f"Received {archive.name}")
        rows = visitor.locator("tr[data-received]")
        expect(rows).to_have_count(2)
        expect(rows.nth(0)).to_contain_text("second.zip")
        expect(rows.nth(0).locator("[data-latest]")).to_be_visible()
        expect(rows.nth(1)).to_contain_text("first.zip")
        expect(rows.nth(1).locator("[data-latest]")).to_have_count(0)

        # The deadline passes while the page is open: the next upload is refused.
        invitation.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
        visitor.get_by_label(re.compile("Take-home archive")).set_input_files(str(first))
        visitor.get_by_role("button", name="Upload", exact=True).click()
        expect(visitor.locator(".flash-error")).to_contain_text(
            "deadline for this take-home has passed"
        )
        expect(visitor.locator("[data-closed]")).to_be_visible()
        expect(visitor.get_by_role("button", name="Upload", exact=True)).to_have_count(0)
        expect(rows).to_have_count(2)  # what was received is still listed
        expect(rows.nth(0).locator("[data-latest]")).to_be_visible()
    finally:
        context.close()
