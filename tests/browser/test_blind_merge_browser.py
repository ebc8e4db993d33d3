"""A blind reviewer reads a real resume's candidate without learning who they are; a
recruiter merges two records through the side-by-side preview."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from hirekit.candidates.blinding import blind_id
from hirekit.engines.screening.names import name_parts
from hirekit.extensions import db
from hirekit.queue.runner import drain
from hirekit.resumes.models import Screening
from hirekit.resumes.services.ranking import set_blind
from hirekit.resumes.services.uploads import Upload, bulk_upload
from tests.conftest import PASSWORD
from tests.jobs.factories import make_candidate
from tests.resume_corpus import SAMPLE
from tests.resumes.samples import open_job

pytestmark = pytest.mark.browser

# A real CV of the shipped sample with a name, an e-mail and a phone on it.
REAL = SAMPLE / "docx" / "21.docx"


def _shown(text: str, secrets: list[str]) -> list[int]:
    """Which secrets (by position, never their value) the text shows."""
    lowered, digits = text.lower(), re.sub(r"\D", "", text)
    found = []
    for i, secret in enumerate(secrets):
        if secret.isdigit():
            hit = secret in digits
        else:
            pattern = r"(?<![^\W\d_])" + re.escape(secret.lower()) + r"(?![^\W\d_])"
            hit = re.search(pattern, lowered) is not None
        if hit:
            found.append(i)
    return found


def test_blind_reviewer_sees_no_name_email_or_phone(page, live_server, make_user, sign_in):
    reviewer = make_user("recruiter", name="Rita Reviewer")
    job = open_job(reviewer, title="Flask API developer")
    with REAL.open("rb") as handle:
        bulk_upload(job.id, [Upload("cv.docx", handle)], actor=reviewer)
    db.session.commit()
    drain()
    screening = db.session.scalars(select(Screening)).first()
    profile = screening.profile
    secrets = [*name_parts(profile["name"]), profile["email"]]
    secrets.append(re.sub(r"\D", "", profile["phone"])[-7:])
    set_blind(job.id, False, actor=reviewer)  # the reviewer's own switch is what blinds
    reviewer.blind_review = True
    db.session.commit()
    candidate_id = screening.candidate_id
    pseudonym = blind_id(candidate_id)

    sign_in(reviewer.email, PASSWORD)
    for path in (f"/jobs/{job.id}/ranked", f"/jobs/{job.id}/board", f"/candidates/{candidate_id}"):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("main")).to_contain_text(pseudonym)
        for details in page.locator("details").all():
            details.evaluate("d => d.open = true")  # read the resume text too
        assert _shown(page.locator("body").inner_text(), secrets) == [], path
    expect(page.locator(".resume-text")).to_contain_text("[name]")

    page.get_by_label("Why reveal who this is").fill("Booking the final interview")
    page.get_by_role("button", name=re.compile("^Reveal")).click()
    expect(page.locator("main")).to_contain_text(profile["email"])


def test_merge_preview_choose_and_confirm(page, live_server, make_user, sign_in):
    recruiter = make_user("recruiter", name="Rita Recruiter")
    keep = make_candidate(recruiter, "Lena Example", email="lena@example.com")
    dupe = make_candidate(recruiter, "Lena M. Example", email="lena.m@example.com")
    keep_id, dupe_id = keep.id, dupe.id

    sign_in(recruiter.email, PASSWORD)
    page.goto(f"{live_server.url}/candidates/{keep_id}")
    page.get_by_label("Candidate number to merge in").fill("99999")
    page.get_by_role("button", name="Compare side by side").click()
    expect(page.get_by_role("alert")).to_contain_text("There is no candidate #99999")

    page.get_by_label("Candidate number to merge in").fill(str(dupe_id))
    page.get_by_role("button", name="Compare").click()
    table = page.get_by_role("table", name="The two records side by side")
    expect(table).to_contain_text("Lena M. Example")
    expect(table).to_contain_text("lena@example.com")
    table.get_by_label("Lena M. Example").check()
    page.get_by_role("button", name="Confirm merge").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Lena M. Example")
    expect(page.locator("main")).to_contain_text("lena@example.com")
    expect(page.locator("main")).to_contain_text(f"Merged candidate #{dupe_id}")
