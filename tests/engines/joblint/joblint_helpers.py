"""Small helpers the job-post check tests share."""

from __future__ import annotations

from hirekit.engines.joblint import lint_job

#: Enough ordinary words for the "missing expectation" rules to judge a post.
FILLER = (
    "We are a product company with a friendly engineering team. You will work with product "
    "managers and designers on features our customers use every day, join planning, review "
    "code with colleagues and help us improve how we build and ship software. We offer "
    "flexible hours, remote work within the country, a yearly team trip and a good laptop.\n"
)


def rules_of(text: str, **form: str | int) -> set[str]:
    return lint_job(text, **form).rules  # type: ignore[arg-type]


def quotes_of(text: str, rule: str, **form: str | int) -> list[str]:
    result = lint_job(text, **form)  # type: ignore[arg-type]
    return [issue.quote for issue in result.issues if issue.rule == rule]
