"""Review rules. Per-file rules run right after a file's scan; project rules on the model."""

from __future__ import annotations

from hirekit.engines.codereview.aliases import class_aliases
from hirekit.engines.codereview.facts import SEVERITIES, Finding
from hirekit.engines.codereview.rules import injection, runtime, secrets
from hirekit.engines.codereview.rules.escaping import escaped_fields
from hirekit.engines.codereview.scan import Scan


def file_findings(scan: Scan) -> list[Finding]:
    """Findings one file yields on its own; security rules skip test files.

    One finding per rule and line: the most severe one wins. Also notes the fields the
    file fills with escaped HTML, which the templates rule reads, and its class aliases.
    """
    scan.facts.aliases = class_aliases(scan)
    if scan.facts.is_test:
        return []
    scan.facts.escaped_fields = escaped_fields(scan)
    found = [*secrets.check(scan), *injection.check(scan), *runtime.check(scan)]
    found.sort(key=lambda f: SEVERITIES.index(f.severity))
    unique: dict[tuple[str, int], Finding] = {}
    for finding in found:
        unique.setdefault((finding.rule, finding.line), finding)
    return sorted(unique.values(), key=lambda f: (f.line, f.rule))
