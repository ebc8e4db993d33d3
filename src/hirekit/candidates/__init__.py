"""Candidates: people, their applications to jobs, notes and the timeline of events."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain: its pages, its API, its answers to jobs and mail."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.candidates.api import blp as api
    from hirekit.candidates.applications_api import blp as applications_api
    from hirekit.candidates.blind_views import bp as blind_pages
    from hirekit.candidates.board_views import bp as board_pages
    from hirekit.candidates.rejection_api import blp as rejection_api
    from hirekit.candidates.rejection_views import bp as rejection_pages
    from hirekit.candidates.subscribers import subscribe
    from hirekit.candidates.views import bp as pages

    app.register_blueprint(pages)
    app.register_blueprint(board_pages)
    app.register_blueprint(rejection_pages)
    app.register_blueprint(blind_pages)
    register_api_blueprint(api)
    register_api_blueprint(applications_api)
    register_api_blueprint(rejection_api)
    subscribe()
