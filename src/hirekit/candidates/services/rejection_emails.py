"""Rejection emails: sent only when a person confirms, after a delay, and taken back on undo.

Rejecting an application sends nothing. The person who rejected is asked
whether to send the rejection email and with which template; what they confirm
is queued in the outbox to go after ``HIREKIT_REJECTION_EMAIL_DELAY_HOURS``.
Until then it can be cancelled, and it is cancelled by itself when the
application is moved back or the reject is undone: nobody is told "no" about
an application that is open again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select

from hirekit import events
from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application
from hirekit.candidates.services.applications import chosen_applications
from hirekit.candidates.services.bulk_email import bulk_templates, email_applicant
from hirekit.db import utcnow
from hirekit.errors import NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.models import Job
from hirekit.mail.models import MailTemplate, MessageStatus, OutboxMessage
from hirekit.mail.services.outbox import cancel_message

PURPOSE = "rejection"
DEFAULT_TEMPLATE = "application_rejected"


@dataclass(frozen=True)
class RejectionOutcome:
    """``queued`` outbox message ids; ``skipped`` one reason per application left out."""

    template_key: str
    send_after: datetime
    queued: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def delay() -> timedelta:
    return timedelta(hours=float(current_app.config["REJECTION_EMAIL_DELAY_HOURS"]))


def delay_text() -> str:
    """The delay as the confirmation page says it ("in 24 hours", "at once")."""
    hours = float(current_app.config["REJECTION_EMAIL_DELAY_HOURS"])
    if hours <= 0:
        return "at once"
    if hours < 1:
        return f"in {round(hours * 60)} minutes"
    return f"in {hours:g} hour{'s' if hours != 1 else ''}"


def templates() -> list[MailTemplate]:
    """The templates a rejection email may use (the default rejection first)."""
    found = bulk_templates()
    return sorted(found, key=lambda t: (t.key != DEFAULT_TEMPLATE, t.name))


def _template(template_key: str) -> MailTemplate:
    for template in templates():
        if template.key == template_key:
            return template
    raise ValidationFailed(
        f"The template {template_key!r} cannot be used for a rejection email",
        details={"template": "choose one of the listed templates"},
    )


def rejection_messages(application: Application) -> list[OutboxMessage]:
    """Every rejection email of the application, newest first (waiting, sent, cancelled)."""
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.application_id == application.id, OutboxMessage.purpose == PURPOSE)
        .order_by(OutboxMessage.id.desc())
    )
    return list(db.session.scalars(query))


def pending(application: Application) -> list[OutboxMessage]:
    """The rejection emails still waiting to go (and so still cancellable)."""
    return [
        m
        for m in rejection_messages(application)
        if m.status == MessageStatus.QUEUED and not m.attempts
    ]


def can_send(application: Application) -> bool:
    """Rejected, and no rejection email waiting or gone already."""
    return application.status == ApplicationStatus.REJECTED.value and not any(
        m.status != MessageStatus.CANCELLED for m in rejection_messages(application)
    )


def queue_rejection_emails(
    job: Job, application_ids: list[int], template_key: str, *, actor: User
) -> RejectionOutcome:
    """The person's confirmation: queue ``template_key`` to each chosen rejected application.

    ``job`` must be one the actor may see. Each email goes after the configured
    delay. An application that is not rejected, already has a rejection email
    (waiting or sent) or whose candidate has no usable address is skipped with
    a reason. Audited per application.
    """
    template = _template(template_key)
    send_after = utcnow() + delay()
    outcome = RejectionOutcome(template.key, send_after)
    for application in chosen_applications(job, application_ids):
        candidate = application.candidate
        if application.status != ApplicationStatus.REJECTED.value:
            outcome.skipped.append(f"{candidate.name}: not rejected")
            continue
        if not can_send(application):
            outcome.skipped.append(f"{candidate.name}: a rejection email is already queued or sent")
            continue
        message = email_applicant(
            application, job, template.key, actor=actor, send_after=send_after, purpose=PURPOSE
        )
        if isinstance(message, str):
            outcome.skipped.append(message)
            continue
        outcome.queued.append(message.id)
        audit.record(
            "application.rejection_email_confirmed",
            actor=actor,
            subject_type="application",
            subject_id=application.id,
            details={
                "candidate_id": candidate.id,
                "job_id": job.id,
                "message_id": message.id,
                "template": template.key,
                "send_after": send_after.isoformat(),
            },
        )
    return outcome


def get_pending(application: Application, message_id: int) -> OutboxMessage:
    for message in pending(application):
        if message.id == message_id:
            return message
    raise NotFound(f"No waiting rejection email {message_id} for this application")


def cancel(application: Application, message_id: int, *, actor: User | None) -> OutboxMessage:
    """Take back one waiting rejection email of the application."""
    return cancel_message(get_pending(application, message_id), actor=actor, reason="cancelled")


def cancel_all(application: Application, *, actor: User | None, reason: str) -> int:
    """Take back every waiting rejection email of the application; returns how many."""
    waiting = pending(application)
    for message in waiting:
        cancel_message(message, actor=actor, reason=reason)
    return len(waiting)


def _on_reopened(payload: events.ApplicationReopened) -> None:
    # Atomic with the reopening: the email must not go once the application is open again.
    cancel_all(payload.application, actor=payload.actor, reason="application reopened")


def subscribe() -> None:
    events.application_reopened.connect(_on_reopened)
