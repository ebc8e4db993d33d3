"""Review rules. Per-file rules run right after a file's scan; project rules on the model."""

from __future__ import annotations

from hirekit.engines.codereview.facts import SEVERITIES, Finding
from hirekit.engines.codereview.rules import injection, runtime, secrets
from hirekit.engines.codereview.scan import Scan


def file_findings(scan: Scan) -> list[Finding]:
    """Findings one file yields on its own; security rules skip test files.

    One finding per rule and line: the most severe one wins.
    """
    if scan.facts.is_test:
        return []
    found = [*secrets.check(scan), *injection.check(scan), *runtime.check(scan)]
    found.sort(key=lambda f: SEVERITIES.index(f.severity))
    unique: dict[tuple[str, int], Finding] = {}
    for finding in found:
        unique.setdefault((finding.rule, finding.line), finding)
    return sorted(unique.values(), key=lambda f: (f.line, f.rule))
