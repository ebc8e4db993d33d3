"""The outbox: record, deliver through a real SMTP server, retry, fail visibly."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hirekit.errors import NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.mail.models import MessageStatus, OutboxMessage
from hirekit.mail.services.outbox import send_mail, send_template
from hirekit.mail.transport import Attachment, SmtpSettings, SmtpUrlError
from hirekit.mail.views import PAGE_SIZE
from hirekit.queue import BackgroundJob
from hirekit.queue.runner import drain, run_job
from tests.conftest import login
from tests.mail.smtp_server import free_port, smtp_server

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


def _message(message_id: int) -> OutboxMessage:
    db.session.expire_all()
    message = db.session.get(OutboxMessage, message_id)
    assert message is not None
    return message


def test_without_smtp_a_message_is_recorded_not_sent(app):
    message = send_template(
        "application_received",
        "ada@example.com",
        {"candidate_name": "Ada", "job_title": "Flask developer"},
    )
    db.session.commit()
    assert message.status == MessageStatus.QUEUED
    assert message.subject == "We received your application for Flask developer"
    assert "Hello Ada," in message.body and "at hirekit." in message.body
    assert drain() == 1
    message = _message(message.id)
    assert (message.status, message.attempts, message.sent_at) == ("recorded", 1, None)


def test_nothing_is_enqueued_when_the_request_rolls_back(app):
    send_mail("ada@example.com", "Hi", "Body")
    db.session.rollback()
    assert db.session.scalars(select(OutboxMessage)).all() == []
    assert db.session.scalars(select(BackgroundJob)).all() == []


def test_smtp_delivers_headers_body_and_attachment(app_factory):
    with smtp_server() as (inbox, port):
        app = app_factory(
            SMTP_URL=f"smtp://127.0.0.1:{port}?timeout=5", MAIL_FROM="Hiring <jobs@acme.test>"
        )
        with app.app_context():
            message = send_template(
                "interview_invitation",
                "ada@example.com",
                {"candidate_name": "Ada", "job_title": "Flask dev", "interview_at": "Monday"},
                attachments=[Attachment("invite.ics", ICS, "text/calendar")],
            )
            db.session.commit()
            assert drain() == 1
            stored = _message(message.id)
            assert stored.status == MessageStatus.SENT and stored.sent_at is not None
    assert len(inbox.received) == 1
    mail_from, rcpt_tos, received = inbox.received[0]
    assert (mail_from, rcpt_tos) == ("jobs@acme.test", ["ada@example.com"])
    assert received["Subject"] == "Interview for Flask dev at hirekit"
    assert received["From"] == "Hiring <jobs@acme.test>"
    assert received["X-Hirekit-Message"] == str(message.id)
    body = received.get_body(preferencelist=("plain",))
    assert body is not None and "When: Monday" in body.get_content()
    (attachment,) = list(received.iter_attachments())
    assert attachment.get_filename() == "invite.ics"
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_content().encode() == ICS


def test_a_refused_connection_is_retried_then_failed_and_shown(app_factory, make_user):
    port = free_port()  # nothing listens here
    app = app_factory(SMTP_URL=f"smtp://127.0.0.1:{port}?timeout=2", JOB_MAX_ATTEMPTS=3)
    with app.app_context():
        message = send_mail("ada@example.com", "Hello", "Body")
        db.session.commit()
        assert drain() == 3  # the first try and two retries
        stored = _message(message.id)
        assert (stored.status, stored.attempts) == (MessageStatus.FAILED, 3)
        assert "ConnectionRefusedError" in stored.error
        client = app.test_client()
        login(client, make_user("recruiter").email)
        page = client.get("/outbox?status=failed").get_data(as_text=True)
        assert "ConnectionRefusedError" in page and "ada@example.com" in page
        assert "ada@example.com" not in client.get("/outbox?status=sent").get_data(as_text=True)


def test_a_failure_followed_by_success_ends_sent(app_factory):
    port = free_port()
    app = app_factory(SMTP_URL=f"smtp://127.0.0.1:{port}?timeout=2")
    with app.app_context():
        message = send_mail("ada@example.com", "Hello", "Body")
        db.session.commit()
        job = db.session.get(BackgroundJob, message.background_job_id)
        assert job is not None
        assert run_job(job.id) == "queued"  # refused; a retry is scheduled
        assert _message(message.id).status == MessageStatus.QUEUED
        with smtp_server() as (inbox, live_port):
            app.config["SMTP_URL"] = f"smtp://127.0.0.1:{live_port}"
            assert drain() == 1
        stored = _message(message.id)
        assert (stored.status, stored.attempts, stored.error) == ("sent", 2, "")
        assert len(inbox.received) == 1


@pytest.mark.parametrize(
    "address", ["", "ada", "ada@example", "a@b.com\r\nBcc: x@y.com", "Ada <ada@example.com>"]
)
def test_bad_addresses_are_refused_before_anything_is_stored(app, address):
    with pytest.raises(ValidationFailed):
        send_mail(address, "Hi", "Body")
    assert db.session.scalars(select(OutboxMessage)).all() == []


def test_a_multi_line_subject_is_refused(app):
    with pytest.raises(ValidationFailed):
        send_mail("ada@example.com", "Hi\r\nBcc: x@y.com", "Body")


def test_an_unknown_template_is_not_found(app):
    with pytest.raises(NotFound):
        send_template("nope", "ada@example.com", {})


def test_smtp_url_settings():
    s = SmtpSettings.from_url("smtp://us%40er:p%3Ass@mail.example.com:587?starttls=1")
    assert (s.host, s.port, s.starttls, s.implicit_tls) == ("mail.example.com", 587, True, False)
    assert (s.username, s.password) == ("us@er", "p:ss")
    tls = SmtpSettings.from_url("smtps://mail.example.com")
    assert (tls.port, tls.implicit_tls, tls.starttls) == (465, True, False)
    with pytest.raises(SmtpUrlError):
        SmtpSettings.from_url("http://mail.example.com")


def test_outbox_page_filters_by_status_and_api_lists(client, login_as, api_token, app):
    login_as("recruiter")
    send_mail("one@example.com", "First", "Body")
    db.session.commit()
    drain()
    send_mail("two@example.com", "Second", "Body")
    db.session.commit()
    queued = client.get("/outbox?status=queued").get_data(as_text=True)
    assert "two@example.com" in queued and "one@example.com" not in queued
    everything = client.get("/outbox").get_data(as_text=True)
    assert "two@example.com" in everything and "one@example.com" in everything
    _, headers = api_token("admin")
    listed = client.get("/api/v1/outbox?status=recorded", headers=headers)
    assert [m["to"] for m in listed.get_json()] == ["one@example.com"]
    assert listed.headers["X-Total-Count"] == "1"
    assert client.get("/api/v1/outbox?status=bogus", headers=headers).status_code == 422


def test_outbox_page_pages_through_every_message_keeping_the_filter(client, login_as, app):
    login_as("recruiter")
    for n in range(PAGE_SIZE + 3):
        send_mail(f"person{n}@example.com", f"Message {n}", "Body")
    db.session.commit()
    first = client.get("/outbox?status=queued").get_data(as_text=True)
    assert f"{PAGE_SIZE + 3} messages; page 1 of 2." in first
    assert f"person{PAGE_SIZE + 2}@example.com" in first  # newest first
    assert "person2@example.com" not in first
    assert 'href="/outbox?page=2&amp;status=queued"' in first
    second = client.get("/outbox?status=queued&page=2").get_data(as_text=True)
    assert all(f"person{n}@example.com<" in second for n in range(3))
    assert f"person{PAGE_SIZE + 2}@example.com" not in second
    assert 'href="/outbox?page=1&amp;status=queued"' in second
    assert "page 1 of 1" in client.get("/outbox?status=sent").get_data(as_text=True)


def test_hiring_managers_and_interviewers_do_not_see_the_outbox(client, login_as):
    login_as("hiring_manager")
    assert client.get("/outbox").status_code == 403


def test_a_message_sent_by_a_run_that_lost_its_lease_is_not_sent_again(app_factory):
    """A worker that sent a message, then could not record it (killed, or its lease
    lapsed and the job was taken over), must not make the retry send it twice."""
    from sqlalchemy import create_engine, update

    from hirekit.queue.runner import LOST

    with smtp_server() as (inbox, port):
        app = app_factory(SMTP_URL=f"smtp://127.0.0.1:{port}?timeout=5")
        with app.app_context():
            message = send_mail("ada@example.com", "Hi", "Body")
            db.session.commit()
            job_id = db.session.scalars(select(BackgroundJob.id)).one()
            other = create_engine(app.config["DATABASE_URL"])
            received = inbox.handle_DATA

            async def taken_over_meanwhile(server, session, envelope):
                answer = await received(server, session, envelope)
                with other.begin() as conn:  # the lease lapsed; another worker took the job
                    conn.execute(
                        update(BackgroundJob)
                        .where(BackgroundJob.id == job_id)
                        .values(lease_owner="other-host:77:beef")
                    )
                return answer

            inbox.handle_DATA = taken_over_meanwhile
            assert run_job(job_id) == LOST
            inbox.handle_DATA = received
            with other.begin() as conn:  # ... and that worker's run is retried in turn
                conn.execute(
                    update(BackgroundJob)
                    .where(BackgroundJob.id == job_id)
                    .values(status="queued", lease_owner=None, lease_expires_at=None)
                )
            other.dispose()
            assert drain() == 1
            assert _message(message.id).status == MessageStatus.SENT
            assert db.session.get(BackgroundJob, job_id).status == "done"
    assert len(inbox.received) == 1
