"""hirekit: a self-hosted hiring platform for teams hiring Flask developers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Imported inside create_app: the engine commands import this package and
    # must start without loading Flask.
    from flask import Flask

__all__ = ["DOMAINS", "create_app"]

#: The domain packages, each with ``init_app(app)``; listed once, here.
DOMAINS = (
    "main",
    "accounts",
    "admin",
    "guides",
    "queue",
    "takehomes",
    "jobs",
    "candidates",
    "mail",
    "integrations",
    "resumes",
    "careers",
    "interviews",
    "reports",
    "audit",
    "privacy",
    "search",
)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Assemble the application. Creates no tables, opens no connections, starts nothing.

    ``config`` overrides the environment (``HIREKIT_*``), which overrides the defaults.
    """
    from hirekit.config import instance_path_from_env, load_config
    from hirekit.request_guards import register_converters, register_request_guards
    from hirekit.request_pipeline import HirekitFlask

    app = HirekitFlask(__name__, instance_path=str(instance_path_from_env()))
    load_config(app, config)
    register_logging(app)
    register_extensions(app)
    register_transaction_boundary(app)
    register_converters(app)
    register_api(app)
    register_domains(app)
    register_error_handlers(app)
    register_request_guards(app)
    register_request_pipeline(app)
    register_security(app)
    register_caching(app)
    register_template_helpers(app)
    register_cli(app)
    return app


def register_logging(app: Flask) -> None:
    from hirekit.observability import init_logging

    init_logging(app)


def register_extensions(app: Flask) -> None:
    from hirekit import models  # noqa: F401  - every table known to migrations
    from hirekit.data_version import init_data_version
    from hirekit.extensions import csrf, db, limiter, migrate
    from hirekit.search.schema_filter import include_object
    from hirekit.sessions import init_sessions
    from hirekit.storage import init_storage

    db.init_app(app)
    migrate.init_app(
        app,
        db,
        directory=str(_migrations_dir()),
        render_as_batch=True,
        include_object=include_object,
    )
    csrf.init_app(app)
    limiter.init_app(app)
    init_sessions(app)
    init_storage(app)
    init_data_version(app)


def register_transaction_boundary(app: Flask) -> None:
    """One transaction per request: services flush, this commits or rolls back."""
    from hirekit.extensions import db

    @app.after_request
    def _commit(response: Any) -> Any:
        if not db.session.registry.has():
            return response  # the request never opened a session: nothing to end
        if response.status_code < 400:
            db.session.commit()
        else:
            db.session.rollback()
        return response


def register_api(app: Flask) -> None:
    """The one OpenAPI document every domain adds its API blueprints to."""
    from hirekit.api_base import api_spec_kwargs
    from hirekit.extensions import api

    app.config.update(
        API_TITLE="hirekit",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1",
        OPENAPI_JSON_PATH="openapi.json",
    )
    api.init_app(app, spec_kwargs=api_spec_kwargs())


def register_domains(app: Flask) -> None:
    """Each domain registers its pages, API, commands and listeners itself."""
    from importlib import import_module

    for name in DOMAINS:
        import_module(f"hirekit.{name}").init_app(app)


def register_request_pipeline(app: Flask) -> None:
    from hirekit.extensions import limiter
    from hirekit.request_pipeline import trim_request_hooks

    # After the domains: a blueprint-wide limit would be declared by them.
    trim_request_hooks(app, limiter)


def register_error_handlers(app: Flask) -> None:
    from hirekit.errors import register_error_handlers as register

    register(app)


def register_security(app: Flask) -> None:
    from hirekit.security import init_security_headers

    init_security_headers(app)


def register_caching(app: Flask) -> None:
    from hirekit.caching import init_caching

    # After the security headers: its Cache-Control is set first and kept.
    init_caching(app)


def register_template_helpers(app: Flask) -> None:
    from hirekit.templating import init_templating

    init_templating(app)


def register_cli(app: Flask) -> None:
    from hirekit.cli import register_commands

    register_commands(app)


def _migrations_dir() -> Any:
    from pathlib import Path

    return Path(__file__).parent / "migrations"
