"""The combined take-home report: the static review beside the sandboxed test run.

Pure: takes the review's JSON (schema_version 1) and the run's plain results.

Score and level rule (also in README, "Combined report"):

* When hidden tests ran, the score is half the static review's score and half the
  hidden pass rate (passed / (passed + failed + errors); skipped tests do not count):
  ``round(0.5 * static + 0.5 * 100 * pass_rate)``. A hidden suite stopped at the time
  limit or ended without a report counts its unreported tests as failed (pass rate 0
  when none were reported).
* The level starts from the static review's and is capped by the pass rate: below
  50 % (most hidden tests fail) it is at most "mid", below 25 % at most "junior".
* Without hidden results (no hidden tests, sandbox unavailable, run refused) the
  static review's score and level stand, and the report says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from hirekit.engines.sandbox.failure_questions import (
    FailureQuestion,
    question_for,
    suite_timeout_question,
)
from hirekit.engines.sandbox.result import CalledFunction, Status, TestResult
from hirekit.engines.sandbox.route_coverage import RouteReach, route_reach

LEVELS = ("junior", "mid", "senior")
STATIC_WEIGHT = 0.5
MOST_FAIL = 0.5  # below this pass rate most hidden tests fail: never "senior"
NEARLY_ALL_FAIL = 0.25  # below this: "junior"
MAX_QUESTIONS = 10

#: ``none``: no run (no hidden tests); ``pending``: not run yet; ``done``: ran (whatever
#: the outcomes); ``unavailable``: no sandbox on this host; ``refused``: the run was
#: refused (input, runner environment).
RunState = Literal["none", "pending", "done", "unavailable", "refused"]


@dataclass(frozen=True)
class RunRecord:
    """A stored sandboxed run, as plain values."""

    state: RunState
    message: str = ""
    own_status: Status = "absent"
    hidden_status: Status = "absent"
    own: tuple[TestResult, ...] = ()
    hidden: tuple[TestResult, ...] = ()
    called: tuple[CalledFunction, ...] = ()
    wall_seconds: float = 0.0


@dataclass(frozen=True)
class SuiteSummary:
    status: Status
    passed: int
    failed: int
    errors: int
    skipped: int
    #: passed / (passed + failed + errors), or None when nothing counted
    pass_rate: float | None
    failing: tuple[TestResult, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "passed": self.passed,
            "failed": self.failed,
            "errors": self.errors,
            "skipped": self.skipped,
            "pass_rate": None if self.pass_rate is None else round(self.pass_rate, 4),
            "failing": [
                {"id": t.id, "outcome": t.outcome, "message": t.message} for t in self.failing
            ],
        }


@dataclass(frozen=True)
class CombinedReport:
    run_state: RunState
    run_message: str
    hidden: SuiteSummary
    own: SuiteSummary
    routes: tuple[RouteReach, ...]
    score: int | None
    level: str
    reasons: tuple[str, ...]
    questions: tuple[FailureQuestion, ...] = field(default=())

    @property
    def routes_measured(self) -> int:
        return sum(1 for r in self.routes if r.reached is not None)

    @property
    def routes_reached(self) -> int:
        return sum(1 for r in self.routes if r.reached)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": 1,
            "run": {"state": self.run_state, "message": self.run_message},
            "hidden_tests": self.hidden.to_dict(),
            "own_tests": self.own.to_dict(),
            "route_coverage": {
                "routes": len(self.routes),
                "measured": self.routes_measured,
                "reached": self.routes_reached,
                "by_route": [r.to_dict() for r in self.routes],
            },
            "score": self.score,
            "level": self.level,
            "reasons": list(self.reasons),
            "questions": [q.to_dict() for q in self.questions],
        }


def summarise(status: Status, tests: tuple[TestResult, ...]) -> SuiteSummary:
    counts = {o: sum(1 for t in tests if t.outcome == o) for o in ("passed", "failed", "error")}
    counted = sum(counts.values())
    rate: float | None = counts["passed"] / counted if counted else None
    if status in ("timeout", "crashed") and rate is None:
        rate = 0.0  # the suite ran but reported nothing: no test can count as passed
    return SuiteSummary(
        status=status,
        passed=counts["passed"],
        failed=counts["failed"],
        errors=counts["error"],
        skipped=sum(1 for t in tests if t.outcome == "skipped"),
        pass_rate=rate,
        failing=tuple(t for t in tests if t.outcome in ("failed", "error")),
    )


def cap_level(level: str, pass_rate: float) -> tuple[str, str | None]:
    """The static level capped by the hidden pass rate, and the reason when it was."""
    if level not in LEVELS:
        return level, None
    cap = None
    if pass_rate < NEARLY_ALL_FAIL:
        cap = "junior"
    elif pass_rate < MOST_FAIL:
        cap = "mid"
    if cap is None or LEVELS.index(level) <= LEVELS.index(cap):
        return level, None
    share = round(pass_rate * 100)
    return cap, f"{cap}, not {level}: only {share} % of the hidden tests pass"


def _unrun_reason(run: RunRecord) -> str:
    if run.state == "pending":
        return "the hidden tests have not run yet"
    if run.state == "unavailable":
        return f"the hidden tests could not run: {run.message}"
    if run.state == "refused":
        return f"the hidden tests were not run: {run.message}"
    return "there are no hidden tests for this take-home"


def combine(review: Mapping[str, Any] | None, run: RunRecord) -> CombinedReport:
    """The static review and the sandboxed run in one report (rule: module docstring)."""
    hidden = summarise(run.hidden_status, run.hidden)
    own = summarise(run.own_status, run.own)
    static_score = review.get("score") if review else None
    static_level = str(review.get("level", "")) if review else ""
    routes = tuple(route_reach(review.get("routes", ()) if review else (), run.called))
    reasons: list[str] = []
    ran = run.state == "done" and hidden.pass_rate is not None
    if not ran:
        reasons.append(_unrun_reason(run) + "; the static review's score and level stand")
        return CombinedReport(
            run.state, run.message, hidden, own, routes,
            static_score if isinstance(static_score, int) else None, static_level,
            tuple(reasons),
        )  # fmt: skip
    rate = hidden.pass_rate or 0.0
    score: int | None = None
    if isinstance(static_score, int):
        score = round(STATIC_WEIGHT * static_score + (1 - STATIC_WEIGHT) * 100 * rate)
        reasons.append(
            f"score: half the static review ({static_score}) and half the hidden pass rate "
            f"({round(rate * 100)} %)"
        )
    level, capped = cap_level(static_level, rate)
    if capped:
        reasons.append(capped)
    questions: list[FailureQuestion] = []
    if run.hidden_status == "timeout":
        questions.append(suite_timeout_question(run.wall_seconds))
    questions.extend(question_for(t) for t in hidden.failing)
    return CombinedReport(
        run.state, run.message, hidden, own, routes, score, level, tuple(reasons),
        tuple(questions[:MAX_QUESTIONS]),
    )  # fmt: skip
