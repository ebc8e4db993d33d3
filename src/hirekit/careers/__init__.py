"""The public careers pages: open jobs under the company's look, their feeds and the public
postings API, applying with a resume, and the applicant's own status page."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain with the application: its pages and the public postings API."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.careers.api import blp as postings_api
    from hirekit.careers.views import bp as pages

    app.register_blueprint(pages)
    register_api_blueprint(postings_api)
