"""Take-home feedback: drafted from the review without internals, sent only once approved."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.errors import Conflict, ValidationFailed
from hirekit.extensions import db
from hirekit.queue.runner import drain
from hirekit.takehomes.feedback_text import IMPROVEMENTS, draft_feedback
from hirekit.takehomes.services import feedback
from tests.closing.helpers import messages, rejected, reviewed_takehome
from tests.conftest import csrf_token
from tests.jobs.factories import make_job

REPORT = {
    "schema_version": 1,
    "root": "takehome",
    "app_factory": {"file": "app/__init__.py", "line": 4, "function": "create_app"},
    "blueprints": {"defined": [{"name": "main", "file": "app/views.py", "line": 4}]},
    "extensions": ["flask_sqlalchemy"],
    "tests": {"present": True, "framework": "pytest", "files": ["tests/test_hidden_grading.py"]},
    "config_from_env": False,
    "findings": [
        {
            "rule": "no-timeout",
            "severity": "medium",
            "file": "app/client.py",
            "line": 9,
            "message": "HTTP call without a timeout",
        },
        {
            "rule": "sql-string-format",
            "severity": "high",
            "file": "app/views.py",
            "line": 12,
            "message": "SQL built with an f-string",
        },
        {
            "rule": "hardcoded-secret",
            "severity": "high",
            "file": "app/__init__.py",
            "line": 6,
            "message": "SECRET_KEY set to a literal",
        },
    ],
    "score": 41,
    "level": "junior",
    "level_reasons": ["reviewer Sam thinks the structure is weak"],
    "breakdown": {"security": 10},
}


def test_draft_has_strengths_and_exactly_two_improvements_from_the_top_findings():
    draft = draft_feedback(REPORT)
    assert len(draft.improvements) == 2
    # The two most severe findings, in the candidate's words.
    assert draft.improvements == [
        IMPROVEMENTS["sql-string-format"],
        IMPROVEMENTS["hardcoded-secret"],
    ]
    assert any("application factory" in s for s in draft.strengths)
    assert any("blueprints" in s for s in draft.strengths)
    assert any("pytest" in s for s in draft.strengths)


def test_draft_never_carries_scores_levels_severities_paths_or_notes():
    text = draft_feedback(REPORT).text()
    for internal in (
        "41",
        "junior",
        "high",
        "medium",
        "severity",
        "score",
        "Sam",
        "app/views.py",
        "app/__init__.py",
        "test_hidden_grading",
        "line 12",
        "sql-string-format",
        "hardcoded-secret",
    ):
        assert internal not in text, internal
    assert not re.search(r"\b\d+/\d+\b", text)


def test_without_findings_two_concrete_improvements_are_still_given():
    draft = draft_feedback({"findings": [], "tests": {"present": True}, "error_handlers": [{}]})
    assert len(draft.improvements) == 2
    assert all(len(i) > 40 for i in draft.improvements)
    assert draft.strengths  # never empty
    assert len(draft_feedback({}).improvements) == 2


def test_a_draft_never_leaves_without_approval(app, make_user):
    user = make_user("recruiter")
    job = make_job(user)
    application = rejected(user, job)
    reviewed_takehome(user, application)
    drafted = feedback.draft(application, actor=user)
    feedback.save(application, drafted.body + "\n\nThank you!", actor=user)
    db.session.commit()
    drain()
    assert messages("feedback") == []  # drafted and edited: nothing in the outbox
    sent = feedback.approve(application, "Edited by a person.\n\nGood luck!", actor=user)
    db.session.commit()
    (message,) = messages("feedback")
    assert message.id == sent.outbox_message_id and sent.status == "sent"
    assert "Edited by a person." in message.body and message.to_addr == "ada@example.com"
    assert message.subject == "Feedback on your take-home exercise for Flask developer"
    actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {
        "takehome_feedback.drafted",
        "takehome_feedback.edited",
        "takehome_feedback.approved",
    } <= actions
    with pytest.raises(Conflict):
        feedback.approve(application, "again", actor=user)
    with pytest.raises(Conflict):
        feedback.save(application, "change after sending", actor=user)


def test_drafting_needs_a_reviewed_takehome_and_text(app, make_user):
    user = make_user("recruiter")
    job = make_job(user)
    application = rejected(user, job)
    with pytest.raises(ValidationFailed) as none:
        feedback.draft(application, actor=user)
    assert none.value.details == {"submission": "none reviewed"}
    reviewed_takehome(user, application)
    feedback.draft(application, actor=user)
    with pytest.raises(ValidationFailed) as empty:
        feedback.approve(application, "   ", actor=user)
    assert empty.value.details == {"body": "required"}
    with pytest.raises(ValidationFailed):
        feedback.save(application, "x" * (feedback.MAX_BODY + 1), actor=user)


def test_pages_draft_edit_and_approve(client, login_as):
    user = login_as("hiring_manager")
    job = make_job(user)
    application = rejected(user, job)
    reviewed_takehome(user, application)
    url = f"/applications/{application.id}/feedback"
    page = client.get(url).get_data(as_text=True)
    assert "Draft feedback" in page
    response = client.post(f"{url}/draft", data={"csrf_token": csrf_token(client, url)})
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "Two things to improve:" in page and "Approve and send" in page
    saved = client.post(
        url, data={"body": "My edit", "save": "Save draft", "csrf_token": csrf_token(client, url)}
    )
    assert saved.status_code == 302 and messages("feedback") == []
    empty = client.post(
        url, data={"body": "", "approve": "Approve and send", "csrf_token": csrf_token(client, url)}
    )
    assert empty.status_code == 400
    assert "Write the feedback before saving it." in empty.get_data(as_text=True)
    assert messages("feedback") == []
    approved = client.post(
        url,
        data={
            "body": "Final words",
            "approve": "Approve and send",
            "csrf_token": csrf_token(client, url),
        },
    )
    assert approved.status_code == 302
    assert "Final words" in messages("feedback")[0].body


def test_api_draft_edit_approve(client, api_token):
    user, headers = api_token("recruiter")
    job = make_job(user)
    application = rejected(user, job)
    base = f"/api/v1/applications/{application.id}/feedback"
    assert client.get(base, headers=headers).status_code == 404
    assert client.post(f"{base}/draft", headers=headers).status_code == 422
    reviewed_takehome(user, application)
    drafted = client.post(f"{base}/draft", headers=headers)
    assert drafted.status_code == 201 and drafted.get_json()["status"] == "draft"
    edited = client.put(base, json={"body": "Edited"}, headers=headers)
    assert edited.get_json()["body"] == "Edited" and messages("feedback") == []
    assert client.put(base, json={"body": ""}, headers=headers).status_code == 422
    approved = client.post(f"{base}/approval", json={"body": "Sent text"}, headers=headers)
    assert approved.status_code == 201 and approved.get_json()["status"] == "sent"
    assert client.post(f"{base}/approval", json={"body": "x"}, headers=headers).status_code == 409
    assert len(messages("feedback")) == 1
