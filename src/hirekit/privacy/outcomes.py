"""Anonymous outcomes: what reports still need once a person's data is gone."""

from __future__ import annotations

from sqlalchemy import func, select

from hirekit.candidates.choices import ApplicationStatus, EventType
from hirekit.candidates.models import Application, Candidate, Event
from hirekit.extensions import db
from hirekit.jobs.models import Stage
from hirekit.privacy.models import AnonymousOutcome


def _closed_at(application: Application) -> object:
    if application.status == ApplicationStatus.ACTIVE.value:
        return None
    return db.session.scalar(
        select(func.max(Event.at)).where(
            Event.application_id == application.id,
            Event.type.in_([EventType.REJECTED, EventType.WITHDRAWN, EventType.HIRED]),
        )
    )


def _furthest_stage(application: Application) -> Stage:
    """The furthest stage ever reached: a rejected candidate keeps the stage they got to."""
    moved_to = db.session.scalars(
        select(Event.data).where(
            Event.application_id == application.id, Event.type == EventType.MOVED.value
        )
    )
    ids = {application.stage_id} | {d.get("to_stage_id") for d in moved_to if d}
    stages = [s for s in application.job.stages if s.id in ids]
    return max(stages, key=lambda s: s.position, default=application.stage)


def record_outcomes(candidate: Candidate, erased_by: str) -> int:
    """One anonymous outcome per application of ``candidate``; returns how many."""
    count = 0
    for application in candidate.applications:
        stage = _furthest_stage(application)
        closed = _closed_at(application)
        db.session.add(
            AnonymousOutcome(
                job_id=application.job_id,
                stage_reached=stage.name,
                stage_position=stage.position,
                outcome=application.status,
                reject_reason=application.reject_reason,
                source=candidate.source,
                applied_at=application.created_at,
                closed_at=closed,
                erased_by=erased_by,
            )
        )
        count += 1
    db.session.flush()
    return count
