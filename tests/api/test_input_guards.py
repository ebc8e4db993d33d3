"""No 500s from input the database cannot hold, or from a database that is gone."""

from __future__ import annotations

import pytest

from hirekit import create_app
from hirekit.extensions import db
from tests.conftest import BASE_CONFIG, PG_URL

HUGE = str(2**64)  # past a 64-bit signed column
LARGEST = 2**31 - 1  # ids are integer columns


def _error(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body["error"]) == {"code", "message", "details"}
    return body["error"]


def test_an_id_past_the_largest_integer_is_not_found(client, api_token):
    _, headers = api_token("admin")
    paths = [
        f"/api/v1/{kind}/{n}" for kind in ("candidates", "jobs", "reviews") for n in (HUGE, 2**31)
    ]
    for path in paths:
        assert _error(client.get(path, headers=headers), 404)["code"] == "not_found"
    # The largest integer still reaches the view, which finds nothing.
    assert _error(client.get(f"/api/v1/candidates/{LARGEST}", headers=headers), 404)


def test_a_huge_integer_in_a_query_string_is_a_bad_request(client, api_token):
    _, headers = api_token("admin")
    error = _error(client.get(f"/api/v1/candidates?job_id={HUGE}", headers=headers), 400)
    assert "out of range" in error["message"]


def test_a_huge_integer_in_a_body_is_a_bad_request(client, api_token):
    _, headers = api_token("admin")
    body = {"name": "Ana Lovelace", "email": "ana@example.com"}
    created = client.post("/api/v1/candidates", json=body, headers=headers)
    assert created.status_code == 201, created.get_data(as_text=True)
    response = client.post(
        f"/api/v1/candidates/{created.get_json()['id']}/applications",
        json={"job_id": 2**64},
        headers=headers,
    )
    assert response.status_code in (400, 404, 422), response.get_data(as_text=True)
    assert "error" in response.get_json()


def test_a_nul_character_in_a_search_is_refused_clearly(client, api_token, login_as):
    _, headers = api_token("admin")
    error = _error(client.get("/api/v1/candidates?q=ana%00lovelace", headers=headers), 400)
    assert "NUL" in error["message"]
    login_as("recruiter")
    page = client.get("/candidates/?q=ana%00")
    assert page.status_code == 400 and "NUL characters" in page.get_data(as_text=True)


def test_a_nul_character_in_a_json_body_is_refused(client, api_token):
    _, headers = api_token("admin")
    body = {"name": "Ana\u0000", "email": "ana@example.com"}
    error = _error(client.post("/api/v1/candidates", json=body, headers=headers), 400)
    assert "JSON body" in error["message"]


def test_the_api_answers_503_when_the_database_is_gone(tmp_path):
    app = create_app(
        {**BASE_CONFIG, "DATABASE_URL": f"sqlite:///{tmp_path}/missing-folder/x.sqlite3"}
    )
    response = app.test_client().get(
        "/api/v1/candidates", headers={"Authorization": "Bearer hk_whatever"}
    )
    error = _error(response, 503)
    assert error["code"] == "unavailable"
    assert response.headers["Retry-After"] == "5"


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="needs HIREKIT_TEST_DATABASE_URL")
def test_readyz_is_not_ready_while_postgresql_is_read_only(pg_schema_url):
    read_only = pg_schema_url + "%20-cdefault_transaction_read_only%3Don"
    app = create_app({**BASE_CONFIG, "DATABASE_URL": read_only})
    writable = create_app({**BASE_CONFIG, "DATABASE_URL": pg_schema_url})
    try:
        response = app.test_client().get("/readyz")
        assert response.status_code == 503, response.get_data(as_text=True)
        assert "read-only" in response.get_json()["error"]["message"]
        assert writable.test_client().get("/readyz").status_code == 200
    finally:
        for made in (app, writable):  # close their pooled connections now, not at GC
            with made.app_context():
                db.engine.dispose()
