"""REST: background job status."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.queue.models import BackgroundJob
from hirekit.queue.schemas import BackgroundJobSchema
from hirekit.queue.services import get_visible_task

blp = Blueprint("queue_api", __name__, url_prefix="/api/v1", description="Background jobs")


@blp.route("/tasks/<int:job_id>")
class TaskItem(MethodView):
    @api_requires(Permission.TASKS_READ)
    @blp.response(200, BackgroundJobSchema)
    def get(self, job_id: int) -> BackgroundJob:
        """A background job's status, progress (0-100), attempts and error

        Jobs about a confidential job or its candidates are found only by that
        job's hiring team and admins (404 for anyone else).
        """
        return get_visible_task(job_id, api_user())
