"""Pages: a background job's status with a live progress bar."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template

from hirekit.accounts.auth import requires
from hirekit.accounts.permissions import Permission
from hirekit.queue.enqueue import get_job
from hirekit.queue.schemas import BackgroundJobSchema

bp = Blueprint("tasks", __name__)


@bp.get("/tasks/<int:job_id>")
@requires(Permission.TASKS_READ)
def show(job_id: int) -> str:
    return render_template("queue/show.html", job=get_job(job_id))


@bp.get("/tasks/<int:job_id>/status")
@requires(Permission.TASKS_READ)
def status(job_id: int) -> dict[str, Any]:
    """The same status as the API, for the page's progress bar (session-authenticated)."""
    return BackgroundJobSchema().dump(get_job(job_id))  # type: ignore[no-any-return]
