"""The chart of each report, built from its result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hirekit.reports.charts.bars import Series, bar_chart
from hirekit.reports.charts.lines import line_chart

if TYPE_CHECKING:
    from hirekit.reports.fairness import Fairness
    from hirekit.reports.funnel import Funnel
    from hirekit.reports.interviewers import Interviewers
    from hirekit.reports.offers import Offers
    from hirekit.reports.screening import ScreeningInsight
    from hirekit.reports.sources import Sources
    from hirekit.reports.time_in_stage import TimeInStage
    from hirekit.reports.time_to_hire import TimeToHire


def time_to_hire_chart(report: TimeToHire) -> str:
    low, high = report.market_weeks
    last = max([*report.weeks, high + 1])
    weeks = list(range(last + 1))
    return bar_chart(
        "Time to hire: hires per week taken",
        f"{report.hires} hires; median {_num(report.to_hire.median)} days, p75 "
        f"{_num(report.to_hire.p75)} days. Shaded: the market's {low}–{high} weeks.",
        [str(w) for w in weeks],
        [Series("Hires", [report.weeks.get(w, 0) for w in weeks])],
        x_label="Weeks from application to hire",
        y_label="Hires",
        chart_id="chart-time-to-hire",
        x_band=(low, high - 1),
        band_label=f"Market: {low}–{high} weeks",
    )


def time_to_hire_trend_chart(report: TimeToHire) -> str:
    low, high = report.market_weeks
    return line_chart(
        "Median time to hire and to fill by month",
        f"Monthly medians in days over {report.hires} hires; shaded: the market's "
        f"{low}–{high} weeks ({low * 7}–{high * 7} days).",
        [t.month for t in report.trend],
        [
            Series("Time to hire", [t.median_to_hire for t in report.trend]),
            Series("Time to fill", [t.median_to_fill for t in report.trend]),
        ],
        x_label="Month of hire",
        y_label="Days",
        chart_id="chart-time-trend",
        y_band_range=(low * 7, high * 7),
        band_label=f"Market: {low}–{high} weeks",
    )


def time_in_stage_chart(report: TimeInStage) -> str:
    return bar_chart(
        "Days in each stage",
        "Median and p75 days per stage over completed stays.",
        [s.stage for s in report.stages],
        [
            Series("Median", [s.median_days for s in report.stages]),
            Series("p75", [s.p75_days for s in report.stages]),
        ],
        x_label="Stage",
        y_label="Days",
        chart_id="chart-time-in-stage",
    )


def funnel_chart(report: Funnel) -> str:
    return bar_chart(
        "Funnel: applications reaching each stage",
        "Applications that reached each stage; the table gives pass-through rates.",
        [s.stage for s in report.stages],
        [Series("Reached", [s.reached for s in report.stages])],
        x_label="Stage",
        y_label="Applications",
        chart_id="chart-funnel",
    )


def sources_chart(report: Sources) -> str:
    rows = report.rows
    return bar_chart(
        "Sources: what each one turns into",
        "Applications, screened in, interviewed and hired per candidate source.",
        [r.source for r in rows],
        [
            Series("Applications", [r.applications for r in rows]),
            Series("Screened in", [r.screened_in for r in rows]),
            Series("Interviewed", [r.interviewed for r in rows]),
            Series("Hired", [r.hired for r in rows]),
        ],
        x_label="Source",
        y_label="Applications",
        chart_id="chart-sources",
    )


def screening_chart(report: ScreeningInsight) -> str:
    return bar_chart(
        "Screening fit among applicants and hires",
        "Applicants and hires per screening fit (the reviewer's override when given).",
        [f.fit for f in report.fits],
        [
            Series("Applicants", [f.applicants for f in report.fits]),
            Series("Hired", [f.hired for f in report.fits]),
        ],
        x_label="Screening fit",
        y_label="Applications",
        chart_id="chart-screening",
    )


def interviewers_chart(report: Interviewers) -> str:
    return bar_chart(
        "Scorecards submitted within 24 hours",
        f"Share of due scorecards submitted within 24 hours, per interviewer; the "
        f"anchor practice's target is {report.target:.0f} %.",
        [r.interviewer for r in report.rows],
        [Series("On time %", [r.on_time_share for r in report.rows])],
        x_label="Interviewer",
        y_label="Percent on time",
        chart_id="chart-interviewers",
        y_band_range=(report.target, 100.0),
        band_label=f"Target: {report.target:.0f} % or more",
    )


def offers_chart(report: Offers) -> str:
    return bar_chart(
        "Offers and their outcome",
        f"{report.offered} offers: {report.accepted} accepted, {report.declined} declined, "
        f"{report.pending} pending.",
        ["Accepted", "Declined", "Pending"],
        [Series("Offers", [report.accepted, report.declined, report.pending])],
        x_label="Outcome",
        y_label="Offers",
        chart_id="chart-offers",
    )


def fairness_chart(report: Fairness) -> str:
    stages = list(dict.fromkeys(r.stage for r in report.rates))
    groups = list(dict.fromkeys(r.group for r in report.rates))
    ratio = {(r.stage, r.group): r.impact_ratio for r in report.rates}
    return bar_chart(
        f"Impact ratios by stage: {report.label}",
        "Each group's selection rate over the best group's, per stage; masked groups "
        "(fewer than 5) are not drawn. Shaded: below the four-fifths line (0.8).",
        stages,
        [Series(g, [ratio.get((s, g)) for s in stages]) for g in groups],
        x_label="Stage",
        y_label="Impact ratio",
        chart_id="chart-fairness",
        y_band_range=(0.0, 0.8),
        band_label="Below four-fifths (0.8)",
    )


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"
