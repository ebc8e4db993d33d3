"""hirekit: a self-hosted hiring platform for teams hiring Flask developers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Imported inside create_app: the engine commands import this package and
    # must start without loading Flask.
    from flask import Flask

__all__ = ["create_app"]


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Assemble the application. Creates no tables, opens no connections, starts nothing.

    ``config`` overrides the environment (``HIREKIT_*``), which overrides the defaults.
    """
    from flask import Flask

    from hirekit.config import instance_path_from_env, load_config
    from hirekit.request_guards import register_converters, register_request_guards

    app = Flask(__name__, instance_path=str(instance_path_from_env()))
    load_config(app, config)
    register_logging(app)
    register_extensions(app)
    register_transaction_boundary(app)
    register_converters(app)
    register_blueprints(app)
    register_api(app)
    register_error_handlers(app)
    register_request_guards(app)
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
    from hirekit.accounts.auth import init_auth
    from hirekit.extensions import csrf, db, limiter, migrate
    from hirekit.guides.registry import init_guides
    from hirekit.queue.setup import init_queue
    from hirekit.search.schema_filter import include_object
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
    init_auth(app)
    init_guides(app)
    init_queue(app)
    init_storage(app)


def register_transaction_boundary(app: Flask) -> None:
    """One transaction per request: services flush, this commits or rolls back."""
    from hirekit.extensions import db

    @app.after_request
    def _commit(response: Any) -> Any:
        if response.status_code < 400:
            db.session.commit()
        else:
            db.session.rollback()
        return response


def register_blueprints(app: Flask) -> None:
    from hirekit.accounts.views import bp as accounts
    from hirekit.admin.views import bp as admin
    from hirekit.candidates.board_views import bp as board
    from hirekit.candidates.views import bp as candidates
    from hirekit.careers.views import bp as careers
    from hirekit.guides.views import bp as guides
    from hirekit.integrations.views import bp as webhooks
    from hirekit.interviews.debrief_views import bp as debriefs
    from hirekit.interviews.kit_views import bp as kits
    from hirekit.interviews.views import bp as interviews
    from hirekit.jobs.views import bp as jobs
    from hirekit.mail.views import bp as mail
    from hirekit.main.views import bp as main
    from hirekit.privacy.views import bp as privacy
    from hirekit.queue.views import bp as tasks
    from hirekit.reports.selfid_views import bp as selfid
    from hirekit.reports.views import bp as reports
    from hirekit.resumes.ranking_views import bp as screening
    from hirekit.resumes.views import bp as resumes
    from hirekit.takehomes.invite_views import bp as takehome_invites
    from hirekit.takehomes.views import bp as takehomes

    for blueprint in (
        main,
        accounts,
        admin,
        guides,
        tasks,
        takehomes,
        jobs,
        candidates,
        board,
        mail,
        takehome_invites,
        webhooks,
        resumes,
        screening,
        careers,
        interviews,
        kits,
        debriefs,
        reports,
        selfid,
        privacy,
    ):
        app.register_blueprint(blueprint)


def register_api(app: Flask) -> None:
    from hirekit.accounts.api import blp as users_api
    from hirekit.api_base import api_spec_kwargs
    from hirekit.audit.api import blp as audit_api
    from hirekit.candidates.api import blp as candidates_api
    from hirekit.candidates.applications_api import blp as applications_api
    from hirekit.careers.api import blp as postings_api
    from hirekit.extensions import api, csrf
    from hirekit.guides.api import blp as guides_api
    from hirekit.integrations.api import blp as webhooks_api
    from hirekit.interviews.api import blp as interviews_api
    from hirekit.jobs.api import blp as jobs_api
    from hirekit.mail.api import blp as mail_api
    from hirekit.privacy.api import blp as privacy_api
    from hirekit.queue.api import blp as tasks_api
    from hirekit.reports.api import blp as reports_api
    from hirekit.resumes.api import blp as resumes_api
    from hirekit.takehomes.api import blp as reviews_api
    from hirekit.takehomes.invite_views import blp as invitations_api

    app.config.update(
        API_TITLE="hirekit",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1",
        OPENAPI_JSON_PATH="openapi.json",
    )
    api.init_app(app, spec_kwargs=api_spec_kwargs())
    for blueprint in (
        users_api,
        guides_api,
        tasks_api,
        reviews_api,
        jobs_api,
        candidates_api,
        applications_api,
        mail_api,
        invitations_api,
        webhooks_api,
        resumes_api,
        interviews_api,
        reports_api,
        audit_api,
        privacy_api,
        postings_api,
    ):
        # Bearer tokens, not cookies, authenticate the API, so CSRF does not apply.
        csrf.exempt(blueprint)
        api.register_blueprint(blueprint)


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
