"""The outcome of a sandboxed run: per suite counts and per test results.

Only ids, outcomes, durations and the short failure message of each hidden test
are kept; their source, tracebacks and output never leave the sandbox.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Outcome = Literal["passed", "failed", "error", "skipped"]
#: ``completed``: pytest ran to its end; ``timeout``: killed at the wall clock;
#: ``crashed``: pytest ended without a readable report (killed by a limit, broken project);
#: ``absent``: there was nothing to run.
Status = Literal["completed", "timeout", "crashed", "absent"]
#: A project function the own tests called: (file relative to the project, first line, name).
CalledFunction = tuple[str, int, str]


@dataclass(frozen=True)
class TestResult:
    __test__ = False  # not a pytest class

    id: str
    outcome: Outcome
    duration: float
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outcome": self.outcome,
            "duration": self.duration,
            "message": self.message,
        }


@dataclass(frozen=True)
class SuiteResult:
    status: Status
    tests: tuple[TestResult, ...] = ()
    exit_code: int | None = None
    output: str = ""
    output_truncated: bool = False
    #: the project's functions called during the run (own tests only; see calltrace_plugin)
    called: tuple[CalledFunction, ...] = ()

    def count(self, outcome: Outcome) -> int:
        return sum(1 for t in self.tests if t.outcome == outcome)

    def to_dict(self, *, with_output: bool) -> dict[str, Any]:
        data: dict[str, Any] = {
            "status": self.status,
            "passed": self.count("passed"),
            "failed": self.count("failed"),
            "errors": self.count("error"),
            "skipped": self.count("skipped"),
            "exit_code": self.exit_code,
            "output_truncated": self.output_truncated,
            "tests": [t.to_dict() for t in self.tests],
        }
        if with_output:
            data["output"] = self.output
        return data


ABSENT = SuiteResult(status="absent")


@dataclass(frozen=True)
class RunResult:
    limits: dict[str, int | float]
    refused: dict[str, str] | None = None
    own_tests: SuiteResult = ABSENT
    hidden_tests: SuiteResult = ABSENT
    seconds: float = 0.0
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The ``schema_version`` 1 document; hidden tests give ids and messages only."""
        return {
            "schema_version": 1,
            "sandbox": {"tool": "bubblewrap", "network": False, "limits": self.limits},
            "refused": self.refused,
            "own_tests": self.own_tests.to_dict(with_output=True),
            "hidden_tests": self.hidden_tests.to_dict(with_output=False),
            "seconds": round(self.seconds, 3),
        }
