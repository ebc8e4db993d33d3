"""A visitor with no account applies on the careers page with a resume."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from hirekit.candidates.models import Candidate
from hirekit.extensions import db
from tests.resumes.samples import docx_resume, open_job

pytestmark = pytest.mark.browser


def test_visitor_applies_with_a_resume_and_sees_the_confirmation(
    page, live_server, make_user, tmp_path: Path
):
    job = open_job(make_user("recruiter"), title="Flask API developer", location="Porto")
    resume = tmp_path / "ana-lovelace.docx"
    resume.write_bytes(docx_resume("Ana Lovelace", "ana@example.com"))

    page.goto(f"{live_server.url}/careers/")
    page.get_by_role("link", name="Flask API developer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Flask API developer")
    expect(page.locator(".facts")).to_contain_text("Porto")

    page.get_by_role("button", name="Send application").click()  # empty: every problem named
    expect(page.locator("#name-error")).to_contain_text("Enter your name")
    expect(page.locator("#consent-error")).to_contain_text("consent")

    page.get_by_label("Full name").fill("Ana Lovelace")
    page.get_by_label("Email").fill("ana@example.com")
    page.get_by_label(re.compile(r"^Resume")).set_input_files(str(resume))
    page.get_by_label(re.compile(r"^Links")).fill("https://github.com/ana")
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Send application").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("application was received")
    expect(page.locator(".confirmation")).to_contain_text("180 days")
    db.session.expire_all()
    person = db.session.scalars(select(Candidate)).one()
    assert (person.email, person.source) == ("ana@example.com", "careers-page")
    assert job.id == person.applications[0].job_id
