"""Undoing a bulk reject or withdraw: exactly those applications become active again.

A reject or withdraw changes only an active application's status and reason
(never its stage or the time it entered it), so the ids of the applications a
bulk action closed are all an undo needs; the board keeps them in the
person's session, so the undo lasts as long as it does.
"""

from __future__ import annotations

from sqlalchemy import select

from hirekit import events
from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.choices import ApplicationStatus, EventType
from hirekit.candidates.models import Application
from hirekit.candidates.services.timeline import record_event
from hirekit.extensions import db
from hirekit.jobs.models import Job

#: The statuses a bulk action can leave behind that an undo can take back.
UNDOABLE = (ApplicationStatus.REJECTED.value, ApplicationStatus.WITHDRAWN.value)

#: More than this is not offered for undo: the ids live in a size-limited cookie.
MAX_UNDO = 400


def _chosen(job: Job, application_ids: list[int]) -> list[Application]:
    return list(
        db.session.scalars(
            select(Application)
            .where(Application.job_id == job.id, Application.id.in_(application_ids))
            .order_by(Application.id)
        )
    )


def active_among(job: Job, application_ids: list[int]) -> list[int]:
    """The chosen applications of ``job`` that are active now (before a bulk action)."""
    return [
        a.id for a in _chosen(job, application_ids) if a.status == ApplicationStatus.ACTIVE.value
    ]


def closed_among(job: Job, application_ids: list[int]) -> list[int]:
    """Those of ``application_ids`` now rejected or withdrawn (after a bulk action)."""
    return [a.id for a in _chosen(job, application_ids) if a.status in UNDOABLE]


def restore(job: Job, application_ids: list[int], *, actor: User) -> int:
    """Make each rejected or withdrawn one of ``application_ids`` active again, audited.

    Returns how many were restored; one reopened or deleted since is left alone.
    """
    restored = 0
    for application in _chosen(job, application_ids):
        if application.status not in UNDOABLE:
            continue
        undone, reason = application.status, application.reject_reason
        application.status = ApplicationStatus.ACTIVE.value
        application.reject_reason = ""
        record_event(
            EventType.UPDATED,
            application.candidate,
            actor=actor,
            application=application,
            data={"fields": ["status"], "undone": undone, "stage": application.stage.name},
        )
        db.session.flush()
        audit.record(
            "application.bulk_undone",
            actor=actor,
            subject_type="application",
            subject_id=application.id,
            details={
                "candidate_id": application.candidate_id,
                "job_id": job.id,
                "undone": undone,
                "reason": reason,
            },
        )
        events.application_reopened.send(events.ApplicationReopened(application, actor))
        restored += 1
    return restored
