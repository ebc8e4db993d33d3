"""Deleting a candidate: every row and file about them, leaving anonymous outcomes behind."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from hirekit import events
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.candidates.models import Candidate
from hirekit.candidates.services import get_candidate
from hirekit.db import on_commit
from hirekit.errors import Forbidden, NotFound
from hirekit.extensions import db
from hirekit.privacy.erasers import ERASERS, Erasure
from hirekit.privacy.tasks import purge_search_index
from hirekit.queue import enqueue
from hirekit.storage import file_store

REQUEST = "request"
RETENTION = "retention"


@dataclass(frozen=True)
class Deletion:
    """What a deletion removed: row counts per table and the number of files."""

    candidate_id: int
    counts: dict[str, int]
    files: int


def _target(candidate_id: int, actor: User | None) -> Candidate:
    if actor is None:  # retention, run by the system
        found = db.session.get(Candidate, candidate_id)
        if found is None:
            raise NotFound(f"No candidate with id {candidate_id}")
        return found
    if not actor.can(Permission.PRIVACY_MANAGE):
        raise Forbidden("Your role does not allow deleting candidates.")
    return get_candidate(candidate_id, actor)


def _delete_files_after_commit(keys: set[str]) -> None:
    store = file_store()

    def delete() -> None:
        # After commit: a rolled-back deletion must not have lost the files.
        for key in sorted(keys):
            store.delete(key)

    on_commit(db.session(), delete)


def delete_candidate(
    candidate_id: int, *, actor: User | None, reason: str = REQUEST, purge_index: bool = True
) -> Deletion:
    """Remove the candidate and everything about them; files go when the caller commits.

    Audited as ``candidate.deleted`` with counts only: the entry names no one.
    ``purge_index=False`` lets a batch queue one index purge for many deletions.
    """
    candidate = _target(candidate_id, actor)
    erasure = Erasure(candidate, reason)
    for erase in ERASERS:
        erase(erasure)
    _delete_files_after_commit(erasure.file_keys)
    if purge_index:
        enqueue(purge_search_index, label="Purge deleted text from the search index")
    counts = dict(sorted(erasure.counts.items()))
    audit.record(
        "candidate.deleted",
        actor=actor,
        subject_type="candidate",
        subject_id=candidate_id,
        details={"reason": reason, "rows": counts, "files": len(erasure.file_keys)},
    )
    events.candidate_erased.send(events.CandidateErased(candidate_id))
    return Deletion(candidate_id, counts, len(erasure.file_keys))


def candidate_exists(candidate_id: int) -> bool:
    return db.session.scalar(select(Candidate.id).where(Candidate.id == candidate_id)) is not None
