"""Record sensitive actions; verify that nobody rewrote history (:mod:`hirekit.audit.chain`)."""

from __future__ import annotations

import uuid
from typing import Any, Protocol

from sqlalchemy import String, cast, or_, select

from hirekit.audit.chain import (
    GENESIS,
    REDACTED,
    audit_key,
    details_digest,
    entry_hash,
    lock_for_append,
)
from hirekit.audit.models import AuditEntry
from hirekit.audit.verification import Head, Verification, head, verify
from hirekit.db import utcnow
from hirekit.extensions import db

__all__ = [
    "GENESIS",
    "REDACTED",
    "Head",
    "Verification",
    "details_digest",
    "head",
    "recent",
    "record",
    "record_view",
    "redact_mentions",
    "verify",
]


class Actor(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def email(self) -> str: ...


def record(
    action: str,
    *,
    actor: Actor | None,
    subject_type: str = "",
    subject_id: object = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry in the caller's transaction (flushes; the caller commits)."""
    lock_for_append(db.session())
    last = db.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    entry = AuditEntry(
        seq=last.seq + 1 if last else 1,
        at=utcnow().replace(microsecond=0),
        actor_id=actor.id if actor else None,
        actor_email=actor.email if actor else "system",
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        details=details or {},
        prev_hash=last.hash if last else GENESIS,
        # Unique placeholder until the id, which the hash covers, is known.
        hash=uuid.uuid4().hex,
    )
    db.session.add(entry)
    db.session.flush()
    entry.hash = entry_hash(entry, audit_key())
    db.session.flush()
    return entry


def record_view(actor: Actor, subject_type: str, subject_id: object, what: str) -> AuditEntry:
    """Audit that ``actor`` looked at personal data (a page, an API item, a file)."""
    return record(
        f"{subject_type}.viewed",
        actor=actor,
        subject_type=subject_type,
        subject_id=subject_id,
        details={"what": what},
    )


def redact_mentions(needles: list[str], *, about: list[tuple[str, str]] | None = None) -> int:
    """Replace the details of entries that quote any of ``needles`` by their hash.

    ``about``: only entries with one of these (subject type, subject id).
    The chain still verifies; what the entries said about the person is gone.
    Returns how many entries were redacted.
    """
    if not needles or about == []:
        return 0
    text = cast(AuditEntry.details, String)
    query = select(AuditEntry).where(or_(*(text.contains(n, autoescape=True) for n in needles)))
    if about is not None:
        subjects = [(AuditEntry.subject_type == t) & (AuditEntry.subject_id == i) for t, i in about]
        query = query.where(or_(*subjects))
    count = 0
    for entry in db.session.scalars(query):
        if set(entry.details) != {REDACTED}:
            entry.details = {REDACTED: details_digest(entry.details)}
            count += 1
    db.session.flush()
    return count


def recent(limit: int = 200, action: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(db.session.scalars(query))
