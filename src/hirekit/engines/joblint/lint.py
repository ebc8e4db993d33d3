"""Run every rule over a job post."""

from __future__ import annotations

from hirekit.engines.guide import Guide, default_guide
from hirekit.engines.joblint.issue import Issue, LintResult
from hirekit.engines.joblint.post import JobPost
from hirekit.engines.joblint.role import profile_role
from hirekit.engines.joblint.rules import RULES, RuleContext
from hirekit.engines.joblint.text import parse_document


def _order(issue: Issue) -> tuple[int, int]:
    # Quoted issues in reading order first, then what the post leaves out.
    return (0, issue.start) if issue.start is not None else (1, 0)


def lint_post(post: JobPost, guide: Guide | None = None) -> LintResult:
    """Check ``post`` against the guide's hiring mistakes (the default guide when ``None``)."""
    doc = parse_document(post.text, post.title)
    ctx = RuleContext(post=post, doc=doc, role=profile_role(doc), guide=guide or default_guide())
    issues = [issue for rule in RULES for issue in rule(ctx)]
    return LintResult(issues=sorted(issues, key=_order))


def lint_job(
    text: str,
    *,
    title: str | None = None,
    level: str | None = None,
    salary_min: int | None = None,
    salary_max: int | None = None,
    currency: str | None = None,
    use_case: str | None = None,
    guide: Guide | None = None,
) -> LintResult:
    """Check a job description; see :class:`JobPost` for the optional job-form facts.

    Never raises on odd text: every quote is ``text[issue.start:issue.end]``.
    When a rule cannot tell, it stays silent rather than raise a false alarm.
    """
    post = JobPost(
        text=text,
        title=title,
        level=level,
        salary_min=salary_min,
        salary_max=salary_max,
        currency=currency,
        use_case=use_case,
    )
    return lint_post(post, guide)
