"""Retention: anyone quiet for ``HIREKIT_RETENTION_DAYS`` goes, as the careers form promises.

The careers form says: "we delete your data once N days pass with no
activity on it, unless you are hired". So a candidate is due when nothing has
happened to them -- no event on any application (applied, moved, noted,
rejected...), no edit of their record -- for ``HIREKIT_RETENTION_DAYS``
days, whatever state their applications are in: rejected, withdrawn, still
active but forgotten, or none at all. Never due: anyone hired, and anyone
with an interview still to come.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import exists, func, select

from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application, Candidate, Event
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.interviews.choices import InterviewStatus
from hirekit.interviews.models import Interview
from hirekit.privacy.deletion import RETENTION, delete_candidate
from hirekit.privacy.tasks import purge_search_index
from hirekit.queue import enqueue


@dataclass
class RetentionRun:
    cutoff: datetime
    due: list[int] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)


def due_for_deletion(days: int, now: datetime | None = None) -> tuple[datetime, list[int]]:
    """The cutoff and the ids of candidates past it, oldest activity first."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    last_event = (
        select(func.max(Event.at)).where(Event.candidate_id == Candidate.id).scalar_subquery()
    )
    last_activity = func.coalesce(last_event, Candidate.updated_at)
    hired = exists().where(
        Application.candidate_id == Candidate.id,
        Application.status == ApplicationStatus.HIRED.value,
    )
    interview_ahead = exists().where(
        Interview.candidate_id == Candidate.id,
        Interview.status == InterviewStatus.SCHEDULED.value,
        Interview.starts_at >= (now or utcnow()),
    )
    query = (
        select(Candidate.id)
        .where(~hired, ~interview_ahead, Candidate.updated_at < cutoff, last_activity < cutoff)
        .order_by(last_activity, Candidate.id)
    )
    return cutoff, list(db.session.scalars(query))


def run_retention(days: int, *, dry_run: bool, now: datetime | None = None) -> RetentionRun:
    """Delete every due candidate (or only list them); each deletion is committed on its own.

    Idempotent: a second run finds nobody left. Commits, as a command does.
    """
    cutoff, due = due_for_deletion(days, now)
    run = RetentionRun(cutoff, due)
    if dry_run:
        return run
    for candidate_id in due:
        delete_candidate(candidate_id, actor=None, reason=RETENTION, purge_index=False)
        db.session.commit()
        run.deleted.append(candidate_id)
    if run.deleted:
        enqueue(purge_search_index, label="Purge deleted text from the search index")
        db.session.commit()
    return run
