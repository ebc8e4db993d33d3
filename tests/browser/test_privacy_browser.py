"""An admin exports a candidate, deletes them after confirming, and they are gone."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.jobs.factories import make_candidate

pytestmark = pytest.mark.browser


def test_admin_exports_then_deletes_a_candidate(
    page, live_server, make_user, sign_in, tmp_path: Path
):
    admin = make_user("admin", name="Ada Admin")
    person = make_candidate(admin, "Wilhelmina Exportova", email="wilhelmina@example.com")
    make_candidate(admin, "Stays Around", email="stays@example.com")
    sign_in(admin.email, PASSWORD)

    page.goto(f"{live_server.url}/candidates/{person.id}")
    page.get_by_role("link", name="Privacy: export or delete").click()
    with page.expect_download() as arrived:
        page.get_by_role("link", name="Download the export").click()
    saved = tmp_path / arrived.value.suggested_filename
    arrived.value.save_as(saved)
    assert saved.name == f"candidate-{person.id}.zip"
    with zipfile.ZipFile(saved) as archive:
        document = json.loads(archive.read("candidate.json"))
    assert "wilhelmina@example.com" in json.dumps(document)
    assert document["candidate_id"] == person.id

    delete = page.get_by_role("button", name="Delete Wilhelmina Exportova")
    delete.click()  # without the confirmation box ticked, nothing is deleted
    page.goto(f"{live_server.url}/candidates/?q=wilhelmina")
    expect(page.get_by_role("link", name="Wilhelmina Exportova")).to_be_visible()

    page.goto(f"{live_server.url}/candidates/{person.id}/privacy")
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete Wilhelmina Exportova").click()
    page.wait_for_url(f"{live_server.url}/candidates/")
    expect(page.locator("body")).to_contain_text("deleted")

    page.goto(f"{live_server.url}/candidates/?q=wilhelmina")
    expect(page.locator("body")).to_contain_text("No candidates match.")
    page.goto(f"{live_server.url}/candidates/?q=example")
    expect(page.get_by_role("link", name="Stays Around")).to_be_visible()
    expect(page.get_by_role("link", name="Wilhelmina Exportova")).to_have_count(0)
    gone = page.goto(f"{live_server.url}/candidates/{person.id}")
    assert gone is not None and gone.status == 404
