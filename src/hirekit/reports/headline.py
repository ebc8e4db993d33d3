"""The dashboard's headline figures and charts, for users who may read reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from hirekit.accounts.models import User
from hirekit.reports.charts import funnel_chart, time_to_hire_trend_chart
from hirekit.reports.filters import ReportFilter
from hirekit.reports.funnel import funnel
from hirekit.reports.interviewers import interviewers
from hirekit.reports.offers import offers
from hirekit.reports.time_to_hire import time_to_hire


@dataclass(frozen=True)
class Headline:
    #: (label, value as shown, the report page's slug)
    figures: list[tuple[str, str, str]] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)


def _days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} days"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} %"


def headline(user: User, flt: ReportFilter, *, now: datetime) -> Headline:
    """Median/p75 time to hire against the market, time to fill, pass-through to hire,
    offer acceptance and scorecard timeliness; the trend and funnel charts."""
    hire = time_to_hire(user, flt)
    flow = funnel(user, flt)
    offer = offers(user, flt)
    panel = interviewers(user, flt, now=now)
    low, high = hire.market_weeks
    first = flow.stages[0].reached if flow.stages else 0
    hired = flow.stages[-1].reached if flow.stages else 0
    figures = [
        ("Hires", str(hire.hires), "time-to-hire"),
        ("Median time to hire", _days(hire.to_hire.median), "time-to-hire"),
        ("p75 time to hire", _days(hire.to_hire.p75), "time-to-hire"),
        ("Market time to hire", f"{low}–{high} weeks", "time-to-hire"),
        ("Median time to fill", _days(hire.to_fill.median), "time-to-hire"),
        ("Applications", str(first), "funnel"),
        ("Applications hired", _percent(100.0 * hired / first if first else None), "funnel"),
        ("Offer acceptance", _percent(offer.acceptance_rate), "offers"),
        ("Scorecards within 24 h", _percent(panel.on_time_share), "interviewers"),
    ]
    return Headline(figures, [time_to_hire_trend_chart(hire), funnel_chart(flow)])
