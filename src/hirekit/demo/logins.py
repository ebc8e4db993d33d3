"""Who can sign in to the demo: the demo users whose password is still the shared one."""

from __future__ import annotations

from dataclasses import dataclass

from hirekit.accounts import services as accounts
from hirekit.accounts.passwords import verify_password
from hirekit.demo.load import DEMO_PASSWORD, DEMO_USERS


@dataclass(frozen=True)
class Login:
    email: str
    role: str
    #: None when it is not known here (shown once, at creation).
    password: str | None


def demo_logins() -> list[Login]:
    """The demo users one can still sign in as with the demo password.

    A demo user who was deactivated or given another password is left out, so
    the list never shows a login that would fail.
    """
    found = []
    for email, _name, role in DEMO_USERS:
        user = accounts.find_by_email(email)
        if user and user.active and verify_password(user.password_hash, DEMO_PASSWORD):
            found.append(Login(email, role, DEMO_PASSWORD))
    return found


def login_block(logins: list[Login], url: str = "") -> str:
    """A short aligned block: where to go, then one line per login."""
    heading = f"Sign in at {url} as:" if url else "Sign in as:"
    width = max((len(login.email) for login in logins), default=0)
    rows = [
        f"  {login.email:<{width}}  {login.role:<14}  "
        + (login.password or "(password shown at first setup; `hirekit users set-password`)")
        for login in logins
    ]
    return "\n".join([heading, *rows])
