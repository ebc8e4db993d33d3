"""Time in stage: how long applications stay in each stage, from their events.

A stay starts with the event that put the application in a stage (``applied``
or ``moved``) and ends with its next pipeline event (a move, rejection,
withdrawal or hire). Only completed stays count towards the median and p75.
A stay with no next event of an active application is "currently waiting":
reported separately, measured up to ``now``. Stays that end with the hire
itself (the hire stage) are not stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.sql import Subquery

from hirekit.accounts.models import User
from hirekit.candidates.choices import ApplicationStatus, EventType
from hirekit.candidates.models import Application, Event
from hirekit.db import UTCDateTime
from hirekit.extensions import db
from hirekit.jobs.models import Stage
from hirekit.reports.dialect import days_between
from hirekit.reports.filters import ReportFilter, scoped_applications
from hirekit.reports.percentiles import grouped_percentiles
from hirekit.reports.pipeline import BY_TIMELINE, ordered_stage_names
from hirekit.reports.tables import Column, Table

_PIPELINE = (
    EventType.APPLIED.value,
    EventType.MOVED.value,
    EventType.REJECTED.value,
    EventType.WITHDRAWN.value,
    EventType.HIRED.value,
)


@dataclass(frozen=True)
class StageTime:
    stage: str
    completed: int
    median_days: float | None
    p75_days: float | None
    waiting: int
    waiting_median_days: float | None


@dataclass(frozen=True)
class TimeInStage:
    stages: list[StageTime]

    def table(self) -> Table:
        return Table(
            "Days in each stage over completed stays, and who is waiting now",
            [
                Column("stage", "Stage", numeric=False),
                Column("completed", "Completed stays"),
                Column("median_days", "Median days"),
                Column("p75_days", "p75 days"),
                Column("waiting", "Currently waiting"),
                Column("waiting_median_days", "Median days waiting"),
            ],
            [
                [s.stage, s.completed, s.median_days, s.p75_days, s.waiting, s.waiting_median_days]
                for s in self.stages
            ],
        )


def stays(user: User, flt: ReportFilter) -> Subquery:
    """(application_id, stage_id, started, ended, next_type) per stay, ended NULL if open.

    One ordered pass over the timeline index numbers each application's events."""
    window = {"partition_by": Event.application_id, "order_by": (Event.at, Event.id)}
    timeline = (
        select(
            Event.application_id,
            Event.type,
            Event.at,
            Event.stage_id,
            func.lead(Event.at).over(**window).label("ended"),  # type: ignore[arg-type]
            func.lead(Event.type).over(**window).label("next_type"),  # type: ignore[arg-type]
        )
        .where(Event.type.in_(_PIPELINE))
        .where(Event.application_id.in_(scoped_applications(user, flt)))
        .with_hint(Event, BY_TIMELINE, "sqlite")
        .subquery("timeline")
    )
    return (
        select(
            timeline.c.application_id,
            timeline.c.stage_id,
            timeline.c.at.label("started"),
            timeline.c.ended,
            timeline.c.next_type,
        )
        .where(timeline.c.type.in_([EventType.APPLIED.value, EventType.MOVED.value]))
        .subquery("stays")
    )


def time_in_stage(user: User, flt: ReportFilter, *, now: datetime) -> TimeInStage:
    stay = stays(user, flt)
    session = db.session
    is_open = stay.c.ended.is_(None)
    active = select(Application.id).where(Application.status == ApplicationStatus.ACTIVE.value)
    # Completed and open stays in one read of the stays: an open stay (of an
    # active application) is measured up to now, in the "wait:" group.
    rows = (
        select(
            (case((is_open, literal("wait:")), else_=literal("done:")) + Stage.name).label("grp"),
            days_between(
                stay.c.started, func.coalesce(stay.c.ended, literal(now, UTCDateTime()))
            ).label("value"),
        )
        .join(Stage, Stage.id == stay.c.stage_id)
        .where(
            or_(
                and_(~is_open, stay.c.next_type != EventType.HIRED.value),
                and_(is_open, stay.c.application_id.in_(active)),
            )
        )
    )
    # A waiting group's p75 is computed too but not reported.
    spread = {str(k): v for k, v in grouped_percentiles(rows).items()}
    done = {k.removeprefix("done:"): v for k, v in spread.items() if k.startswith("done:")}
    waiting = {k.removeprefix("wait:"): v for k, v in spread.items() if k.startswith("wait:")}
    positions = session.execute(
        select(Stage.name.label("stage"), func.min(Stage.position).label("position"))
        .where(Stage.name.in_(set(done) | set(waiting)))
        .group_by(Stage.name)
    ).all()
    names = ordered_stage_names(list(positions))
    return TimeInStage(
        [
            StageTime(
                stage=name,
                completed=done[name].count if name in done else 0,
                median_days=done[name].median if name in done else None,
                p75_days=done[name].p75 if name in done else None,
                waiting=waiting[name].count if name in waiting else 0,
                waiting_median_days=waiting[name].median if name in waiting else None,
            )
            for name in names
        ]
    )
