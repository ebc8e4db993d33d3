"""Who is asking: sessions for pages, bearer tokens for the API, and the permission gates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any, TypeVar, cast

from flask import Flask, current_app, g, request
from flask_login import current_user

from hirekit import data_version
from hirekit.accounts import services
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.bounded_cache import BoundedCache
from hirekit.db import utcnow
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


def _bearer_secret() -> str | None:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    secret = secret.strip()
    return secret if scheme.lower() == "bearer" and secret else None


def api_user() -> User:
    """The user behind the bearer token of this API request, or a 401."""
    cached = g.get("api_user")
    if cached is not None:
        return cast(User, cached)
    secret = _bearer_secret()
    if secret is None:
        raise Unauthorized("Authentication required: send 'Authorization: Bearer <token>'.")
    use = services.token_use(secret)
    if use is None:
        raise Unauthorized("The API token is invalid, revoked, or its user is deactivated.")
    stamp = data_version.read_in_request()
    if stamp is not None:
        # Read before the token was: a revocation or deactivation since changes it.
        _known_tokens().put(
            services.token_hash(secret), _KnownToken(use.user.id, stamp, use.recorded_at)
        )
    g.api_user = use.user
    return use.user


@dataclass(frozen=True)
class _KnownToken:
    user_id: int
    stamp: int  # the data version it was valid at
    recorded_at: datetime  # when its use was last written


#: Tokens a process remembers; more are simply looked up again.
KNOWN_TOKENS = 1024


def _known_tokens() -> BoundedCache[str, _KnownToken]:
    known: BoundedCache[str, _KnownToken] = current_app.extensions.setdefault(
        "hirekit_tokens", BoundedCache(KNOWN_TOKENS)
    )
    return known


def known_caller_id() -> int | None:
    """The id of the user behind this request's token without a query, or ``None``.

    Known when this process checked the token at the current data version (a
    revocation, a deactivation or a role change would have changed it) and its
    use was written less than a minute ago (else the full check writes it again).
    """
    secret = _bearer_secret()
    if secret is None:
        return None
    stamp = data_version.current()
    known = _known_tokens().get(services.token_hash(secret))
    if known is None or stamp is None or known.stamp != stamp:
        return None
    if utcnow() - known.recorded_at >= services.TOKEN_USE_RESOLUTION:
        return None
    return known.user_id


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
