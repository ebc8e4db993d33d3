"""What the job-post checks report: one issue per finding, gathered in a result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Issue:
    """One problem found in a job post.

    ``quote`` is the offending text, exactly ``text[start:end]``. For a missing
    expectation there is nothing to quote: ``quote`` is ``""`` and ``start`` and
    ``end`` are ``None``; ``message`` then says what is missing.
    """

    rule: str
    quote: str
    message: str
    suggestion: str
    start: int | None = None
    end: int | None = None
    severity: str = "warning"  # "warning" | "info"
    #: id of the role guide's hiring mistake this issue is an instance of
    mistake: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "quote": self.quote,
            "message": self.message,
            "suggestion": self.suggestion,
            "start": self.start,
            "end": self.end,
            "severity": self.severity,
            "mistake": self.mistake,
        }


@dataclass(frozen=True)
class LintResult:
    """All issues of one post: quoted ones in text order, then missing expectations."""

    issues: list[Issue] = field(default_factory=list)

    @property
    def rules(self) -> set[str]:
        """The distinct rule ids raised, handy for callers that only need a summary."""
        return {issue.rule for issue in self.issues}

    def to_dict(self) -> dict[str, Any]:
        return {"issues": [issue.to_dict() for issue in self.issues]}
