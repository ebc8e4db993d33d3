"""What survives a deleted candidate (anonymous outcomes, so reports keep their figures), and
the requests applicants make about their own data."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from hirekit.db import CreatedAtMixin
from hirekit.extensions import db


class AnonymousOutcome(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """How one application of a deleted candidate ended, with nothing that names them.

    Enough for funnel and time-to-hire figures: the job, the furthest stage
    reached, the outcome and its dates. ``created_at`` is when it was erased.
    """

    __tablename__ = "anonymous_outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), index=True
    )
    stage_reached: Mapped[str] = mapped_column(String(80), default="")
    stage_position: Mapped[int] = mapped_column(default=0)
    outcome: Mapped[str] = mapped_column(String(16))
    reject_reason: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(32), default="")
    applied_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    #: "retention" or "request": why the person's data was deleted.
    erased_by: Mapped[str] = mapped_column(String(16), default="request")


class DataRequest(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """An applicant asked for a copy of their data or for its erasure; a person decides.

    Erasing the candidate erases the request with them; the audit log keeps that it happened.
    """

    __tablename__ = "data_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # export | erasure
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
