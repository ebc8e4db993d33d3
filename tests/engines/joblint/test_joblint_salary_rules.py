"""no-salary and salary-below-market."""

from __future__ import annotations

import dataclasses

import pytest
from tests.engines.joblint.joblint_helpers import FILLER, quotes_of, rules_of

from hirekit.engines.guide import Guide
from hirekit.engines.joblint import lint_job

POST = "Senior Flask Developer\n\n" + FILLER


def test_no_figure_means_no_salary() -> None:
    assert "no-salary" in rules_of(POST + "We pay a competitive salary.")


def test_no_salary_is_silent_with_form_figures_or_a_figure_in_text() -> None:
    assert "no-salary" not in rules_of(POST, salary_min=150_000)
    assert "no-salary" not in rules_of(POST, salary_max=170_000)
    assert "no-salary" not in rules_of(POST + "Salary: \u20ac90k.")
    assert "no-salary" not in rules_of(POST + "Rate: $90 per hour.")


def test_no_salary_is_raised_on_a_short_post_too() -> None:
    assert "no-salary" in rules_of("Flask developer wanted, remote.")
    assert "no-salary" not in rules_of("Flask developer wanted, remote. Salary: $90k-$110k.")


def test_senior_band_below_market_minimum_is_quoted() -> None:
    assert quotes_of(POST + "Salary: $120k - $140k.", "salary-below-market") == ["$120k - $140k"]


def test_band_reaching_the_market_minimum_is_fine() -> None:
    assert "salary-below-market" not in rules_of(POST + "Salary: $130k - $145k.")


def test_form_band_wins_over_the_text() -> None:
    text = POST + "Salary: $160k - $180k."
    low = {"salary_min": 110_000, "salary_max": 130_000, "currency": "USD"}
    (issue,) = [i for i in lint_job(text, **low).issues if i.rule == "salary-below-market"]
    assert issue.quote == "" and issue.start is None
    assert "130,000" in issue.message and "145,000" in issue.message
    assert "salary-below-market" not in rules_of(
        POST + "Salary: $100k.", salary_max=160_000, currency="usd"
    )


def test_level_argument_overrides_the_title() -> None:
    text = POST + "Salary: $100k - $120k."
    assert "salary-below-market" not in rules_of(text, level="mid")
    mid_title = text.replace("Senior ", "")
    assert "salary-below-market" in rules_of(mid_title, level="Senior")
    assert "salary-below-market" not in rules_of(mid_title)


def test_other_currencies_and_periods_say_nothing() -> None:
    assert "salary-below-market" not in rules_of(POST + "Salary: 60.000 - 70.000 EUR.")
    assert "salary-below-market" not in rules_of(POST + "Salary: 120-130k.")
    assert "salary-below-market" not in rules_of(POST + "Rate: $60 - $70 per hour.")
    assert "salary-below-market" not in rules_of(POST, salary_max=100_000)  # no currency given
    assert "salary-below-market" not in rules_of(POST, salary_max=100_000, currency="GBP")


def test_open_top_of_band_says_nothing() -> None:
    assert "salary-below-market" not in rules_of(POST + "Salary: from $100k.")
    assert "salary-below-market" not in rules_of(POST, salary_min=100_000, currency="USD")


def test_market_figures_come_from_the_guide(guide: Guide) -> None:
    cheaper = dataclasses.replace(
        guide, market=dataclasses.replace(guide.market, senior_salary_min=100_000)
    )
    text = POST + "Salary: $120k - $140k."
    assert "salary-below-market" in rules_of(text)
    assert "salary-below-market" not in lint_job(text, guide=cheaper).rules


BODY = "Python developer: Flask APIs with SQLAlchemy, service design, pytest tests.\n"


@pytest.mark.parametrize(
    "pay",
    ["Salary\n$500 to $800", "Salário: R$ 3.000,00", "Remuneração entre R$3.700 e R$4.600",
     "Faixa salarial: R$ 3.000,00 a R$ 6.000,00", "€55k–65k",
     "Wynagrodzenie: 8 000 – 10 000 zł", "Зарплата: от 200 000 руб."],
)  # fmt: skip
def test_any_figure_in_any_notation_is_a_salary(pay: str) -> None:
    assert "no-salary" not in rules_of(BODY + pay)


@pytest.mark.parametrize(
    "vague",
    ["Salary: competitive", "Salário a combinar", "Pay depends on experience (DOE)",
     "Equity only", "Annual bonus", "25 days of holiday and a $1,000 learning budget",
     "We raised $10M in 2024"],
)  # fmt: skip
def test_words_and_non_pay_figures_still_raise_no_salary(vague: str) -> None:
    assert "no-salary" in rules_of(BODY + vague)
