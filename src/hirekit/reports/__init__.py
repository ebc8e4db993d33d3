"""Hiring analytics: every figure is aggregated in SQL from stored events, never counted aside."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain: its pages, its API, its commands, the SQLite index hints its
    queries use."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.reports.api import blp as api
    from hirekit.reports.cli import reports_group
    from hirekit.reports.dialect import register_index_hints
    from hirekit.reports.selfid_views import bp as selfid_pages
    from hirekit.reports.views import bp as pages

    app.register_blueprint(pages)
    app.register_blueprint(selfid_pages)
    register_api_blueprint(api)
    app.cli.add_command(reports_group)
    register_index_hints()
