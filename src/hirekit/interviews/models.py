"""A job's interview kit (parts and questions), interviews, scorecards and debrief decisions."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hirekit.accounts.models import User
from hirekit.candidates.models import Candidate
from hirekit.db import NO_ID_REUSE, CreatedAtMixin, utcnow
from hirekit.extensions import db
from hirekit.interviews.choices import InterviewStatus, ScorecardStatus
from hirekit.jobs.models import Job


class Kit(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """A job's interview kit: generated from the guide, then edited by the hiring manager."""

    __tablename__ = "interview_kits"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(
        ForeignKey("jobs.id", ondelete="CASCADE"), unique=True, index=True
    )
    use_case: Mapped[str] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(16))
    focus: Mapped[str] = mapped_column(Text, default="")
    red_flag: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    job: Mapped[Job] = relationship()
    parts: Mapped[list[KitPart]] = relationship(
        back_populates="kit", cascade="all, delete-orphan", order_by="KitPart.position"
    )
    questions: Mapped[list[KitQuestion]] = relationship(
        back_populates="kit", cascade="all, delete-orphan", order_by="KitQuestion.position"
    )


class KitPart(db.Model):  # type: ignore[name-defined]
    """One interview of the kit (e.g. "API design") with the attributes it rates."""

    __tablename__ = "interview_kit_parts"

    id: Mapped[int] = mapped_column(primary_key=True)
    kit_id: Mapped[int] = mapped_column(
        ForeignKey("interview_kits.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(default=0)
    attributes: Mapped[list[str]] = mapped_column(JSON, default=list)

    kit: Mapped[Kit] = relationship(back_populates="parts")

    @property
    def questions(self) -> list[KitQuestion]:
        return [q for q in self.kit.questions if q.part_id == self.id]


class KitQuestion(db.Model):  # type: ignore[name-defined]
    """A question copied from the guide (``guide_id``) or written by the manager."""

    __tablename__ = "interview_kit_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    kit_id: Mapped[int] = mapped_column(
        ForeignKey("interview_kits.id", ondelete="CASCADE"), index=True
    )
    part_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_kit_parts.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    guide_id: Mapped[str] = mapped_column(String(80), default="")
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(String(40), default="")
    use_cases: Mapped[list[str]] = mapped_column(JSON, default=list)
    junior: Mapped[str] = mapped_column(Text, default="")
    senior: Mapped[str] = mapped_column(Text, default="")
    red_flag: Mapped[str] = mapped_column(Text, default="")

    kit: Mapped[Kit] = relationship(back_populates="questions")


class Interview(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    __tablename__ = "interviews"
    # A (job, candidate) pair's interviews, found in one probe by the dashboard's
    # debrief list; by the job alone it read every interview of the job per applicant.
    __table_args__ = (Index("ix_interviews_job_candidate", "job_id", "candidate_id"), NO_ID_REUSE)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    part_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_kit_parts.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(80))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    duration_minutes: Mapped[int] = mapped_column(default=60)
    location: Mapped[str] = mapped_column(String(200), default="")
    video_link: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(16), default=InterviewStatus.SCHEDULED.value)
    # The calendar UID: random, so it says nothing and never repeats another interview's.
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )

    job: Mapped[Job] = relationship()
    candidate: Mapped[Candidate] = relationship()
    part: Mapped[KitPart | None] = relationship()
    scorecards: Mapped[list[Scorecard]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", order_by="Scorecard.id"
    )

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def interviewers(self) -> list[User]:
        return [s.interviewer for s in self.scorecards]


class Scorecard(db.Model):  # type: ignore[name-defined]
    """One interviewer's ratings for one interview; its row is their seat on the panel."""

    __tablename__ = "scorecards"
    __table_args__ = (
        UniqueConstraint("interview_id", "interviewer_id", name="uq_scorecards_seat"),
        NO_ID_REUSE,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    interviewer_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default=ScorecardStatus.DRAFT.value)
    #: kit question id (as text) -> {"rating": 1..4 | None, "notes": str}
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: focus attribute -> rating 1..4 | None
    attribute_ratings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    recommendation: Mapped[str] = mapped_column(String(16), default="")
    key_points: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]

    interview: Mapped[Interview] = relationship(back_populates="scorecards")
    interviewer: Mapped[User] = relationship()

    @property
    def is_submitted(self) -> bool:
        return self.status == ScorecardStatus.SUBMITTED


class DebriefDecision(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """The hiring manager's decision after a debrief; the latest one per pair stands."""

    __tablename__ = "debrief_decisions"
    # "Is this pair decided?" is asked per pair on the dashboard: one probe.
    __table_args__ = (Index("ix_debrief_decisions_pair", "job_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    level_estimate: Mapped[str] = mapped_column(String(16), default="")
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )

    decided_by: Mapped[User | None] = relationship()
