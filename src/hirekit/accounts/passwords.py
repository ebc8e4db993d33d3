"""Password hashing with argon2id, and the minimum a password must meet."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10

#: The work factors new hashes are made with: argon2-cffi's defaults (RFC 9106,
#: low-memory profile).
PRODUCTION = PasswordHasher()

_hasher = PRODUCTION
# Verifying against this when the account does not exist keeps sign-in timing
# the same for known and unknown emails; made with the hasher in use, on the first
# sign-in rather than at import, which every command and worker process would pay.
_dummy_hash: str | None = None


def use_hasher(hasher: PasswordHasher) -> None:
    """Make new hashes with ``hasher``'s work factors (a test suite uses argon2's
    cheapest profile). Every hash carries its own parameters, so hashes made
    either way still verify."""
    global _hasher, _dummy_hash
    _hasher = hasher
    _dummy_hash = None


def _unknown_account_hash() -> str:
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("not-a-real-password")
    return _dummy_hash


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return (
            _hasher.verify(password_hash or _unknown_account_hash(), password)
            and password_hash is not None
        )
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
