"""Take-home projects: assignments, uploads, static review reports, similar submissions."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain with the application: its pages, its API."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.takehomes.api import blp as api
    from hirekit.takehomes.assignment_api import blp as assignment_api
    from hirekit.takehomes.assignment_views import bp as assignment_pages
    from hirekit.takehomes.feedback_api import blp as feedback_api
    from hirekit.takehomes.feedback_views import bp as feedback_pages
    from hirekit.takehomes.invitations_api import blp as invite_api
    from hirekit.takehomes.invite_views import bp as invite_pages
    from hirekit.takehomes.views import bp as pages

    app.register_blueprint(pages)
    app.register_blueprint(invite_pages)
    app.register_blueprint(assignment_pages)
    app.register_blueprint(feedback_pages)
    register_api_blueprint(api)
    register_api_blueprint(feedback_api)
    register_api_blueprint(invite_api)
    register_api_blueprint(assignment_api)
