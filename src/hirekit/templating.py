"""What every template can use: the signed-in user's permissions, nav, formatting."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Flask

from hirekit.accounts.auth import page_user
from hirekit.accounts.permissions import Permission
from hirekit.accounts.timezones import label, to_local


def init_templating(app: Flask) -> None:
    app.context_processor(_globals)
    app.add_template_filter(_when, "when")
    app.add_template_filter(_localtime, "localtime")


def _globals() -> dict[str, Any]:
    user = page_user()
    return {
        "me": user,
        "Permission": Permission,
        "me_permissions": [p for p in Permission if user and user.can(p)],
        "can": (lambda perm: bool(user and user.can(perm))),
    }


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "—"


def _localtime(value: datetime | None) -> str:
    """An instant in the signed-in user's time zone, named so nobody guesses."""
    if value is None:
        return "—"
    user = page_user()
    name = user.time_zone if user else None
    return f"{to_local(value, name):%a %d %b %Y %H:%M} {label(name)}"
