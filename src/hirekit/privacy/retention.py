"""Retention: people whose every application is closed unsuccessfully, quiet for too long, go.

A candidate is due when they have at least one application, every one of
them is rejected or withdrawn, and nothing has happened to them (no event,
no edit) for ``HIREKIT_RETENTION_DAYS`` days. Hired or active people, and
people never considered for a job, are never due.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import exists, func, select

from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application, Candidate, Event
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.privacy.deletion import RETENTION, delete_candidate
from hirekit.privacy.tasks import purge_search_index
from hirekit.queue import enqueue

CLOSED = (ApplicationStatus.REJECTED.value, ApplicationStatus.WITHDRAWN.value)


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
    applied = exists().where(Application.candidate_id == Candidate.id)
    still_open = exists().where(
        Application.candidate_id == Candidate.id, Application.status.not_in(CLOSED)
    )
    query = (
        select(Candidate.id)
        .where(applied, ~still_open, Candidate.updated_at < cutoff, last_activity < cutoff)
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
