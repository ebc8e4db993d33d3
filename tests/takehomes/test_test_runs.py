"""The sandboxed test run of a submission: queued with the review, recorded per test,
shown beside the review, never exposing the hidden tests to the candidate."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from hirekit.extensions import db
from hirekit.queue.runner import drain
from hirekit.storage import file_store
from hirekit.takehomes import candidate_page
from hirekit.takehomes.models import Submission
from hirekit.takehomes.run_models import TestRun
from hirekit.takehomes.services import assignments, invitations
from hirekit.takehomes.services.assignments import AssignmentFiles
from hirekit.takehomes.services.invitations import token_for
from tests.conftest import csrf_token, login
from tests.jobs.factories import make_application, make_job
from tests.takehomes.archives import APP, zip_bytes
from tests.takehomes.assignment_data import fields, upload

PROJECT = {
    "app.py": (
        "from flask import Flask\n\n"
        'ITEMS = ["a", "b", "c"]\n\n\n'
        "def create_app():\n"
        "    app = Flask(__name__)\n\n"
        '    @app.get("/items/<int:n>")\n'
        "    def item(n):\n"
        '        return {"item": ITEMS[n]}  # past the end: IndexError, a 500\n\n'
        '    @app.get("/health")\n'
        "    def health():\n"
        '        return {"ok": True}\n\n'
        "    return app\n"
    ),
    "tests/test_items.py": (
        "from app import create_app\n\n\n"
        "def test_first_item():\n"
        '    assert create_app().test_client().get("/items/0").json == {"item": "a"}\n'
    ),
}
#: Appears only in the hidden suite's source: it must never reach any response.
SOURCE_MARKER = "HIDDEN-SOURCE-7f3a"
HIDDEN = {
    "test_hidden_items.py": (
        f"# {SOURCE_MARKER}\n"
        "from app import create_app\n\n\n"
        "def test_item_ok():\n"
        '    assert create_app().test_client().get("/items/2").status_code == 200\n\n\n'
        "def test_paging_past_the_last_page_is_404():\n"
        '    assert create_app().test_client().get("/items/9").status_code == 404\n\n\n'
        "def test_list_has_total():\n"
        '    assert "total" in create_app().test_client().get("/items/0").json\n'
    ),
}


def _sandbox_config(app, cache: Path | None = None) -> None:
    app.config.update(
        SANDBOX_TIMEOUT_SECONDS=60.0,
        SANDBOX_PROCESSES=24,
        SANDBOX_MEMORY_MB=512,
        SANDBOX_TMPFS_MB=64,
        SANDBOX_VENV_CACHE=str(cache) if cache else None,
    )


def _candidate_upload(app, recruiter) -> tuple[str, Submission]:
    """A job with an assignment (hidden tests, the runner's base requirements), an
    invitation, and the candidate's upload through their link."""
    app.config["BASE_URL"] = "http://localhost"
    job = make_job(recruiter, title="Flask API developer")
    hidden = AssignmentFiles(hidden_tests=upload(zip_bytes(HIDDEN, top=""), "hidden.zip"))
    assignment = assignments.create_assignment(
        job.id, fields(requirements=""), hidden, actor=recruiter
    )
    application = make_application(recruiter, job)
    invitation = invitations.invite(
        application.id, actor=recruiter, assignment_version_id=assignment.current.id
    )
    db.session.commit()
    drain()  # the invitation's email
    token = token_for(invitation)
    candidate_page.upload_by_token(token, upload(zip_bytes(PROJECT), "work.zip"))
    db.session.commit()
    return token, candidate_page.received(invitation)[0]


def _holds_marker(path: Path) -> bool:
    """The marker in the file's bytes or, for a zip, in any member's content."""
    if SOURCE_MARKER.encode() in path.read_bytes():
        return True
    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as archive:
        return any(SOURCE_MARKER.encode() in archive.read(name) for name in archive.namelist())


def _run(submission: Submission) -> TestRun:
    run = db.session.scalar(select(TestRun).where(TestRun.submission_id == submission.id))
    assert run is not None
    return run


@pytest.mark.sandbox
def test_hidden_and_own_tests_run_in_the_background_beside_the_review(
    app, client, api_token, venv_cache
):
    _sandbox_config(app, venv_cache)
    recruiter, headers = api_token("recruiter")
    token, submission = _candidate_upload(app, recruiter)
    assert _run(submission).state == "pending"
    assert drain() == 2  # the static review and the test run: two jobs
    db.session.expire_all()
    run = _run(submission)
    assert (run.state, run.message, run.hidden_status) == ("done", "", "completed")
    by_id = {(r.suite, r.test_id): r for r in run.results}
    assert by_id["own", "tests.test_items::test_first_item"].outcome == "passed"
    assert by_id["hidden", "test_hidden_items::test_item_ok"].outcome == "passed"
    failing = by_id["hidden", "test_hidden_items::test_paging_past_the_last_page_is_404"]
    assert (failing.outcome, failing.message) == ("failed", "AssertionError: assert 500 == 404")
    assert failing.duration >= 0
    assert by_id["hidden", "test_hidden_items::test_list_has_total"].outcome == "failed"
    assert submission.status == "reviewed"

    # Hidden tests are never stored with the submission: only the assignment keeps them.
    version = submission.assignment_version
    holding = [
        p for p in Path(app.config["UPLOAD_DIR"]).rglob("*") if p.is_file() and _holds_marker(p)
    ]
    assert holding == [file_store().path(version.hidden_tests_key)]

    login(client, recruiter.email)
    page = client.get(f"/reviews/{submission.id}").get_data(as_text=True)
    assert "Tests run in the sandbox" in page
    assert "33 % pass" in page  # one of three hidden tests
    assert "test_hidden_items::test_paging_past_the_last_page_is_404" in page
    assert "AssertionError: assert 500 == 404" in page
    assert (
        "The test for paging past the last page expects 404; your endpoint returns 500 — "
        "walk me through the error handling" in page
    )
    assert "1 of 2 routes reached" in page  # /items reached by the own tests, /health not
    assert SOURCE_MARKER not in page

    data = client.get(f"/api/v1/reviews/{submission.id}/tests", headers=headers).get_json()
    assert data["run"]["state"] == "done"
    assert data["hidden_tests"]["passed"] == 1 and data["hidden_tests"]["failed"] == 2
    assert data["own_tests"]["passed"] == 1
    assert {r["endpoint"]: r["reached"] for r in data["route_coverage"]["by_route"]} == {
        "item": True,
        "health": False,
    }
    static = submission.report
    assert data["score"] == round(0.5 * static["score"] + 0.5 * 100 / 3)
    assert data["level"] in ("junior", "mid")  # most hidden tests fail: never senior
    kinds = {q["test_id"]: q["kind"] for q in data["questions"]}
    assert kinds == {
        "test_hidden_items::test_paging_past_the_last_page_is_404": "status-code",
        "test_hidden_items::test_list_has_total": "json-key",
    }
    assert SOURCE_MARKER not in str(data)

    # What the candidate can reach says nothing about the hidden tests.
    client.post("/logout")
    anonymous = client.application.test_client()
    for path in (f"/takehome/{token}", f"/api/v1/reviews/{submission.id}/tests"):
        body = anonymous.get(path).get_data(as_text=True)
        for secret in ("test_hidden_items", "assert 500 == 404", SOURCE_MARKER, "total"):
            assert secret not in body, (path, secret)


def test_without_bubblewrap_the_run_says_so_and_the_review_completes(app, client, api_token):
    _sandbox_config(app)
    app.config["SANDBOX_BWRAP"] = "/nonexistent/bwrap"
    recruiter, headers = api_token("recruiter")
    _token, submission = _candidate_upload(app, recruiter)
    assert drain() == 2
    db.session.expire_all()
    run = _run(submission)
    assert run.state == "unavailable"
    assert run.message == "sandbox unavailable: bubblewrap (bwrap) not found at /nonexistent/bwrap"
    assert run.results == []
    assert submission.status == "reviewed" and submission.score is not None

    login(client, recruiter.email)
    page = client.get(f"/reviews/{submission.id}").get_data(as_text=True)
    assert "sandbox unavailable: bubblewrap (bwrap) not found at /nonexistent/bwrap" in page
    assert "Nothing was run. The static review above stands on its own." in page
    assert f"Score {submission.score}/100" in page
    data = client.get(f"/api/v1/reviews/{submission.id}/tests", headers=headers).get_json()
    assert data["run"]["state"] == "unavailable"
    assert data["run"]["message"].startswith("sandbox unavailable: ")
    assert (data["score"], data["level"]) == (submission.score, submission.level)


def test_a_submission_without_hidden_tests_queues_no_run(app, client, api_token):
    recruiter, headers = api_token("recruiter")
    login(client, recruiter.email)
    token = csrf_token(client, "/reviews")
    client.post(
        "/reviews",
        data={"csrf_token": token, "archive": (io.BytesIO(zip_bytes(APP)), "t.zip")},
        content_type="multipart/form-data",
    )
    assert drain() == 1
    submission = db.session.scalars(select(Submission)).one()
    assert db.session.scalar(select(TestRun)) is None
    page = client.get(f"/reviews/{submission.id}").get_data(as_text=True)
    assert "No hidden tests" in page
    response = client.get(f"/api/v1/reviews/{submission.id}/tests", headers=headers)
    data = response.get_json()
    assert response.status_code == 200, data
    assert data["run"]["state"] == "none" and data["score"] == submission.score
