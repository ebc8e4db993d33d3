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
    app.add_template_filter(filesize, "filesize")


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


_UNITS = ("KB", "MB", "GB", "TB")


def filesize(value: int | float | None) -> str:
    """A byte count as people read it: ``812 bytes``, ``14.2 KB``, ``3.1 MB`` (1 KB = 1024)."""
    if value is None:
        return "—"
    size = float(value)
    if size < 1024:
        count = int(size)
        return "1 byte" if count == 1 else f"{count} bytes"
    for unit in _UNITS:
        size /= 1024
        if size < 1024 or unit == _UNITS[-1]:
            return f"{size:.1f} {unit}" if size < 100 else f"{size:.0f} {unit}"
    raise AssertionError("unreachable")  # pragma: no cover - the loop always returns
