"""Time to hire (application to hire) and time to fill (job opened to hire).

A hire is an application's first ``hired`` event; its date decides whether it
falls in the filter's range. Time to hire starts at the ``applied`` event. A
job's opening is read from its audit trail (``job.state_changed`` to
``open``): time to fill starts at the latest opening at or before the hire,
and hires of jobs never opened are left out of it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import CTE, cast, func, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql import Subquery

from hirekit.accounts.models import User
from hirekit.audit.models import AuditEntry
from hirekit.candidates.choices import EventType
from hirekit.candidates.models import Application, Event
from hirekit.extensions import db
from hirekit.guides.registry import default_guide
from hirekit.reports.dialect import days_between, month_of
from hirekit.reports.filters import ReportFilter, scoped_jobs
from hirekit.reports.percentiles import QUARTILES, Spread, percentile
from hirekit.reports.pipeline import BY_TIMELINE, BY_TYPE
from hirekit.reports.tables import Column, Table


@dataclass(frozen=True)
class MonthTrend:
    month: str
    hires: int
    median_to_hire: float | None
    median_to_fill: float | None


@dataclass(frozen=True)
class TimeToHire:
    hires: int
    to_hire: Spread
    to_fill: Spread
    #: Hires per whole week of time to hire: {week: count}.
    weeks: dict[int, int]
    trend: list[MonthTrend]
    market_weeks: tuple[int, int]

    def table(self) -> Table:
        return Table(
            "Time to hire and time to fill by month of hire (days)",
            [
                Column("month", "Month", numeric=False),
                Column("hires", "Hires"),
                Column("median_to_hire", "Median time to hire"),
                Column("median_to_fill", "Median time to fill"),
            ],
            [[t.month, t.hires, t.median_to_hire, t.median_to_fill] for t in self.trend],
        )


def hires(user: User, flt: ReportFilter) -> Subquery:
    """(application_id, hired_at, applied_at, job_id, month) of each hire in scope."""
    hired = (
        select(Event.application_id, func.min(Event.at).label("hired_at"))
        .join(Application, Application.id == Event.application_id)
        .where(Event.type == EventType.HIRED.value)
        .where(Application.job_id.in_(scoped_jobs(user, flt)))
        .group_by(Event.application_id)
        .with_hint(Event, BY_TYPE, "sqlite")
        .subquery("hired")
    )
    applied = aliased(Event)
    applied_at = (
        select(func.min(applied.at))
        .where(
            applied.application_id == hired.c.application_id,
            applied.type == EventType.APPLIED.value,
        )
        .with_hint(applied, BY_TIMELINE, "sqlite")
        .scalar_subquery()
    )
    query = select(
        hired.c.application_id,
        hired.c.hired_at,
        applied_at.label("applied_at"),
        Application.job_id,
    ).join(Application, Application.id == hired.c.application_id)
    if flt.since is not None:
        query = query.where(hired.c.hired_at >= flt.since)
    if flt.before is not None:
        query = query.where(hired.c.hired_at < flt.before)
    return query.subquery("hires")


def openings() -> CTE:
    """(job, at): each time a job was opened, from the audit trail (job id as text).

    Materialised: a few rows, read once rather than once per hire."""
    return (
        select(AuditEntry.subject_id.label("job"), AuditEntry.at.label("at"))
        .where(
            AuditEntry.action == "job.state_changed",
            AuditEntry.subject_type == "job",
            AuditEntry.details["to"].as_string() == "open",
        )
        .cte("openings")
        .prefix_with("MATERIALIZED")
    )


def time_to_hire(user: User, flt: ReportFilter) -> TimeToHire:
    series = _series(user, flt)
    spread = {key: Spread(len(values), _quartiles(values)) for key, values in series.items()}
    weeks = {
        int(k.removeprefix("week:")): v.count for k, v in spread.items() if k.startswith("week:")
    }
    months = sorted(
        k.removeprefix("hire:") for k in spread if k.startswith("hire:") and k != "hire:all"
    )
    trend = [
        MonthTrend(
            m,
            spread[f"hire:{m}"].count,
            spread[f"hire:{m}"].median,
            spread[f"fill:{m}"].median if f"fill:{m}" in spread else None,
        )
        for m in months
    ]
    empty = Spread(0, {})
    market = default_guide().market
    return TimeToHire(
        hires=sum(t.hires for t in trend),
        to_hire=spread.get("hire:all", empty),
        to_fill=spread.get("fill:all", empty),
        weeks=weeks,
        trend=trend,
        market_weeks=(market.time_to_hire_weeks_min, market.time_to_hire_weeks_max),
    )


def _series(user: User, flt: ReportFilter) -> dict[str, list[float]]:
    """Days to hire and to fill, one value per hire, in the series the report shows:
    "hire:all", "hire:<month>", "fill:all", "fill:<month>" and "week:<whole weeks>".

    The durations come from SQL, one row per hire (hires are few next to moves);
    grouping them here lets one short read feed every series, where a percentile
    query would sort each series again.
    """
    hire = hires(user, flt)
    opened = openings()
    # The latest opening at or before each hire starts its time to fill; read
    # per hire, so that no grouping over the hires is needed.
    opened_at = (
        select(func.max(opened.c.at))
        .where(
            opened.c.job == cast(hire.c.job_id, AuditEntry.subject_id.type),
            opened.c.at <= hire.c.hired_at,
        )
        .scalar_subquery()
    )
    query = select(
        month_of(hire.c.hired_at),
        days_between(hire.c.applied_at, hire.c.hired_at),
        days_between(opened_at, hire.c.hired_at),
    )
    series: dict[str, list[float]] = defaultdict(list)
    for month, to_hire, to_fill in db.session.execute(query):
        # floor, as whole() does in SQL: durations are not negative.
        for key in ("hire:all", f"hire:{month}", f"week:{math.floor(to_hire / 7)}"):
            series[key].append(float(to_hire))
        if to_fill is not None:
            series["fill:all"].append(float(to_fill))
            series[f"fill:{month}"].append(float(to_fill))
    return series


def _quartiles(values: list[float]) -> dict[float, float]:
    ordered = sorted(values)
    return {p: value for p in QUARTILES if (value := percentile(p, ordered)) is not None}
