"""What every template can use: the signed-in user's permissions, nav, formatting."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Flask

from hirekit.accounts.auth import page_user
from hirekit.accounts.permissions import Permission


def init_templating(app: Flask) -> None:
    app.context_processor(_globals)
    app.add_template_filter(_when, "when")


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
