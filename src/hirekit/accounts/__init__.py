"""People who use hirekit: sign-in, roles and permissions, API tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def init_app(app: Flask) -> None:
    """Register this domain with the application: its pages, its API, its commands, sign-in."""
    from hirekit.accounts.api import blp as api
    from hirekit.accounts.auth import init_auth
    from hirekit.accounts.cli import tokens_group, users_group
    from hirekit.accounts.views import bp as pages
    from hirekit.api_base import register_api_blueprint

    app.register_blueprint(pages)
    register_api_blueprint(api)
    app.cli.add_command(users_group)
    app.cli.add_command(tokens_group)
    init_auth(app)
