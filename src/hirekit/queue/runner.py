"""Running one job: claim it, call its task, record the outcome, retry with backoff.

Both backends end here, so a job behaves the same in-process and on RQ.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import select, update

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.queue.enqueue import TASK_MARK, backend
from hirekit.queue.handle import JobHandle
from hirekit.queue.lease import Heartbeat, held_by, lease_until, retry_delay, worker_id
from hirekit.queue.models import BackgroundJob, JobStatus

log = logging.getLogger(__name__)
MAX_ERROR_CHARS = 2000
LOST = "lost"


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


def _claim(job_id: int, owner: str) -> bool:
    # Compare-and-set: of several workers racing for a job, exactly one wins it, and
    # holds it under a lease it renews while the task runs.
    result = db.session.execute(
        update(BackgroundJob)
        .where(BackgroundJob.id == job_id, BackgroundJob.status == JobStatus.QUEUED.value)
        .values(
            status=JobStatus.RUNNING.value,
            attempts=BackgroundJob.attempts + 1,
            started_at=utcnow(),
            error="",
            lease_owner=owner,
            lease_expires_at=lease_until(),
        )
    )
    db.session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def run_job(job_id: int) -> str:
    """Run job ``job_id`` if it is still queued; returns its status afterwards
    (``"lost"`` when its lease lapsed meanwhile and another worker took it over)."""
    owner = worker_id()
    if not _claim(job_id, owner):
        job = db.session.get(BackgroundJob, job_id)
        return job.status if job else "missing"
    job = db.session.get(BackgroundJob, job_id)
    assert job is not None
    func, args = job.func, list(job.args)
    with Heartbeat(db.engine, job_id, owner):
        try:
            result = resolve(func)(JobHandle(job_id), *args)
        except Exception as exc:  # a task may fail any way; the job records how
            db.session.rollback()
            log.warning("job %s (%s) failed: %s", job_id, func, exc)
            return _record_failure(job_id, owner, exc)
        # The outcome commits with the task's own writes, and only while the lease is
        # still ours: a run whose lease lapsed leaves no trace beside its successor's.
        done = db.session.execute(
            update(BackgroundJob)
            .where(held_by(job_id, owner))
            .values(
                status=JobStatus.DONE.value,
                progress=100,
                finished_at=utcnow(),
                result=result if isinstance(result, dict) else None,
                lease_owner=None,
                lease_expires_at=None,
            )
        ).rowcount  # type: ignore[attr-defined]
        if not done:
            db.session.rollback()
            log.warning("job %s (%s): lease lost before it finished; not recorded", job_id, func)
            return LOST
        db.session.commit()
    return JobStatus.DONE.value


def _record_failure(job_id: int, owner: str, exc: Exception) -> str:
    job = db.session.get(BackgroundJob, job_id)
    assert job is not None
    values: dict[str, Any] = {
        "error": f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS],
        "lease_owner": None,
        "lease_expires_at": None,
    }
    delay = retry_delay(job.attempts)
    if job.attempts < job.max_attempts:
        status = JobStatus.QUEUED.value
        values["run_after"] = utcnow() + timedelta(seconds=delay)
    else:
        status = JobStatus.FAILED.value
        values["finished_at"] = utcnow()
    recorded = db.session.execute(
        update(BackgroundJob).where(held_by(job_id, owner)).values(status=status, **values)
    ).rowcount  # type: ignore[attr-defined]
    db.session.commit()
    if not recorded:
        log.warning("job %s: lease lost before its failure was recorded", job_id)
        return LOST
    log.info("job %s: attempt %d of %d failed; %s", job_id, job.attempts, job.max_attempts, status)
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


def drain(limit: int = 10_000, stopping: threading.Event | None = None) -> int:
    """Run due jobs one after another until none is due (or ``stopping`` is set);
    returns how many ran."""
    ran = 0
    while (
        ran < limit
        and not (stopping and stopping.is_set())
        and (job_id := next_due_job_id()) is not None
    ):
        run_job(job_id)
        ran += 1
    return ran
