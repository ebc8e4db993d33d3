"""What the domains beneath candidates ask about applications, answered here."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.indexing import listen
from hirekit.candidates.models import Application
from hirekit.candidates.services import rejection_emails
from hirekit.candidates.services.applications import move
from hirekit.extensions import db
from hirekit.jobs.models import Stage
from hirekit.jobs.services.stages import count_stage_usage, relocate_stage_usage
from hirekit.mail.services.outbox import find_applications_with


def applications_in_stage(stage: Stage) -> int:
    """A stage holding applications cannot be removed from its pipeline."""
    used = db.session.scalar(
        select(func.count(Application.id)).where(Application.stage_id == stage.id)
    )
    return int(used or 0)


def relocate_applications(source: Stage, target: Stage, actor: User) -> int:
    """Empty ``source`` (being removed) into ``target``: active applications are moved
    (a recorded, audited move, so time in stage stays true); closed ones only change
    the stage they are filed under, audited too."""
    held = list(
        db.session.scalars(
            select(Application).where(Application.stage_id == source.id).order_by(Application.id)
        )
    )
    for application in held:
        if application.status == ApplicationStatus.ACTIVE.value:
            move(application, target, actor=actor)
            continue
        application.stage = target
        audit.record(
            "application.refiled",
            actor=actor,
            subject_type="application",
            subject_id=application.id,
            details={"from": source.name, "to": target.name, "status": application.status},
        )
    db.session.flush()
    return len(held)


def applications_of_jobs(jobs: Select[Any]) -> Select[Any]:
    """The ids of the applications to the jobs ``jobs`` selects (outbox visibility)."""
    return select(Application.id).where(Application.job_id.in_(jobs))


def subscribe() -> None:
    listen()  # the search index follows candidates, tags and notes
    count_stage_usage(applications_in_stage)
    relocate_stage_usage(relocate_applications)
    find_applications_with(applications_of_jobs)
    rejection_emails.subscribe()  # an application open again gets no rejection email
