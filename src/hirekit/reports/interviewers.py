"""Interviewer load and scorecard timeliness, from ``hirekit.interviews``.

Each scorecard row is one interviewer's seat on one interview (cancelled
interviews left out), counted in the range by the interview's start. A
scorecard is on time when submitted within 24 hours of the interview's end
(start plus duration); the share on time counts only seats whose interview
ended at least 24 hours before ``now``, against the anchor practice's 90 %.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, literal, select

from hirekit.accounts.models import User
from hirekit.db import UTCDateTime
from hirekit.extensions import db
from hirekit.interviews.choices import OVERDUE_HOURS, InterviewStatus
from hirekit.interviews.models import Interview, Scorecard
from hirekit.reports.dialect import days_between
from hirekit.reports.filters import ReportFilter, scoped_jobs
from hirekit.reports.tables import Column, Table, rate

TARGET_ON_TIME = 90.0


@dataclass(frozen=True)
class InterviewerLoad:
    interviewer: str
    interviews: int
    submitted: int
    due: int
    on_time: int

    @property
    def on_time_share(self) -> float | None:
        return rate(self.on_time, self.due)


@dataclass(frozen=True)
class Interviewers:
    rows: list[InterviewerLoad]
    target: float = TARGET_ON_TIME

    @property
    def on_time_share(self) -> float | None:
        return rate(sum(r.on_time for r in self.rows), sum(r.due for r in self.rows))

    def table(self) -> Table:
        return Table(
            "Interviews per person and scorecards submitted within 24 hours",
            [
                Column("interviewer", "Interviewer", numeric=False),
                Column("interviews", "Interviews"),
                Column("submitted", "Scorecards submitted"),
                Column("due", "Scorecards due"),
                Column("on_time", "On time"),
                Column("on_time_share", "On time %"),
            ],
            [
                [r.interviewer, r.interviews, r.submitted, r.due, r.on_time, r.on_time_share]
                for r in self.rows
            ],
        )


def interviewers(user: User, flt: ReportFilter, *, now: datetime) -> Interviewers:
    limit_days = OVERDUE_HOURS / 24
    ended_days = Interview.duration_minutes / 1440.0
    since_start = days_between(Interview.starts_at, literal(now, UTCDateTime()))
    due = since_start >= ended_days + limit_days
    submitted = Scorecard.submitted_at.is_not(None)
    late_by = days_between(Interview.starts_at, Scorecard.submitted_at) - ended_days
    on_time = and_(due, submitted, late_by <= limit_days)
    name = func.coalesce(func.nullif(User.name, ""), User.email).label("interviewer")
    query = (
        select(
            name,
            func.count().label("interviews"),
            func.sum(case((submitted, 1), else_=0)).label("submitted"),
            func.sum(case((due, 1), else_=0)).label("due"),
            func.sum(case((on_time, 1), else_=0)).label("on_time"),
        )
        .join(Interview, Interview.id == Scorecard.interview_id)
        .join(User, User.id == Scorecard.interviewer_id)
        .where(Interview.status != InterviewStatus.CANCELLED.value)
        .where(Interview.job_id.in_(scoped_jobs(user, flt)))
        .group_by(User.id, name)
        .order_by(func.count().desc(), name)
    )
    if flt.since is not None:
        query = query.where(Interview.starts_at >= flt.since)
    if flt.before is not None:
        query = query.where(Interview.starts_at < flt.before)
    return Interviewers(
        [
            InterviewerLoad(
                r.interviewer, r.interviews, int(r.submitted), int(r.due), int(r.on_time)
            )
            for r in db.session.execute(query)
        ]
    )
