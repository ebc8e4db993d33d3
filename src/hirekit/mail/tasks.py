"""Delivering one outbox message through the configured transport."""

from __future__ import annotations

from typing import Any

from flask import current_app
from sqlalchemy import update

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.mail.models import MessageStatus, OutboxMessage
from hirekit.mail.transport import DEFAULT_SENDER, Attachment, Mail, transport_for
from hirekit.queue import JobHandle, task
from hirekit.storage import file_store

MAX_ERROR_CHARS = 2000


def mail_of(message: OutboxMessage) -> Mail:
    attachments = tuple(
        Attachment(a["filename"], file_store().path(a["key"]).read_bytes(), a["mime"])
        for a in message.attachments
    )
    return Mail(
        sender=str(current_app.config.get("MAIL_FROM") or DEFAULT_SENDER),
        to=message.to_addr,
        subject=message.subject,
        body=message.body,
        attachments=attachments,
        headers={"X-Hirekit-Message": str(message.id)},
    )


@task
def deliver_message(job: JobHandle, message_id: int) -> dict[str, Any]:
    """Send the message; a failure is recorded on it and raised so the queue retries.

    After the last attempt the message is marked failed, visible on the outbox page.
    """
    message = db.session.get(OutboxMessage, message_id)
    if message is None:
        return {"missing": message_id}
    if message.status in (MessageStatus.SENT, MessageStatus.RECORDED):
        return {"status": message.status}  # a retry after a success that could not be recorded
    if message.status == MessageStatus.CANCELLED:
        return {"status": message.status}  # taken back while it waited for its time
    transport = transport_for(current_app.config)
    try:
        transport.send(mail_of(message))
    except Exception as exc:  # any transport failure (socket, TLS, SMTP reply) is retried
        _record_failure(job, message_id, exc)
        raise
    status = MessageStatus.SENT if transport.delivers else MessageStatus.RECORDED
    # Committed at once on a connection of its own: should this run's outcome be lost
    # (its worker killed, or its lease lapsed), the retry sees the message went.
    job.write_now(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(
            attempts=OutboxMessage.attempts + 1,
            error="",
            status=status.value,
            sent_at=utcnow() if transport.delivers else None,
            updated_at=utcnow(),
        )
    )
    return {"status": status.value}  # the address stays in the outbox, not the job list


def _record_failure(job: JobHandle, message_id: int, exc: Exception) -> None:
    status = MessageStatus.FAILED if job.is_last_attempt() else MessageStatus.QUEUED
    job.write_now(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(
            attempts=OutboxMessage.attempts + 1,
            error=f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS],
            status=status.value,
            updated_at=utcnow(),
        )
    )
