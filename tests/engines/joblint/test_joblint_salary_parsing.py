"""find_salary_bands: pay figures in the formats posts use, and the numbers that are not pay."""

from __future__ import annotations

import pytest

from hirekit.engines.joblint.salary import SalaryBand, find_salary_bands


def only_band(text: str) -> SalaryBand:
    (band,) = find_salary_bands(text)
    assert text[band.start : band.end]
    return band


@pytest.mark.parametrize(
    ("text", "low", "high", "currency"),
    [
        ("Salary: $140k\u2013$180k", 140_000, 180_000, "USD"),
        ("Pay: 140,000 - 180,000 USD", 140_000, 180_000, "USD"),
        ("\u20ac90k", 90_000, 90_000, "EUR"),
        ("Gehalt: 65.000 - 80.000 EUR brutto", 65_000, 80_000, "EUR"),
        ("48 000 \u20ac - 58 000 \u20ac brut annuel", 48_000, 58_000, "EUR"),
        ("\u00a355,000 - \u00a365,000", 55_000, 65_000, "GBP"),
        ("CHF 120 000 - 140 000", 120_000, 140_000, "CHF"),
        ("Salary 120-150k", 120_000, 150_000, None),
        ("between $110,000 and $130,000", 110_000, 130_000, "USD"),
        ("$150K - $180K + equity", 150_000, 180_000, "USD"),
        ("CA$120k - CA$140k", 120_000, 140_000, "CAD"),
    ],
)
def test_yearly_ranges(text: str, low: int, high: int, currency: str | None) -> None:
    band = only_band(text)
    assert (band.low, band.high, band.currency, band.period) == (low, high, currency, "year")


def test_open_ended_figures_keep_the_open_end_unknown() -> None:
    assert only_band("up to $130,000").low is None
    assert only_band("up to $130,000").high == 130_000
    assert only_band("from $120k").high is None
    assert only_band("$150k+ base salary").high is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Rate: $85 - $100 per hour", "hour"),
        ("$600/day", "day"),
        ("4.500 \u20ac monatlich", "month"),
    ],
)
def test_periods(text: str, period: str) -> None:
    assert only_band(text).period == period


@pytest.mark.parametrize(
    "text",
    [
        "We just raised $12M in our Series A.",
        "Competitive salary and a 401(k) with match.",
        "Competitive salary and 401k matching.",
        "A $2,000 yearly learning budget.",
        "$10k relocation package.",
        "We serve 2,000,000 requests a day for 40,000 merchants.",
        "Python 3.11 and Flask 3.0 since 2019.",
        "10k-50k users a day",
        "5+ years of Python",
    ],
)
def test_numbers_that_are_not_pay(text: str) -> None:
    assert find_salary_bands(text) == []


def test_a_401k_on_the_next_line_does_not_hide_the_salary() -> None:
    band = only_band("- Base salary $165,000 - $195,000, plus bonus\n- 401(k) with 5% match")
    assert (band.low, band.high) == (165_000, 195_000)
