"""Server-rendered SVG charts: plain data in, an accessible SVG string out.

No scripts, no external references, no ``style`` attributes (the CSP forbids
them): colours are presentation attributes, so charts print as they show.
"""

from hirekit.reports.charts.bars import Series, bar_chart
from hirekit.reports.charts.lines import line_chart
from hirekit.reports.charts.reports import (
    fairness_chart,
    funnel_chart,
    interviewers_chart,
    offers_chart,
    screening_chart,
    sources_chart,
    time_in_stage_chart,
    time_to_hire_chart,
    time_to_hire_trend_chart,
)

__all__ = [
    "Series",
    "bar_chart",
    "fairness_chart",
    "funnel_chart",
    "interviewers_chart",
    "line_chart",
    "offers_chart",
    "screening_chart",
    "sources_chart",
    "time_in_stage_chart",
    "time_to_hire_chart",
    "time_to_hire_trend_chart",
]
