"""Jobs: the roles a team hires for, their hiring team, pipeline stages and post checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain with the application: its pages, its API."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.jobs.api import blp as api
    from hirekit.jobs.views import bp as pages

    app.register_blueprint(pages)
    register_api_blueprint(api)
