"""Keep the index in step with the rows whose text it holds.

Any flush that adds, changes or deletes a candidate, one of their tags or a
note (or makes a job confidential, or not) refreshes that candidate's profile
and notes documents in the same transaction, so every service that writes
that text is covered without calling the index itself. Text owned by other
domains (resumes) is pushed with :func:`hirekit.search.index_candidate_text`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from hirekit.candidates.models import Application, Candidate, CandidateTag, Note
from hirekit.jobs.models import Job
from hirekit.search.index import refresh_candidate, remove_candidate


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


@event.listens_for(Session, "after_flush")
def _refresh_touched(session: Session, flush_context: UOWTransaction) -> None:
    gone = {c.id for c in session.deleted if isinstance(c, Candidate) and c.id is not None}
    touched: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        touched |= _candidate_ids(obj, session)
    if not gone and not touched:
        return
    # Core statements on the flushing connection: the ORM unit of work is not re-entered.
    for candidate_id in sorted(gone):
        remove_candidate(candidate_id, session=session)
    for candidate_id in sorted(touched - gone):
        refresh_candidate(candidate_id, session=session)
