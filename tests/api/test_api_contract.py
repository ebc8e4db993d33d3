"""The API's contract: one error envelope, pagination headers, a valid OpenAPI 3 document."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from hirekit.extensions import db


def _envelope(response) -> dict:
    assert response.is_json, response.get_data(as_text=True)[:200]
    body = response.get_json()
    assert set(body) == {"error"}
    assert {"code", "message", "details"} <= set(body["error"])
    return body["error"]


def test_openapi_document_is_valid_openapi_3(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    validate(spec)
    assert {
        "/api/v1/me",
        "/api/v1/guides",
        "/api/v1/guides/{slug}",
        "/api/v1/users",
        "/api/v1/tasks/{job_id}",
    } <= set(spec["paths"])


def test_browsable_docs_list_the_endpoints(client):
    page = client.get("/api/v1/docs").get_data(as_text=True)
    assert "/api/v1/guides/{slug}" in page
    assert '<script src="http' not in page


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/api/v1/nothing-here", 404, "not_found"),
        ("DELETE", "/api/v1/me", 405, "method_not_allowed"),
        ("GET", "/api/v1/users/424242", 404, "not_found"),
        ("GET", "/api/v1/guides/cobol", 404, "not_found"),
    ],
)
def test_errors_use_the_envelope(client, api_token, method, path, status, code):
    _, headers = api_token("admin")
    response = client.open(path, method=method, headers=headers)
    assert response.status_code == status
    assert _envelope(response)["code"] == code


def test_401_and_bad_token(client):
    assert _envelope(client.get("/api/v1/me"))["code"] == "unauthorized"
    bad = client.get("/api/v1/me", headers={"Authorization": "Bearer hk_nope"})
    assert bad.status_code == 401
    assert "invalid" in _envelope(bad)["message"]


def test_validation_error_is_422_with_field_details(client, api_token):
    _, headers = api_token("admin")
    response = client.post(
        "/api/v1/users", headers=headers, json={"email": "not-an-email", "role": "wizard"}
    )
    assert response.status_code == 422
    error = _envelope(response)
    assert error["code"] == "validation_failed"
    assert {"email", "role", "password"} <= set(error["details"]["fields"])


def test_malformed_json_is_400(client, api_token):
    _, headers = api_token("admin")
    response = client.post(
        "/api/v1/users", headers={**headers, "Content-Type": "application/json"}, data="{not json"
    )
    assert response.status_code in (400, 422)
    assert _envelope(response)["code"] in ("bad_request", "validation_failed")


def test_conflict_is_409(client, api_token):
    user, headers = api_token("admin")
    response = client.post(
        "/api/v1/users",
        headers=headers,
        json={"email": user.email, "role": "recruiter", "password": "long-enough-pw-1"},
    )
    assert response.status_code == 409
    assert _envelope(response)["code"] == "conflict"


def test_413_for_a_body_over_the_limit(app_factory):
    from hirekit.accounts import services

    app = app_factory(MAX_UPLOAD_MB=1)
    with app.app_context():
        admin = services.create_user("big@example.com", "admin", "long-enough-pw-1")
        secret = services.create_token(admin, "t").secret
        db.session.commit()
    response = app.test_client().post(
        "/api/v1/users",
        data=b"x" * (2 * 1024 * 1024),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {secret}"},
    )
    assert response.status_code == 413
    assert _envelope(response)["code"] == "too_large"


def test_500_is_an_envelope_too(app_factory):
    app = app_factory(fresh=True)

    @app.get("/api/v1/boom")
    def boom():
        raise RuntimeError("kaboom")

    response = app.test_client().get("/api/v1/boom")
    assert response.status_code == 500
    error = _envelope(response)
    assert error["code"] == "internal_error"
    assert "kaboom" not in error["message"]


def test_429_on_the_api_is_an_envelope(app_factory):
    from hirekit.extensions import limiter

    app = app_factory(fresh=True)

    @app.get("/api/v1/limited")
    @limiter.limit("1 per minute")
    def limited():
        return {"ok": True}

    client = app.test_client()
    assert client.get("/api/v1/limited").status_code == 200
    response = client.get("/api/v1/limited")
    assert response.status_code == 429
    assert _envelope(response)["code"] == "too_many_requests"


def test_users_are_paginated_with_total_and_links(client, api_token, make_user):
    _, headers = api_token("admin")
    for _ in range(4):
        make_user("interviewer")
    response = client.get("/api/v1/users?page=2&per_page=2", headers=headers)
    assert response.status_code == 200
    assert len(response.get_json()) == 2
    assert response.headers["X-Total-Count"] == "5"
    link = response.headers["Link"]
    assert 'page=3&per_page=2>; rel="next"' in link
    assert 'page=1&per_page=2>; rel="prev"' in link
    assert 'rel="last"' in link


def test_per_page_is_capped_at_100(client, api_token):
    _, headers = api_token("admin")
    response = client.get("/api/v1/users?per_page=101", headers=headers)
    assert response.status_code == 422
    assert "per_page" in _envelope(response)["details"]["fields"]


def test_admin_creates_and_deactivates_users_through_the_api(client, api_token):
    admin, headers = api_token("admin")
    created = client.post(
        "/api/v1/users",
        headers=headers,
        json={
            "email": "New.Person@Example.com",
            "role": "interviewer",
            "password": "long-enough-pw-1",
        },
    )
    assert created.status_code == 201
    body = created.get_json()
    assert body["email"] == "new.person@example.com"
    assert "password" not in body and "password_hash" not in body
    patched = client.patch(
        f"/api/v1/users/{body['id']}", headers=headers, json={"role": "recruiter", "active": False}
    )
    assert patched.get_json()["role"] == "recruiter"
    assert patched.get_json()["active"] is False


def test_role_changes_are_audited(client, api_token, make_user):
    from hirekit.audit import services as audit

    admin, headers = api_token("admin")
    victim = make_user("interviewer")
    client.patch(f"/api/v1/users/{victim.id}", headers=headers, json={"role": "admin"})
    entry = audit.recent(action="user.role_changed")[0]
    assert (entry.actor_email, entry.subject_id) == (admin.email, str(victim.id))
    assert entry.details == {"from": "interviewer", "to": "admin"}
    assert audit.verify().ok
    entry.details = {"from": "interviewer", "to": "recruiter"}
    db.session.commit()
    broken = audit.verify()
    assert broken.broken_at == entry.id
