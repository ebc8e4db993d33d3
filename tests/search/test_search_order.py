"""Search results: newest candidate first by when they were created, words across kinds of text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hirekit.candidates.search import SearchFilters, search_query
from hirekit.candidates.services import applications, candidates
from hirekit.candidates.services.candidates import CandidateFields
from hirekit.extensions import db
from hirekit.search import index_candidate_text
from tests.jobs.factories import make_job

T0 = datetime(2025, 3, 1, 12, tzinfo=UTC)


def ordered(user: Any, text: str, limit: int | None = None) -> list[str]:
    query = search_query(user, SearchFilters(text=text))
    if limit is not None:
        query = query.limit(limit)
    return [c.name for c in db.session.scalars(query)]


def test_back_dated_candidates_sort_by_creation_time_not_by_id(make_user):
    actor = make_user("recruiter")
    # Created in this order, but back-dated out of it (as the demo data and imports do).
    for name, days in (("Middle Flask", 5), ("Oldest Flask", 1), ("Newest Flask", 9)):
        fields = CandidateFields(name=name, email=f"{name.split()[0].lower()}@example.com")
        candidates.create_candidate(fields, actor=actor, at=T0 + timedelta(days=days))
    candidates.create_candidate(
        CandidateFields(name="Same Time Flask", email="same@example.com"),
        actor=actor,
        at=T0 + timedelta(days=5),
    )
    db.session.commit()
    everyone = ordered(actor, "flask")
    assert everyone == ["Newest Flask", "Same Time Flask", "Middle Flask", "Oldest Flask"]
    assert ordered(actor, "flask", limit=2) == everyone[:2]


def test_words_may_match_in_different_kinds_of_text(make_user):
    actor = make_user("recruiter")
    candidates.create_candidate(
        CandidateFields(name="Ines Brennan", email="ines@example.com"), actor=actor, note="htmx"
    )
    other = candidates.create_candidate(
        CandidateFields(name="Ivo Brennan", email="ivo@example.com"), actor=actor
    )
    db.session.flush()
    index_candidate_text(other.id, "resume", "Celery workers on Redis")
    db.session.commit()
    assert ordered(actor, "brennan htmx") == ["Ines Brennan"]
    assert ordered(actor, "redis brennan") == ["Ivo Brennan"]
    index_candidate_text(other.id, "resume", "")
    assert ordered(actor, "redis") == []
    assert ordered(actor, "brennan") == ["Ivo Brennan", "Ines Brennan"]


def test_job_and_stage_filters_keep_newest_first_and_the_limit(make_user):
    # With a job or stage filter the query sorts the job's applicants instead of
    # walking an index; the order and the page size must not change with it.
    actor = make_user("recruiter")
    job = make_job(actor)
    first_stage = job.stages[0]
    for name, days in (("Middle Flask", 5), ("Oldest Flask", 1), ("Newest Flask", 9)):
        fields = CandidateFields(name=name, email=f"{name.split()[0].lower()}@example.com")
        candidate = candidates.create_candidate(fields, actor=actor, at=T0 + timedelta(days=days))
        applications.apply(candidate, job, actor=actor)
    candidates.create_candidate(
        CandidateFields(name="Elsewhere Flask", email="elsewhere@example.com"),
        actor=actor,
        at=T0 + timedelta(days=20),
    )
    db.session.commit()

    def page(limit: int | None = None, **filters: Any) -> list[str]:
        query = search_query(actor, SearchFilters(text="flask", **filters))
        if limit is not None:
            query = query.limit(limit)
        return [c.name for c in db.session.scalars(query)]

    expected = ["Newest Flask", "Middle Flask", "Oldest Flask"]
    assert page(job_id=job.id) == expected
    assert page(stage_id=first_stage.id) == expected
    assert page(2, job_id=job.id) == expected[:2]
    assert page()[0] == "Elsewhere Flask"
