"""Pages: a background job's status with a live progress bar."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template

from hirekit.accounts.auth import page_user, requires
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.queue.schemas import BackgroundJobSchema
from hirekit.queue.services import get_visible_task

bp = Blueprint("queue", __name__)


def _viewer() -> User:
    user = page_user()
    assert user is not None  # @requires signed them in
    return user


@bp.get("/tasks/<int:job_id>")
@requires(Permission.TASKS_READ)
def show(job_id: int) -> str:
    return render_template("queue/show.html", job=get_visible_task(job_id, _viewer()))


@bp.get("/tasks/<int:job_id>/status")
@requires(Permission.TASKS_READ)
def status(job_id: int) -> dict[str, Any]:
    """The same status as the API, for the page's progress bar (session-authenticated)."""
    return BackgroundJobSchema().dump(get_visible_task(job_id, _viewer()))  # type: ignore[no-any-return]
