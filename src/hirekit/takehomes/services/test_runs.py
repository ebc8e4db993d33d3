"""Sandboxed test runs of submissions: queue one, record its results, read them back.

The hidden tests are read from where the assignment keeps them, copied into the
sandbox for their run only and never stored with the submission; what is kept is
each test's id, outcome, duration and first message line.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import current_app
from sqlalchemy import select

from hirekit.db import utcnow
from hirekit.engines.sandbox import run_tests
from hirekit.engines.sandbox.combined import CombinedReport, RunRecord, combine
from hirekit.engines.sandbox.result import RunResult, TestResult
from hirekit.extensions import db
from hirekit.storage import file_store
from hirekit.takehomes.models import Submission
from hirekit.takehomes.run_models import TestRun, TestRunResult
from hirekit.takehomes.sandbox_settings import sandbox_settings


@dataclass(frozen=True)
class HiddenSuite:
    """What a run needs of the assignment: its hidden test archive and pinned requirements."""

    archive: Path
    requirements: str = ""
    sha256: str = ""


def execute(submission: Submission, suite: HiddenSuite | None) -> TestRun:
    """Run the submission's own tests and ``suite`` in the sandbox and record the outcome.

    Never runs anything outside the sandbox: a host without one records
    ``unavailable`` with the reason ("sandbox unavailable: ...").
    """
    run = db.session.scalar(select(TestRun).where(TestRun.submission_id == submission.id))
    if run is None:
        run = TestRun(submission_id=submission.id)
        db.session.add(run)
    settings = sandbox_settings(current_app.config)
    with tempfile.TemporaryDirectory(prefix="hirekit-reqs-") as scratch:
        requirements = None
        if suite is not None and suite.requirements.strip():
            requirements = Path(scratch) / "requirements.txt"
            requirements.write_text(suite.requirements, encoding="utf-8")
        result = run_tests(
            file_store().path(submission.file_key),
            suite.archive if suite is not None else None,
            requirements,
            settings.limits,
            cache_dir=settings.cache_dir,
            python=settings.python,
            bwrap_tool=settings.bwrap,
        )
    _record(run, result, suite)
    return run


def _record(run: TestRun, result: RunResult, suite: HiddenSuite | None) -> None:
    run.results.clear()
    run.finished_at = utcnow()
    run.seconds = round(result.seconds, 3)
    run.wall_seconds = float(result.limits.get("wall_seconds", 0.0))
    run.hidden_sha256 = suite.sha256 if suite is not None else ""
    if result.refused is not None:
        code, message = result.refused["code"], result.refused["message"]
        if code == "sandbox-unavailable":
            run.state, run.message = "unavailable", f"sandbox unavailable: {message}"
        else:
            run.state, run.message = "refused", f"{code.replace('-', ' ')}: {message}"
        run.own_status = run.hidden_status = "absent"
        run.called = None
        return
    run.state, run.message = "done", ""
    run.own_status, run.hidden_status = result.own_tests.status, result.hidden_tests.status
    run.called = [list(c) for c in result.own_tests.called]
    for name, suite_result in (("own", result.own_tests), ("hidden", result.hidden_tests)):
        for test in suite_result.tests:
            run.results.append(
                TestRunResult(
                    suite=name,
                    test_id=test.id,
                    outcome=test.outcome,
                    duration=test.duration,
                    message=test.message,
                )
            )


def run_of(submission: Submission) -> TestRun | None:
    return db.session.scalar(select(TestRun).where(TestRun.submission_id == submission.id))


def record_of(run: TestRun | None) -> RunRecord:
    """The stored run as the combiner's plain values."""
    if run is None:
        return RunRecord(state="none")
    tests: dict[str, list[TestResult]] = {"own": [], "hidden": []}
    for row in run.results:
        tests[row.suite].append(
            TestResult(row.test_id, row.outcome, row.duration, row.message)  # type: ignore[arg-type]
        )
    return RunRecord(
        state=run.state,  # type: ignore[arg-type]
        message=run.message,
        own_status=run.own_status,  # type: ignore[arg-type]
        hidden_status=run.hidden_status,  # type: ignore[arg-type]
        own=tuple(tests["own"]),
        hidden=tuple(tests["hidden"]),
        called=tuple((str(f), int(n), str(name)) for f, n, name in run.called or ()),
        wall_seconds=run.wall_seconds,
    )


def combined_report(submission: Submission) -> CombinedReport:
    """The static review beside the test run (the rule: ``engines.sandbox.combined``)."""
    return combine(submission.report, record_of(run_of(submission)))


def combined_dict(submission: Submission) -> dict[str, Any]:
    run = run_of(submission)
    data = combined_report(submission).to_dict()
    data["run"] |= {
        "finished_at": run.finished_at.isoformat() if run and run.finished_at else None,
        "seconds": run.seconds if run else None,
    }
    return data
