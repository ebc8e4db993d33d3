"""The text the search index holds: one row per candidate and kind of text."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hirekit.db import utcnow
from hirekit.extensions import db


class SearchDocument(db.Model):  # type: ignore[name-defined]
    """Searchable text about one candidate, e.g. kind ``profile``, ``notes`` or ``resume``.

    The database's own full-text index (an FTS5 or ``tsvector`` row per candidate,
    created by the migration) is derived from ``body`` and kept in step with
    it by the database itself.
    """

    __tablename__ = "search_documents"
    __table_args__ = (UniqueConstraint("candidate_id", "kind", name="uq_search_documents_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
