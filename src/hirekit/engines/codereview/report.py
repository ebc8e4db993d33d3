"""The review result and its JSON shape (``schema_version`` 1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hirekit.engines.codereview.facts import Finding
from hirekit.engines.codereview.model import FlaskModel
from hirekit.engines.codereview.questions import InterviewQuestion
from hirekit.engines.codereview.usecase import FocusItem

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Stats:
    python_files: int
    test_files: int
    lines: int
    parse_errors: int
    seconds: float


@dataclass
class Report:
    root: str
    model: FlaskModel
    findings: list[Finding]
    stats: Stats
    score: int
    breakdown: dict[str, int]
    level: str
    level_reasons: list[str]
    questions: list[InterviewQuestion]
    #: file -> its source lines, for evidence snippets in the HTML report
    sources: dict[str, list[str]] = field(default_factory=dict, repr=False)
    #: JSON-ready fingerprint (see ``fingerprint.Fingerprint``)
    fingerprint: dict[str, Any] = field(default_factory=dict, repr=False)
    skipped_files: list[str] = field(default_factory=list)
    #: the use case the project was read for (rest-api, microservices, full-stack) or None
    use_case: str | None = None
    focus: list[FocusItem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        m = self.model
        factory = m.factory
        return {
            "schema_version": SCHEMA_VERSION,
            "root": self.root,
            "app_factory": (
                {"file": factory.file, "line": factory.line, "function": factory.function}
                if factory
                else None
            ),
            "apps": [{"file": a.file, "line": a.line, "kind": a.kind} for a in m.apps],
            "blueprints": {
                "defined": [{"name": b.name, "file": b.file, "line": b.line} for b in m.blueprints],
                "registered": [{"file": s.file, "line": s.line} for s in m.registered],
            },
            "extensions": list(m.extensions),
            "routes": [
                {
                    "rule": r.rule,
                    "methods": list(r.methods),
                    "endpoint": r.endpoint,
                    "file": r.file,
                    "line": r.line,
                }
                for r in m.routes
            ],
            "tests": {
                "present": m.tests.present,
                "framework": m.tests.framework,
                "files": m.tests.files,
            },
            "config_from_env": m.config_from_env,
            "findings": [f.to_dict() for f in self.findings],
            "stats": {
                "python_files": self.stats.python_files,
                "test_files": self.stats.test_files,
                "lines": self.stats.lines,
                "parse_errors": self.stats.parse_errors,
                "seconds": self.stats.seconds,
            },
            "score": self.score,
            "level": self.level,
            "questions": [q.to_dict() for q in self.questions],
            "breakdown": dict(self.breakdown),
            "level_reasons": list(self.level_reasons),
            "config_sources": list(m.config_sources),
            "error_handlers": [{"file": s.file, "line": s.line} for s in m.error_handlers],
            "cli_commands": [{"file": s.file, "line": s.line} for s in m.cli_commands],
            "dependencies": list(m.dependencies),
            "skipped_files": list(self.skipped_files),
            "use_case": self.use_case,
            "focus": [item.to_dict() for item in self.focus],
        }
