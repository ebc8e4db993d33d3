"""Putting work on the queue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol, TypeVar, cast

from flask import current_app

from hirekit.db import on_commit, utcnow
from hirekit.errors import NotFound
from hirekit.extensions import db
from hirekit.queue.models import BackgroundJob

TASK_MARK = "__hirekit_task__"
F = TypeVar("F", bound=Callable[..., Any])


class Backend(Protocol):
    def notify(self, job_id: int) -> None: ...
    def schedule_retry(self, job_id: int, delay_seconds: float) -> None: ...


BACKEND_KEY = "hirekit.queue"


def task(fn: F) -> F:
    """Mark a function as runnable by the queue; it is called as ``fn(handle, *args)``."""
    setattr(fn, TASK_MARK, True)
    return fn


def task_path(fn: Callable[..., Any]) -> str:
    if not getattr(fn, TASK_MARK, False):
        raise TypeError(f"{fn!r} is not a @task")
    return f"{fn.__module__}:{fn.__qualname__}"


def backend() -> Backend:
    return cast(Backend, current_app.extensions[BACKEND_KEY])


def enqueue(
    fn: Callable[..., Any],
    *args: Any,
    label: str = "",
    created_by_id: int | None = None,
    hiring_job_id: int | None = None,
    candidate_id: int | None = None,
    run_after: datetime | None = None,
) -> BackgroundJob:
    """Record a job in the caller's transaction; it is handed on once that commits.

    Arguments must be JSON values (ids, not objects). ``label`` is shown to
    every user who may see the job: it must name no person and no file (say
    "Resume screening", not the file's name). ``hiring_job_id`` and
    ``candidate_id`` say what the job works on, so that only those who may see
    that job and that candidate see it (:mod:`hirekit.queue.services`).
    """
    job = BackgroundJob(
        func=task_path(fn),
        args=list(args),
        label=label or fn.__name__.replace("_", " "),
        max_attempts=int(current_app.config["JOB_MAX_ATTEMPTS"]),
        created_by_id=created_by_id,
        hiring_job_id=hiring_job_id,
        candidate_id=candidate_id,
    )
    if run_after is not None:
        job.run_after = run_after
    db.session.add(job)
    db.session.flush()
    job_id = job.id
    chosen = backend()
    delay = (run_after - utcnow()).total_seconds() if run_after is not None else 0.0
    if delay > 0:
        # The embedded worker polls for due jobs; RQ is told to hold it back as long.
        on_commit(db.session(), lambda: chosen.schedule_retry(job_id, delay))
    else:
        on_commit(db.session(), lambda: chosen.notify(job_id))
    return job


def get_job(job_id: int) -> BackgroundJob:
    job = db.session.get(BackgroundJob, job_id)
    if job is None:
        raise NotFound(f"No background job with id {job_id}")
    return job
