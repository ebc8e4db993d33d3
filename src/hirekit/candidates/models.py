"""A person, their applications to jobs, notes about them and the timeline of events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hirekit.accounts.models import User
from hirekit.candidates.choices import ApplicationStatus
from hirekit.db import NO_ID_REUSE, CreatedAtMixin, utcnow
from hirekit.extensions import db
from hirekit.jobs.models import Job, Stage


class Candidate(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """A person, whatever jobs they apply to."""

    __tablename__ = "candidates"
    # Searches and lists go newest first; this index lets them stop at the page size.
    __table_args__ = (Index("ix_candidates_created_at_id", "created_at", "id"), NO_ID_REUSE)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), index=True)
    # Stored lower-cased so that duplicate matching and search use the index.
    email: Mapped[str] = mapped_column(String(254), default="", index=True)
    # Digits only (with a leading +), for duplicate matching across spellings.
    phone: Mapped[str] = mapped_column(String(32), default="", index=True)
    links: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(32), default="", index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    tags: Mapped[list[CandidateTag]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", order_by="CandidateTag.tag"
    )
    applications: Mapped[list[Application]] = relationship(
        back_populates="candidate", order_by="Application.id"
    )
    notes: Mapped[list[Note]] = relationship(back_populates="candidate", order_by="Note.id")

    @property
    def tag_names(self) -> list[str]:
        return [t.tag for t in self.tags]


class CandidateTag(db.Model):  # type: ignore[name-defined]
    __tablename__ = "candidate_tags"
    __table_args__ = (UniqueConstraint("candidate_id", "tag", name="uq_candidate_tags_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    tag: Mapped[str] = mapped_column(String(40), index=True)

    candidate: Mapped[Candidate] = relationship(back_populates="tags")


class Application(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """One person applying to one job: where they are in its pipeline, and how it ended."""

    __tablename__ = "applications"
    __table_args__ = (
        UniqueConstraint("candidate_id", "job_id", name="uq_applications_pair"),
        # Searches filtered by application date start from the applications of those days.
        Index("ix_applications_created_at", "created_at", "candidate_id"),
        # A board reads each column's first cards and its count from this index alone.
        Index("ix_applications_board", "job_id", "status", "stage_id", "stage_entered_at", "id"),
        # The dashboard's new and stalled applications: a range of one status, in date order.
        Index("ix_applications_status_entered", "status", "stage_entered_at", "job_id"),
        Index("ix_applications_status_created", "status", "created_at", "job_id"),
        NO_ID_REUSE,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id"), index=True)
    status: Mapped[str] = mapped_column(
        String(16), default=ApplicationStatus.ACTIVE.value, index=True
    )
    reject_reason: Mapped[str] = mapped_column(String(40), default="")
    # A copy of the last move's time, so the board needs no event query per card;
    # reports derive every figure from the events themselves.
    stage_entered_at: Mapped[datetime] = mapped_column(default=utcnow)

    candidate: Mapped[Candidate] = relationship(back_populates="applications")
    job: Mapped[Job] = relationship()
    stage: Mapped[Stage] = relationship()
    # Loaded with the applications they belong to (one query per batch, not per row):
    # lists, boards and exports all show whether an application was knocked out.
    answers: Mapped[list[ApplicationAnswer]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        order_by="ApplicationAnswer.position",
        lazy="selectin",
    )

    @property
    def knockouts(self) -> list[ApplicationAnswer]:
        """The answers that knock this application out: shown, never acted on by themselves."""
        return [a for a in self.answers if a.knocked_out]

    def days_in_stage(self, now: datetime | None = None) -> int:
        return whole_days_since(self.stage_entered_at, now or utcnow())


def whole_days_since(entered_at: datetime, now: datetime) -> int:
    """Days in a stage as every page shows them: whole days, never negative."""
    return max(0, (now - entered_at).days)


class ApplicationAnswer(db.Model):  # type: ignore[name-defined]
    """An applicant's answer to one of the job's questions, with the question as it was asked."""

    __tablename__ = "application_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("job_questions.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    question: Mapped[str] = mapped_column(String(300))
    answer: Mapped[str] = mapped_column(Text, default="")
    knocked_out: Mapped[bool] = mapped_column(default=False)

    application: Mapped[Application] = relationship(back_populates="answers")


class Note(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    __tablename__ = "notes"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    body: Mapped[str] = mapped_column(Text)

    candidate: Mapped[Candidate] = relationship(back_populates="notes")
    author: Mapped[User | None] = relationship()


def stage_named(data: dict[str, Any] | None) -> int | None:
    """The stage an event's data names: a move's ``to_stage_id``, else ``stage_id``."""
    value = (data or {}).get("to_stage_id", (data or {}).get("stage_id"))
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _stage_of_row(context: DefaultExecutionContext) -> int | None:
    params = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return stage_named(params.get("data"))


class Event(db.Model):  # type: ignore[name-defined]
    """One thing that happened to a candidate or application, by whom and when.

    Moves carry ``data = {"from_stage_id", "from_stage", "to_stage_id", "to_stage"}``;
    every time figure (time in stage, time to hire) is derived from these rows.
    ``stage_id`` repeats, on the row itself, the stage its data names
    (:func:`stage_named`), written when the event is inserted, so that reports
    can index and group by it instead of reading JSON.
    """

    __tablename__ = "events"
    __table_args__ = (
        # An application's timeline in order, covering what reports read of it.
        Index("ix_events_application_timeline", "application_id", "at", "type", "stage_id"),
        # Events of one type into given stages (closes in an offer stage, offer moves).
        Index("ix_events_type_stage", "type", "stage_id", "application_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    stage_id: Mapped[int | None] = mapped_column(default=_stage_of_row)

    actor: Mapped[User | None] = relationship()
    application: Mapped[Application | None] = relationship()


class CandidateReveal(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """A blind reviewer chose to see who a candidate is; kept so the reveal lasts and is known."""

    __tablename__ = "candidate_reveals"
    __table_args__ = (UniqueConstraint("candidate_id", "user_id", name="uq_candidate_reveals"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
