"""Every report page: its title, how to build it, its chart and its table.

Views, the API and CSV downloads all go through :func:`build`, so a page, its
CSV and its JSON always carry the same figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hirekit.accounts.models import User
from hirekit.errors import NotFound
from hirekit.reports import charts as chart_of
from hirekit.reports.experience import experience, experience_chart
from hirekit.reports.fairness import fairness
from hirekit.reports.filters import ReportFilter
from hirekit.reports.funnel import funnel
from hirekit.reports.interviewers import interviewers
from hirekit.reports.offers import offers
from hirekit.reports.screening import screening_insight
from hirekit.reports.services.snapshots import SNAPSHOTTED, stored
from hirekit.reports.sources import sources
from hirekit.reports.tables import Table
from hirekit.reports.tasks import refresh_due, request_refresh
from hirekit.reports.time_in_stage import time_in_stage
from hirekit.reports.time_to_hire import time_to_hire


@dataclass(frozen=True)
class Built:
    slug: str
    title: str
    result: Any
    chart: str
    table: Table
    #: When stored figures were computed (``reports.services.snapshots``); ``None``: computed now.
    as_of: datetime | None = None


@dataclass(frozen=True)
class ReportKind:
    slug: str
    title: str
    summary: str
    run: Callable[[User, ReportFilter, datetime, str], Any]
    chart: Callable[[Any], str]


def _fairness(user: User, flt: ReportFilter, now: datetime, question: str) -> Any:
    result = fairness(user, flt, question)
    if result is None:
        raise NotFound("Choose a self-identification question to report on.")
    return result


REPORTS: dict[str, ReportKind] = {
    k.slug: k
    for k in (
        ReportKind(
            "time-to-hire",
            "Time to hire and time to fill",
            "Application to hire and job opened to hire, against the market's 4–5 weeks.",
            lambda u, f, now, q: time_to_hire(u, f),
            chart_of.time_to_hire_chart,
        ),
        ReportKind(
            "time-in-stage",
            "Time in stage",
            "Median and p75 days per stage over completed stays; who is waiting now.",
            lambda u, f, now, q: time_in_stage(u, f, now=now),
            chart_of.time_in_stage_chart,
        ),
        ReportKind(
            "funnel",
            "Funnel and pass-through",
            "How many reach each stage, and what share of those who finished it went on.",
            lambda u, f, now, q: funnel(u, f),
            chart_of.funnel_chart,
        ),
        ReportKind(
            "sources",
            "Source effectiveness",
            "Applications, screened in, interviewed and hired per source.",
            lambda u, f, now, q: sources(u, f),
            chart_of.sources_chart,
        ),
        ReportKind(
            "screening",
            "Screening insight",
            "Fit and flags among applicants against hires; which green flags advanced.",
            lambda u, f, now, q: screening_insight(u, f),
            chart_of.screening_chart,
        ),
        ReportKind(
            "interviewers",
            "Interviewer load and scorecard timeliness",
            "Interviews per person; scorecards in within 24 hours, against a 90 % target.",
            lambda u, f, now, q: interviewers(u, f, now=now),
            chart_of.interviewers_chart,
        ),
        ReportKind(
            "offers",
            "Offers",
            "Offer acceptance, and salaries offered against the band and the market.",
            lambda u, f, now, q: offers(u, f),
            chart_of.offers_chart,
        ),
        ReportKind(
            "fairness",
            "Fairness",
            "Adverse-impact ratios per stage (four-fifths rule) from voluntary self-ID answers.",
            _fairness,
            chart_of.fairness_chart,
        ),
        ReportKind(
            "candidate-experience",
            "Candidate experience",
            "How candidates rated applying (1 to 5) once their process ended, with comments.",
            lambda u, f, now, q: experience(u, f),
            experience_chart,
        ),
    )
}


def build(slug: str, user: User, flt: ReportFilter, *, now: datetime, question: str = "") -> Built:
    kind = REPORTS.get(slug)
    if kind is None:
        raise NotFound(f"No report named {slug!r}")
    snapshot = None if question else stored(slug, user, flt, now=now)
    unfiltered = slug in SNAPSHOTTED and not flt.as_args() and not question
    # The worker recomputes them; meanwhile this page shows what is stored (or computes).
    if unfiltered and refresh_due(snapshot.computed_at if snapshot else None, now=now):
        request_refresh()
    if snapshot is not None:
        result = snapshot.result
        return Built(
            slug, kind.title, result, kind.chart(result), result.table(), snapshot.computed_at
        )
    result = kind.run(user, flt, now, question)
    return Built(slug, kind.title, result, kind.chart(result), result.table())
