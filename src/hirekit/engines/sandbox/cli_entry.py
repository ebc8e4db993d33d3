"""The body of ``hirekit takehome run``, free of click, the web app and the database."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from hirekit.engines.sandbox.limits import Limits
from hirekit.engines.sandbox.result import RunResult, SuiteResult
from hirekit.engines.sandbox.run import run_tests
from hirekit.engines.sandbox.settings import SettingError, read_settings

EXIT_REFUSED = 2


def _suite_text(title: str, suite: SuiteResult) -> list[str]:
    lines = [
        f"{title}: {suite.status}, {suite.count('passed')} passed, "
        f"{suite.count('failed')} failed, {suite.count('error')} errors"
    ]
    for test in suite.tests:
        if test.outcome in ("failed", "error"):
            lines.append(f"  {test.outcome.upper()} {test.id}: {test.message}")
    return lines


def format_text(result: RunResult) -> str:
    if result.refused:
        return f"refused ({result.refused['code']}): {result.refused['message']}\n"
    lines = [
        *_suite_text("own tests", result.own_tests),
        *_suite_text("hidden tests", result.hidden_tests),
        f"{result.seconds:.1f} s in bubblewrap, no network",
    ]
    return "\n".join(lines) + "\n"


def run_cli(
    project: str,
    tests: str | None,
    requirements: str | None = None,
    timeout: float | None = None,
    fmt: str = "json",
    *,
    limits: Limits | None = None,
    out: TextIO | None = None,
) -> int:
    """Run and print; 0 when the run completed (whatever the outcomes), 2 when refused.

    Limits and paths come from ``HIREKIT_SANDBOX_*`` in the environment; ``timeout``
    overrides the wall-clock limit.
    """
    out = out or sys.stdout
    try:
        settings = read_settings(os.environ)
    except SettingError as exc:
        sys.stderr.write(f"hirekit takehome run: {exc}\n")
        return EXIT_REFUSED
    limits = limits or settings.limits
    if timeout is not None:
        limits = replace(limits, wall_seconds=timeout)
    result = run_tests(
        Path(project),
        Path(tests) if tests else None,
        Path(requirements) if requirements else None,
        limits,
        cache_dir=settings.cache_dir,
        python=settings.python,
        bwrap_tool=settings.bwrap,
    )
    if fmt == "json":
        out.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(format_text(result))
    return EXIT_REFUSED if result.refused else 0
