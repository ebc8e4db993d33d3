"""Queue tasks of interviews."""

from __future__ import annotations

from hirekit.interviews.services.reminders import remind_overdue
from hirekit.queue import JobHandle, task


@task
def remind_overdue_scorecards(job: JobHandle) -> dict[str, int]:
    """Send one reminder per scorecard overdue by 24 hours (``hirekit interviews remind``)."""
    job.progress(10)
    sent = remind_overdue()
    return {
        "sent": sum(1 for r in sent if r.message_id is not None),
        "failed": sum(1 for r in sent if r.error),
    }
