"""A user's time zone: taken from the browser at first sign-in, changed on the profile."""

from __future__ import annotations

from hirekit.extensions import db
from tests.conftest import PASSWORD, csrf_token


def _sign_in(client, user, zone: str) -> None:
    token = csrf_token(client, "/login")
    response = client.post(
        "/login",
        data={"email": user.email, "password": PASSWORD, "csrf_token": token, "time_zone": zone},
    )
    assert response.status_code == 302


def test_first_sign_in_takes_the_browsers_zone_and_never_overrides_a_choice(app, make_user):
    user = make_user("recruiter")
    _sign_in(app.test_client(), user, "Not/AZone")
    db.session.refresh(user)
    assert user.time_zone == ""  # a bad name from the browser is ignored
    _sign_in(app.test_client(), user, "Europe/Lisbon")
    db.session.refresh(user)
    assert user.time_zone == "Europe/Lisbon"
    _sign_in(app.test_client(), user, "Asia/Tokyo")
    db.session.refresh(user)
    assert user.time_zone == "Europe/Lisbon"


def test_profile_sets_a_valid_zone_and_explains_a_bad_one(app, make_user):
    user = make_user("interviewer")
    client = app.test_client()
    _sign_in(client, user, "")
    page = client.get("/profile").get_data(as_text=True)
    assert 'id="time-zone"' in page and "data-browser-time-zone" in page
    assert '<option value="America/Sao_Paulo">' in page
    token = csrf_token(client, "/profile")
    bad = client.post("/profile/time-zone", data={"time_zone": "Mars/Base", "csrf_token": token})
    assert bad.status_code == 302
    shown = client.get("/profile").get_data(as_text=True)
    assert "&#39;Mars/Base&#39; is not an IANA time zone name" in shown
    db.session.refresh(user)
    assert user.time_zone == ""
    token = csrf_token(client, "/profile")
    good = client.post(
        "/profile/time-zone", data={"time_zone": "America/Sao_Paulo", "csrf_token": token}
    )
    assert good.status_code == 302
    db.session.refresh(user)
    assert user.time_zone == "America/Sao_Paulo"
    assert "Times are now shown in America/Sao_Paulo" in client.get("/profile").get_data(
        as_text=True
    )
