"""A sandboxed run of a submission's own and hidden tests, with one row per test.

Kept beside the submission, never in it: the hidden tests themselves are not
stored here, only each test's id, outcome, duration and first message line.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hirekit.db import NO_ID_REUSE, CreatedAtMixin
from hirekit.extensions import db


class TestRun(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """The latest sandboxed run of one submission (a re-run replaces it)."""

    __test__ = False  # not a pytest class
    __tablename__ = "submission_test_runs"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), unique=True
    )
    #: pending, done, unavailable (no sandbox on this host), refused (input, runner)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    #: why it did not run ("sandbox unavailable: ..."), "" otherwise
    message: Mapped[str] = mapped_column(Text, default="")
    own_status: Mapped[str] = mapped_column(String(16), default="absent")
    hidden_status: Mapped[str] = mapped_column(String(16), default="absent")
    #: the SHA-256 of the hidden test archive that ran (which version's tests)
    hidden_sha256: Mapped[str] = mapped_column(String(64), default="")
    #: [[file, first line, name], ...] project functions the own tests called
    called: Mapped[list[Any] | None] = mapped_column(JSON)
    wall_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    background_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("background_jobs.id", ondelete="SET NULL")
    )
    finished_at: Mapped[datetime | None]

    results: Mapped[list[TestRunResult]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="TestRunResult.id"
    )


class TestRunResult(db.Model):  # type: ignore[name-defined]
    """One test's outcome in a run; ``suite`` is ``own`` or ``hidden``."""

    __test__ = False
    __tablename__ = "submission_test_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("submission_test_runs.id", ondelete="CASCADE"), index=True
    )
    suite: Mapped[str] = mapped_column(String(8))
    test_id: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(8))
    duration: Mapped[float] = mapped_column(Float, default=0.0)
    message: Mapped[str] = mapped_column(Text, default="")

    run: Mapped[TestRun] = relationship(back_populates="results")
