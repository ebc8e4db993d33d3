"""The careers domain's tables: applications made on the public page, and its branding."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from hirekit.db import NO_ID_REUSE, utcnow
from hirekit.extensions import db

DEFAULT_ACCENT = "#2f5d8a"


class CareersApplication(db.Model):  # type: ignore[name-defined]
    """Proof of the applicant's consent: when, and for how long their data may be kept."""

    __tablename__ = "careers_applications"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    resume_id: Mapped[int | None] = mapped_column(ForeignKey("resumes.id", ondelete="SET NULL"))
    consent_at: Mapped[datetime] = mapped_column(default=utcnow)
    retention_days: Mapped[int]


class CareersBranding(db.Model):  # type: ignore[name-defined]
    """The careers pages' look: one row, edited by an admin."""

    __tablename__ = "careers_branding"

    id: Mapped[int] = mapped_column(primary_key=True)
    accent_colour: Mapped[str] = mapped_column(String(7), default=DEFAULT_ACCENT)
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_type: Mapped[str] = mapped_column(String(32), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
