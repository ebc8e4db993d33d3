"""Pages: dashboard, health probes, API reference."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, redirect, render_template, url_for
from flask_login import login_required
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response

from hirekit.accounts.auth import page_user
from hirekit.extensions import api, db
from hirekit.main.dashboard import dashboard_summary

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> Response:
    return redirect(url_for("main.dashboard" if page_user() else "accounts.login"))


@bp.get("/dashboard")
@login_required
def dashboard() -> str:
    user = page_user()
    assert user is not None
    return render_template("main/dashboard.html", summary=dashboard_summary(user))


@bp.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is alive (no dependencies checked)."""
    return {"status": "ok"}


@bp.get("/readyz")
def readyz() -> tuple[dict[str, Any], int]:
    """Ready to serve: the database answers and takes writes (a PostgreSQL standby or
    a database set read-only answers SELECT 1 but would fail every form)."""
    try:
        db.session.execute(text("SELECT 1"))
        read_only = db.engine.dialect.name == "postgresql" and (
            db.session.execute(text("SHOW transaction_read_only")).scalar() == "on"
        )
    except SQLAlchemyError as exc:
        current_app.logger.warning("readiness check failed: %s", exc)
        return _not_ready("The database does not answer.")
    finally:
        db.session.rollback()
    if read_only:
        current_app.logger.warning("readiness check failed: the database is read-only")
        return _not_ready("The database is read-only: writes would fail.")
    return {"status": "ready", "database": "ok"}, 200


def _not_ready(message: str) -> tuple[dict[str, Any], int]:
    return {
        "status": "unavailable",
        "error": {"code": "unavailable", "message": message, "details": {}},
    }, 503


@bp.get("/api/v1/docs")
def api_docs() -> str:
    """Browsable API reference rendered from the OpenAPI document (no external scripts)."""
    return render_template("main/api_docs.html", spec=api.spec.to_dict())
