"""A job, its hiring team and its pipeline stages."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hirekit.accounts.models import User
from hirekit.db import CreatedAtMixin, utcnow
from hirekit.extensions import db
from hirekit.jobs.choices import (
    EmploymentType,
    JobState,
    QuestionKind,
    StageKind,
    TeamRole,
    Workplace,
)


class Job(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(160))
    team: Mapped[str] = mapped_column(String(120), default="")
    location: Mapped[str] = mapped_column(String(120), default="")
    workplace: Mapped[str] = mapped_column(String(16), default=Workplace.REMOTE.value)
    employment_type: Mapped[str] = mapped_column(
        String(16), default=EmploymentType.FULL_TIME.value, server_default="full-time"
    )
    #: Where a remote hire may live ("European Union, United Kingdom"); empty: anywhere.
    applicant_regions: Mapped[str] = mapped_column(String(200), default="", server_default="")
    use_case: Mapped[str] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(16))
    salary_min: Mapped[int | None]
    salary_max: Mapped[int | None]
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    description: Mapped[str] = mapped_column(Text, default="")
    confidential: Mapped[bool] = mapped_column(default=False, index=True)
    state: Mapped[str] = mapped_column(String(16), default=JobState.DRAFT.value, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    #: When the job was last opened to applicants: a posting's "date posted".
    published_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )

    members: Mapped[list[JobMember]] = relationship(
        back_populates="job", cascade="all, delete-orphan", order_by="JobMember.id"
    )
    stages: Mapped[list[Stage]] = relationship(
        back_populates="job", cascade="all, delete-orphan", order_by="Stage.position"
    )
    questions: Mapped[list[JobQuestion]] = relationship(
        back_populates="job", cascade="all, delete-orphan", order_by="JobQuestion.position"
    )

    @property
    def active_questions(self) -> list[JobQuestion]:
        """The questions the careers form asks now, in order."""
        return [q for q in self.questions if q.active]

    def team_of(self, role: TeamRole) -> list[User]:
        return [m.user for m in self.members if m.role == role.value]

    @property
    def hiring_manager(self) -> User | None:
        managers = self.team_of(TeamRole.HIRING_MANAGER)
        return managers[0] if managers else None

    def is_member(self, user_id: int) -> bool:
        return any(m.user_id == user_id for m in self.members)

    @property
    def hire_stage(self) -> Stage | None:
        """The stage of kind ``hired``: reaching it means the candidate is hired."""
        return next((s for s in self.stages if s.kind == StageKind.HIRED.value), None)

    def stages_of(self, kind: StageKind) -> list[Stage]:
        return [s for s in self.stages if s.kind == kind.value]


class JobMember(db.Model):  # type: ignore[name-defined]
    """One user's place in a job's hiring team."""

    __tablename__ = "job_members"
    __table_args__ = (UniqueConstraint("job_id", "user_id", "role", name="uq_job_members_seat"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32), default=TeamRole.INTERVIEWER.value)

    job: Mapped[Job] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


class Stage(db.Model):  # type: ignore[name-defined]
    __tablename__ = "stages"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(default=0)
    #: A :class:`StageKind`: what reaching this stage means.
    kind: Mapped[str] = mapped_column(
        String(16),
        default=StageKind.ACTIVE.value,
        server_default=StageKind.ACTIVE.value,
        index=True,
    )

    job: Mapped[Job] = relationship(back_populates="stages")

    @property
    def kind_label(self) -> str:
        return StageKind(self.kind).label


class JobQuestion(db.Model):  # type: ignore[name-defined]
    """A question the careers form asks applicants to one job, and which answers knock out.

    A knocked-out application is only marked: people decide, never the form.
    """

    __tablename__ = "job_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    label: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16), default=QuestionKind.TEXT.value)
    required: Mapped[bool] = mapped_column(default=False)
    #: The choices of a ``choice`` question.
    options: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Answers of a ``yes-no`` or ``choice`` question that knock an application out.
    knockout_answers: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: A ``number`` answer below or above these knocks an application out.
    knockout_below: Mapped[float | None] = mapped_column(Float)
    knockout_above: Mapped[float | None] = mapped_column(Float)
    #: A removed question stays, inactive, for the answers already given to it.
    active: Mapped[bool] = mapped_column(default=True)

    job: Mapped[Job] = relationship(back_populates="questions")
