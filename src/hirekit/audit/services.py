"""Record sensitive actions and verify that nobody rewrote history."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.db import utcnow
from hirekit.extensions import db

GENESIS = "0" * 64


class Actor(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def email(self) -> str: ...


def _digest(entry: AuditEntry) -> str:
    payload = json.dumps(
        [
            entry.prev_hash,
            entry.at.isoformat(),
            entry.actor_id,
            entry.actor_email,
            entry.action,
            entry.subject_type,
            entry.subject_id,
            entry.details,
        ],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def record(
    action: str,
    *,
    actor: Actor | None,
    subject_type: str = "",
    subject_id: object = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry in the caller's transaction (flushes; the caller commits)."""
    last = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    entry = AuditEntry(
        at=utcnow().replace(microsecond=0),
        actor_id=actor.id if actor else None,
        actor_email=actor.email if actor else "system",
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        details=details or {},
        prev_hash=last.hash if last else GENESIS,
    )
    entry.hash = _digest(entry)
    db.session.add(entry)
    db.session.flush()
    return entry


@dataclass(frozen=True)
class Verification:
    checked: int
    broken_at: int | None  # id of the first entry whose link does not hold
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify() -> Verification:
    prev = GENESIS
    count = 0
    for entry in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(500):
        count += 1
        if entry.prev_hash != prev:
            return Verification(count, entry.id, "does not link to the entry before it")
        if _digest(entry) != entry.hash:
            return Verification(count, entry.id, "content does not match its hash")
        prev = entry.hash
    return Verification(count, None)


def recent(limit: int = 200, action: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(db.session.scalars(query))
