"""Password hashing with argon2id, and the minimum a password must meet."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10

_hasher = PasswordHasher()
# Verifying against this when the account does not exist keeps sign-in timing
# the same for known and unknown emails.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable, or None."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters."
    if password.isdigit() or password.isalpha():
        return "Mix letters with digits or symbols."
    return None


def generate_password() -> str:
    """A random password that meets :func:`password_problem` (printed once to the admin).

    16 URL-safe characters are all letters about one time in 28; those are drawn again.
    """
    while True:
        password = secrets.token_urlsafe(12)
        if password_problem(password) is None:
            return password
