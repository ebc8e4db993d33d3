"""Structured interviews: kits, scheduling, scorecards, debriefs and interviewer calibration."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain with the application: its pages, its API, its commands."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.interviews.api import blp as api
    from hirekit.interviews.cli import interviews_group
    from hirekit.interviews.debrief_views import bp as debrief_pages
    from hirekit.interviews.kit_views import bp as kit_pages
    from hirekit.interviews.views import bp as pages

    app.register_blueprint(pages)
    app.register_blueprint(kit_pages)
    app.register_blueprint(debrief_pages)
    register_api_blueprint(api)
    app.cli.add_command(interviews_group)
