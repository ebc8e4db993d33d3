"""The signed-in user of a page, for views behind a permission gate."""

from __future__ import annotations

from hirekit.accounts.auth import page_user
from hirekit.accounts.models import User


def signed_in_user() -> User:
    """The user the page's permission gate (``requires``) already let in."""
    user = page_user()
    assert user is not None  # the permission gate ran first
    return user
