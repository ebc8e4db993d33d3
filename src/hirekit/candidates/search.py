"""Candidate search: words in name, email, tags, notes or resume, combined with filters.

Words are matched by the full-text index of :mod:`hirekit.search` (FTS5 on
SQLite, tsvector on PostgreSQL). Filters: job, stage and application dates
(one application must match them all), source, tag, and the fit and flags of
the candidate's latest resume screening.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    any_,
    cast,
    exists,
    func,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import InstrumentedAttribute, aliased, selectinload

from hirekit.accounts.models import User
from hirekit.candidates.blinding import revealed_ids
from hirekit.candidates.models import Application, Candidate, CandidateTag
from hirekit.candidates.services.candidates import normalise_tag, visible_candidates
from hirekit.extensions import db
from hirekit.search import text_match
from hirekit.search.matching import query_words
from hirekit.search.screening_filters import fit_is, has_flag

#: The fits a screening can give (``hirekit.engines.screening.scoring``).
FITS = ("strong", "possible", "no")


@dataclass(frozen=True)
class SearchFilters:
    text: str = ""
    job_id: int | None = None
    stage_id: int | None = None
    source: str = ""
    tag: str = ""
    fit: str = ""
    flag: str = ""
    #: Applied on or after this day (UTC).
    applied_since: date | None = None
    #: Applied on or before this day (UTC), the whole day included.
    applied_until: date | None = None


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _application_conditions(filters: SearchFilters) -> list[ColumnElement[bool]]:
    """The job, stage and date filters, as conditions on one application."""
    conditions: list[ColumnElement[bool]] = []
    if filters.job_id is not None:
        conditions.append(Application.job_id == filters.job_id)
    if filters.stage_id is not None:
        conditions.append(Application.stage_id == filters.stage_id)
    if filters.applied_since is not None:
        conditions.append(Application.created_at >= _midnight(filters.applied_since))
    if filters.applied_until is not None:
        end = _midnight(filters.applied_until) + timedelta(days=1)
        conditions.append(Application.created_at < end)
    return conditions


def _application_match(filters: SearchFilters) -> ColumnElement[bool] | None:
    """One application of the candidate matches the job, stage and date filters together."""
    conditions = _application_conditions(filters)
    if not conditions:
        return None
    return exists().where(Application.candidate_id == Candidate.id, *conditions)


def _applicants(filters: SearchFilters) -> Select[int]:
    """Ids of the candidates with an application matching the job, stage and dates."""
    return select(Application.candidate_id).where(*_application_conditions(filters))


#: A date range with at most this many applications is searched from them (PostgreSQL).
FEW_APPLICATIONS = 20_000


def _few_applications(filters: SearchFilters) -> bool:
    """Whether the applications matching the dates are few enough to start from.

    Walking candidates newest first to reach a month a year back read 47,000 of
    100,000 (30-60 ms); fetching that month's 9,000 applicants by key and sorting
    them took 8 ms. A range reaching today is the other way round, and unbounded.
    """
    capped = select(Application.id).where(*_application_conditions(filters))
    counted = select(func.count()).select_from(capped.limit(FEW_APPLICATIONS + 1).subquery())
    return (db.session.scalar(counted) or 0) <= FEW_APPLICATIONS


def _per_row(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """``condition``, wrapped as a boolean scalar subquery: same rows, better plan.

    PostgreSQL guesses that "latest screening = 'strong'" or a flag lookup keeps
    1 candidate in 200 (far more really do), so with them it fetched every
    text match and sorted them all (0.4-0.9 s over 100k candidates). The value
    of ``(SELECT condition)`` it guesses at one in two: it walks candidates
    newest first, tests each, and stops at the page size.
    """
    return select(condition).scalar_subquery()


def _probes(
    candidate_id: InstrumentedAttribute[int], filters: SearchFilters, *, few: bool
) -> list[ColumnElement[bool]]:
    """The conditions tested per candidate row: words, tag, fit and flags."""
    conditions = [text_match(candidate_id, filters.text, few_candidates=few)]
    if filters.tag:
        conditions.append(
            exists().where(
                CandidateTag.candidate_id == candidate_id,
                CandidateTag.tag == normalise_tag(filters.tag),
            )
        )
    if filters.fit:
        conditions.append(_per_row(fit_is(candidate_id, filters.fit)))
    if filters.flag:
        conditions.append(_per_row(has_flag(candidate_id, filters.flag)))
    return conditions


def search_query(user: User, filters: SearchFilters) -> Select[Candidate]:
    """The candidates ``user`` may see that match every given filter, newest first."""
    query = visible_candidates(user)
    postgres = db.session.get_bind().dialect.name == "postgresql"
    # A job or stage bounds the result by one job's applicants, not by age; so,
    # on SQLite, does a date range. PostgreSQL walks a wide range faster (its
    # newest candidates soon fill a page), a narrow one faster from its applicants.
    by_job = filters.job_id is not None or filters.stage_id is not None
    by_date = filters.applied_since is not None or filters.applied_until is not None
    bounded = by_job or (by_date and (not postgres or _few_applications(filters)))
    if getattr(user, "blind_review", False):
        query = query.where(_not_found_by_identity(user, filters.text))
    applied = _application_match(filters)
    if applied is not None and bounded and postgres:
        # The applicants' ids as one array, read first: their rows are then fetched
        # by primary key (PostgreSQL otherwise hashed them against all candidates).
        ids = select(func.array_agg(Application.candidate_id)).where(
            *_application_conditions(filters)
        )
        # Cast, it is one array value: "= ANY (SELECT ...)" would compare row by row.
        query = query.where(Candidate.id == any_(cast(ids.scalar_subquery(), ARRAY(Integer))))
    elif applied is not None:
        query = query.where(applied)
        if bounded:
            # SQLite starts from the matching applications (a bounded set found by
            # index) instead of walking every candidate newest first to find them.
            query = query.where(Candidate.id.in_(_applicants(filters)))
    if filters.source:
        query = query.where(Candidate.source == filters.source.strip().lower())
    newest: ColumnElement[datetime] = Candidate.created_at.expression
    if bounded:
        newest = _not_indexed(newest)
    if bounded and postgres:
        return _sorted_then_probed(query, newest, filters)
    query = query.where(*_probes(Candidate.id, filters, few=by_job))
    # Every result list shows the tags: load them in one query, not one per row.
    query = query.options(selectinload(Candidate.tags))
    return query.order_by(newest.desc(), Candidate.id.desc())


def _sorted_then_probed(
    query: Select[Candidate], newest: ColumnElement[datetime], filters: SearchFilters
) -> Select[Candidate]:
    """PostgreSQL, one job's applicants: sort them, then test words, tag, fit and flags
    in that order until the page is full.

    In one query PostgreSQL tests every applicant's words before sorting (2,000
    probes for a job with 2,000 applicants, a common word); sorted first behind
    a fence (``OFFSET 0``), the outer LIMIT stops the probes after about a page.
    """
    sort_at = newest.label("sort_at")
    inner = query.add_columns(sort_at).order_by(sort_at.desc(), Candidate.id.desc()).offset(0)
    rows = inner.subquery()
    found = aliased(Candidate, rows)
    return (
        select(found)
        .where(*_probes(found.id, filters, few=True))
        .options(selectinload(found.tags))
        .order_by(rows.c.sort_at.desc(), rows.c.id.desc())
    )


def _not_found_by_identity(user: User, text_: str) -> ColumnElement[bool]:
    """For a blind reviewer: no hidden candidate is found by a word of their name or contacts.

    The index holds the name, email and phone (and the resume repeats them), so
    typing a name would otherwise pick that person out of "Candidate #..." rows.
    A word that occurs anywhere in a hidden candidate's name, email or phone
    keeps them out of the result; candidates the reviewer revealed stay findable.
    """
    identity = func.lower(
        func.coalesce(Candidate.name, "")
        + " "
        + func.coalesce(Candidate.email, "")
        + " "
        + func.coalesce(Candidate.phone, "")
    )
    hiding = [identity.contains(word.casefold(), autoescape=True) for word in query_words(text_)]
    if not hiding:
        return true()
    revealed = revealed_ids(user)
    unseen = not_(or_(*hiding))
    return or_(Candidate.id.in_(revealed), unseen) if revealed else unseen


def _not_indexed(column: ColumnElement[datetime]) -> ColumnElement[datetime]:
    """``column`` as an expression no index covers, so the planner sorts instead of walking.

    A job or stage filter bounds the result by one job's applicants, but not
    by when they came: the applicants of an older job are the oldest
    candidates. Walking every candidate newest first until a page of them
    turns up read 98,000 rows (70 ms at 100k candidates); starting from the
    job's applications and sorting that bounded set takes a few ms. The same
    holds on SQLite once it starts from the matching applications (see
    :func:`_applicants`): a job whose applicants are the oldest candidates no
    longer costs a walk through all the newer ones.
    """
    return func.coalesce(column, column)
