"""Personal API tokens: created on the profile page, shown once, stored hashed, revocable."""

from __future__ import annotations

import hashlib
import re

from sqlalchemy import select

from hirekit.accounts import services
from hirekit.accounts.models import ApiToken
from hirekit.extensions import db
from tests.conftest import csrf_token


def _create_token_via_page(client) -> str:
    token = csrf_token(client, "/profile")
    response = client.post("/profile/tokens", data={"csrf_token": token, "name": "ci script"})
    assert response.status_code == 201
    match = re.search(r'id="new-token">([^<]+)<', response.get_data(as_text=True))
    assert match
    return match.group(1)


def test_token_from_profile_page_works_on_the_api(client, login_as):
    user = login_as("recruiter")
    secret = _create_token_via_page(client)
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert response.get_json()["email"] == user.email
    assert "guide:read" in response.get_json()["permissions"]


def test_token_is_stored_only_as_a_hash_and_shown_once(client, login_as):
    login_as()
    secret = _create_token_via_page(client)
    stored = db.session.scalars(select(ApiToken)).one()
    assert stored.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in client.get("/profile").get_data(as_text=True)
    assert stored.prefix in client.get("/profile").get_data(as_text=True)


def test_revoked_token_stops_working(client, login_as):
    login_as()
    secret = _create_token_via_page(client)
    stored = db.session.scalars(select(ApiToken)).one()
    token = csrf_token(client, "/profile")
    assert (
        client.post(f"/profile/tokens/{stored.id}/revoke", data={"csrf_token": token}).status_code
        == 302
    )
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"


def test_cannot_revoke_someone_elses_token(client, login_as, api_token):
    other, _ = api_token("recruiter")
    login_as()
    other_token = other.tokens[0]
    token = csrf_token(client, "/profile")
    response = client.post(f"/profile/tokens/{other_token.id}/revoke", data={"csrf_token": token})
    assert response.status_code == 404
    db.session.refresh(other_token)
    assert other_token.revoked_at is None


def test_deactivated_users_tokens_stop_at_once(client, api_token, make_user):
    user, headers = api_token("recruiter")
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    services.set_active(user, False, actor=make_user("admin"))
    db.session.commit()
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_token_needs_a_name(client, login_as):
    login_as()
    token = csrf_token(client, "/profile")
    response = client.post("/profile/tokens", data={"csrf_token": token, "name": ""})
    assert response.status_code == 302
    assert db.session.scalars(select(ApiToken)).first() is None
