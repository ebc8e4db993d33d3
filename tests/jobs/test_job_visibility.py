"""Confidential jobs and salaries: who sees them, on pages and through the API."""

from __future__ import annotations

import pytest

from hirekit.accounts.permissions import PERMISSIONS, Permission, Role
from tests.conftest import login
from tests.jobs.factories import make_application, make_job


@pytest.fixture
def confidential(make_user):
    manager = make_user("hiring_manager")
    insider = make_user("recruiter")
    job = make_job(
        manager, title="Secret payments rewrite", confidential=True, recruiter_ids=[insider.id]
    )
    application = make_application(manager, job, "Quiet Example")
    return job, application, insider


def test_recruiter_outside_the_team_cannot_see_a_confidential_job(
    client, make_user, api_token, confidential
):
    job, application, _ = confidential
    outsider = make_user("recruiter")
    login(client, outsider.email)
    assert "Secret payments rewrite" not in client.get("/jobs/").get_data(as_text=True)
    for path in (
        f"/jobs/{job.id}",
        f"/jobs/{job.id}/board",
        f"/jobs/{job.id}/pipeline.csv",
        f"/candidates/{application.candidate_id}",
    ):
        assert client.get(path).status_code == 404, path
    assert "Quiet Example" not in client.get("/candidates/?q=quiet").get_data(as_text=True)
    _, headers = api_token("recruiter")
    listed = client.get("/api/v1/jobs", headers=headers).get_json()
    assert job.id not in [j["id"] for j in listed]
    assert client.get(f"/api/v1/jobs/{job.id}", headers=headers).status_code == 404
    assert client.get(f"/api/v1/applications/{application.id}", headers=headers).status_code == 404
    assert client.get("/api/v1/candidates?q=quiet", headers=headers).get_json() == []


def test_team_members_and_admins_see_it(client, make_user, confidential):
    job, application, insider = confidential
    login(client, insider.email)
    assert client.get(f"/jobs/{job.id}").status_code == 200
    assert "Quiet Example" in client.get(f"/jobs/{job.id}/board").get_data(as_text=True)
    client.post("/logout", data={})
    admin = make_user("admin")
    client2 = client.application.test_client()
    login(client2, admin.email)
    assert "Secret payments rewrite" in client2.get("/jobs/").get_data(as_text=True)


def test_interviewer_sees_no_job_and_no_salary(client, make_user, api_token, confidential):
    job, _, _ = confidential
    open_job = make_job(make_user("recruiter"), title="Open role")
    login(client, make_user("interviewer").email)
    for target in (job, open_job):
        assert client.get(f"/jobs/{target.id}").status_code == 403
    assert client.get("/jobs/").status_code == 403
    _, headers = api_token("interviewer")
    for target in (job, open_job):
        response = client.get(f"/api/v1/jobs/{target.id}", headers=headers)
        assert response.status_code == 403
        assert "salary" not in response.get_data(as_text=True)


def test_salary_is_shown_only_with_salary_read(client, make_user, api_token, monkeypatch):
    job = make_job(make_user("recruiter"), salary_min=61_000, salary_max=73_000)
    _, headers = api_token("hiring_manager")
    body = client.get(f"/api/v1/jobs/{job.id}", headers=headers).get_json()
    assert (body["salary_min"], body["salary_max"], body["currency"]) == (61_000, 73_000, "EUR")
    # A deployment that withholds salaries from hiring managers: the same job, no band.
    monkeypatch.setitem(
        PERMISSIONS,
        Role.HIRING_MANAGER,
        PERMISSIONS[Role.HIRING_MANAGER] - {Permission.SALARY_READ},
    )
    body = client.get(f"/api/v1/jobs/{job.id}", headers=headers).get_json()
    assert "salary_min" not in body and "salary_max" not in body
    listed = client.get("/api/v1/jobs", headers=headers).get_json()
    assert all("salary_min" not in j for j in listed)
    manager = make_user("hiring_manager")
    login(client, manager.email)
    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "61000" not in page and "73000" not in page
