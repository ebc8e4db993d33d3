"""Report pages, CSV downloads and the JSON API carry the same figures."""

from __future__ import annotations

import csv
import io
import re

import pytest

from hirekit.reports.services.catalog import REPORTS
from tests.reports.factories import History

STEPS = ("Screen", "Take-home", "Interview", "Offer", "Hired")


@pytest.fixture
def hiring(db, make_user):
    admin = make_user("admin")
    history = History.open_job(admin, opened=0, team="Platform")
    for applied, hired in [(1, 21), (2, 30)]:
        app = history.apply(applied, source="referral")
        history.walk(app, *[(s, applied + 2 * (i + 1)) for i, s in enumerate(STEPS[:-1])])
        history.move(app, "Hired", hired)
    history.reject(history.apply(3, source="careers-page"), 6)
    db.session.commit()
    return history


def test_every_report_page_renders_chart_table_and_csv_link(client, login_as, hiring):
    login_as("recruiter")
    for slug in REPORTS:
        html = client.get(f"/reports/{slug}").get_data(as_text=True)
        if slug == "fairness":
            assert "No self-identification questions yet" in html
            continue
        assert "<svg" in html and "<title" in html and "<desc" in html, slug
        assert 'style="' not in html, slug
        assert f"/reports/{slug}.csv" in html, slug
        assert "<table" in html, slug


def _table_rows(html: str) -> list[list[str]]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
        ]
        for row in rows
    ]


def test_csv_matches_the_table_on_the_page(client, login_as, hiring):
    login_as("recruiter")
    html = client.get("/reports/funnel").get_data(as_text=True)
    response = client.get("/reports/funnel.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["Stage", "Reached", "Still in stage", "Passed through", "Pass-through %"]
    assert rows[1:] == _table_rows(html)
    assert rows[1] == ["Applied", "3", "0", "2", "66.7"]


def test_filter_by_team_changes_the_figures(client, login_as, hiring):
    login_as("recruiter")
    everything = client.get("/reports/sources.csv").get_data(as_text=True)
    other_team = client.get("/reports/sources.csv?team=Data").get_data(as_text=True)
    assert "referral,2,2,2,2,100.0" in everything
    assert other_team.strip().splitlines() == [
        "Source,Applications,Screened in,Interviewed,Hired,Hired %"
    ]


def test_bad_filter_is_refused(client, login_as, hiring):
    login_as("recruiter")
    assert client.get("/reports/funnel?start=yesterday").status_code == 422


def test_unknown_report_is_a_404(client, login_as):
    login_as("recruiter")
    assert client.get("/reports/nope").status_code == 404


def test_api_returns_the_same_figures_as_the_table(client, api_token, hiring):
    _, headers = api_token("hiring_manager")
    body = client.get("/api/v1/reports/time-to-hire", headers=headers).get_json()
    assert body["report"] == "time-to-hire"
    assert body["figures"]["hires"] == 2
    assert body["figures"]["to_hire"]["median"] == pytest.approx(24.0)  # 20 and 28 days
    assert body["figures"]["market_weeks"] == [4, 5]
    csv_text = client.get("/api/v1/reports", headers=headers).get_json()
    assert {r["report"] for r in csv_text} == set(REPORTS)
    filtered = client.get("/api/v1/reports/funnel?use_case=full-stack", headers=headers)
    assert filtered.get_json()["table"]["rows"] == []


def test_dashboard_shows_headline_figures_and_charts(client, login_as, hiring):
    login_as("hiring_manager")
    html = client.get("/dashboard").get_data(as_text=True)
    assert "Hiring at a glance" in html
    assert re.search(r'data-figure="Median time to hire">24\.0 days<', html)
    assert html.count("<svg") >= 2


def test_interviewers_do_not_see_hiring_figures(client, login_as, hiring):
    login_as("interviewer")
    assert "Hiring at a glance" not in client.get("/dashboard").get_data(as_text=True)
    assert client.get("/reports/").status_code == 403
