"""The dashboard's headline figures and charts, for users who may read reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from hirekit.accounts.models import User
from hirekit.extensions import db
from hirekit.reports.charts import time_to_hire_chart, time_to_hire_trend_chart
from hirekit.reports.filters import ReportFilter, scoped_applications
from hirekit.reports.interviewers import interviewers
from hirekit.reports.offers import offers
from hirekit.reports.services.snapshots import stored
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
    """Hires, median/p75 time to hire against the market, time to fill, offer acceptance
    and scorecard timeliness, with the time-to-hire charts.

    These read hire and close events and the interviews only; the funnel's full
    scan of moves stays on its own page, so the dashboard stays fast.
    """
    # Stored figures (``hirekit reports refresh``) while fresh, else computed now.
    stored_hire = stored("time-to-hire", user, flt, now=now)
    hire = stored_hire.result if stored_hire else time_to_hire(user, flt)
    stored_offer = stored("offers", user, flt, now=now)
    offer = stored_offer.result if stored_offer else offers(user, flt, with_salaries=False)
    stored_panel = stored("interviewers", user, flt, now=now)
    panel = stored_panel.result if stored_panel else interviewers(user, flt, now=now)
    applications = db.session.scalar(
        select(func.count()).select_from(scoped_applications(user, flt).subquery())
    )
    low, high = hire.market_weeks
    figures = [
        ("Applications", str(applications or 0), "sources"),
        ("Hires", str(hire.hires), "time-to-hire"),
        ("Median time to hire", _days(hire.to_hire.median), "time-to-hire"),
        ("p75 time to hire", _days(hire.to_hire.p75), "time-to-hire"),
        ("Market time to hire", f"{low}–{high} weeks", "time-to-hire"),
        ("Median time to fill", _days(hire.to_fill.median), "time-to-hire"),
        ("Offer acceptance", _percent(offer.acceptance_rate), "offers"),
        ("Scorecards within 24 h", _percent(panel.on_time_share), "interviewers"),
    ]
    return Headline(figures, [time_to_hire_trend_chart(hire), time_to_hire_chart(hire)])
