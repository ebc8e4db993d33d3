"""Jobs through the REST API: create, read, patch, state, stages, validation errors."""

from __future__ import annotations

from hirekit.extensions import db
from hirekit.jobs.models import Job


def _create(client, headers, **overrides):
    body = {"title": "Flask API engineer", "use_case": "rest-api", "level": "senior"}
    body.update(overrides)
    return client.post("/api/v1/jobs", headers=headers, json=body)


def test_create_read_patch(client, api_token):
    user, headers = api_token("recruiter")
    created = _create(client, headers, salary_min=60_000, salary_max=80_000, currency="GBP")
    assert created.status_code == 201
    job = created.get_json()
    assert job["state"] == "draft" and job["currency"] == "GBP"
    assert [(s["name"], s["kind"]) for s in job["stages"]][-1] == ("Hired", "hired")
    assert "issues" in job["check"]
    patched = client.patch(
        f"/api/v1/jobs/{job['id']}",
        headers=headers,
        json={"title": "Staff Flask engineer", "interviewer_ids": [user.id]},
    )
    assert patched.status_code == 200, patched.get_json()
    assert patched.get_json()["title"] == "Staff Flask engineer"
    assert patched.get_json()["team_members"] == [
        {"user_id": user.id, "role": "interviewer", "name": user.display_name}
    ]
    listing = client.get("/api/v1/jobs?per_page=1", headers=headers)
    assert listing.headers["X-Total-Count"] == "1"


def test_validation_errors_name_the_fields(client, api_token):
    _, headers = api_token("recruiter")
    missing = _create(client, headers, title="", use_case="django", level=None)
    assert missing.status_code == 422
    fields = missing.get_json()["error"]["details"]["fields"]
    assert {"title", "use_case", "level"} <= set(fields)
    band = _create(client, headers, salary_min=90_000, salary_max=10_000)
    assert band.status_code == 422
    assert band.get_json()["error"]["details"] == {"salary_max": "must not be below the minimum"}
    team = _create(client, headers, recruiter_ids=[424242])
    assert team.status_code == 422
    assert db.session.scalar(db.select(db.func.count(Job.id))) == 0


def test_state_changes_and_conflicts(client, api_token):
    _, headers = api_token("hiring_manager")
    job_id = _create(client, headers).get_json()["id"]
    for state in ("open", "paused", "closed", "open"):
        response = client.post(
            f"/api/v1/jobs/{job_id}/state", headers=headers, json={"state": state}
        )
        assert response.status_code == 200 and response.get_json()["state"] == state
    conflict = client.post(f"/api/v1/jobs/{job_id}/state", headers=headers, json={"state": "draft"})
    assert conflict.status_code == 409
    assert conflict.get_json()["error"]["code"] == "conflict"


def test_stages_edit_by_id_and_refuse_removing_a_busy_stage(client, api_token):
    _, headers = api_token("recruiter")
    job = _create(client, headers).get_json()
    job_id = job["id"]
    applied, hired = job["stages"][0], job["stages"][-1]
    assert (applied["kind"], hired["kind"]) == ("active", "hired")
    candidate = client.post(
        "/api/v1/candidates", headers=headers, json={"name": "Ria Example", "job_id": job_id}
    ).get_json()
    assert candidate["id"]
    url = f"/api/v1/jobs/{job_id}/stages"
    busy = client.put(
        url,
        headers=headers,
        json={
            "stages": [
                {"name": "Screen", "kind": "active"},
                {"id": hired["id"], "name": "Hired", "kind": "hired"},
            ]
        },
    )
    assert busy.status_code == 422 and "Applied" in busy.get_json()["error"]["message"]
    ok = client.put(
        url,
        headers=headers,
        json={
            "stages": [
                {"id": applied["id"], "name": "Received", "kind": "active"},
                {"name": "Tech chat", "kind": "interview"},
                {"id": hired["id"], "name": "Hired", "kind": "hired"},
            ]
        },
    )
    assert ok.status_code == 200
    body = ok.get_json()
    assert [(s["name"], s["kind"]) for s in body] == [
        ("Received", "active"),
        ("Tech chat", "interview"),
        ("Hired", "hired"),
    ]
    # Renamed while holding the candidate: same id, candidate still in it.
    assert body[0]["id"] == applied["id"]
    listed = client.get(url, headers=headers).get_json()
    assert [s["position"] for s in listed] == [0, 1, 2]
    no_hired = client.put(
        url,
        headers=headers,
        json={
            "stages": [
                {"id": applied["id"], "name": "A", "kind": "active"},
                {"name": "B", "kind": "offer"},
            ]
        },
    )
    assert no_hired.status_code == 422
    assert "hired" in no_hired.get_json()["error"]["details"]["kind"]
    bad_kind = client.put(url, headers=headers, json={"stages": [{"name": "A", "kind": "maybe"}]})
    assert bad_kind.status_code == 422
    moved = client.put(
        url,
        headers=headers,
        json={
            "stages": [
                {"name": "Fresh start", "kind": "active"},
                {"id": hired["id"], "name": "Hired", "kind": "hired"},
            ],
            "relocate": [{"from_stage_id": applied["id"], "to_stage_id": hired["id"]}],
        },
    )
    assert moved.status_code == 200
    apps = client.get(
        f"/api/v1/candidates/{candidate['id']}/applications", headers=headers
    ).get_json()
    assert [(a["stage"], a["status"]) for a in apps] == [("Hired", "hired")]
