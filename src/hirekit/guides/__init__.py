from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain with the application: its pages, its API, the role guides."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.guides.api import blp as api
    from hirekit.guides.registry import init_guides
    from hirekit.guides.views import bp as pages

    app.register_blueprint(pages)
    register_api_blueprint(api)
    init_guides(app)
