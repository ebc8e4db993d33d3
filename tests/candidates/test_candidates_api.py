"""Candidates, applications, moves, notes and events through the REST API."""

from __future__ import annotations

from hirekit.candidates.models import Candidate
from hirekit.extensions import db
from tests.jobs.factories import make_job


def _post(client, headers, path, body):
    return client.post(path, headers=headers, json=body)


def test_create_dedupe_and_allow_duplicate(client, api_token):
    _, headers = api_token("recruiter")
    first = _post(
        client, headers, "/api/v1/candidates", {"name": "Sia Example", "email": "sia@example.com"}
    )
    assert first.status_code == 201
    again = _post(
        client, headers, "/api/v1/candidates", {"name": "S. Example", "email": "SIA@example.com"}
    )
    assert again.status_code == 409
    assert again.get_json()["error"]["details"]["duplicates"] == [first.get_json()["id"]]
    forced = _post(
        client,
        headers,
        "/api/v1/candidates",
        {"name": "S. Example", "email": "sia@example.com", "allow_duplicate": True},
    )
    assert forced.status_code == 201
    dupes = client.get(f"/api/v1/candidates/{forced.get_json()['id']}/duplicates", headers=headers)
    assert [c["id"] for c in dupes.get_json()] == [first.get_json()["id"]]
    invalid = _post(client, headers, "/api/v1/candidates", {"name": "X", "email": "not-an-email"})
    assert invalid.status_code == 422 and "email" in invalid.get_json()["error"]["details"]


def test_patch_keeps_unsent_fields(client, api_token):
    _, headers = api_token("recruiter")
    created = _post(
        client,
        headers,
        "/api/v1/candidates",
        {"name": "Tom Example", "email": "tom@example.com", "tags": ["flask"]},
    ).get_json()
    patched = client.patch(
        f"/api/v1/candidates/{created['id']}", headers=headers, json={"phone": "+44 20 7946 0000"}
    )
    assert patched.status_code == 200
    body = patched.get_json()
    assert (body["email"], body["phone"], body["tags"]) == (
        "tom@example.com",
        "+442079460000",
        ["flask"],
    )


def test_pipeline_through_the_api(client, api_token):
    user, headers = api_token("recruiter")
    job = make_job(user)
    person = _post(client, headers, "/api/v1/candidates", {"name": "Uma Example"}).get_json()
    applied = _post(
        client, headers, f"/api/v1/candidates/{person['id']}/applications", {"job_id": job.id}
    )
    assert applied.status_code == 201
    app_id = applied.get_json()["id"]
    assert applied.get_json()["stage"] == "Applied"
    twice = _post(
        client, headers, f"/api/v1/candidates/{person['id']}/applications", {"job_id": job.id}
    )
    assert twice.status_code == 409
    moved = _post(
        client, headers, f"/api/v1/applications/{app_id}/moves", {"stage_id": job.stages[2].id}
    )
    assert moved.status_code == 201 and moved.get_json()["stage"] == "Take-home"
    moves = client.get(f"/api/v1/applications/{app_id}/moves", headers=headers).get_json()
    assert len(moves) == 1
    assert moves[0]["actor"] == user.email and moves[0]["at"]
    assert (moves[0]["data"]["from_stage"], moves[0]["data"]["to_stage"]) == (
        "Applied",
        "Take-home",
    )
    other_job = make_job(user, title="Other")
    wrong = _post(
        client,
        headers,
        f"/api/v1/applications/{app_id}/moves",
        {"stage_id": other_job.stages[1].id},
    )
    assert wrong.status_code == 404
    rejected = _post(
        client, headers, f"/api/v1/applications/{app_id}/reject", {"reason": "location"}
    )
    assert rejected.get_json()["status"] == "rejected"
    assert _post(client, headers, f"/api/v1/applications/{app_id}/withdraw", {}).status_code == 409
    note = _post(
        client,
        headers,
        f"/api/v1/candidates/{person['id']}/notes",
        {"body": "Relocating in spring", "application_id": app_id},
    )
    assert note.status_code == 201
    events = client.get(f"/api/v1/candidates/{person['id']}/events", headers=headers).get_json()
    assert [e["type"] for e in events] == ["created", "applied", "moved", "rejected", "note"]
    listed = client.get(f"/api/v1/jobs/{job.id}/applications", headers=headers)
    assert listed.headers["X-Total-Count"] == "1"
    export = client.get(f"/api/v1/candidates/{person['id']}/export", headers=headers).get_json()
    assert export["applications"][0]["reject_reason"] == "location"
    assert export["notes"][0]["body"] == "Relocating in spring"


def test_merge_and_search_through_the_api(client, api_token):
    _, headers = api_token("hiring_manager")
    keep = _post(
        client, headers, "/api/v1/candidates", {"name": "Vic Example", "tags": ["htmx"]}
    ).get_json()
    gone = _post(
        client,
        headers,
        "/api/v1/candidates",
        {"name": "Vic Example", "email": "vic@example.com", "source": "github"},
    ).get_json()
    _post(client, headers, f"/api/v1/candidates/{gone['id']}/notes", {"body": "Knows Celery well"})
    merged = _post(
        client, headers, f"/api/v1/candidates/{keep['id']}/merge", {"source_id": gone["id"]}
    )
    assert merged.status_code == 200
    assert merged.get_json()["email"] == "vic@example.com"
    assert db.session.get(Candidate, gone["id"]) is None
    assert client.get(f"/api/v1/candidates/{gone['id']}", headers=headers).status_code == 404
    found = client.get("/api/v1/candidates?q=celery", headers=headers).get_json()
    assert [c["id"] for c in found] == [keep["id"]]
    by_tag = client.get("/api/v1/candidates?tag=htmx&source=github", headers=headers).get_json()
    assert [c["id"] for c in by_tag] == [keep["id"]]
    notes = client.get(f"/api/v1/candidates/{keep['id']}/notes", headers=headers).get_json()
    assert [n["body"] for n in notes] == ["Knows Celery well"]
    itself = _post(
        client, headers, f"/api/v1/candidates/{keep['id']}/merge", {"source_id": keep["id"]}
    )
    assert itself.status_code == 422
