"""Running one job: claim it, call its task, record the outcome, retry with backoff.

Both backends end here, so a job behaves the same in-process and on RQ.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import select, update

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.queue.enqueue import TASK_MARK, backend
from hirekit.queue.handle import JobHandle
from hirekit.queue.models import BackgroundJob, JobStatus

log = logging.getLogger(__name__)
MAX_ERROR_CHARS = 2000


def resolve(path: str) -> Callable[..., Any]:
    """The @task function at ``module:qualname``; anything else is refused."""
    module_name, _, qualname = path.partition(":")
    prefixes = tuple(current_app.config["TASK_MODULE_PREFIXES"])
    if not module_name.startswith(prefixes):
        raise LookupError(f"refusing to run {path!r}: not a hirekit task")
    target: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part)
    if not getattr(target, TASK_MARK, False):
        raise LookupError(f"refusing to run {path!r}: not marked @task")
    return target  # type: ignore[no-any-return]


def _claim(job_id: int) -> bool:
    # Compare-and-set: of several workers racing for a job, exactly one wins it.
    result = db.session.execute(
        update(BackgroundJob)
        .where(BackgroundJob.id == job_id, BackgroundJob.status == JobStatus.QUEUED.value)
        .values(
            status=JobStatus.RUNNING.value,
            attempts=BackgroundJob.attempts + 1,
            started_at=utcnow(),
            error="",
        )
    )
    db.session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def run_job(job_id: int) -> str:
    """Run job ``job_id`` if it is still queued; returns its status afterwards."""
    if not _claim(job_id):
        job = db.session.get(BackgroundJob, job_id)
        return job.status if job else "missing"
    job = db.session.get(BackgroundJob, job_id)
    assert job is not None
    func, args = job.func, list(job.args)
    try:
        result = resolve(func)(JobHandle(job_id), *args)
        db.session.commit()
    except Exception as exc:  # a task may fail any way; the job records how
        db.session.rollback()
        log.warning("job %s (%s) failed: %s", job_id, func, exc)
        return _record_failure(job_id, exc)
    job = db.session.get(BackgroundJob, job_id)
    assert job is not None
    job.status = JobStatus.DONE.value
    job.progress = 100
    job.finished_at = utcnow()
    job.result = result if isinstance(result, dict) else None
    db.session.commit()
    return job.status


def _record_failure(job_id: int, exc: Exception) -> str:
    job = db.session.get(BackgroundJob, job_id)
    assert job is not None
    job.error = f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS]
    delay = 0.0
    if job.attempts < job.max_attempts:
        base = float(current_app.config["JOB_RETRY_BACKOFF_SECONDS"])
        delay = base * 2 ** (job.attempts - 1)
        job.status = JobStatus.QUEUED.value
        job.run_after = utcnow() + timedelta(seconds=delay)
    else:
        job.status = JobStatus.FAILED.value
        job.finished_at = utcnow()
    status = job.status
    db.session.commit()
    if status == JobStatus.QUEUED:
        backend().schedule_retry(job_id, delay)
    return status


def next_due_job_id() -> int | None:
    return db.session.scalars(
        select(BackgroundJob.id)
        .where(BackgroundJob.status == JobStatus.QUEUED.value, BackgroundJob.run_after <= utcnow())
        .order_by(BackgroundJob.id)
        .limit(1)
    ).first()


def recover_interrupted() -> int:
    """Requeue jobs left 'running' by a process that stopped; returns how many."""
    result = db.session.execute(
        update(BackgroundJob)
        .where(BackgroundJob.status == JobStatus.RUNNING.value)
        .values(status=JobStatus.QUEUED.value, run_after=utcnow())
    )
    db.session.commit()
    return int(result.rowcount)  # type: ignore[attr-defined]


def drain(limit: int = 10_000) -> int:
    """Run due jobs one after another until none is due; returns how many ran."""
    ran = 0
    while ran < limit and (job_id := next_due_job_id()) is not None:
        run_job(job_id)
        ran += 1
    return ran
