"""Read pytest's junit XML (written by untrusted code, so parsed defensively)."""

from __future__ import annotations

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from hirekit.engines.sandbox.result import Outcome, TestResult

MESSAGE_CHARS = 300
MAX_TESTS = 5000


def _short(text: str | None) -> str:
    lines = (text or "").strip().splitlines()
    line = lines[0] if lines else ""
    return line if len(line) <= MESSAGE_CHARS else line[: MESSAGE_CHARS - 1] + "…"


def parse_junit(data: bytes) -> tuple[TestResult, ...] | None:
    """Per test id, outcome, duration and short message; None when ``data`` is not a report."""
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        return None
    results: list[TestResult] = []
    for case in root.iter("testcase"):
        if len(results) >= MAX_TESTS:
            break
        classname = case.get("classname", "")
        name = case.get("name", "")
        test_id = f"{classname}::{name}" if classname else name
        outcome: Outcome = "passed"
        message = ""
        for child in case:
            if child.tag in ("failure", "error", "skipped"):
                outcome = {"failure": "failed", "error": "error", "skipped": "skipped"}[child.tag]  # type: ignore[assignment]
                message = _short(child.get("message"))
                break
        try:
            duration = round(float(case.get("time", "0")), 3)
        except ValueError:
            duration = 0.0
        results.append(TestResult(test_id, outcome, duration, message))
    return tuple(results)
