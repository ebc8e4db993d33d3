"""Leases: which worker runs a job and until when, renewed by a heartbeat while it runs.

A worker that dies stops renewing. Once its lease lapses, the reaper that every
worker runs puts the job back on the queue (the lost run counts as an attempt)
or fails it after the last one. Claims, renewals and the final outcome are
conditional UPDATEs on the lease owner, so no two workers hold one job at once
and a worker that lost its lease cannot record an outcome over another's.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import datetime, timedelta
from types import TracebackType
from typing import Any

from flask import current_app
from sqlalchemy import ColumnElement, Engine, or_, select, update

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.queue.enqueue import backend
from hirekit.queue.models import BackgroundJob, JobStatus

log = logging.getLogger(__name__)
LAPSED_ERROR = "the worker running it stopped answering (its lease lapsed)"

_identity: tuple[int, str] | None = None


def worker_id() -> str:
    """This process as a lease owner: host and pid, plus a random part since pids are reused."""
    global _identity
    pid = os.getpid()
    if _identity is None or _identity[0] != pid:  # a forked process is a worker of its own
        _identity = (pid, f"{socket.gethostname()}:{pid}:{uuid.uuid4().hex[:8]}")
    return _identity[1]


def lease_seconds() -> float:
    return float(current_app.config["JOB_LEASE_SECONDS"])


def heartbeat_seconds() -> float:
    return float(current_app.config["JOB_HEARTBEAT_SECONDS"])


def lease_until() -> datetime:
    return utcnow() + timedelta(seconds=lease_seconds())


def lapsed(now: datetime) -> ColumnElement[bool]:
    # No expiry at all: a row left running before leases existed.
    return or_(BackgroundJob.lease_expires_at.is_(None), BackgroundJob.lease_expires_at < now)


def held_by(job_id: int, owner: str) -> ColumnElement[bool]:
    """The job is still running under ``owner``'s lease."""
    return (
        (BackgroundJob.id == job_id)
        & (BackgroundJob.status == JobStatus.RUNNING.value)
        & (BackgroundJob.lease_owner == owner)
    )


class Heartbeat:
    """Renews one job's lease from a thread of its own while the task runs."""

    def __init__(self, engine: Engine, job_id: int, owner: str) -> None:
        self.engine = engine
        self.job_id = job_id
        self.owner = owner
        self.lease = timedelta(seconds=lease_seconds())
        self.every = heartbeat_seconds()
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"hirekit-heartbeat-{job_id}", daemon=True
        )

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            try:
                with self.engine.begin() as conn:
                    renewed = conn.execute(
                        update(BackgroundJob)
                        .where(held_by(self.job_id, self.owner))
                        .values(lease_expires_at=utcnow() + self.lease)
                    ).rowcount
            except Exception:  # the database may be away for a moment; the next beat retries
                log.warning("job %s: could not renew its lease", self.job_id, exc_info=True)
                continue
            if not renewed:
                log.warning("job %s: lease lost; its outcome will not be recorded", self.job_id)
                self.lost.set()
                return


def retry_delay(attempts: int) -> float:
    """The wait before attempt ``attempts + 1``: the base backoff, doubling each attempt."""
    base = float(current_app.config["JOB_RETRY_BACKOFF_SECONDS"])
    return float(base * 2 ** max(0, attempts - 1))


def reap_expired() -> list[int]:
    """Take back the jobs whose worker died: requeue each (its lost run was an attempt) or
    fail it after its last attempt. Returns the ids requeued.

    Only lapsed leases are touched, so a job another live worker is running stays its own.
    """
    now = utcnow()
    rows = db.session.execute(
        select(
            BackgroundJob.id,
            BackgroundJob.lease_owner,
            BackgroundJob.attempts,
            BackgroundJob.max_attempts,
        ).where(BackgroundJob.status == JobStatus.RUNNING.value, lapsed(now))
    ).all()
    requeued: list[tuple[int, float]] = []
    for job_id, owner, attempts, max_attempts in rows:
        values: dict[str, Any] = {"lease_owner": None, "lease_expires_at": None}
        values["error"] = LAPSED_ERROR
        delay = retry_delay(attempts)
        if attempts < max_attempts:
            values.update(status=JobStatus.QUEUED.value, run_after=now + timedelta(seconds=delay))
        else:
            values.update(status=JobStatus.FAILED.value, finished_at=now)
        # Conditional on the lease seen: of several reapers, one takes each job.
        taken = db.session.execute(
            update(BackgroundJob)
            .where(
                BackgroundJob.id == job_id,
                BackgroundJob.status == JobStatus.RUNNING.value,
                BackgroundJob.lease_owner.is_(None)
                if owner is None
                else BackgroundJob.lease_owner == owner,
                lapsed(now),
            )
            .values(**values)
        ).rowcount  # type: ignore[attr-defined]
        db.session.commit()
        if taken:
            log.warning("job %s: %s; %s", job_id, LAPSED_ERROR, values["status"])
            if values["status"] == JobStatus.QUEUED.value:
                requeued.append((job_id, delay))
    for job_id, delay in requeued:
        backend().schedule_retry(job_id, delay)
    return [job_id for job_id, _ in requeued]
