"""Funnel: how many applications reached each stage and what share passed through it.

An application "passed through" a stage when it later reached a stage further
on. Pass-through counts only applications whose fate at that stage is known:
those active and in that stage now, never having gone further, have not finished it
and are left out of its rate (shown as "still in stage"), so open
applications do not deflate the rates. Applications are chosen by their
application date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.sql import Subquery

from hirekit.accounts.models import User
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application
from hirekit.extensions import db
from hirekit.reports.filters import ReportFilter, scoped_applications
from hirekit.reports.pipeline import ending, ordered_stage_names, reached
from hirekit.reports.tables import Column, Table, rate


@dataclass(frozen=True)
class FunnelStage:
    stage: str
    reached: int
    passed: int
    still_in_stage: int
    #: A hired or rejected stage: nothing passes through it.
    ending: bool = False

    @property
    def decided(self) -> int:
        return self.reached - self.still_in_stage

    @property
    def pass_through(self) -> float | None:
        """Percent of those who finished this stage that went further."""
        return rate(self.passed, self.decided)


@dataclass(frozen=True)
class Funnel:
    stages: list[FunnelStage]

    def table(self) -> Table:
        return Table(
            "Applications reaching each stage and passing through it",
            [
                Column("stage", "Stage", numeric=False),
                Column("reached", "Reached"),
                Column("still_in_stage", "Still in stage"),
                Column("passed", "Passed through"),
                Column("pass_through", "Pass-through %"),
            ],
            [
                [s.stage, s.reached, s.still_in_stage, None, None]
                if s.ending
                else [s.stage, s.reached, s.still_in_stage, s.passed, s.pass_through]
                for s in self.stages
            ],
        )


def stage_counts(got: Subquery) -> list[ColumnElement[Any]]:
    """``reached``, ``passed`` and ``still`` over a :func:`reached` subquery joined to
    :class:`Application` (for its status)."""
    active = Application.status == ApplicationStatus.ACTIVE.value
    # Still in the stage: active, sitting there now, and never further along.
    still = and_(active, Application.stage_id == got.c.stage_id, got.c.furthest == got.c.position)
    return [
        func.count().label("reached"),
        func.sum(case((got.c.furthest > got.c.position, 1), else_=0)).label("passed"),
        func.sum(case((still, 1), else_=0)).label("still"),
    ]


def funnel(user: User, flt: ReportFilter) -> Funnel:
    got = reached(scoped_applications(user, flt))
    query = (
        select(
            got.c.stage,
            func.min(got.c.position).label("position"),
            ending(got).label("ending"),
            *stage_counts(got),
        )
        .join(Application, Application.id == got.c.application_id)
        .group_by(got.c.stage)
    )
    rows = db.session.execute(query).all()
    by_name = {row.stage: row for row in rows}
    return Funnel(
        [
            FunnelStage(
                name, row.reached, int(row.passed or 0), int(row.still or 0), bool(row.ending)
            )
            for name in ordered_stage_names(list(rows))
            for row in [by_name[name]]
        ]
    )
