"""Lists and pages load what they show in a fixed number of SQL statements, and reads write
nothing (one batched audit row where a view of personal data must be recorded)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from hirekit.accounts.models import User
from hirekit.candidates.models import Candidate, CandidateTag, Note
from hirekit.candidates.services import applications
from hirekit.extensions import db
from hirekit.interviews.models import Interview, Scorecard
from hirekit.jobs.choices import TeamRole
from hirekit.jobs.models import Job, JobMember
from tests.conftest import login
from tests.jobs.factories import make_candidate, make_job
from tests.table_rows import copy_of

ROWS = 55
WRITES = ("INSERT", "UPDATE", "DELETE")


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every SQL statement sent to the database meanwhile."""
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def writes(seen: list[str]) -> list[str]:
    return [s for s in seen if s.lstrip().upper().startswith(WRITES)]


@pytest.fixture
def population(app: Any, make_user: Any) -> dict[str, Any]:
    """ROWS jobs with a hiring team, ROWS candidates (tags, notes) applied to the first job,
    each with an interview on the interviewer's list.

    Built through the services once per run and backend; each test starts from a copy
    of its rows (the tests compare statement counts, not how the rows came).
    """
    ids = copy_of("query-count-population", lambda: _populate(make_user))
    return {
        "admin": db.session.get(User, ids["admin"]),
        "interviewer": db.session.get(User, ids["interviewer"]),
        "job": db.session.get(Job, ids["job"]),
        "people": [db.session.get(Candidate, pk) for pk in ids["people"]],
    }


def _populate(make_user: Any) -> dict[str, Any]:
    admin = make_user("admin")
    interviewer = make_user("interviewer", name="Ivy Interviewer")
    jobs = [make_job(admin, title=f"Flask developer {i}") for i in range(ROWS)]
    for job in jobs:
        db.session.add(JobMember(job_id=job.id, user_id=admin.id, role=TeamRole.RECRUITER.value))
        db.session.add(
            JobMember(job_id=job.id, user_id=interviewer.id, role=TeamRole.INTERVIEWER.value)
        )
    first = jobs[0]
    people = []
    for i in range(ROWS):
        candidate = make_candidate(admin, f"Person{i} Example", email=f"p{i}@example.com")
        applications.apply(candidate, first, actor=admin)
        db.session.add_all(
            [
                CandidateTag(candidate_id=candidate.id, tag="backend"),
                CandidateTag(candidate_id=candidate.id, tag=f"t{i}"),
                Note(candidate_id=candidate.id, author_id=admin.id, body=f"Note {i}"),
            ]
        )
        interview = Interview(
            job_id=first.id,
            candidate_id=candidate.id,
            title="Interview",
            starts_at=datetime(2030, 1, 1, tzinfo=UTC) + timedelta(hours=i),
            duration_minutes=60,
            created_by_id=admin.id,
        )
        interview.scorecards = [Scorecard(interviewer_id=interviewer.id)]
        db.session.add(interview)
        people.append(candidate)
    db.session.commit()
    return {
        "admin": admin.id,
        "interviewer": interviewer.id,
        "job": first.id,
        "people": [person.id for person in people],
    }


def _api_count(client: Any, path: str, headers: dict[str, str], per_page: int) -> list[str]:
    sep = "&" if "?" in path else "?"
    with statements() as seen:
        response = client.get(f"{path}{sep}per_page={per_page}", headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert len(response.get_json()) == per_page
    return seen


@pytest.mark.parametrize(
    ("path", "role"),
    [
        ("/api/v1/candidates", "admin"),
        ("/api/v1/candidates?q=example", "admin"),
        ("/api/v1/candidates?tag=backend", "admin"),
        ("/api/v1/jobs", "admin"),
        ("/api/v1/jobs/{job}/applications", "admin"),
        ("/api/v1/interviews", "interviewer"),
        ("/api/v1/audit", "admin"),
    ],
)
def test_api_list_query_count_does_not_grow_with_the_page(client, population, path, role):
    from hirekit.accounts import services

    user = population["admin" if role == "admin" else "interviewer"]
    issued = services.create_token(user, "counts")
    db.session.commit()
    headers = {"Authorization": f"Bearer {issued.secret}"}
    path = path.format(job=population["job"].id)
    client.get("/api/v1/me", headers=headers)  # the token's first use is written once
    small = _api_count(client, path, headers, 5)
    large = _api_count(client, path, headers, 50)
    assert len(large) == len(small), "\n".join(large)
    assert len(small) <= 8, "\n".join(small)
    assert writes(large) == []


def test_api_get_writes_a_token_last_use_at_most_once_a_minute(client, api_token):
    from hirekit.accounts.models import ApiToken

    user, headers = api_token("admin")
    with statements() as first:
        assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert len(writes(first)) == 1
    stamped = db.session.scalars(db.select(ApiToken).filter_by(user_id=user.id)).one()
    db.session.refresh(stamped)
    assert stamped.last_used_at is not None
    with statements() as again:
        for _ in range(3):
            assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert writes(again) == []
    # A minute later, the next request records the use again.
    stamped.last_used_at = stamped.last_used_at - timedelta(seconds=61)
    db.session.commit()
    with statements() as later:
        assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert len(writes(later)) == 1


def _page_count(client: Any, path: str) -> list[str]:
    with statements() as seen:
        response = client.get(path)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return seen


def _pages(population: dict[str, Any]) -> list[str]:
    job, person = population["job"].id, population["people"][0].id
    return [
        "/candidates/",
        "/candidates/?q=example",
        f"/jobs/{job}/board",
        f"/jobs/{job}",
        f"/jobs/{job}/ranked",
        f"/candidates/{person}",
        "/jobs/",
        "/interviews",
        "/reviews",
    ]


def test_pages_query_count_does_not_grow_with_the_rows(app, client, population, make_user):
    """The same pages over 5 and over ROWS applications (and jobs) run as many statements."""
    admin = population["admin"]
    login(client, admin.email)
    pages = _pages(population)
    for path in pages:  # first visits create what is made once (default mail templates)
        client.get(path)
    large = {path: _page_count(client, path) for path in pages}
    # Withdraw all but five from the board and hide all but five jobs: fewer rows, same pages.
    job = population["job"]
    from hirekit.candidates.models import Application

    keep = {p.id for p in population["people"][:5]}
    db.session.execute(db.delete(Interview).where(Interview.candidate_id.not_in(keep)))
    db.session.execute(
        db.delete(Application).where(
            Application.job_id == job.id, Application.candidate_id.not_in(keep)
        )
    )
    db.session.execute(db.delete(Job).where(Job.id > job.id + 4))
    db.session.commit()
    small = {path: _page_count(client, path) for path in pages}
    grew = {path: (len(small[path]), len(large[path])) for path in pages}
    assert {path: n for path, n in grew.items() if n[0] != n[1]} == {}, large
    for path in pages:
        # Reading a person's data is audited: at most one entry per request, nothing else.
        written = writes(large[path])
        assert all("audit_entries" in s for s in written), (path, written)
        assert sum(s.startswith("INSERT") for s in written) <= 1, (path, written)
