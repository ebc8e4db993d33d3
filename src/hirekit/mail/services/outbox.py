"""The outbox: record a message, then deliver it in the background.

Sending never blocks a request: :func:`send_mail` stores the message and
enqueues its delivery in the caller's transaction; the delivery task runs
after the commit and goes through the configured transport.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import Select, column, func, select, table

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.db import utcnow
from hirekit.errors import Conflict, NotFound, TooLarge, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.models import Job
from hirekit.jobs.services.jobs import visible_jobs
from hirekit.mail.footers import footers_for
from hirekit.mail.models import MessageStatus, OutboxMessage
from hirekit.mail.services import catalog
from hirekit.mail.tasks import deliver_message
from hirekit.mail.transport import Attachment
from hirekit.queue import enqueue
from hirekit.storage import FileTooLarge, file_store

MB = 1024 * 1024


def _check_address(to: str) -> str:
    address = to.strip()
    local, at, domain = address.rpartition("@")
    # Header injection and obvious typos end here, before anything is stored.
    if not at or not local or "." not in domain or any(c in address for c in "\r\n<>, "):
        raise ValidationFailed(f"{to!r} is not an email address", details={"to": "invalid"})
    return address


def _store_attachments(attachments: Iterable[Attachment]) -> list[dict[str, Any]]:
    limit = int(current_app.config["MAIL_MAX_ATTACHMENT_MB"] * MB)  # checked at start
    stored: list[dict[str, Any]] = []
    for attachment in attachments:
        try:
            saved = file_store().save(
                io.BytesIO(attachment.content), "mail", attachment.filename, limit
            )
        except FileTooLarge:
            raise TooLarge(f"The attachment {attachment.filename!r} is too large.") from None
        stored.append(
            {
                "filename": saved.name,
                "mime": attachment.mime,
                "size": saved.size,
                "key": saved.key,
            }
        )
    return stored


# The applications table by name only: the outbox records which job a message is about
# (for who may see its delivery job) without depending on the candidates domain.
_applications = table("applications", column("id"), column("job_id"))


def _hiring_job_of(application_id: int | None) -> int | None:
    if application_id is None:
        return None
    query = select(_applications.c.job_id).where(_applications.c.id == application_id)
    job_id = db.session.scalar(query)
    return int(job_id) if job_id is not None else None


def send_mail(
    to: str,
    subject: str,
    body: str,
    *,
    template_key: str = "",
    candidate_id: int | None = None,
    application_id: int | None = None,
    attachments: Iterable[Attachment] = (),
    actor: User | None = None,
    send_after: datetime | None = None,
    purpose: str = "",
) -> OutboxMessage:
    """Record a message in the outbox and enqueue its delivery (after the caller commits).

    ``send_after`` holds the delivery back until then; until it goes the message
    can be taken back with :func:`cancel_message`. ``purpose`` names the flow that
    sent it, so that flow can find it again (``"rejection"``).
    """
    if "\n" in subject or "\r" in subject:
        raise ValidationFailed("The subject must be one line", details={"subject": "one line"})
    footers = footers_for(application_id, to.strip()) if application_id is not None else []
    if footers:
        body = "\n\n".join([body.rstrip(), *footers])
    message = OutboxMessage(
        to_addr=_check_address(to),
        subject=subject,
        body=body,
        template_key=template_key,
        candidate_id=candidate_id,
        application_id=application_id,
        attachments=_store_attachments(attachments),
        created_by_id=actor.id if actor else None,
        send_after=send_after,
        purpose=purpose,
    )
    db.session.add(message)
    db.session.flush()
    job = enqueue(
        deliver_message,
        message.id,
        label="Email delivery",
        created_by_id=actor.id if actor else None,
        hiring_job_id=_hiring_job_of(application_id),
        candidate_id=candidate_id,
        run_after=send_after,
    )
    message.background_job_id = job.id
    audit.record(
        "mail.queued",
        actor=actor,
        subject_type="outbox_message",
        subject_id=message.id,
        details={
            "to": message.to_addr,
            "template": template_key,
            **({"purpose": purpose} if purpose else {}),
            **({"send_after": send_after.isoformat()} if send_after else {}),
        },
    )
    return message


def cancel_message(message: OutboxMessage, *, actor: User | None, reason: str) -> OutboxMessage:
    """Take back a message not yet handed on; Conflict once it went (or was taken back)."""
    if message.status != MessageStatus.QUEUED or message.attempts:
        raise Conflict(f"This email can no longer be cancelled: it is {message.status}.")
    message.status = MessageStatus.CANCELLED.value
    message.updated_at = utcnow()
    db.session.flush()
    audit.record(
        "mail.cancelled",
        actor=actor,
        subject_type="outbox_message",
        subject_id=message.id,
        details={"template": message.template_key, "reason": reason},
    )
    return message


def send_template(
    template_key: str,
    to: str,
    context: dict[str, Any],
    *,
    candidate_id: int | None = None,
    application_id: int | None = None,
    attachments: Iterable[Attachment] = (),
    actor: User | None = None,
    send_after: datetime | None = None,
    purpose: str = "",
) -> OutboxMessage:
    """Fill the stored template ``template_key`` with ``context`` and send it as :func:`send_mail`.

    Placeholders missing from ``context`` are left empty; ``company`` defaults
    to the configured company name. NotFound for an unknown template key.
    """
    template = catalog.get_template(template_key)
    rendered = catalog.render(template.subject, template.body, context)
    return send_mail(
        to,
        rendered.subject,
        rendered.body,
        template_key=template_key,
        candidate_id=candidate_id,
        application_id=application_id,
        attachments=attachments,
        actor=actor,
        send_after=send_after,
        purpose=purpose,
    )


#: The ids of applications of the given jobs (a select); set by the domain that owns
#: applications in its ``init_app``, as mail is built beneath it.
ApplicationsOfJobs = Callable[[Select[Any]], Select[Any]]
_applications_of_jobs: list[ApplicationsOfJobs] = []


def find_applications_with(query: ApplicationsOfJobs) -> None:
    """Let the outbox tell which messages belong to a confidential job's applications."""
    _applications_of_jobs[:] = [query]


def outbox_query(actor: User, status: str | None = None) -> Select[Any]:
    """Messages the actor may see, newest first.

    A message about an application of a confidential job stays with that job's team.
    """
    visible = visible_jobs(actor).with_only_columns(Job.id)
    query = select(OutboxMessage)
    if _applications_of_jobs:
        hidden_jobs = select(Job.id).where(Job.id.not_in(visible))
        hidden_apps = _applications_of_jobs[0](hidden_jobs)
        query = query.where(
            OutboxMessage.application_id.is_(None)
            | OutboxMessage.application_id.not_in(hidden_apps)
        )
    if status:
        if status not in set(MessageStatus):
            raise ValidationFailed(f"Unknown status {status!r}", details={"status": "unknown"})
        query = query.where(OutboxMessage.status == status)
    return query.order_by(OutboxMessage.id.desc())


def get_message(message_id: int, actor: User) -> OutboxMessage:
    query = outbox_query(actor).where(OutboxMessage.id == message_id)
    message: OutboxMessage | None = db.session.scalars(query).first()
    if message is None:
        raise NotFound(f"No outbox message with id {message_id}")
    return message


def status_counts(actor: User) -> Mapping[str, int]:
    mine = outbox_query(actor).order_by(None).subquery()
    rows = db.session.execute(select(mine.c.status, func.count()).group_by(mine.c.status))
    counts = {s.value: 0 for s in MessageStatus}
    counts.update({status: int(n) for status, n in rows})
    return counts
