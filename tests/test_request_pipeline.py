"""The trimmed request hooks (hirekit.request_pipeline).

The trimming reads a few of Flask-Limiter's and Flask-WTF's own names, for which the
libraries have no public accessor. These tests fail when an upgrade renames them or
changes what their hooks do, instead of the app silently losing a check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask
from flask.globals import request_ctx

from hirekit.extensions import limiter
from hirekit.request_pipeline import _LIMITER_STATE
from tests.conftest import PASSWORD, csrf_token


def test_the_limiters_every_request_pass_is_removed(app: Flask) -> None:
    hooks = app.before_request_funcs.get(None, [])
    assert limiter._check_request_limit not in hooks
    manager = limiter.limit_manager
    # What the removed pass would have enforced: nothing, as startup checked.
    assert not manager.application_limits
    assert not manager.default_limits
    assert not manager._blueprint_limits
    assert not limiter._meta_limits


@pytest.fixture
def limiter_emptied() -> Iterator[None]:
    """The limiter is one object for every app of the process and keeps configured
    limits across ``init_app``; a refused build's limits must not reach the next app."""
    yield
    limiter.limit_manager.set_application_limits([])
    limiter.limit_manager.set_default_limits([])
    limiter._meta_limits = []


@pytest.mark.parametrize(
    "setting", ["RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION", "RATELIMIT_META"]
)
@pytest.mark.usefixtures("limiter_emptied")
def test_limits_only_the_removed_pass_would_check_stop_startup(
    app_factory: Callable[..., Flask], setting: str
) -> None:
    with pytest.raises(RuntimeError, match="keep it registered"):
        app_factory(fresh=True, **{setting: "5 per minute"})


def test_a_decorated_limit_still_holds_and_keeps_its_request_state(
    app_factory: Callable[..., Flask], make_user: Callable[..., Any]
) -> None:
    email = make_user().email
    app = app_factory(fresh=True)  # this test adds a hook
    client = app.test_client()
    states: list[bool] = []

    @app.after_request
    def seen(response: Any) -> Any:
        states.append(hasattr(request_ctx, _LIMITER_STATE))
        return response

    codes = []
    for _ in range(12):
        token = csrf_token(client, "/login")
        response = client.post(
            "/login", data={"email": email, "password": "wrong", "csrf_token": token}
        )
        codes.append(response.status_code)
    assert 429 in codes
    # The sign-in view's check made Flask-Limiter's per-request state; a view that
    # checks no limit does not.
    assert states[-1] is True
    assert client.get("/healthz").status_code == 200
    assert states[-1] is False


def test_csrf_still_guards_unsafe_methods(client: Any, make_user: Callable[..., Any]) -> None:
    user = make_user()
    assert client.get("/login").status_code == 200
    refused = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert refused.status_code == 400
    token = csrf_token(client, "/login")
    accepted = client.post(
        "/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert accepted.status_code == 302
