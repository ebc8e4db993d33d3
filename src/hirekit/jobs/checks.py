"""The job-post check for a job or a draft text, against the app's role guide."""

from __future__ import annotations

from hirekit.engines.joblint import LintResult, lint_job
from hirekit.guides.registry import default_guide
from hirekit.jobs.models import Job

MAX_TEXT = 20_000


def check_text(
    text: str,
    *,
    title: str | None = None,
    level: str | None = None,
    salary_min: int | None = None,
    salary_max: int | None = None,
    currency: str | None = None,
    use_case: str | None = None,
) -> LintResult:
    """Lint a draft description; over-long text is checked up to ``MAX_TEXT`` characters."""
    return lint_job(
        text[:MAX_TEXT],
        title=title or None,
        level=level or None,
        salary_min=salary_min,
        salary_max=salary_max,
        currency=currency or None,
        use_case=use_case or None,
        guide=default_guide(),
    )


def check_job(job: Job) -> LintResult:
    return check_text(
        job.description,
        title=job.title,
        level=job.level,
        salary_min=job.salary_min,
        salary_max=job.salary_max,
        currency=job.currency,
        use_case=job.use_case,
    )
