"""Rejection emails: only after the recruiter confirms, after the delay, cancelled on reopen."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from hirekit.audit.models import AuditEntry
from hirekit.candidates.services import applications, rejection_emails, undo
from hirekit.db import utcnow
from hirekit.errors import Conflict, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.mail.models import MessageStatus, OutboxMessage
from hirekit.queue import BackgroundJob
from hirekit.queue.enqueue import backend
from hirekit.queue.runner import drain
from tests.closing.helpers import messages, rejected
from tests.conftest import REDIS_URL, csrf_token
from tests.jobs.factories import make_application, make_job


def _due_now(message: OutboxMessage) -> None:
    """Time passing: the delivery job's hold ends now (as the clock would make it)."""
    db.session.execute(
        update(BackgroundJob)
        .where(BackgroundJob.id == message.background_job_id)
        .values(run_after=utcnow() - timedelta(seconds=1))
    )
    db.session.commit()


def test_rejecting_sends_nothing(app, make_user):
    user = make_user("recruiter")
    job = make_job(user)
    rejected(user, job)
    assert drain() == 0
    assert messages() == []


def test_a_confirmed_email_waits_for_the_delay_then_goes(app, make_user):
    user = make_user("recruiter")
    job = make_job(user, title="Payments engineer")
    application = rejected(user, job)
    before = utcnow()
    outcome = rejection_emails.queue_rejection_emails(
        job, [application.id], "application_rejected", actor=user
    )
    db.session.commit()
    (message,) = messages("rejection")
    assert outcome.queued == [message.id]
    assert message.status == MessageStatus.QUEUED
    assert message.send_after is not None
    assert timedelta(hours=23.9) < message.send_after - before < timedelta(hours=24.1)
    assert message.subject == "Your application for Payments engineer"
    assert drain() == 0  # not due: nothing is delivered before its time
    assert messages("rejection")[0].status == MessageStatus.QUEUED
    _due_now(message)
    assert drain() == 1
    assert messages("rejection")[0].status == MessageStatus.RECORDED
    audit = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "application.rejection_email_confirmed")
    ).one()
    assert audit.details["message_id"] == message.id and audit.actor_id == user.id


def test_delay_zero_sends_at_once(app_factory, make_user):
    app = app_factory(REJECTION_EMAIL_DELAY_HOURS=0)
    with app.app_context():
        user = make_user("recruiter")
        job = make_job(user)
        application = rejected(user, job)
        rejection_emails.queue_rejection_emails(
            job, [application.id], "application_rejected", actor=user
        )
        db.session.commit()
        assert drain() == 1
        assert messages("rejection")[0].status == MessageStatus.RECORDED


@pytest.mark.parametrize("how", ["undo", "move"])
def test_reopening_cancels_the_waiting_email(app, make_user, how):
    user = make_user("recruiter")
    job = make_job(user)
    application = rejected(user, job)
    rejection_emails.queue_rejection_emails(
        job, [application.id], "application_rejected", actor=user
    )
    db.session.commit()
    if how == "undo":
        assert undo.restore(job, [application.id], actor=user) == 1
    else:
        applications.move(application, job.stages[1], actor=user)
    db.session.commit()
    (message,) = messages("rejection")
    assert message.status == MessageStatus.CANCELLED
    _due_now(message)
    drain()
    assert messages("rejection")[0].status == MessageStatus.CANCELLED  # never delivered
    cancelled = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "mail.cancelled")
    ).one()
    assert cancelled.details["reason"] == "application reopened"


def test_skips_not_rejected_duplicates_and_missing_addresses(app, make_user):
    user = make_user("recruiter")
    job = make_job(user)
    first = rejected(user, job, "Ada Example")
    active = make_application(user, job, "Bo Example")
    no_mail = make_application(user, job, "Cy Example", email="")
    applications.reject(no_mail, "position-filled", actor=user)
    db.session.commit()
    rejection_emails.queue_rejection_emails(job, [first.id], "application_rejected", actor=user)
    again = rejection_emails.queue_rejection_emails(
        job, [first.id, active.id, no_mail.id], "application_rejected", actor=user
    )
    assert again.queued == []
    assert sorted(again.skipped) == [
        "Ada Example: a rejection email is already queued or sent",
        "Bo Example: not rejected",
        "Cy Example: no email address",
    ]


def test_bad_input_is_refused(app, make_user):
    user = make_user("recruiter")
    job = make_job(user)
    application = rejected(user, job)
    with pytest.raises(ValidationFailed) as not_fit:
        rejection_emails.queue_rejection_emails(
            job, [application.id], "takehome_invitation", actor=user
        )
    assert not_fit.value.details == {"template": "choose one of the listed templates"}
    with pytest.raises(ValidationFailed):
        rejection_emails.queue_rejection_emails(job, [], "application_rejected", actor=user)
    other = make_application(user, make_job(user, title="Other"), "Di Example")
    with pytest.raises(NotFound):
        rejection_emails.queue_rejection_emails(job, [other.id], "application_rejected", actor=user)


def test_a_sent_email_cannot_be_cancelled(app_factory, make_user):
    app = app_factory(REJECTION_EMAIL_DELAY_HOURS=0)
    with app.app_context():
        user = make_user("recruiter")
        job = make_job(user)
        application = rejected(user, job)
        rejection_emails.queue_rejection_emails(
            job, [application.id], "application_rejected", actor=user
        )
        db.session.commit()
        drain()
        message = messages("rejection")[0]
        with pytest.raises(NotFound):
            rejection_emails.cancel(application, message.id, actor=user)
        with pytest.raises(Conflict):
            from hirekit.mail.services.outbox import cancel_message

            cancel_message(message, actor=user, reason="late")


def test_board_bulk_reject_asks_then_queues_only_on_confirmation(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    ada = make_application(user, job, "Ada Example")
    bo = make_application(user, job, "Bo Example")
    token = csrf_token(client, f"/jobs/{job.id}/board")
    response = client.post(
        f"/jobs/{job.id}/board/bulk",
        data={
            "action": "reject:position-filled",
            "application_ids": [str(ada.id), str(bo.id)],
            "csrf_token": token,
            "confirm": "yes",
        },
    )
    assert response.status_code == 302
    asked = response.headers["Location"]
    assert f"/jobs/{job.id}/rejection-emails?ids=" in asked
    assert messages() == []  # rejected, and nothing sent
    page = client.get(asked).get_data(as_text=True)
    assert "Send the rejection email?" in page and "in 24 hours" in page
    assert "Ada Example" in page and "Bo Example" in page
    response = client.post(
        f"/jobs/{job.id}/rejection-emails",
        data={
            "application_ids": [str(ada.id), str(bo.id)],
            "template": "application_rejected",
            "csrf_token": csrf_token(client, asked),
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/jobs/{job.id}/board")
    assert sorted(m.application_id for m in messages("rejection")) == sorted([ada.id, bo.id])


def test_card_reject_asks_and_declining_sends_nothing(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    ada = make_application(user, job, "Ada Example")
    token = csrf_token(client, f"/jobs/{job.id}/board")
    response = client.post(
        f"/applications/{ada.id}/move",
        data={"action": "reject:position-filled", "csrf_token": token},
    )
    assert response.headers["Location"].endswith(f"/jobs/{job.id}/rejection-emails?ids={ada.id}")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Don't send" in page
    assert messages() == []
    candidate_page = client.get(f"/candidates/{ada.candidate_id}").get_data(as_text=True)
    assert "Send rejection email…" in candidate_page


def test_candidate_page_shows_and_cancels_the_waiting_email(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    ada = rejected(user, job)
    rejection_emails.queue_rejection_emails(job, [ada.id], "application_rejected", actor=user)
    db.session.commit()
    page = client.get(f"/candidates/{ada.candidate_id}").get_data(as_text=True)
    assert "Rejection email waiting" in page and "Send rejection email…" not in page
    message = messages("rejection")[0]
    response = client.post(
        f"/applications/{ada.id}/rejection-emails/{message.id}/cancel",
        data={"csrf_token": csrf_token(client, f"/candidates/{ada.candidate_id}")},
    )
    assert response.status_code == 302
    assert messages("rejection")[0].status == MessageStatus.CANCELLED


def test_api_confirms_lists_and_cancels(client, api_token, make_user):
    user, headers = api_token("recruiter")
    job = make_job(user)
    ada = rejected(user, job)
    response = client.post(
        f"/api/v1/jobs/{job.id}/rejection-emails",
        json={"application_ids": [ada.id]},
        headers=headers,
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["template"] == "application_rejected" and len(body["queued"]) == 1
    listed = client.get(f"/api/v1/applications/{ada.id}/rejection-emails", headers=headers)
    assert [m["purpose"] for m in listed.get_json()] == ["rejection"]
    assert listed.get_json()[0]["send_after"] is not None
    gone = client.delete(
        f"/api/v1/applications/{ada.id}/rejection-emails/{body['queued'][0]}", headers=headers
    )
    assert gone.status_code == 200 and gone.get_json()["status"] == "cancelled"
    bad = client.post(
        f"/api/v1/jobs/{job.id}/rejection-emails",
        json={"application_ids": "x", "template": ""},
        headers=headers,
    )
    assert bad.status_code == 422
    assert {"application_ids", "template"} <= set(bad.get_json()["error"]["details"]["fields"])


@pytest.mark.redis
@pytest.mark.skipif(not REDIS_URL, reason="HIREKIT_TEST_REDIS_URL is not set")
def test_on_rq_a_delayed_email_is_scheduled_not_queued(app_factory, make_user):
    app = app_factory(REDIS_URL=REDIS_URL, QUEUE_NAME=f"hirekit-test-{uuid.uuid4().hex[:8]}")
    with app.app_context():
        rq_backend = backend()
        try:
            user = make_user("recruiter")
            job = make_job(user)
            application = rejected(user, job)
            rejection_emails.queue_rejection_emails(
                job, [application.id], "application_rejected", actor=user
            )
            db.session.commit()
            # Held back by RQ's scheduler for the delay, not handed to a worker now.
            assert rq_backend.queue.count == 0
            assert rq_backend.queue.scheduled_job_registry.count == 1
        finally:
            registry = rq_backend.queue.scheduled_job_registry
            for job_id in registry.get_job_ids():
                registry.remove(job_id, delete_job=True)
            rq_backend.queue.delete(delete_jobs=True)
