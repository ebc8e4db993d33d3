"""Which slice of the hiring data a report covers, and who may see it.

Every report takes a :class:`ReportFilter` and the acting user. Jobs are
limited to those the user may see (confidential jobs stay hidden), then by
job, team and use case. The date range is inclusive and in UTC; each report
says which date it applies it to (application date for cohorts, hire date for
time to hire).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Select, select

from hirekit.accounts.models import User
from hirekit.candidates.models import Application
from hirekit.errors import ValidationFailed
from hirekit.jobs.choices import UseCase
from hirekit.jobs.models import Job
from hirekit.jobs.services.jobs import visible_jobs


@dataclass(frozen=True)
class ReportFilter:
    start: date | None = None
    end: date | None = None
    job_id: int | None = None
    team: str = ""
    use_case: str = ""

    @property
    def since(self) -> datetime | None:
        return datetime.combine(self.start, time.min, UTC) if self.start else None

    @property
    def before(self) -> datetime | None:
        """The first instant after the range (the end day is included)."""
        return datetime.combine(self.end + timedelta(days=1), time.min, UTC) if self.end else None

    def as_args(self) -> dict[str, str]:
        """The filter as query-string arguments (only those set)."""
        args = {
            "start": self.start.isoformat() if self.start else "",
            "end": self.end.isoformat() if self.end else "",
            "job": str(self.job_id) if self.job_id else "",
            "team": self.team,
            "use_case": self.use_case,
        }
        return {k: v for k, v in args.items() if v}


def parse_filter(args: Mapping[str, str]) -> ReportFilter:
    """Read ``start``, ``end`` (YYYY-MM-DD), ``job``, ``team``, ``use_case``; blanks mean any."""
    problems: dict[str, str] = {}
    start = _date(args.get("start", ""), "start", problems)
    end = _date(args.get("end", ""), "end", problems)
    if start and end and start > end:
        problems["end"] = "must not be before the start"
    job_text = (args.get("job") or "").strip()
    if job_text and not job_text.isdigit():
        problems["job"] = "a job id"
    use_case = (args.get("use_case") or "").strip()
    if use_case and use_case not in {u.value for u in UseCase}:
        problems["use_case"] = "one of " + ", ".join(u.value for u in UseCase)
    if problems:
        raise ValidationFailed("Some report filters are invalid; see details.", details=problems)
    return ReportFilter(
        start=start,
        end=end,
        job_id=int(job_text) if job_text else None,
        team=(args.get("team") or "").strip()[:120],
        use_case=use_case,
    )


def _date(text: str, name: str, problems: dict[str, str]) -> date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems[name] = "a date as YYYY-MM-DD"
        return None


def scoped_jobs(user: User, flt: ReportFilter) -> Select[int]:
    """Ids of the jobs the report covers: visible to ``user`` and matching the filter."""
    query = visible_jobs(user).with_only_columns(Job.id)
    if flt.job_id is not None:
        query = query.where(Job.id == flt.job_id)
    if flt.team:
        query = query.where(Job.team == flt.team)
    if flt.use_case:
        query = query.where(Job.use_case == flt.use_case)
    return query


def scoped_applications(user: User, flt: ReportFilter) -> Select[int]:
    """Ids of the applications in scope: to scoped jobs, applied within the date range."""
    query = select(Application.id).where(Application.job_id.in_(scoped_jobs(user, flt)))
    if flt.since is not None:
        query = query.where(Application.created_at >= flt.since)
    if flt.before is not None:
        query = query.where(Application.created_at < flt.before)
    return query


def in_scope(user: User, flt: ReportFilter) -> list[ColumnElement[bool]]:
    """Conditions on :class:`Application` for a query that joins it (see
    :func:`scoped_applications`); joining lets the database drive from an
    events index instead of probing every application in scope."""
    conditions: list[ColumnElement[bool]] = [Application.job_id.in_(scoped_jobs(user, flt))]
    if flt.since is not None:
        conditions.append(Application.created_at >= flt.since)
    if flt.before is not None:
        conditions.append(Application.created_at < flt.before)
    return conditions


def filter_choices(user: User) -> dict[str, list[tuple[str, str]]]:
    """Jobs and teams the user may filter by, for the filter form."""
    from hirekit.extensions import db

    jobs = db.session.execute(
        visible_jobs(user).with_only_columns(Job.id, Job.title, Job.team).order_by(Job.title)
    ).all()
    teams = sorted({team for _, _, team in jobs if team})
    return {
        "jobs": [(str(job_id), title) for job_id, title, _ in jobs],
        "teams": [(t, t) for t in teams],
        "use_cases": [(u.value, u.value) for u in UseCase],
    }
