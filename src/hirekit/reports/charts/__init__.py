"""Server-rendered SVG charts: plain data in, an accessible SVG string out.

No scripts, no external references, no ``style`` attributes (the CSP forbids
them): colours are presentation attributes, so charts print as they show.
"""

from hirekit.reports.charts.bars import Series, bar_chart
from hirekit.reports.charts.lines import line_chart

__all__ = ["Series", "bar_chart", "line_chart"]
