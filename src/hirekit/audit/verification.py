"""Checking the audit chain: every link, every keyed hash, and the operator's anchor.

``verify`` walks the whole log in sequence order. It finds an edited entry
(its keyed hash no longer matches), a deleted or inserted one (a gap in the
sequence, a link to the wrong hash), a forged one (a hash recomputed without
the key does not match) and, given an anchor an operator kept elsewhere
(``hirekit audit anchor``), a log truncated or rewritten back past that point.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from sqlalchemy import select

from hirekit.audit.chain import GENESIS, audit_key, entry_hash
from hirekit.audit.models import AuditEntry
from hirekit.extensions import db


@dataclass(frozen=True)
class Head:
    """The newest entry: what an operator keeps to detect truncation later."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Head:
        """``SEQ:HASH`` as ``hirekit audit anchor`` prints it; ValueError otherwise."""
        seq, sep, digest = text.strip().partition(":")
        if not sep or not seq.isdigit() or len(digest) != 64:
            raise ValueError("an anchor is SEQ:HASH, as `hirekit audit anchor` prints it")
        int(digest, 16)  # ValueError unless hex
        return cls(int(seq), digest.lower())


@dataclass(frozen=True)
class Verification:
    checked: int
    broken_at: int | None  # id of the first entry whose link does not hold
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def head() -> Head | None:
    last = db.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return Head(last.seq, last.hash) if last else None


def verify(anchor: Head | None = None) -> Verification:
    """Check every entry; name the first whose own content was changed, else the first bad link.

    Content first: a changed entry also breaks the link of the one after it,
    and the one to name is the entry that was changed.
    """
    key = audit_key()
    prev, expected_seq, count = GENESIS, 1, 0
    first_bad_link: tuple[int, str] | None = None
    anchor_seen = False
    query = select(AuditEntry).order_by(AuditEntry.seq, AuditEntry.id)
    for entry in db.session.scalars(query).yield_per(500):
        count += 1
        if not hmac.compare_digest(entry_hash(entry, key), entry.hash):
            return Verification(count, entry.id, "content does not match its keyed hash")
        if first_bad_link is None:
            if entry.seq != expected_seq:
                first_bad_link = (entry.id, f"entry {expected_seq} of the sequence is missing")
            elif entry.prev_hash != prev:
                first_bad_link = (entry.id, "does not link to the entry before it")
        if anchor is not None and entry.seq == anchor.seq:
            anchor_seen = True
            if entry.hash != anchor.hash and first_bad_link is None:
                first_bad_link = (entry.id, "differs from the anchor: the log was rewritten")
        prev, expected_seq = entry.hash, entry.seq + 1
    if first_bad_link is not None:
        return Verification(count, *first_bad_link)
    if anchor is not None and not anchor_seen:
        reason = f"the anchored entry {anchor.seq} is gone: the log was truncated"
        return Verification(count, anchor.seq, reason)
    return Verification(count, None)
