"""Queue tasks of interviews."""

from __future__ import annotations

from hirekit.interviews.reminders import send_reminders
from hirekit.queue import JobHandle, task


@task
def remind_overdue_scorecards(job: JobHandle) -> dict[str, int]:
    """Send one reminder per scorecard overdue by 24 hours (run hourly by cron or a worker)."""
    job.progress(10)
    return {"sent": send_reminders()}
