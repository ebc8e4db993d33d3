"""no-salary and salary-below-market.

The band comes from the job form when given, otherwise from the first yearly
figure or range in the text. The guide only knows the senior market (US,
USD), so below-market is judged for senior roles paid in that currency and
yearly; for anything else the rule stays silent rather than guess.
"""

from __future__ import annotations

from hirekit.engines.joblint.issue import Issue
from hirekit.engines.joblint.rules.context import RuleContext
from hirekit.engines.joblint.salary import SalaryBand, states_pay

NO_SALARY = "no-salary"
BELOW_MARKET = "salary-below-market"


def check_no_salary(ctx: RuleContext) -> list[Issue]:
    if ctx.post.has_salary_fields or ctx.salary_bands or states_pay(ctx.post.text):
        return []
    return [
        Issue(
            NO_SALARY,
            "",
            "Gives no salary figure or range; many strong candidates skip posts without "
            "one, and some places require it by law.",
            'State the band, e.g. "$150k-$180k base, depending on experience".',
            None,
            None,
            "warning",
        ),
    ]


def _level(ctx: RuleContext) -> str | None:
    if ctx.post.level is not None:
        return ctx.post.level.strip().lower()
    return ctx.role.title_level


def _yearly_text_band(ctx: RuleContext) -> SalaryBand | None:
    return next((b for b in ctx.salary_bands if b.period == "year"), None)


def check_below_market(ctx: RuleContext) -> list[Issue]:
    if _level(ctx) != "senior":
        return []
    market = ctx.guide.market
    quote: tuple[int, int] | None = None
    if ctx.post.has_salary_fields:
        top, currency = ctx.post.salary_max, ctx.post.currency
    else:
        band = _yearly_text_band(ctx)
        if band is None:
            return []
        top, currency, quote = band.high, band.currency, (band.start, band.end)
    if top is None or currency is None or currency.upper() != market.currency.upper():
        return []
    if top >= market.senior_salary_min:
        return []
    message = (
        f"Tops out at {currency.upper()} {top:,}, below the {market.region} market for "
        f"senior Flask developers ({market.currency} {market.senior_salary_min:,}-"
        f"{market.senior_salary_max:,}); expect few senior applicants."
    )
    suggestion = (
        f"Raise the band to at least {market.currency} {market.senior_salary_min:,}-"
        f"{market.senior_salary_max:,}, or hire for a mid-level role."
    )
    if quote is None:
        return [Issue(BELOW_MARKET, "", message, suggestion, None, None, "warning")]
    return [ctx.quoted(BELOW_MARKET, quote[0], quote[1], message, suggestion)]
