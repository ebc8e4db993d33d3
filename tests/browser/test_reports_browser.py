"""Reports in Chromium: the dashboard draws its charts, a filter changes the figures,
the CSV download matches the table on the page."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from hirekit.extensions import db
from tests.conftest import PASSWORD
from tests.reports.factories import History

pytestmark = pytest.mark.browser


@pytest.fixture
def seeded(app, make_user):
    admin = make_user("admin")
    platform = History.open_job(admin, title="API developer", team="Platform")
    data = History.open_job(admin, title="Data developer", team="Data")
    for history, days in ((platform, 20), (data, 40)):
        application = history.apply(0, source="referral")
        history.walk(
            application,
            ("Screen", 2),
            ("Take-home", 4),
            ("Interview", 6),
            ("Offer", 8),
            ("Hired", days),
        )
    platform.reject(platform.apply(1, source="careers-page"), 3)
    db.session.commit()
    return make_user("hiring_manager")


def _sign_in(page, live_server, user):
    page.goto(f"{live_server.url}/login")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def test_dashboard_charts_filter_and_csv(page, live_server, seeded):
    _sign_in(page, live_server, seeded)
    page.goto(f"{live_server.url}/dashboard")
    assert page.locator("svg.chart").count() >= 2
    assert page.locator("svg.chart title").first.text_content()
    median = page.locator('[data-figure="Median time to hire"]')
    assert median.text_content() == "30.0 days"  # 20 and 40 days

    page.goto(f"{live_server.url}/reports/")
    page.select_option("#f-team", "Platform")
    page.click("form.report-filters button[type=submit]")
    page.wait_for_url("**team=Platform**")
    assert page.locator('[data-figure="Median time to hire"]').text_content() == "20.0 days"

    page.goto(f"{live_server.url}/reports/funnel")
    cells = page.locator("table.report-table tbody tr")
    shown = [
        [c.strip() for c in cells.nth(i).locator("th, td").all_text_contents()]
        for i in range(cells.count())
    ]
    with page.expect_download() as download_info:
        page.click("[data-csv]")
    path = download_info.value.path()
    rows = list(csv.reader(io.StringIO(Path(path).read_text(encoding="utf-8"))))
    assert rows[1:] == shown
    assert rows[1][:2] == ["Applied", "3"]

    page.locator("table.report-table thead th").nth(1).locator("button").click()
    assert (
        page.locator("table.report-table thead th").nth(1).get_attribute("aria-sort") == "ascending"
    )
