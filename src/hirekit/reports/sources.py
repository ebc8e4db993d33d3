"""Source effectiveness: what each source of candidates turns into.

Per candidate source (careers page, referral, import, API, agency, ...):
applications, screened in (went past the pipeline's first stage), interviewed
(reached a stage of kind ``interview``, or had an interview for that job that
was not cancelled)
and hired. Applications are chosen by their application date.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, exists, func, or_, select

from hirekit.accounts.models import User
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application, Candidate
from hirekit.extensions import db
from hirekit.interviews.choices import InterviewStatus
from hirekit.interviews.models import Interview
from hirekit.jobs.choices import StageKind
from hirekit.reports.filters import ReportFilter, scoped_applications
from hirekit.reports.pipeline import per_application
from hirekit.reports.tables import Column, Table, rate

UNKNOWN = "unknown"


@dataclass(frozen=True)
class SourceRow:
    source: str
    applications: int
    screened_in: int
    interviewed: int
    hired: int

    @property
    def hire_rate(self) -> float | None:
        return rate(self.hired, self.applications)


@dataclass(frozen=True)
class Sources:
    rows: list[SourceRow]

    def table(self) -> Table:
        return Table(
            "What each source of candidates turns into",
            [
                Column("source", "Source", numeric=False),
                Column("applications", "Applications"),
                Column("screened_in", "Screened in"),
                Column("interviewed", "Interviewed"),
                Column("hired", "Hired"),
                Column("hire_rate", "Hired %"),
            ],
            [
                [r.source, r.applications, r.screened_in, r.interviewed, r.hired, r.hire_rate]
                for r in self.rows
            ],
        )


def sources(user: User, flt: ReportFilter) -> Sources:
    apps = per_application(scoped_applications(user, flt), StageKind.INTERVIEW)
    had_interview = exists().where(
        Interview.candidate_id == Application.candidate_id,
        Interview.job_id == Application.job_id,
        Interview.status != InterviewStatus.CANCELLED.value,
    )
    interviewed = or_(apps.c.interview == 1, had_interview)
    hired = Application.status == ApplicationStatus.HIRED.value
    source = func.coalesce(func.nullif(Candidate.source, ""), UNKNOWN).label("source")
    query = (
        select(
            source,
            func.count().label("applications"),
            func.sum(case((apps.c.furthest > 0, 1), else_=0)).label("screened_in"),
            func.sum(case((interviewed, 1), else_=0)).label("interviewed"),
            func.sum(case((hired, 1), else_=0)).label("hired"),
        )
        .select_from(apps)
        .join(Application, Application.id == apps.c.application_id)
        .join(Candidate, and_(Candidate.id == Application.candidate_id))
        .group_by(source)
        .order_by(func.count().desc(), source)
    )
    return Sources(
        [
            SourceRow(
                r.source, r.applications, int(r.screened_in), int(r.interviewed), int(r.hired)
            )
            for r in db.session.execute(query)
        ]
    )
