"""Signing in and out: sessions, CSRF, safe redirects, throttling, lock-out."""

from __future__ import annotations

import pytest

from hirekit.accounts import services
from hirekit.extensions import db
from tests.conftest import PASSWORD, csrf_token, login


def test_sign_in_then_out(client, make_user):
    user = make_user("recruiter")
    response = login(client, user.email)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/dashboard")
    assert "Welcome" in client.get("/dashboard").get_data(as_text=True)
    token = csrf_token(client, "/dashboard")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/dashboard").status_code == 302


def test_wrong_password_shows_an_error_and_no_session(client, make_user):
    user = make_user()
    response = login(client, user.email, "wrong-password-1")
    assert response.status_code == 401
    assert "do not match an active account" in response.get_data(as_text=True)
    assert client.get("/dashboard").status_code == 302


def test_unknown_email_gets_the_same_answer(client):
    response = login(client, "nobody@example.com")
    assert response.status_code == 401
    assert "do not match an active account" in response.get_data(as_text=True)


def test_login_without_csrf_token_is_rejected(client, make_user):
    user = make_user()
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/dashboard").status_code == 302


def test_logout_needs_post_with_csrf(client, login_as):
    login_as()
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 400
    assert client.get("/dashboard").status_code == 200


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/guide/flask", "/guide/flask"),
        ("https://evil.example/x", "/dashboard"),
        ("//evil.example/x", "/dashboard"),
        ("/\\evil.example", "/dashboard"),
        ("javascript:alert(1)", "/dashboard"),
    ],
)
def test_next_only_redirects_inside_the_site(client, make_user, target, expected):
    user = make_user()
    token = csrf_token(client, "/login")
    response = client.post(
        f"/login?next={target}",
        data={"email": user.email, "password": PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_session_cookie_flags(client, make_user):
    user = make_user()
    response = login(client, user.email)
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_secure_cookie_when_configured(app_factory, make_user):
    app = app_factory(SESSION_COOKIE_SECURE=True)
    with app.app_context():
        services.create_user("sec@example.com", "recruiter", PASSWORD)
        db.session.commit()
    client = app.test_client()
    response = login(client, "sec@example.com")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "Secure" in cookie


def test_failed_attempts_are_throttled_per_account(client, make_user):
    user = make_user()
    for _ in range(5):
        assert login(client, user.email, "wrong-password-1").status_code == 401
    blocked = login(client, user.email, PASSWORD)
    assert blocked.status_code == 429
    assert "Too many failed sign-in attempts" in blocked.get_data(as_text=True)


def _post_login(client, email, password, address):
    token = csrf_token(client, "/login")
    return client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        environ_base={"REMOTE_ADDR": address},
    )


def test_nobody_can_lock_another_person_out_from_elsewhere(app, make_user):
    admin = make_user("admin")
    attacker, owner = app.test_client(), app.test_client()
    for _ in range(5):
        assert _post_login(attacker, admin.email, "nope-nope-1", "203.0.113.7").status_code == 401
    # The attacker's address is stopped for this account...
    assert _post_login(attacker, admin.email, PASSWORD, "203.0.113.7").status_code == 429
    # ...while the owner, from their own address, signs in at once.
    assert _post_login(owner, admin.email, PASSWORD, "198.51.100.20").status_code == 302


def test_one_address_guessing_across_many_accounts_is_stopped(client, make_user):
    user = make_user()
    for i in range(5):
        _post_login(client, f"guess{i}@example.com", "nope-nope-1", "203.0.113.8")
    assert _post_login(client, user.email, PASSWORD, "203.0.113.8").status_code == 429
    assert _post_login(client, user.email, PASSWORD, "203.0.113.9").status_code == 302


def test_throttle_per_address_holds_across_accounts(client, make_user):
    for i in range(5):
        login(client, f"guess{i}@example.com", "nope-nope-1")
    user = make_user()
    assert login(client, user.email).status_code == 429


def test_successful_sign_ins_do_not_count(client, make_user):
    user = make_user()
    for _ in range(7):
        assert login(client, user.email).status_code == 302
        client.post("/logout", data={"csrf_token": csrf_token(client, "/dashboard")})


def test_limit_is_configurable(app_factory):
    app = app_factory(LOGIN_RATE_LIMIT="2 per minute")
    client = app.test_client()
    with app.app_context():
        assert login(client, "a@example.com", "x-wrong-1").status_code == 401
        assert login(client, "a@example.com", "x-wrong-1").status_code == 401
        assert login(client, "a@example.com", "x-wrong-1").status_code == 429


def test_deactivated_user_is_signed_out_at_once(client, app, make_user):
    admin = make_user("admin")
    user = make_user("recruiter")
    assert login(client, user.email).status_code == 302
    assert client.get("/dashboard").status_code == 200
    services.set_active(user, False, actor=admin)
    db.session.commit()
    assert client.get("/dashboard").status_code == 302
    assert login(client, user.email).status_code == 401


def test_password_change_keeps_this_session_and_ends_others(app, make_user):
    user = make_user()
    mine, other = app.test_client(), app.test_client()
    login(mine, user.email)
    login(other, user.email)
    token = csrf_token(mine, "/profile")
    response = mine.post(
        "/profile/password",
        data={
            "csrf_token": token,
            "current_password": PASSWORD,
            "new_password": "new-pass-word-9",
            "confirm": "new-pass-word-9",
        },
    )
    assert response.status_code == 302
    assert mine.get("/profile").status_code == 200
    assert other.get("/profile").status_code == 302
    assert login(app.test_client(), user.email, "new-pass-word-9").status_code == 302


def test_password_change_with_wrong_current_password_changes_nothing(client, make_user):
    user = make_user()
    login(client, user.email)
    token = csrf_token(client, "/profile")
    response = client.post(
        "/profile/password",
        data={
            "csrf_token": token,
            "current_password": "not-it-at-all-1",
            "new_password": "new-pass-word-9",
            "confirm": "new-pass-word-9",
        },
    )
    assert response.status_code == 400
    assert "current password is not correct" in response.get_data(as_text=True)
    assert services.authenticate(user.email, PASSWORD) is not None


def test_passwords_are_stored_hashed_with_argon2(make_user):
    user = make_user()
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


def _cookies(client) -> dict[str, str]:
    return {c.key: c.value for c in client._cookies.values()}


def test_a_captured_session_cookie_is_dead_after_logout(app, make_user):
    user = make_user()
    browser = app.test_client()
    login(browser, user.email)
    captured = _cookies(browser)
    assert "session" in captured
    browser.post("/logout", data={"csrf_token": csrf_token(browser, "/dashboard")})

    thief = app.test_client()
    for key, value in captured.items():
        thief.set_cookie(key, value)
    assert thief.get("/dashboard").status_code == 302
    assert thief.get("/profile").status_code == 302


def test_a_captured_remember_me_token_is_dead_after_logout(app, make_user):
    user = make_user()
    browser = app.test_client()
    token = csrf_token(browser, "/login")
    browser.post(
        "/login",
        data={"email": user.email, "password": PASSWORD, "remember": "y", "csrf_token": token},
    )
    remember = _cookies(browser)["remember_token"]
    # Before logout the remember cookie alone signs a new browser in.
    replay = app.test_client()
    replay.set_cookie("remember_token", remember)
    assert replay.get("/dashboard").status_code == 200

    browser.post("/logout", data={"csrf_token": csrf_token(browser, "/dashboard")})
    thief = app.test_client()
    thief.set_cookie("remember_token", remember)
    assert thief.get("/dashboard").status_code == 302
