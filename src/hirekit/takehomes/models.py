"""A take-home submission and its review."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hirekit.accounts.models import User
from hirekit.candidates.models import Candidate
from hirekit.db import NO_ID_REUSE, CreatedAtMixin, utcnow
from hirekit.extensions import db
from hirekit.jobs.models import Job


class SubmissionStatus(StrEnum):
    QUEUED = "queued"  # stored, waiting for the reviewer
    REVIEWED = "reviewed"
    REFUSED = "refused"  # the archive broke a safety rule or limit; `refusal` says which
    FAILED = "failed"  # the review itself failed after its retries


class Submission(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    __tablename__ = "submissions"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    job_id: Mapped[int | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), index=True
    )
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[str] = mapped_column(String(16), default="recruiter")  # or "candidate"
    file_key: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(160))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16), default=SubmissionStatus.QUEUED.value)
    refusal: Mapped[str] = mapped_column(Text, default="")
    background_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("background_jobs.id", ondelete="SET NULL")
    )
    score: Mapped[int | None]
    level: Mapped[str] = mapped_column(String(16), default="")
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: finding index -> [[line number, source line], ...] around it
    snippets: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    fingerprint: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: [{"submission_id", "similarity", "files": [[mine, theirs, share], ...]}]
    similar: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    reviewed_at: Mapped[datetime | None]

    candidate: Mapped[Candidate | None] = relationship()
    job: Mapped[Job | None] = relationship()
    uploaded_by: Mapped[User | None] = relationship()

    @property
    def is_pending(self) -> bool:
        return self.status == SubmissionStatus.QUEUED


class FeedbackStatus(StrEnum):
    DRAFT = "draft"  # being edited; never leaves hirekit in this state
    SENT = "sent"  # approved by a person and handed to the outbox


class TakehomeFeedback(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """Written feedback for one application's take-home: drafted, edited, then approved."""

    __tablename__ = "takehome_feedback"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True, unique=True
    )
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="SET NULL"), index=True
    )
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=FeedbackStatus.DRAFT.value)
    drafted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    approved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    approved_at: Mapped[datetime | None]
    outbox_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_messages.id", ondelete="SET NULL")
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])
