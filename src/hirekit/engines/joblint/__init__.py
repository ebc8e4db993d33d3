"""Job-post checks: find the hiring mistakes a Flask job description makes.

``lint_job(text, ...)`` returns a :class:`LintResult` whose issues each carry
a rule id, the offending quote (or ``""`` for something missing), a message
linked to the role guide's hiring mistakes and a suggested rewrite.
"""

from hirekit.engines.joblint.issue import Issue, LintResult
from hirekit.engines.joblint.lint import lint_job, lint_post
from hirekit.engines.joblint.post import JobPost
from hirekit.engines.joblint.rules import RULE_IDS

__all__ = ["RULE_IDS", "Issue", "JobPost", "LintResult", "lint_job", "lint_post"]
