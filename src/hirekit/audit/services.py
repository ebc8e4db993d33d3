"""Record sensitive actions and verify that nobody rewrote history.

Each entry's hash covers its id, time, actor, action, subject, the hash of
its details and the hash of the entry before it, so changing any stored
field -- or deleting, inserting or reordering entries -- breaks the chain at
that entry. Details are hashed on their own so that they can be redacted
(personal data of a deleted candidate) without breaking the chain: a
redacted entry keeps only the hash of what it said.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import String, cast, or_, select

from hirekit.audit.models import AuditEntry
from hirekit.db import utcnow
from hirekit.extensions import db

GENESIS = "0" * 64
#: The only key of a redacted entry's details; its value is the hash of the originals.
REDACTED = "redacted_sha256"


class Actor(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def email(self) -> str: ...


def details_digest(details: dict[str, Any]) -> str:
    """The hash the chain covers for ``details`` (a redacted entry carries it instead)."""
    if set(details) == {REDACTED}:
        return str(details[REDACTED])
    canonical = json.dumps(details, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _digest(entry: AuditEntry) -> str:
    payload = json.dumps(
        [
            entry.id,
            entry.prev_hash,
            entry.at.isoformat(),
            entry.actor_id,
            entry.actor_email,
            entry.action,
            entry.subject_type,
            entry.subject_id,
            details_digest(entry.details),
        ],
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
        # Unique placeholder until the id, which the hash covers, is known.
        hash=uuid.uuid4().hex,
    )
    db.session.add(entry)
    db.session.flush()
    entry.hash = _digest(entry)
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


def redact_mentions(needles: list[str]) -> int:
    """Replace the details of entries that quote any of ``needles`` by their hash.

    The chain still verifies; what the entries said about the person is gone.
    Returns how many entries were redacted.
    """
    if not needles:
        return 0
    text = cast(AuditEntry.details, String)
    query = select(AuditEntry).where(or_(*(text.contains(n, autoescape=True) for n in needles)))
    count = 0
    for entry in db.session.scalars(query):
        if set(entry.details) != {REDACTED}:
            entry.details = {REDACTED: details_digest(entry.details)}
            count += 1
    db.session.flush()
    return count


@dataclass(frozen=True)
class Verification:
    checked: int
    broken_at: int | None  # id of the first entry whose link does not hold
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify() -> Verification:
    """Check every entry; name the first whose own content was changed, else the first bad link.

    Content first: a changed entry also breaks the link of the one after it,
    and the one to name is the entry that was changed.
    """
    prev, count = GENESIS, 0
    first_bad_link: tuple[int, str] | None = None
    for entry in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(500):
        count += 1
        if _digest(entry) != entry.hash:
            return Verification(count, entry.id, "content does not match its hash")
        if entry.prev_hash != prev and first_bad_link is None:
            first_bad_link = (entry.id, "does not link to the entry before it")
        prev = entry.hash
    if first_bad_link is not None:
        return Verification(count, *first_bad_link)
    return Verification(count, None)


def recent(limit: int = 200, action: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(db.session.scalars(query))
