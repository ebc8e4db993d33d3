"""ETags and 304s on API reads and public postings; long-lived fingerprinted static files."""

from __future__ import annotations

import re

from hirekit.extensions import db
from hirekit.jobs.services import jobs
from tests.jobs.factories import make_candidate, make_job


def test_api_list_answers_304_to_its_etag_and_200_once_it_changes(client, api_token):
    user, headers = api_token("admin")
    make_candidate(user, "Ada Example")
    first = client.get("/api/v1/candidates", headers=headers)
    assert first.status_code == 200
    etag = first.headers["ETag"]
    assert etag
    again = client.get("/api/v1/candidates", headers={**headers, "If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""
    assert again.headers["ETag"] == etag
    make_candidate(user, "Bea Example")
    changed = client.get("/api/v1/candidates", headers={**headers, "If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert len(changed.get_json()) == 2


def test_api_errors_and_other_users_get_no_304(client, api_token):
    _, admin = api_token("admin")
    body = client.get("/api/v1/jobs", headers=admin)
    etag = body.headers["ETag"]
    anonymous = client.get("/api/v1/jobs", headers={"If-None-Match": etag})
    assert anonymous.status_code == 401
    assert "ETag" not in anonymous.headers


def test_public_postings_are_conditional(client, make_user):
    admin = make_user("admin")
    jobs.change_state(make_job(admin, title="Flask API developer"), "open", actor=admin)
    db.session.commit()
    page = client.get("/careers/")
    assert page.status_code == 200
    assert "Flask API developer" in page.get_data(as_text=True)
    etag = page.headers["ETag"]
    assert client.get("/careers/", headers={"If-None-Match": etag}).status_code == 304


def test_static_files_are_fingerprinted_and_immutable(client, app):
    html = client.get("/login").get_data(as_text=True)
    match = re.search(r"/static/hirekit\.css\?v=([0-9a-f]{12})", html)
    assert match, "the stylesheet link carries its content hash"
    with client.get(f"/static/hirekit.css?v={match.group(1)}") as fresh:
        assert fresh.status_code == 200
        assert fresh.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    with client.get("/static/hirekit.css?v=000000000000") as stale:
        assert stale.headers["Cache-Control"] == "no-cache"
    with client.get("/static/hirekit.css") as bare:
        assert bare.headers["Cache-Control"] == "no-cache"
