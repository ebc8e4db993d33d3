"""The public careers pages on a phone and through a screen reader's eyes (axe-core)."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.resumes.samples import docx_resume, open_job

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
BLOCKING = {"serious", "critical"}


def _sideways_overflow(page) -> int:
    """How many CSS pixels the page is wider than the screen (0: no sideways scrolling)."""
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


def _blocking_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def posted_job(make_user):
    return open_job(
        make_user("recruiter"),
        title="Senior Flask engineer for our payments platform team",
        location="Lisbon, Portugal",
        workplace="remote",
        applicant_regions="European Union, United Kingdom",
        salary_min=70000,
        salary_max=90000,
        description=(
            "## What you will do\n\nBuild **Flask** APIs: "
            "https://example.com/a/very/long/link/that/would/push/the/page/sideways/on/a/phone"
            "\n\n```\nflask --app 'payments:create_app(config=\"production\")' run --port 8000\n```"
        ),
    )


def test_careers_pages_fit_a_phone_and_pass_axe(phone_page, live_server, posted_job, tmp_path):
    page = phone_page
    resume = tmp_path / "ana-lovelace.docx"
    resume.write_bytes(docx_resume("Ana Lovelace", "ana@example.com"))
    pages = {
        "index": f"{live_server.url}/careers/",
        "job": f"{live_server.url}/careers/{posted_job.id}",
    }
    for name, url in pages.items():
        page.goto(url)
        assert _sideways_overflow(page) <= 0, f"{name} scrolls sideways on a phone"
        assert _blocking_violations(page) == [], name

    # The form with every error shown, then the confirmation.
    page.goto(pages["job"])
    page.get_by_role("button", name="Send application").click()
    expect(page.locator("#name-error")).to_be_visible()
    assert _sideways_overflow(page) <= 0, "the form with errors scrolls sideways"
    assert _blocking_violations(page) == [], "form with errors"

    page.get_by_label("Full name").fill("Ana Lovelace")
    page.get_by_label("Email").fill("ana@example.com")
    page.get_by_label(re.compile(r"^Resume")).set_input_files(str(resume))
    page.get_by_label("I agree", exact=False).check()
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("application was received")
    assert _sideways_overflow(page) <= 0, "the confirmation scrolls sideways"
    assert _blocking_violations(page) == [], "confirmation"
