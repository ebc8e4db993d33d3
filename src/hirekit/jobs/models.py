"""A job, its hiring team and its pipeline stages."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hirekit.accounts.models import User
from hirekit.db import CreatedAtMixin, utcnow
from hirekit.extensions import db
from hirekit.jobs.choices import EmploymentType, JobState, TeamRole, Workplace


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
        """The last stage: reaching it means the candidate is hired."""
        return self.stages[-1] if self.stages else None


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

    job: Mapped[Job] = relationship(back_populates="stages")
