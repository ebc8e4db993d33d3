"""Integrations: outgoing webhooks, signed and retried through the queue."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain: its pages, its API, its webhook subscriptions to application events."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.integrations.api import blp as api
    from hirekit.integrations.subscribers import subscribe
    from hirekit.integrations.views import bp as pages

    app.register_blueprint(pages)
    register_api_blueprint(api)
    subscribe()
