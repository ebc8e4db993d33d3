"""The job-post rules, one module per rule or family, in the order they report."""

from __future__ import annotations

from hirekit.engines.joblint.rules import (
    django_in_flask,
    laundry_list,
    missing,
    salary,
    wording,
    years_of_flask,
)
from hirekit.engines.joblint.rules.context import Rule, RuleContext

#: Every rule id this engine can raise.
RULE_IDS: tuple[str, ...] = (
    "years-of-flask",
    "django-in-flask-role",
    "no-testing-expectation",
    "no-architecture-expectation",
    "no-extension-expectation",
    "laundry-list",
    "no-salary",
    "salary-below-market",
    "exclusionary-wording",
)

RULES: tuple[Rule, ...] = (
    years_of_flask.check,
    django_in_flask.check,
    missing.check_testing,
    missing.check_architecture,
    missing.check_extensions,
    laundry_list.check,
    salary.check_no_salary,
    salary.check_below_market,
    wording.check,
)

__all__ = ["RULES", "RULE_IDS", "Rule", "RuleContext"]
