"""What every rule receives: the post, its parsed text, the role read from it, the guide."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from hirekit.engines.guide.model import Guide, Mistake
from hirekit.engines.joblint.issue import Issue
from hirekit.engines.joblint.post import JobPost
from hirekit.engines.joblint.role import RoleProfile
from hirekit.engines.joblint.salary import SalaryBand, find_salary_bands
from hirekit.engines.joblint.text import Document


@dataclass(frozen=True)
class RuleContext:
    post: JobPost
    doc: Document
    role: RoleProfile
    guide: Guide

    @cached_property
    def salary_bands(self) -> list[SalaryBand]:
        return find_salary_bands(self.post.text)

    def mistake(self, mistake_id: str) -> Mistake | None:
        """The guide's hiring mistake with this id, if the guide has it."""
        return next((m for m in self.guide.mistakes if m.id == mistake_id), None)

    def quoted(self, rule: str, start: int, end: int, message: str, suggestion: str) -> Issue:
        """An issue quoting ``text[start:end]``."""
        return Issue(rule, self.post.text[start:end], message, suggestion, start, end)

    def linked(self, issue: Issue, mistake_id: str) -> Issue:
        """``issue`` tied to the guide's mistake: its id, and its title in the message.

        A guide without that mistake leaves the issue as it is.
        """
        mistake = self.mistake(mistake_id)
        if mistake is None:
            return issue
        return Issue(
            rule=issue.rule,
            quote=issue.quote,
            message=f'{issue.message} Guide, hiring mistakes: "{mistake.title}".',
            suggestion=issue.suggestion,
            start=issue.start,
            end=issue.end,
            severity=issue.severity,
            mistake=mistake.id,
        )


#: A rule reads the context and returns its issues (none when it has nothing to say).
Rule = Callable[[RuleContext], list[Issue]]
