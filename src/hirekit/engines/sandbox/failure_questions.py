"""Interview questions from failing hidden tests, worded from the test's id and message.

Only the test's id and the first line of its failure message are used, never its
source: the questions are for interviewers, and even they see no hidden test code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from hirekit.engines.sandbox.result import TestResult

FailureKind = Literal[
    "status-code", "import-error", "json-key", "timeout", "exception", "assertion", "error"
]

_STATUS_PATTERNS = (
    # pytest's rewrite of ``assert response.status_code == 404``: actual first
    (re.compile(r"assert (\d{3}) == (\d{3})\b"), "got-expected"),
    # unittest's assertEqual(actual, expected)
    (re.compile(r"\b(\d{3}) != (\d{3})\b"), "got-expected"),
    (
        re.compile(r"expected (?:status )?(\d{3})\D{1,12}?got (\d{3})", re.IGNORECASE),
        "expected-got",
    ),
)
_IMPORT = re.compile(r"(ModuleNotFoundError|ImportError)\b[:\s]*(.*)")
_KEY_ERROR = re.compile(r"KeyError: ['\"]?([\w.-]{1,60})['\"]?")
_KEY_IN = re.compile(r"assert ['\"]([\w.-]{1,60})['\"] in ")
_TIMEOUT = re.compile(r"\btime(?:d)? ?out\b|\bTimeout\b", re.IGNORECASE)
_EXCEPTION = re.compile(r"^(?:E\s+)?([A-Z]\w*(?:Error|Exception|Exit|Interrupt))\b")
_TRAILING_OUTCOME = re.compile(
    r"(?:_(?:is|returns|gives|returns_a|gets|yields|should_return|responds))?_(\d{3})$"
)


@dataclass(frozen=True)
class FailureQuestion:
    test_id: str
    kind: FailureKind
    question: str
    because: str

    def to_dict(self) -> dict[str, str]:
        return {
            "test_id": self.test_id,
            "kind": self.kind,
            "question": self.question,
            "because": self.because,
        }


def describe(test_id: str) -> str:
    """``tests/test_api.py::TestItems::test_paging_past_the_end_is_404[2]`` ->
    ``paging past the end (case 2)``."""
    name = test_id.rsplit("::", 1)[-1].rsplit(".", 1)[-1]
    case = ""
    if "[" in name and name.endswith("]"):
        name, case = name[:-1].split("[", 1)
    name = re.sub(r"^test_?", "", name)
    name = _TRAILING_OUTCOME.sub("", name) or name
    words = " ".join(w for w in name.split("_") if w) or test_id
    return f"{words} (case {case})" if case else words


def status_codes(message: str) -> tuple[int, int] | None:
    """(expected, got) when the message is a status code mismatch."""
    for pattern, order in _STATUS_PATTERNS:
        found = pattern.search(message)
        if found:
            first, second = int(found.group(1)), int(found.group(2))
            return (second, first) if order == "got-expected" else (first, second)
    return None


def _status_focus(expected: int, got: int) -> str:
    if got >= 500:
        return (
            "walk me through the error handling: where does this request fail, and what "
            "should the client get instead?"
        )
    if got == 404 and expected < 400:
        return "walk me through how the URL is routed and the record looked up."
    if got == 405:
        return "which methods does the route accept, and why?"
    if got in (401, 403) or expected in (401, 403):
        return "walk me through who may call this endpoint and where that is checked."
    if got < 400 <= expected:
        return "walk me through how the input is validated and what a bad request should get."
    if expected == 201 and got == 200:
        return "what should creating a resource answer, and what goes in the response?"
    return "walk me through how the endpoint chooses its response status."


def question_for(test: TestResult) -> FailureQuestion:
    """One question for one failing (or erroring) hidden test."""
    what = describe(test.id)
    message = test.message
    because = f"hidden test {test.id} {test.outcome}: {message or 'no message'}"
    codes = status_codes(message)
    if codes is not None:
        expected, got = codes
        question = (
            f"The test for {what} expects {expected}; your endpoint returns {got} — "
            f"{_status_focus(expected, got)}"
        )
        return FailureQuestion(test.id, "status-code", question, because)
    imported = _IMPORT.search(message)
    if imported:
        question = (
            f"The test for {what} could not even import your code ({imported.group(1)}). "
            "How is the project laid out and installed, and how would someone else run it?"
        )
        return FailureQuestion(test.id, "import-error", question, because)
    key = _KEY_ERROR.search(message) or _KEY_IN.search(message)
    if key:
        question = (
            f"The test for {what} looks for the key “{key.group(1)}” in the JSON response and "
            "does not find it. How did you decide the response's shape, and how would a "
            "client learn it?"
        )
        return FailureQuestion(test.id, "json-key", question, because)
    if _TIMEOUT.search(message):
        question = (
            f"The test for {what} ran out of time. What in that code path could block or "
            "loop, and how would you find out?"
        )
        return FailureQuestion(test.id, "timeout", question, because)
    raised = _EXCEPTION.match(message)
    if raised and raised.group(1) != "AssertionError":
        question = (
            f"The test for {what} hit an uncaught {raised.group(1)}. Walk me through that code "
            "path: which input leads there, and how should the app respond?"
        )
        return FailureQuestion(test.id, "exception", question, because)
    if test.outcome == "error":
        question = (
            f"The test for {what} could not be set up against your app. What does your app "
            "need before it can serve a request (configuration, database, factory arguments)?"
        )
        return FailureQuestion(test.id, "error", question, because)
    question = (
        f"The test for {what} fails. What should your app do in that case, and how would "
        "you have tested it yourself?"
    )
    return FailureQuestion(test.id, "assertion", question, because)


def suite_timeout_question(seconds: float) -> FailureQuestion:
    """The hidden suite as a whole was stopped at the wall clock."""
    return FailureQuestion(
        "(hidden suite)",
        "timeout",
        f"The hidden tests did not finish within {seconds:g} s. Which part of your app could "
        "hang or wait on something that never comes, and how would you find it?",
        "the hidden test run was stopped at its time limit",
    )
