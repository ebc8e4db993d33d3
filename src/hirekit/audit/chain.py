"""The audit chain's arithmetic: keyed entry hashes and the append lock.

Each entry's hash is an HMAC-SHA256, under a key kept apart from the
database (``HIREKIT_AUDIT_KEY``, or the generated ``instance/audit_key``),
over its sequence number, id, time, actor, action, subject, the SHA-256 of
its details and the hash of the entry before it. Whoever can write the
database but lacks the key cannot recompute a valid chain after editing,
deleting or forging entries. Details are hashed on their own so that they
can be redacted (personal data of a deleted candidate) without breaking the
chain: a redacted entry keeps only the digest of what it said.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from flask import current_app
from sqlalchemy import text
from sqlalchemy.orm import Session

from hirekit.audit.models import AuditEntry

GENESIS = "0" * 64
#: The only key of a redacted entry's details; its value is the digest of the originals.
REDACTED = "redacted_sha256"
#: pg_advisory_xact_lock key of audit appends (any constant shared by every writer).
PG_LOCK_KEY = 0x41554449  # "AUDI"


def details_digest(details: dict[str, Any]) -> str:
    """The digest the chain covers for ``details`` (a redacted entry carries it instead)."""
    if set(details) == {REDACTED}:
        return str(details[REDACTED])
    canonical = json.dumps(details, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def audit_key() -> bytes:
    return str(current_app.config["AUDIT_KEY"]).encode()


def entry_hash(entry: AuditEntry, key: bytes) -> str:
    payload = json.dumps(
        [
            entry.seq,
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
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


def lock_for_append(session: Session) -> None:
    """Hold the right to append until the caller's transaction ends.

    Read-newest-then-append is only safe when no other writer can do the same
    in between. PostgreSQL: a transaction-scoped advisory lock. SQLite: take
    the database write lock now (a write that changes nothing), so the newest
    entry read next is still the newest when ours is inserted. The unique
    ``seq`` stays as a backstop: a fork would fail to insert, never be stored.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
    elif dialect == "sqlite":
        session.execute(text("UPDATE audit_entries SET seq = seq WHERE 0"))
