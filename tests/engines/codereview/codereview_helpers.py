"""Small helpers shared by the code review tests."""

from __future__ import annotations

from hirekit.engines.codereview import Report
from hirekit.engines.codereview.facts import Finding


def rules_of(report: Report) -> set[str]:
    return {f.rule for f in report.findings}


def findings(report: Report, rule: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule]
