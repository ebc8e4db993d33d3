"""Report figures computed ahead of time, for the reports that read the whole event history.

The time-to-hire, time-in-stage, funnel, sources, offers and screening reports aggregate
every application's moves, the interviewers report every scorecard; over a large history
(100k applications, a million moves) that takes seconds. ``hirekit reports refresh``
(run from cron, e.g. hourly) computes them for each scope people look at -- the set of
jobs a user may see, with no filter -- and stores the figures. A page (or the API, or a
CSV) for that same scope reads the stored figures and says when they were computed;
any other filter, or figures older than :data:`MAX_AGE`, are computed live.

A scope is keyed by the ids of the jobs it covers, never by user: two people
who see the same jobs share figures, and someone who sees fewer jobs never
reads figures that include the others.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.extensions import db
from hirekit.reports.filters import ReportFilter, scoped_jobs
from hirekit.reports.funnel import Funnel, FunnelStage, funnel
from hirekit.reports.interviewers import InterviewerLoad, Interviewers, interviewers
from hirekit.reports.models import ReportSnapshot
from hirekit.reports.offers import OfferedSalary, Offers, offers
from hirekit.reports.percentiles import Spread
from hirekit.reports.screening import FitRow, FlagRow, ScreeningInsight, screening_insight
from hirekit.reports.sources import SourceRow, Sources, sources
from hirekit.reports.time_in_stage import StageTime, TimeInStage, time_in_stage
from hirekit.reports.time_to_hire import MonthTrend, TimeToHire, time_to_hire

#: Stored figures older than this are not shown; the page computes live instead.
MAX_AGE = timedelta(hours=25)


@dataclass(frozen=True)
class Snapshotted:
    compute: Callable[[User, ReportFilter, datetime], Any]
    load: Callable[[dict[str, Any]], Any]


def _spread(data: dict[str, Any]) -> Spread:
    # JSON keeps the percentile keys (0.5, 0.75) as strings.
    return Spread(data["count"], {float(p): v for p, v in data["values"].items()})


SNAPSHOTTED: dict[str, Snapshotted] = {
    "funnel": Snapshotted(
        lambda u, f, now: funnel(u, f),
        lambda d: Funnel([FunnelStage(**s) for s in d["stages"]]),
    ),
    "sources": Snapshotted(
        lambda u, f, now: sources(u, f),
        lambda d: Sources([SourceRow(**r) for r in d["rows"]]),
    ),
    "time-to-hire": Snapshotted(
        lambda u, f, now: time_to_hire(u, f),
        lambda d: TimeToHire(
            hires=d["hires"],
            to_hire=_spread(d["to_hire"]),
            to_fill=_spread(d["to_fill"]),
            weeks={int(week): count for week, count in d["weeks"].items()},
            trend=[MonthTrend(**t) for t in d["trend"]],
            market_weeks=(d["market_weeks"][0], d["market_weeks"][1]),
        ),
    ),
    "offers": Snapshotted(
        lambda u, f, now: offers(u, f),
        lambda d: Offers(
            offered=d["offered"],
            accepted=d["accepted"],
            declined=d["declined"],
            pending=d["pending"],
            salaries=[OfferedSalary(**s) for s in d["salaries"]],
            market=(d["market"][0], d["market"][1], d["market"][2]),
        ),
    ),
    "screening": Snapshotted(
        lambda u, f, now: screening_insight(u, f),
        lambda d: ScreeningInsight(
            [FitRow(**r) for r in d["fits"]], [FlagRow(**r) for r in d["flags"]]
        ),
    ),
    "time-in-stage": Snapshotted(
        lambda u, f, now: time_in_stage(u, f, now=now),
        lambda d: TimeInStage([StageTime(**s) for s in d["stages"]]),
    ),
    # Every scorecard seat of every interview: 0.3-0.6 s at 25,000 interviews,
    # read by the dashboard's headline on each visit.
    "interviewers": Snapshotted(
        lambda u, f, now: interviewers(u, f, now=now),
        lambda d: Interviewers([InterviewerLoad(**r) for r in d["rows"]], d["target"]),
    ),
}


@dataclass(frozen=True)
class Stored:
    result: Any
    computed_at: datetime


def scope_key(slug: str, user: User, flt: ReportFilter) -> str:
    """The key of the figures ``user`` would see for ``slug`` under ``flt``."""
    job_ids = sorted(db.session.scalars(scoped_jobs(user, flt)))
    scope = {"slug": slug, "jobs": job_ids, "filter": flt.as_args()}
    return hashlib.sha256(json.dumps(scope, sort_keys=True).encode()).hexdigest()


def stored(slug: str, user: User, flt: ReportFilter, *, now: datetime) -> Stored | None:
    """The figures stored for this user's scope, if fresh; ``None`` means compute live."""
    kind = SNAPSHOTTED.get(slug)
    if kind is None:
        return None
    row = db.session.scalars(
        select(ReportSnapshot).where(ReportSnapshot.key == scope_key(slug, user, flt))
    ).first()
    if row is None or now - row.computed_at > MAX_AGE:
        return None
    return Stored(kind.load(row.result), row.computed_at)


def refresh(*, now: datetime) -> int:
    """Compute and store every snapshotted report for each distinct scope of the active
    users who may read reports (unfiltered); drop stale ones. Returns how many were stored."""
    readers = db.session.scalars(select(User).where(User.active).order_by(User.id))
    flt = ReportFilter()
    done: set[str] = set()
    for user in readers:
        if not user.can(Permission.REPORTS_READ):
            continue
        for slug, kind in SNAPSHOTTED.items():
            key = scope_key(slug, user, flt)
            if key in done:
                continue
            result = dataclasses.asdict(kind.compute(user, flt, now))
            db.session.execute(delete(ReportSnapshot).where(ReportSnapshot.key == key))
            db.session.add(ReportSnapshot(slug=slug, key=key, computed_at=now, result=result))
            db.session.flush()
            done.add(key)
    db.session.execute(delete(ReportSnapshot).where(ReportSnapshot.computed_at < now - MAX_AGE))
    return len(done)
