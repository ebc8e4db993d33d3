"""The background worker keeps the stored report figures fresh.

A report page (or the API) that reads its unfiltered figures asks for a
refresh when they are missing or older than :data:`REFRESH_AFTER`; the
worker recomputes every snapshotted report once, however many pages asked,
and the pages keep showing the stored figures with their time meanwhile.
``hirekit reports refresh`` (e.g. from cron) does the same in the foreground.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.queue import BackgroundJob, JobHandle, JobStatus, enqueue, task
from hirekit.queue.enqueue import task_path
from hirekit.reports.services.snapshots import refresh

#: Stored figures older than this are recomputed by the worker at the next visit.
REFRESH_AFTER = timedelta(hours=1)
LABEL = "Report figures"


@task
def refresh_reports(handle: JobHandle) -> dict[str, int]:
    return {"stored": refresh(now=utcnow())}


def refresh_due(computed_at: datetime | None, *, now: datetime) -> bool:
    return computed_at is None or now - computed_at >= REFRESH_AFTER


def request_refresh() -> bool:
    """Queue one refresh unless one is already waiting or running; True if queued."""
    waiting = db.session.scalars(
        select(BackgroundJob.id)
        .where(
            BackgroundJob.func == task_path(refresh_reports),
            BackgroundJob.status.in_((JobStatus.QUEUED.value, JobStatus.RUNNING.value)),
        )
        .limit(1)
    ).first()
    if waiting is not None:
        return False
    enqueue(refresh_reports, label=LABEL)
    return True
