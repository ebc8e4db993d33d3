"""What a running task gets: progress reports, and writes that outlive its failure."""

from __future__ import annotations

from sqlalchemy import Executable, update

from hirekit.extensions import db
from hirekit.queue.models import BackgroundJob


class JobHandle:
    def __init__(self, job_id: int) -> None:
        self.id = job_id

    def progress(self, percent: int) -> None:
        """Record 0-100 progress at once, visible to a progress bar while the task's own
        work is still uncommitted."""
        value = max(0, min(100, int(percent)))
        self.write_now(
            update(BackgroundJob).where(BackgroundJob.id == self.id).values(progress=value)
        )

    def write_now(self, statement: Executable) -> None:
        """Run ``statement`` on a connection of its own, committed at once: it is neither
        hidden by the task's open transaction nor undone by the rollback the queue does
        when the task fails."""
        with db.engine.begin() as conn:
            conn.execute(statement)

    def is_last_attempt(self) -> bool:
        """True when a failure now is final: the queue will not run the task again."""
        record = db.session.get(BackgroundJob, self.id)
        return record is None or record.attempts >= record.max_attempts
