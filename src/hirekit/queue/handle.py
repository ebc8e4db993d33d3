"""What a running task gets to report progress through."""

from __future__ import annotations

from sqlalchemy import update

from hirekit.extensions import db
from hirekit.queue.models import BackgroundJob


class JobHandle:
    def __init__(self, job_id: int) -> None:
        self.id = job_id

    def progress(self, percent: int) -> None:
        """Record 0-100 progress at once, outside the task's own transaction.

        A separate connection makes the figure visible to a progress bar while
        the task's work is still uncommitted.
        """
        value = max(0, min(100, int(percent)))
        with db.engine.begin() as conn:
            conn.execute(
                update(BackgroundJob).where(BackgroundJob.id == self.id).values(progress=value)
            )
