"""A recruiter bulk-uploads resumes, watches the batch finish and reads the ranked list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from hirekit.queue.runner import drain
from tests.conftest import PASSWORD
from tests.resumes.samples import TESTING_QUOTE, docx_resume, open_job, text_resume

pytestmark = pytest.mark.browser


def test_bulk_upload_progress_ranked_list_and_highlighted_quote(
    page, live_server, make_user, sign_in, tmp_path: Path
):
    recruiter = make_user("recruiter", name="Rita Recruiter")
    open_job(recruiter, title="Flask API developer")
    files = {
        "ana.txt": text_resume("Ana Lovelace", "ana@example.com"),
        "bo.docx": docx_resume("Bo Tan", "bo@example.com"),
        "cy.txt": text_resume("Cy Okafor", "cy@example.com", strong=False),
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))

    sign_in(recruiter.email, PASSWORD)
    page.goto(f"{live_server.url}/screening")
    page.get_by_role("link", name="Upload resumes").click()
    page.get_by_label(re.compile("^Resumes")).set_input_files(paths)
    page.get_by_role("button", name="Upload and screen").click()

    page.wait_for_url(re.compile(r"/tasks/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Screening 3 resumes")
    progress = page.get_by_label("Progress")
    expect(progress).to_be_visible()
    drain()  # the worker's part, done here so that the test controls when it happens
    # The page polls the task and moves on to the upload's report once it is done.
    page.wait_for_url(re.compile(r"/resumes/batches/\d+$"))
    expect(page.locator(".actions")).to_contain_text("done (100%)")
    expect(page.locator("tbody tr")).to_have_count(3)

    page.get_by_role("link", name="Open the ranked list").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Flask API developer")
    entries = page.locator(".ranked-entry")
    expect(entries).to_have_count(3)
    first = entries.first
    expect(first.locator(".who")).to_contain_text(re.compile(r"Candidate #[0-9A-F]{4}"))
    expect(page.locator("body")).not_to_contain_text("Lovelace")
    mark = first.locator("mark.green", has_text=TESTING_QUOTE)
    expect(mark).to_be_hidden()  # closed <details> until the reviewer opens it
    first.locator("summary").click()
    expect(mark).to_be_visible()
