"""A job with a hiring manager, a candidate who applied, and interviewers to schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hirekit.candidates.services.applications import apply
from hirekit.candidates.services.candidates import CandidateFields, create_candidate
from hirekit.extensions import db
from hirekit.interviews.services import kits, scheduling
from hirekit.jobs.services.jobs import JobFields, create_job
from hirekit.takehomes.models import Submission

# Interviews are scheduled in the future only; tests pass "now" explicitly where time matters.
START = datetime(2036, 3, 2, 14, 0, tzinfo=UTC)


@dataclass
class Panel:
    manager: Any
    recruiter: Any
    a: Any
    b: Any
    outsider: Any
    job: Any
    candidate: Any
    interview: Any

    def card_of(self, user: Any) -> Any:
        return next(c for c in self.interview.scorecards if c.interviewer_id == user.id)


def schedule_panel(manager: Any, job: Any, candidate: Any, users: list[Any], **kw: Any) -> Any:
    kit = kits.get_kit(job.id, manager)
    fields = scheduling.ScheduleFields(
        candidate_id=candidate.id,
        starts_at=kw.pop("starts_at", START),
        interviewer_ids=[u.id for u in users],
        part_id=kw.pop("part_id", kit.parts[0].id),
        video_link="https://meet.example.com/abc",
        **kw,
    )
    interview = scheduling.schedule(job.id, fields, actor=manager)
    db.session.commit()
    return interview


@pytest.fixture
def panel(make_user) -> Panel:
    manager = make_user("hiring_manager", name="Hana Manager")
    recruiter = make_user("recruiter", name="Remy Recruiter")
    a = make_user("interviewer", name="Ada Interviewer")
    b = make_user("interviewer", name="Ben Interviewer")
    outsider = make_user("interviewer", name="Otto Outsider")
    job = create_job(
        JobFields(
            title="Flask API developer",
            use_case="rest-api",
            level="mid",
            salary_min=70000,
            salary_max=90000,
            hiring_manager_id=manager.id,
        ),
        actor=manager,
    )
    candidate = create_candidate(
        CandidateFields(name="Casey Candidate", email="casey@example.com"), actor=recruiter
    )
    apply(candidate, job, actor=recruiter)
    db.session.commit()
    interview = schedule_panel(manager, job, candidate, [a, b])
    return Panel(manager, recruiter, a, b, outsider, job, candidate, interview)


def later(hours: int) -> datetime:
    return START + timedelta(hours=hours)


def happened(interview: Any, at: datetime | None = None) -> Any:
    """Move an interview into the past, as time passing would (scheduling refuses past times)."""
    interview.starts_at = at or datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
    db.session.commit()
    return interview


def add_reviewed_takehome(panel: Panel) -> None:
    """A reviewed take-home of the panel's candidate whose one finding is "no-tests"."""
    db.session.add(
        Submission(
            candidate_id=panel.candidate.id,
            job_id=panel.job.id,
            file_key="k",
            filename="t.zip",
            size=1,
            sha256="0" * 64,
            status="reviewed",
            score=40,
            level="junior",
            report={"findings": [{"rule": "no-tests", "file": "", "line": 0, "message": "none"}]},
        )
    )
    db.session.commit()
