"""Who is asking: sessions for pages, bearer tokens for the API, and the permission gates."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import Flask, g, request
from flask_login import current_user

from hirekit.accounts import services
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.errors import Forbidden, Unauthorized
from hirekit.extensions import login_manager

F = TypeVar("F", bound=Callable[..., Any])


def init_auth(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = "Please sign in to see that page."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    login_manager.user_loader(services.user_for_session)


def page_user() -> User | None:
    user = current_user._get_current_object()
    return user if getattr(user, "is_authenticated", False) else None


def requires(permission: Permission) -> Callable[[F], F]:
    """Page gate: anonymous users go to sign-in; users without the permission get 403."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            user = page_user()
            if user is None:
                return login_manager.unauthorized()
            if not user.can(permission):
                raise Forbidden("Your role does not allow this page.")
            return view(*args, **kwargs)

        return cast(F, wrapper)

    return decorator


def api_user() -> User:
    """The user behind the bearer token of this API request, or a 401."""
    cached = g.get("api_user")
    if cached is not None:
        return cast(User, cached)
    header = request.headers.get("Authorization", "")
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise Unauthorized("Authentication required: send 'Authorization: Bearer <token>'.")
    user = services.user_for_token(secret.strip())
    if user is None:
        raise Unauthorized("The API token is invalid, revoked, or its user is deactivated.")
    g.api_user = user
    return user


def api_requires(permission: Permission) -> Callable[[F], F]:
    """API gate: 401 without a valid token, 403 without the permission."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if not api_user().can(permission):
                raise Forbidden(f"Your role lacks the '{permission.value}' permission.")
            return view(*args, **kwargs)

        return cast(F, wrapper)

    return decorator
