"""Email templates and the outbox: every message hirekit sends, and how it went."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hirekit.db import NO_ID_REUSE, CreatedAtMixin, utcnow
from hirekit.extensions import db


class MessageStatus(StrEnum):
    QUEUED = "queued"  # waiting for its delivery task (or for a retry)
    SENT = "sent"  # handed to the SMTP server
    FAILED = "failed"  # every attempt failed; `error` says why
    RECORDED = "recorded"  # no SMTP server configured: kept here, not delivered
    CANCELLED = "cancelled"  # taken back before it was due (a rejection undone); never sent


class MailTemplate(db.Model):  # type: ignore[name-defined]
    """One editable message; ``subject`` and ``body`` hold ``{placeholder}`` fields."""

    __tablename__ = "mail_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )


class OutboxMessage(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    __tablename__ = "outbox_messages"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    to_addr: Mapped[str] = mapped_column(String(254), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    template_key: Mapped[str] = mapped_column(String(40), default="")
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="SET NULL"), index=True
    )
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True
    )
    #: [{"filename", "mime", "size", "key"}]; the bytes live in the file store under ``key``
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default=MessageStatus.QUEUED.value, index=True)
    error: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(default=0)
    background_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("background_jobs.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    sent_at: Mapped[datetime | None]
    #: Not delivered before this time (a rejection email's delay); None: at once.
    send_after: Mapped[datetime | None]
    #: What the message is for, where a flow must find it again: "rejection", "feedback".
    purpose: Mapped[str] = mapped_column(String(20), default="", index=True)
