"""Offers: acceptance rate, and salary offered against the job's band and the market.

An offer stage is one of kind ``offer`` (set by the user, never read from its
name). An offer was accepted when the application was hired; declined when the application closed (a
``rejected`` or ``withdrawn`` event) while in an offer stage and was not hired
later; pending when the application is active in an offer stage now. Pending
offers are left out of the rate. Reading only hire and close events keeps
this off the full scan of moves, so it can be a dashboard figure.
The salary offered is read from the move into the offer stage, which carries
it as ``data.salary`` (yearly, in the job's currency) when it was recorded;
see :func:`offered_salaries`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from hirekit.accounts.models import User
from hirekit.candidates.choices import ApplicationStatus, EventType
from hirekit.candidates.models import Application, Event
from hirekit.extensions import db
from hirekit.guides.registry import default_guide
from hirekit.jobs.choices import StageKind
from hirekit.jobs.models import Job, Stage
from hirekit.reports.filters import ReportFilter, in_scope
from hirekit.reports.percentiles import percentile
from hirekit.reports.pipeline import BY_TYPE, BY_TYPE_STAGE
from hirekit.reports.tables import Column, Table, rate


@dataclass(frozen=True)
class OfferedSalary:
    job: str
    currency: str
    salary: int
    band_min: int | None
    band_max: int | None

    @property
    def against_band(self) -> str:
        if self.band_min is not None and self.salary < self.band_min:
            return "below band"
        if self.band_max is not None and self.salary > self.band_max:
            return "above band"
        return (
            "within band" if self.band_min is not None or self.band_max is not None else "no band"
        )


@dataclass(frozen=True)
class Offers:
    offered: int
    accepted: int
    declined: int
    pending: int
    salaries: list[OfferedSalary]
    market: tuple[str, int, int]

    @property
    def acceptance_rate(self) -> float | None:
        return rate(self.accepted, self.accepted + self.declined)

    @property
    def median_salary(self) -> float | None:
        market_currency = self.market[0]
        return percentile(0.5, [s.salary for s in self.salaries if s.currency == market_currency])

    def table(self) -> Table:
        return Table(
            "Salaries offered against each job's band",
            [
                Column("job", "Job", numeric=False),
                Column("currency", "Currency", numeric=False),
                Column("salary", "Salary offered"),
                Column("band_min", "Band minimum"),
                Column("band_max", "Band maximum"),
                Column("against_band", "Against band", numeric=False),
            ],
            [
                [s.job, s.currency, s.salary, s.band_min, s.band_max, s.against_band]
                for s in self.salaries
            ],
        )


def offered_salaries(conditions: list[ColumnElement[bool]]) -> list[OfferedSalary]:
    """The salary of each move into an offer stage that recorded one (``data.salary``),
    for applications matching ``conditions`` (see :func:`in_scope`)."""
    salary = Event.data["salary"].as_integer()
    offer_stages = select(Stage.id).where(Stage.kind == StageKind.OFFER.value)
    # Seek the moves into offer stages by (type, stage) and join each one's
    # application, rather than probing every application in scope.
    query = (
        select(Job.title, Job.currency, salary, Job.salary_min, Job.salary_max)
        .join(Application, Application.id == Event.application_id)
        .join(Stage, Stage.id == Event.stage_id)
        .join(Job, Job.id == Stage.job_id)
        .where(Event.type == EventType.MOVED.value, Event.stage_id.in_(offer_stages))
        .where(salary.is_not(None), *conditions)
        .order_by(Event.at, Event.id)
        .with_hint(Event, BY_TYPE_STAGE, "sqlite")
    )
    return [OfferedSalary(*row) for row in db.session.execute(query)]


def offers(user: User, flt: ReportFilter, *, with_salaries: bool = True) -> Offers:
    """Offer outcomes; ``with_salaries=False`` leaves ``salaries`` empty (the dashboard
    shows the acceptance rate only)."""
    conditions = in_scope(user, flt)
    is_offer = Stage.kind == StageKind.OFFER.value
    hired = (
        select(Event.application_id)
        .join(Application, Application.id == Event.application_id)
        .where(Event.type == EventType.HIRED.value, *conditions)
        .with_hint(Event, BY_TYPE, "sqlite")
    )
    # Seek the closes in offer stages by (type, stage) rather than reading
    # every rejection and withdrawal to look at its stage.
    declined = (
        select(Event.application_id)
        .join(Application, Application.id == Event.application_id)
        .where(
            Event.type.in_([EventType.REJECTED.value, EventType.WITHDRAWN.value]),
            Event.stage_id.in_(select(Stage.id).where(is_offer)),
            Application.status != ApplicationStatus.HIRED.value,
            *conditions,
        )
        .with_hint(Event, BY_TYPE_STAGE, "sqlite")
    )
    pending = (
        select(Application.id)
        .join(Stage, Stage.id == Application.stage_id)
        .where(Application.status == ApplicationStatus.ACTIVE.value, is_offer, *conditions)
    )
    accepted_n = _distinct_count(hired)
    declined_n = _distinct_count(declined)
    pending_n = _distinct_count(pending)
    market = default_guide().market
    return Offers(
        offered=accepted_n + declined_n + pending_n,
        accepted=accepted_n,
        declined=declined_n,
        pending=pending_n,
        salaries=offered_salaries(conditions) if with_salaries else [],
        market=(market.currency, market.senior_salary_min, market.senior_salary_max),
    )


def _distinct_count(ids: Select[Any]) -> int:
    sub = ids.distinct().subquery()
    return int(db.session.scalar(select(func.count()).select_from(sub)) or 0)
