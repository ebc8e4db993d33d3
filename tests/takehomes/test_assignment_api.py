"""The assignments API: create, read, new version, send, submissions (blinded)."""

from __future__ import annotations

import io

import pytest

from hirekit.extensions import db
from hirekit.takehomes import candidate_page
from hirekit.takehomes.models import Invitation
from hirekit.takehomes.services.invitations import token_for
from tests.jobs.factories import make_application, make_job
from tests.takehomes.archives import APP, traversal_zip, zip_bytes
from tests.takehomes.assignment_data import HIDDEN, STARTER, upload

FORM = {
    "title": "Orders API",
    "use_case": "rest-api",
    "expected_hours": "2.5",
    "deadline_days": "4",
    "brief": "Build it.",
    "requirements": "flask==3.1.3\n",
}


@pytest.fixture
def job(app, make_user):
    app.config["BASE_URL"] = "http://localhost"
    return make_job(make_user("recruiter"), title="Flask API developer")


def _create(client, headers, job, **extra):
    data = {
        **FORM,
        "starter": (io.BytesIO(zip_bytes(STARTER)), "starter.zip"),
        "hidden_tests": (io.BytesIO(zip_bytes(HIDDEN, top="")), "hidden.zip"),
        **extra,
    }
    return client.post(
        f"/api/v1/jobs/{job.id}/assignments",
        data=data,
        headers=headers,
        content_type="multipart/form-data",
    )


def test_create_get_version_list(client, api_token, job):
    _, headers = api_token("hiring_manager")
    created = _create(client, headers, job)
    assert created.status_code == 201, created.get_json()
    body = created.get_json()
    assert body["current"]["number"] == 1
    assert body["current"]["starter"]["filename"] == "starter.zip"
    assert body["current"]["hidden_tests"]["size"] > 0
    assert "key" not in str(body)  # store keys never leave the server
    assignment_id = body["id"]
    changed = client.post(
        f"/api/v1/assignments/{assignment_id}/versions",
        data={"title": "Orders API, second take", "remove_starter": "true"},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert changed.status_code == 201, changed.get_json()
    version = changed.get_json()
    assert (version["number"], version["title"]) == (2, "Orders API, second take")
    assert version["expected_hours"] == 2.5  # kept from version 1
    assert version["starter"] is None and version["hidden_tests"] is not None
    got = client.get(f"/api/v1/assignments/{assignment_id}", headers=headers).get_json()
    assert [v["number"] for v in got["versions"]] == [1, 2]
    assert got["versions"][0]["starter"]["filename"] == "starter.zip"  # untouched
    listed = client.get(f"/api/v1/jobs/{job.id}/assignments", headers=headers).get_json()
    assert [a["id"] for a in listed] == [assignment_id]


def test_bad_input_is_named(client, api_token, job):
    _, headers = api_token("recruiter")
    missing = client.post(
        f"/api/v1/jobs/{job.id}/assignments",
        data={"title": "X"},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert missing.status_code == 422
    assert missing.get_json()["error"]["code"]
    unpinned = _create(client, headers, job, requirements="flask>=3")
    assert unpinned.status_code == 422
    assert "requirements" in unpinned.get_json()["error"]["details"]
    unsafe = _create(client, headers, job, starter=(io.BytesIO(traversal_zip()), "s.zip"))
    assert unsafe.status_code == 422
    error = unsafe.get_json()["error"]
    assert "escapes the archive" in error["message"] and "starter" in error["details"]


def test_interviewers_and_strangers_are_refused(client, api_token, job):
    _, headers = api_token("interviewer")
    assert _create(client, headers, job).status_code == 403
    assert client.get(f"/api/v1/jobs/{job.id}/assignments").status_code == 401


def test_send_and_list_submissions_blinded(client, api_token, job, make_user):
    recruiter, headers = api_token("recruiter")
    assignment_id = _create(client, headers, job).get_json()["id"]
    application = make_application(recruiter, job, name="Grace Hopper")
    sent = client.post(
        f"/api/v1/assignments/{assignment_id}/invitations",
        json={"application_id": application.id},
        headers=headers,
    )
    assert sent.status_code == 201, sent.get_json()
    invitation = db.session.get(Invitation, sent.get_json()["id"])
    assert invitation.assignment_version_id is not None
    bad = client.post(f"/api/v1/assignments/{assignment_id}/invitations", json={}, headers=headers)
    assert bad.status_code == 422 and "application_id" in str(bad.get_json())
    token = token_for(invitation)
    candidate_page.upload_by_token(token, upload(zip_bytes(APP), "one.zip"))
    candidate_page.upload_by_token(token, upload(zip_bytes(APP), "two.zip"))
    db.session.commit()
    # The recruiter who sent it sees who it is; a hiring manager sees a number.
    rows = client.get(
        f"/api/v1/assignments/{assignment_id}/submissions", headers=headers
    ).get_json()
    assert [(r["filename"], r["latest"]) for r in rows] == [("two.zip", True), ("one.zip", False)]
    assert rows[0]["candidate_name"] == "Grace Hopper"
    # Hidden tests queue a sandboxed run: its results show as pending until it ran.
    assert rows[0]["results"]["run"]["state"] == "pending"
    assert rows[0]["results"]["hidden_tests"]["failing"] == []
    _, manager = api_token("hiring_manager")
    rows = client.get(
        f"/api/v1/assignments/{assignment_id}/submissions", headers=manager
    ).get_json()
    assert rows[0]["blind"] is True
    assert rows[0]["candidate_name"] is None and rows[0]["candidate_id"] is None
    assert rows[0]["candidate_label"].startswith("Candidate #")
    one = client.get(
        f"/api/v1/assignments/{assignment_id}/submissions/{rows[1]['id']}", headers=manager
    )
    assert one.status_code == 200 and one.get_json()["filename"] == "one.zip"
    other = client.get(f"/api/v1/assignments/{assignment_id}/submissions/99999", headers=manager)
    assert other.status_code == 404


def test_the_openapi_document_lists_the_endpoints(client):
    document = client.get("/api/v1/openapi.json").get_json()
    paths = document["paths"]
    for path in (
        "/api/v1/jobs/{job_id}/assignments",
        "/api/v1/assignments/{assignment_id}",
        "/api/v1/assignments/{assignment_id}/versions",
        "/api/v1/assignments/{assignment_id}/invitations",
        "/api/v1/assignments/{assignment_id}/submissions",
        "/api/v1/assignments/{assignment_id}/submissions/{submission_id}",
    ):
        assert path in paths, path
    create = paths["/api/v1/jobs/{job_id}/assignments"]["post"]["requestBody"]["content"]
    name = create["multipart/form-data"]["schema"]["$ref"].rsplit("/", 1)[-1]
    fields = document["components"]["schemas"][name]["properties"]
    assert {"title", "starter", "hidden_tests", "requirements"} <= set(fields)
