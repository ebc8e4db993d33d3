"""Accounts: creating users, signing in, roles, deactivation, API tokens.

Services flush and raise domain errors; the request or command around them commits.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from hirekit import events
from hirekit.accounts.models import ApiToken, User, new_session_nonce
from hirekit.accounts.passwords import hash_password, password_problem, verify_password
from hirekit.accounts.permissions import Role
from hirekit.accounts.timezones import is_valid_zone
from hirekit.data_version import BOOKKEEPING
from hirekit.db import utcnow
from hirekit.errors import Conflict, Forbidden, NotFound, ValidationFailed
from hirekit.extensions import db

TOKEN_PREFIX = "hk_"  # noqa: S105 - a public marker, not a secret
TOKEN_USE_RESOLUTION = timedelta(minutes=1)


def normalise_email(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise ValidationFailed(
            f"Invalid email address: {exc}", details={"email": str(exc)}
        ) from None


def parse_role(role: str) -> Role:
    try:
        return Role(role.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise ValidationFailed(
            f"Unknown role {role!r}; choose one of {choices}", details={"role": f"one of {choices}"}
        ) from None


def get_user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound(f"No user with id {user_id}")
    return user


def find_by_email(email: str) -> User | None:
    return db.session.scalars(select(User).where(User.email == email.strip().lower())).first()


def list_users() -> list[User]:
    return list(db.session.scalars(select(User).order_by(User.email)))


def count_users() -> int:
    return db.session.scalar(select(func.count(User.id))) or 0


def create_user(
    email: str, role: str, password: str, *, name: str = "", actor: User | None = None
) -> User:
    address = normalise_email(email)
    parsed = parse_role(role)
    problem = password_problem(password)
    if problem:
        raise ValidationFailed(f"Password too weak: {problem}", details={"password": problem})
    if find_by_email(address):
        raise Conflict(f"A user with email {address} already exists")
    user = User(
        email=address, role=parsed.value, name=name.strip(), password_hash=hash_password(password)
    )
    db.session.add(user)
    db.session.flush()
    _audit(
        "user.created",
        actor=actor,
        subject_type="user",
        subject_id=user.id,
        details={"email": address, "role": parsed.value},
    )
    return user


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None (same answer for every failure)."""
    user = find_by_email(email)
    ok = verify_password(user.password_hash if user else None, password)
    if not (ok and user and user.active):
        return None
    user.last_login_at = utcnow()
    return user


def change_password(user: User, current: str, new: str) -> None:
    if not verify_password(user.password_hash, current):
        raise ValidationFailed(
            "The current password is not correct", details={"current_password": "incorrect"}
        )
    problem = password_problem(new)
    if problem:
        raise ValidationFailed(f"Password too weak: {problem}", details={"new_password": problem})
    user.password_hash = hash_password(new)
    user.session_nonce = new_session_nonce()  # other sessions end; the caller re-logs this one
    _audit("user.password_changed", actor=user, subject_type="user", subject_id=user.id)


def set_time_zone(user: User, name: str) -> None:
    """Show and read times in ``name`` (an IANA zone such as Europe/Lisbon) for ``user``."""
    name = name.strip()
    if not is_valid_zone(name):
        raise ValidationFailed(
            "Unknown time zone", details={"time_zone": "an IANA name such as Europe/Lisbon"}
        )
    user.time_zone = name


def adopt_browser_time_zone(user: User, name: str) -> None:
    """On sign-in, take the browser's zone when the user has not chosen one (bad names ignored)."""
    if not user.time_zone and is_valid_zone(name.strip()):
        user.time_zone = name.strip()


def change_role(user: User, role: str, *, actor: User) -> None:
    new_role = parse_role(role)
    if user.id == actor.id and new_role != Role.ADMIN:
        raise Forbidden("You cannot remove your own admin role")
    old = user.role
    user.role = new_role.value
    _audit(
        "user.role_changed",
        actor=actor,
        subject_type="user",
        subject_id=user.id,
        details={"from": old, "to": new_role.value},
    )


def set_active(user: User, active: bool, *, actor: User) -> None:
    if user.id == actor.id and not active:
        raise Forbidden("You cannot deactivate your own account")
    user.active = active
    if not active:
        # Ends every session and stops every token at once.
        user.session_nonce = new_session_nonce()
    _audit(
        "user.activated" if active else "user.deactivated",
        actor=actor,
        subject_type="user",
        subject_id=user.id,
    )


def sign_out_everywhere(user: User) -> None:
    """End every session and remember-me cookie of ``user`` on the server side.

    The session id (``User.get_id``) carries the nonce, so a captured cookie
    stops working the moment the nonce changes, wherever it was copied to.
    """
    user.session_nonce = new_session_nonce()


def user_for_session(session_id: str) -> User | None:
    user_id, _, nonce = session_id.partition(":")
    if not user_id.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or not secrets.compare_digest(user.session_nonce, nonce):
        return None
    return user


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown once, never stored


def token_hash(secret: str) -> str:
    # Tokens carry 256 bits of randomness, so a fast hash is enough (no stretching needed).
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user: User, name: str) -> IssuedToken:
    label = name.strip()
    if not label or len(label) > 80:
        raise ValidationFailed(
            "Give the token a name of 1 to 80 characters", details={"name": "1 to 80 characters"}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=label, prefix=secret[:10], token_hash=token_hash(secret))
    db.session.add(token)
    db.session.flush()
    _audit(
        "token.created",
        actor=user,
        subject_type="api_token",
        subject_id=token.id,
        details={"name": label},
    )
    return IssuedToken(token, secret)


def revoke_token(user: User, token_id: int) -> None:
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFound(f"No token with id {token_id}")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        _audit("token.revoked", actor=user, subject_type="api_token", subject_id=token.id)


@dataclass(frozen=True)
class TokenUse:
    user: User
    #: When the token's use was last recorded (at most a minute ago, now that it is used).
    recorded_at: datetime


def token_use(secret: str) -> TokenUse | None:
    """The active user behind a valid token, recording the use at most once a minute."""
    token = db.session.scalars(
        select(ApiToken)
        .where(ApiToken.token_hash == token_hash(secret))
        # Every API request reads the token and its user: one query for both.
        .options(joinedload(ApiToken.user))
    ).first()
    if token is None or token.revoked_at is not None or not token.user.active:
        return None
    now = utcnow()
    recorded = token.last_used_at
    # Written at most once a minute per token, so that a read stays a read. Bookkeeping:
    # no API answer shows it, so it leaves the data version (and cached answers) alone.
    if recorded is None or now - recorded >= TOKEN_USE_RESOLUTION:
        db.session.execute(
            update(ApiToken)
            .where(ApiToken.id == token.id)
            .values(last_used_at=now)
            .execution_options(**{BOOKKEEPING: True})
        )
        recorded = now
    return TokenUse(token.user, recorded)


def reset_password(user: User, new: str, *, actor: User | None = None) -> None:
    """Set a password without the old one (admins, the shell)."""
    problem = password_problem(new)
    if problem:
        raise ValidationFailed(f"Password too weak: {problem}", details={"password": problem})
    user.password_hash = hash_password(new)
    user.session_nonce = new_session_nonce()
    _audit("user.password_reset", actor=actor, subject_type="user", subject_id=user.id)


def _audit(
    action: str,
    *,
    actor: User | None,
    subject_type: str = "",
    subject_id: object = "",
    details: dict[str, Any] | None = None,
) -> None:
    """Tell the audit log (a subscriber, in this transaction) what changed."""
    events.account_changed.send(
        events.AccountChanged(action, actor, subject_type, subject_id, details)
    )
