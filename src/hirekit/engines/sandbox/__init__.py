"""Run a take-home's own tests and hidden tests inside a bubblewrap sandbox.

Pure engine: no web app, no database. See README "Take-home sandbox".
"""

from __future__ import annotations

from hirekit.engines.sandbox.limits import Limits
from hirekit.engines.sandbox.result import RunResult, SuiteResult, TestResult
from hirekit.engines.sandbox.run import run_tests

__all__ = ["Limits", "RunResult", "SuiteResult", "TestResult", "run_tests"]
