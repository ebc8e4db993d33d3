"""The home page, health probes and the browsable API reference."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain with the application: its pages."""
    from hirekit.main.views import bp as pages

    app.register_blueprint(pages)
