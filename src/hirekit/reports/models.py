"""Voluntary self-identification: the questions an admin chooses, and the answers.

Answers are stored apart from the candidate's record and never joined into
any page a reviewer sees; only the fairness report reads them, aggregated.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hirekit.db import NO_ID_REUSE, CreatedAtMixin
from hirekit.extensions import db


class SelfIdQuestion(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """One attribute collected on the careers page, with its fixed answer options."""

    __tablename__ = "self_id_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    options: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(default=True)


class SelfIdAnswer(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    __tablename__ = "self_id_answers"
    __table_args__ = (
        UniqueConstraint("application_id", "question_id", name="uq_self_id_answers_pair"),
        NO_ID_REUSE,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("self_id_questions.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[str] = mapped_column(String(80))


class ReportSnapshot(db.Model):  # type: ignore[name-defined]
    """A report's figures computed ahead of time for one scope (the jobs it covers and the
    filter), so that pages over a large history answer at once; see
    ``reports.services.snapshots``."""

    __tablename__ = "report_snapshots"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40))
    # A hash of the slug, the covered job ids and the filter: one row per key.
    key: Mapped[str] = mapped_column(String(64), unique=True)
    computed_at: Mapped[datetime] = mapped_column(index=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)


class ExperienceAnswer(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """A candidate's one answer to "How was your experience applying?", once per application.

    Asked through the applicant's private status link after the process ended.
    """

    __tablename__ = "experience_answers"
    __table_args__ = (NO_ID_REUSE,)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), unique=True
    )
    job_id: Mapped[int | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), index=True
    )
    rating: Mapped[int]  # 1 (poor) to 5 (excellent)
    comment: Mapped[str] = mapped_column(Text, default="")
    #: How the process ended when they answered: rejected, hired or withdrawn.
    outcome: Mapped[str] = mapped_column(String(16), default="")
