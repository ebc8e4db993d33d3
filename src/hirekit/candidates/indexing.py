"""Keep a candidate's profile and notes text in the search index in step with the rows.

Any flush that adds, changes or deletes a candidate, one of their tags or a
note (or makes a job confidential, or not) refreshes that candidate's profile
and notes documents in the same transaction, so every service that writes that
text is covered without calling the index itself.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event, inspect, or_, select
from sqlalchemy.orm import Session, UOWTransaction

from hirekit.candidates.models import Application, Candidate, CandidateTag, Note
from hirekit.extensions import db
from hirekit.jobs.models import Job
from hirekit.search.index import NOTES, PROFILE, index_candidate_text, profile_body
from hirekit.search.index import remove_candidate as _remove_from_index


def _connection(session: Session | None) -> Connection:
    return (session or db.session).connection()


def profile_text(conn: Connection, candidate_id: int) -> str:
    row = conn.execute(
        select(Candidate.name, Candidate.email, Candidate.phone, Candidate.source).where(
            Candidate.id == candidate_id
        )
    ).first()
    if row is None:
        return ""
    tags = conn.scalars(select(CandidateTag.tag).where(CandidateTag.candidate_id == candidate_id))
    return profile_body(row.name, row.email, row.phone, row.source, list(tags))


def notes_text(conn: Connection, candidate_id: int) -> str:
    """The notes every reader of the candidate may read: none on a confidential job.

    A note on an application to a confidential job is for that job's team; were
    its words in the shared text, anyone could find the candidate by guessing
    them (a salary, say). Such notes are not searchable, by anyone.
    """
    bodies = conn.scalars(
        select(Note.body)
        .outerjoin(Application, Note.application_id == Application.id)
        .outerjoin(Job, Application.job_id == Job.id)
        .where(Note.candidate_id == candidate_id)
        .where(or_(Job.id.is_(None), Job.confidential.is_(False)))
        .order_by(Note.id)
    )
    return "\n".join(bodies)


def refresh_candidate(candidate_id: int, *, session: Session | None = None) -> None:
    """Rebuild the profile and notes text of one candidate from their rows."""
    conn = _connection(session)
    index_candidate_text(candidate_id, PROFILE, profile_text(conn, candidate_id), session=session)
    index_candidate_text(candidate_id, NOTES, notes_text(conn, candidate_id), session=session)


def reindex_all(session: Session | None = None) -> int:
    """Rebuild profile and notes text of every candidate; returns how many."""
    conn = _connection(session)
    ids = list(conn.scalars(select(Candidate.id).order_by(Candidate.id)))
    for candidate_id in ids:
        refresh_candidate(candidate_id, session=session)
    return len(ids)


def _candidate_ids(obj: Any, session: Session) -> set[int]:
    """Every candidate whose text ``obj`` is part of, before and after this flush."""
    if isinstance(obj, Job):
        # Which notes are searchable depends on whether their job is confidential.
        flag: Any = inspect(obj).attrs.confidential.history
        if not flag.has_changes():
            return set()
        query = select(Application.candidate_id).where(Application.job_id == obj.id)
        return set(session.connection().scalars(query))
    if isinstance(obj, Candidate):
        return {obj.id} if obj.id is not None else set()
    if not isinstance(obj, CandidateTag | Note):
        return set()
    ids = {obj.candidate_id} if obj.candidate_id is not None else set()
    history: Any = inspect(obj).attrs.candidate_id.history
    ids.update(i for i in history.deleted or () if i is not None)
    return ids


def listen() -> None:
    """Refresh the index on every flush (once per process: sessions are global)."""
    if not event.contains(Session, "after_flush", _refresh_touched):
        event.listen(Session, "after_flush", _refresh_touched)


def _refresh_touched(session: Session, flush_context: UOWTransaction) -> None:
    gone = {c.id for c in session.deleted if isinstance(c, Candidate) and c.id is not None}
    touched: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        touched |= _candidate_ids(obj, session)
    if not gone and not touched:
        return
    # Core statements on the flushing connection: the ORM unit of work is not re-entered.
    for candidate_id in sorted(gone):
        _remove_from_index(candidate_id, session=session)
    for candidate_id in sorted(touched - gone):
        refresh_candidate(candidate_id, session=session)
