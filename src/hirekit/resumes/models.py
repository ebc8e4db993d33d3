"""Stored resumes, their screening results per use case, bulk batches and per-job settings."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ColumnElement, ForeignKey, Index, String, Text, UniqueConstraint, func
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hirekit.candidates.models import Candidate
from hirekit.db import NO_ID_REUSE, CreatedAtMixin, utcnow
from hirekit.extensions import db
from hirekit.jobs.models import Job


class ResumeStatus(StrEnum):
    QUEUED = "queued"  # stored, waiting to be read and screened
    SCREENED = "screened"
    FAILED = "failed"  # unreadable or refused; ``error_code`` says why
    SKIPPED = "skipped"  # a bulk upload's file that is no resume (notes, a read-me); no candidate


class ResumeBatch(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """Many resumes uploaded to a job at once, screened by one background job."""

    __tablename__ = "resume_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    background_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("background_jobs.id", ondelete="SET NULL")
    )
    #: Files refused before storage: [{"file", "code", "message"}]
    rejected: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    job: Mapped[Job] = relationship()
    resumes: Mapped[list[Resume]] = relationship(back_populates="batch", order_by="Resume.id")


class Resume(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """One stored resume file. The candidate is unknown until a bulk upload's file is read."""

    __tablename__ = "resumes"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    job_id: Mapped[int | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), index=True
    )
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("resume_batches.id", ondelete="CASCADE"), index=True
    )
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    background_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("background_jobs.id", ondelete="SET NULL")
    )
    source: Mapped[str] = mapped_column(String(16), default="recruiter")
    file_key: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(160))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    #: Judged from the bytes, never from the name or the browser's claim.
    content_type: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(16), default=ResumeStatus.QUEUED.value)
    error_code: Mapped[str] = mapped_column(String(32), default="")
    error_message: Mapped[str] = mapped_column(Text, default="")

    candidate: Mapped[Candidate | None] = relationship()
    job: Mapped[Job | None] = relationship()
    batch: Mapped[ResumeBatch | None] = relationship(back_populates="resumes")


class Screening(db.Model):  # type: ignore[name-defined]
    """The engine's result for one resume and one use case (schema ``schema_version``).

    ``current`` marks the newest screening of a candidate per use case, the one
    ranked lists sort by. ``blind_*`` hold the same flags and text with personal
    details replaced, computed once so that blind pages never see the originals.
    """

    __tablename__ = "screenings"
    __table_args__ = (
        UniqueConstraint("resume_id", "use_case", name="uq_screenings_resume_use_case"),
        Index("ix_screenings_current", "candidate_id", "use_case", "current"),
        NO_ID_REUSE,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resume_id: Mapped[int] = mapped_column(ForeignKey("resumes.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    use_case: Mapped[str] = mapped_column(String(32))
    current: Mapped[bool] = mapped_column(default=True)
    schema_version: Mapped[int] = mapped_column(default=1)
    score: Mapped[int | None]
    fit: Mapped[str] = mapped_column(String(16), default="")
    #: {"green": [flag, ...], "yellow": [...]}, each flag {flag, evidence, confidence}
    flags: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    blind_flags: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    explanation: Mapped[list[str]] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text, default="")
    blind_text: Mapped[str] = mapped_column(Text, default="")
    #: {name, name_status, email, phone, links, years_experience, skills, mentions_flask}
    profile: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error_code: Mapped[str] = mapped_column(String(32), default="")
    error_message: Mapped[str] = mapped_column(Text, default="")
    screened_at: Mapped[datetime] = mapped_column(default=utcnow)
    override_fit: Mapped[str] = mapped_column(String(16), default="")
    override_reason: Mapped[str] = mapped_column(Text, default="")
    override_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    overridden_at: Mapped[datetime | None]

    resume: Mapped[Resume] = relationship()

    @hybrid_property
    def effective_fit(self) -> str:
        """The recruiter's override when there is one, else the engine's fit."""
        return self.override_fit or self.fit

    @effective_fit.inplace.expression
    @classmethod
    def _effective_fit_expression(cls) -> ColumnElement[str]:
        return func.coalesce(func.nullif(cls.override_fit, ""), cls.fit)


class JobScreeningSettings(db.Model):  # type: ignore[name-defined]
    """Per-job screening choices; a job without a row uses the defaults (blind on)."""

    __tablename__ = "job_screening_settings"

    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True)
    blind: Mapped[bool] = mapped_column(default=True)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
