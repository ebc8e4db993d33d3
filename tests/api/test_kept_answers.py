"""API list answers kept per process: served again only while the data is unchanged,
whichever process or statement changed it, and never to another caller."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import insert

from hirekit import data_version
from hirekit.accounts import services as accounts
from hirekit.accounts.models import ApiToken, User
from hirekit.candidates.models import Candidate
from hirekit.candidates.services import blind_review
from hirekit.extensions import db
from tests.api.test_query_counts import statements, writes
from tests.jobs.factories import make_candidate, make_job

LISTS = ["/api/v1/candidates?per_page=25", "/api/v1/jobs"]


def _names(response: Any) -> list[str]:
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return sorted(item.get("name") or item.get("title") for item in response.get_json())


def _kept(client: Any, path: str, headers: dict[str, str]) -> Any:
    """Ask again; a kept answer runs one statement, the data version read, and writes nothing."""
    with statements() as seen:
        response = client.get(path, headers=headers)
    assert len(seen) == 1 and "data_version" in seen[0], seen
    return response


@pytest.mark.parametrize("path", LISTS)
def test_an_unchanged_list_is_answered_from_the_kept_copy_with_its_headers(client, api_token, path):
    user, headers = api_token("admin")
    make_candidate(user, "Ada Example")
    make_job(user, title="Flask developer")
    db.session.commit()
    first = client.get(path, headers=headers)
    assert first.status_code == 200
    again = _kept(client, path, headers)
    assert again.get_data() == first.get_data()
    for header in ("ETag", "X-Total-Count", "Link", "Content-Type"):
        assert again.headers[header] == first.headers[header]
    assert (
        client.get(path, headers={**headers, "If-None-Match": first.headers["ETag"]}).status_code
        == 304
    )


def test_a_write_through_another_instance_shows_on_the_next_request(
    app, app_factory, client, api_token
):
    user, headers = api_token("admin")
    make_candidate(user, "Ada Example")
    db.session.commit()
    path = LISTS[0]
    assert _names(client.get(path, headers=headers)) == ["Ada Example"]
    assert _names(_kept(client, path, headers)) == ["Ada Example"]
    other = app_factory()
    assert other is not app
    with other.app_context():
        created = other.test_client().post(
            "/api/v1/candidates", json={"name": "Bea Example"}, headers=headers
        )
        assert created.status_code == 201, created.get_data(as_text=True)
    assert _names(client.get(path, headers=headers)) == ["Ada Example", "Bea Example"]
    # A Core insert, outside any ORM object, changes the version as well.
    db.session.execute(insert(Candidate), [{"name": "Cy Example", "email": "", "phone": ""}])
    db.session.commit()
    assert "Cy Example" in _names(client.get(path, headers=headers))


@pytest.mark.parametrize("path", LISTS)
def test_a_token_revoked_or_a_user_deactivated_elsewhere_is_refused_at_once(
    app_factory, client, api_token, make_user, path
):
    admin = make_user("admin")
    user, headers = api_token("recruiter")
    assert client.get(path, headers=headers).status_code == 200
    _kept(client, path, headers)
    other = app_factory()
    with other.app_context():
        accounts.set_active(db.session.get(User, user.id), False, actor=admin)
        db.session.commit()
    assert client.get(path, headers=headers).status_code == 401
    _, second = api_token("recruiter")
    assert client.get(path, headers=second).status_code == 200
    token_id = db.session.scalars(
        db.select(ApiToken.id).where(
            ApiToken.token_hash == accounts.token_hash(second["Authorization"][7:])
        )
    ).one()
    with other.app_context():
        owner = db.session.scalars(db.select(ApiToken).where(ApiToken.id == token_id)).one()
        accounts.revoke_token(owner.user, token_id)
        db.session.commit()
    assert client.get(path, headers=second).status_code == 401


def test_each_caller_gets_their_own_view_blind_review_included(client, api_token):
    admin, admin_headers = api_token("admin")
    blind, blind_headers = api_token("recruiter")
    make_candidate(admin, "Ada Example")
    db.session.commit()
    path = LISTS[0]
    assert _names(client.get(path, headers=admin_headers)) == ["Ada Example"]
    assert _names(client.get(path, headers=blind_headers)) == ["Ada Example"]
    blind_review.set_blind_review(blind, True)
    db.session.commit()
    hidden = client.get(path, headers=blind_headers).get_json()
    assert hidden[0]["blinded"] is True and hidden[0]["name"] != "Ada Example"
    assert _kept(client, path, blind_headers).get_json() == hidden
    with statements() as seen:
        shown = client.get(path, headers=admin_headers).get_json()
    assert len(seen) > 1, "the change made the admin's kept answer stale too"
    assert shown[0]["name"] == "Ada Example" and shown[0]["blinded"] is False
    assert _kept(client, path, admin_headers).get_json() == shown


def test_reading_and_auditing_leave_the_data_version_alone(client, api_token):
    user, headers = api_token("admin")
    person = make_candidate(user, "Ada Example")
    db.session.commit()
    client.get(LISTS[0], headers=headers)
    with statements() as seen:
        # Reading one candidate is audited: a write, but to a log no list shows.
        assert client.get(f"/api/v1/candidates/{person.id}", headers=headers).status_code == 200
    assert writes(seen) and all("audit_entries" in s for s in writes(seen)), writes(seen)
    _kept(client, LISTS[0], headers)


@pytest.mark.parametrize(
    ("statement", "shown"),
    [
        ("INSERT INTO candidates (name) VALUES (?)", True),
        ('UPDATE "jobs" SET title=%(title)s WHERE jobs.id = %(id)s', True),
        ("DELETE FROM candidate_tags WHERE candidate_id = ?", True),
        ("INSERT OR REPLACE INTO search_fts (rowid, body) VALUES (?, ?)", True),
        ("TRUNCATE TABLE users", True),
        ("WITH gone AS (DELETE FROM notes RETURNING id) SELECT count(*) FROM gone", True),
        ("  insert into audit_entries (seq) values (?)", False),
        ("UPDATE audit_entries SET seq = seq WHERE 0", False),
        ("SELECT * FROM candidates WHERE name = 'UPDATE'", False),
        ("WITH c AS (SELECT 1) SELECT * FROM c", False),
    ],
)
def test_which_statements_change_the_data_version(statement, shown):
    assert data_version.is_shown_write(statement) is shown
