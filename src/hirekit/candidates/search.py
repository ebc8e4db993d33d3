"""Candidate search: words in name, email, tags or notes, and filters by job, stage, source, tag.

Words are matched by the full-text index of :mod:`hirekit.search` (FTS5 on
SQLite, tsvector on PostgreSQL), which also holds resume text.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, exists

from hirekit.accounts.models import User
from hirekit.candidates.models import Application, Candidate, CandidateTag
from hirekit.candidates.services import normalise_tag, visible_candidates
from hirekit.search import text_match


@dataclass(frozen=True)
class SearchFilters:
    text: str = ""
    job_id: int | None = None
    stage_id: int | None = None
    source: str = ""
    tag: str = ""


def search_query(user: User, filters: SearchFilters) -> Select[Candidate]:
    """The candidates ``user`` may see that match every given filter, newest first."""
    query = visible_candidates(user)
    query = query.where(text_match(Candidate.id, filters.text))
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
