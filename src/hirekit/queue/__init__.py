"""The job queue boundary: enqueue a task by function reference, watch its status.

Embedded default: a job table plus an in-process worker thread, so queued work
survives a restart. With ``HIREKIT_REDIS_URL`` set, jobs are pushed to RQ and
``hirekit worker`` processes run them. Either way the job row in the database
is the one record of status, attempts, progress and errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

from hirekit.queue.enqueue import enqueue, get_job, task
from hirekit.queue.handle import JobHandle
from hirekit.queue.models import BackgroundJob, JobStatus

__all__ = ["BackgroundJob", "JobHandle", "JobStatus", "enqueue", "get_job", "task"]


def init_app(app: Flask) -> None:
    """Register this domain with the application: its pages, its API, the job queue."""
    from hirekit.api_base import register_api_blueprint
    from hirekit.queue.api import blp as api
    from hirekit.queue.setup import init_queue
    from hirekit.queue.views import bp as pages

    app.register_blueprint(pages)
    register_api_blueprint(api)
    init_queue(app)
