"""Privacy: a candidate's data export, deletion that really deletes, and retention."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain with the application: its pages, its API, its commands."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.privacy.api import blp as api
    from hirekit.privacy.cli import retention_group
    from hirekit.privacy.views import bp as pages

    app.register_blueprint(pages)
    register_api_blueprint(api)
    app.cli.add_command(retention_group)
