"""One audit entry; each stores the keyed hash of the one before it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from hirekit.db import utcnow
from hirekit.extensions import db


class AuditEntry(db.Model):  # type: ignore[name-defined]
    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    # 1, 2, 3... without gaps; unique, so two writers can never both append after one entry.
    seq: Mapped[int] = mapped_column(unique=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # The actor is copied, not linked: the log must outlive the user it names.
    actor_id: Mapped[int | None]
    actor_email: Mapped[str] = mapped_column(String(254), default="")
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject_type: Mapped[str] = mapped_column(String(64), default="")
    subject_id: Mapped[str] = mapped_column(String(64), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    # HMAC-SHA256 under the audit key (see hirekit.audit.chain).
    hash: Mapped[str] = mapped_column(String(64), unique=True)
