"""The combined report: questions per failure kind, and the score and level rules."""

from __future__ import annotations

from typing import Any

from hirekit.engines.sandbox.combined import RunRecord, cap_level, combine
from hirekit.engines.sandbox.failure_questions import describe, question_for
from hirekit.engines.sandbox.result import TestResult

REVIEW: dict[str, Any] = {
    "score": 80,
    "level": "senior",
    "routes": [
        {"rule": "/items/<int:n>", "methods": ["GET"], "endpoint": "item", "file": "app.py",
         "line": 7},
        {"rule": "/health", "methods": ["GET"], "endpoint": "api.health", "file": "api.py",
         "line": 3},
        {"rule": "/things", "methods": ["GET"], "endpoint": "ThingsView", "file": "api.py",
         "line": 9},
    ],
}  # fmt: skip


def failing(test_id: str, message: str, outcome: str = "failed") -> TestResult:
    return TestResult(test_id, outcome, 0.1, message)  # type: ignore[arg-type]


def passing(test_id: str) -> TestResult:
    return TestResult(test_id, "passed", 0.1, "")


def test_status_code_mismatch_names_the_case_and_both_codes() -> None:
    q = question_for(
        failing(
            "test_hidden::test_paging_past_the_last_page_is_404",
            "AssertionError: assert 500 == 404",
        )
    )
    assert q.kind == "status-code"
    assert q.question.startswith(
        "The test for paging past the last page expects 404; your endpoint returns 500 — "
        "walk me through the error handling"
    )
    assert "test_hidden::test_paging_past_the_last_page_is_404" in q.because


def test_status_code_wordings_follow_the_codes() -> None:
    created = question_for(failing("t::test_create_item", "expected 201, got 200"))
    assert "expects 201; your endpoint returns 200" in created.question
    assert "creating a resource" in created.question
    validation = question_for(failing("t::test_rejects_bad_json", "AssertionError: 200 != 400"))
    assert "expects 400; your endpoint returns 200" in validation.question
    assert "validated" in validation.question
    missing = question_for(failing("t::test_get_item", "assert 404 == 200"))
    assert "routed" in missing.question
    auth = question_for(failing("t::test_admin_only", "assert 200 == 403"))
    assert "who may call this endpoint" in auth.question


def test_other_failure_kinds_get_their_own_wording() -> None:
    imp = question_for(
        failing("t::test_list", "ModuleNotFoundError: No module named 'app'", "error")
    )
    assert imp.kind == "import-error" and "could not even import" in imp.question
    key = question_for(failing("t::test_list_has_total", "KeyError: 'total'"))
    assert key.kind == "json-key" and "“total”" in key.question
    key_in = question_for(failing("t::test_list_has_total", "AssertionError: assert 'total' in {}"))
    assert key_in.kind == "json-key"
    slow = question_for(failing("t::test_search", "Failed: Timeout >5.0s"))
    assert slow.kind == "timeout" and "ran out of time" in slow.question
    boom = question_for(failing("t::test_delete", "ZeroDivisionError: division by zero"))
    assert boom.kind == "exception" and "uncaught ZeroDivisionError" in boom.question
    setup = question_for(failing("t::test_x", "RuntimeError: fixture broke", "error"))
    assert setup.kind == "exception"
    plain = question_for(
        failing("t::test_sorted_by_name", "AssertionError: assert ['b', 'a'] == ['a', 'b']")
    )
    assert plain.kind == "assertion" and "sorted by name" in plain.question


def test_test_ids_read_as_words() -> None:
    assert describe("tests/test_api.py::TestItems::test_paging_past_the_end_is_404") == (
        "paging past the end"
    )
    assert describe("test_hidden::test_filter[price]") == "filter (case price)"
    assert describe("test_hidden.TestX::test_returns_json") == "returns json"


def test_score_weighs_the_hidden_pass_rate_and_caps_the_level() -> None:
    run = RunRecord(
        state="done",
        hidden_status="completed",
        own_status="completed",
        hidden=(
            passing("h::test_a"),
            failing("h::test_b", "assert 500 == 404"),
            failing("h::test_c", "assert 500 == 404"),
            TestResult("h::test_skip", "skipped", 0, "not graded"),
        ),
        own=(passing("t::test_one"), failing("t::test_two", "assert 1 == 2")),
        called=(("app.py", 5, "create_app"), ("app.py", 7, "item")),
    )
    report = combine(REVIEW, run)
    assert report.hidden.pass_rate is not None and round(report.hidden.pass_rate, 3) == 0.333
    assert report.score == round(0.5 * 80 + 0.5 * 100 / 3)  # 57
    assert report.level == "mid"  # most hidden tests fail: never senior
    assert any("only 33 % of the hidden tests pass" in r for r in report.reasons)
    assert [q.test_id for q in report.questions] == ["h::test_b", "h::test_c"]
    assert (report.own.passed, report.own.failed) == (1, 1)
    reach = {r.endpoint: r.reached for r in report.routes}
    assert reach == {"item": True, "api.health": False, "ThingsView": None}
    data = report.to_dict()
    assert data["route_coverage"]["reached"] == 1 and data["route_coverage"]["measured"] == 2


def test_level_caps() -> None:
    assert cap_level("senior", 1.0) == ("senior", None)
    assert cap_level("senior", 0.5)[0] == "senior"  # half pass: not "most fail"
    assert cap_level("senior", 0.49)[0] == "mid"
    assert cap_level("senior", 0.1)[0] == "junior"
    assert cap_level("mid", 0.3) == ("mid", None)
    assert cap_level("junior", 0.0) == ("junior", None)


def test_all_hidden_pass_keeps_a_senior_level() -> None:
    run = RunRecord(state="done", hidden_status="completed", hidden=(passing("h::test_a"),))
    report = combine(REVIEW, run)
    assert (report.score, report.level, report.questions) == (90, "senior", ())


def test_a_hidden_suite_that_timed_out_counts_as_failing() -> None:
    run = RunRecord(state="done", hidden_status="timeout", wall_seconds=30)
    report = combine(REVIEW, run)
    assert report.hidden.pass_rate == 0.0
    assert (report.score, report.level) == (40, "junior")
    assert report.questions[0].kind == "timeout" and "30 s" in report.questions[0].question


def test_without_hidden_results_the_static_review_stands() -> None:
    run = RunRecord(state="unavailable", message="sandbox unavailable: bwrap not found")
    report = combine(REVIEW, run)
    assert (report.score, report.level) == (80, "senior")
    assert "could not run: sandbox unavailable: bwrap not found" in report.reasons[0]
    assert all(r.reached is None for r in report.routes)  # nothing measured
    assert combine(None, RunRecord(state="pending")).score is None
