"""Resumes: uploads, text extraction and screening results per candidate."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain with the application: its pages, its API."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.resumes.api import blp as api
    from hirekit.resumes.ranking_views import bp as ranking_pages
    from hirekit.resumes.views import bp as pages

    app.register_blueprint(pages)
    app.register_blueprint(ranking_pages)
    register_api_blueprint(api)
