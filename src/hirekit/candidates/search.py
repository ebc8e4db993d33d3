"""Candidate search: words in name, email, tags or notes, and filters by job, stage, source, tag.

A LIKE over indexed columns is enough at this size; full-text search can
replace :func:`search_query` without changing its callers.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, exists, func, or_

from hirekit.accounts.models import User
from hirekit.candidates.models import Application, Candidate, CandidateTag, Note
from hirekit.candidates.services import normalise_tag, visible_candidates


@dataclass(frozen=True)
class SearchFilters:
    text: str = ""
    job_id: int | None = None
    stage_id: int | None = None
    source: str = ""
    tag: str = ""


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_query(user: User, filters: SearchFilters) -> Select[Candidate]:
    """The candidates ``user`` may see that match every given filter, newest first."""
    query = visible_candidates(user)
    for word in filters.text.split()[:8]:
        like = _like(word)
        query = query.where(
            or_(
                func.lower(Candidate.name).like(like, escape="\\"),
                Candidate.email.like(like, escape="\\"),
                exists().where(
                    CandidateTag.candidate_id == Candidate.id,
                    CandidateTag.tag.like(like, escape="\\"),
                ),
                exists().where(
                    Note.candidate_id == Candidate.id,
                    func.lower(Note.body).like(like, escape="\\"),
                ),
            )
        )
    if filters.job_id is not None or filters.stage_id is not None:
        conditions = [Application.candidate_id == Candidate.id]
        if filters.job_id is not None:
            conditions.append(Application.job_id == filters.job_id)
        if filters.stage_id is not None:
            conditions.append(Application.stage_id == filters.stage_id)
        query = query.where(exists().where(*conditions))
    if filters.source:
        query = query.where(Candidate.source == filters.source.strip().lower())
    if filters.tag:
        query = query.where(
            exists().where(
                CandidateTag.candidate_id == Candidate.id,
                CandidateTag.tag == normalise_tag(filters.tag),
            )
        )
    return query.order_by(Candidate.created_at.desc(), Candidate.id.desc())
