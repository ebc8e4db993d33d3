"""The append-only, hash-chained audit log of sensitive actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain: its API, its commands, its subscription to account events."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.audit.api import blp as api
    from hirekit.audit.cli import audit_group
    from hirekit.audit.subscribers import subscribe

    register_api_blueprint(api)
    app.cli.add_command(audit_group)
    subscribe()
