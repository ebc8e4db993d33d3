"""The timeline: one row per thing that happened to a candidate, by whom and when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select

from hirekit.accounts.models import User
from hirekit.candidates.choices import EventType
from hirekit.candidates.models import Application, Candidate, Event
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.jobs.models import Job


def record_event(
    type_: EventType,
    candidate: Candidate,
    *,
    actor: User | None,
    application: Application | None = None,
    data: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> Event:
    """Append an event in the caller's transaction; ``at`` back-dates imported history."""
    event = Event(
        type=type_.value,
        candidate_id=candidate.id,
        application_id=application.id if application else None,
        actor_id=actor.id if actor else None,
        at=at or utcnow(),
        data=data or {},
    )
    db.session.add(event)
    db.session.flush()
    return event


def events_for(candidate: Candidate, visible_job_ids: set[int]) -> list[Event]:
    """The candidate's events, oldest first, leaving out applications to jobs not visible."""
    query = (
        select(Event)
        .outerjoin(Application, Event.application_id == Application.id)
        .where(Event.candidate_id == candidate.id)
        .where(or_(Event.application_id.is_(None), Application.job_id.in_(visible_job_ids)))
        .order_by(Event.at, Event.id)
    )
    return list(db.session.scalars(query))


def moves_of(application: Application) -> list[Event]:
    """Every move of one application, oldest first: who, when, from which stage to which."""
    query = (
        select(Event)
        .where(Event.application_id == application.id, Event.type == EventType.MOVED.value)
        .order_by(Event.at, Event.id)
    )
    return list(db.session.scalars(query))


def job_label(job: Job) -> dict[str, Any]:
    return {"job_id": job.id, "job": job.title}
