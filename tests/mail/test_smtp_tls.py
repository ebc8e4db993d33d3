"""Mail over real TLS: STARTTLS with sign-in, TLS from the first byte, and a wrong certificate."""

from __future__ import annotations

import pytest

from hirekit.extensions import db
from hirekit.mail.models import MessageStatus, OutboxMessage
from hirekit.mail.services.outbox import send_mail
from hirekit.queue.runner import drain
from tests.mail.smtp_server import Logins, smtp_server
from tests.tls import server_tls


def _send(app_factory, smtp_url: str) -> OutboxMessage:
    app = app_factory(SMTP_URL=smtp_url, MAIL_FROM="jobs@acme.test", JOB_MAX_ATTEMPTS=1)
    with app.app_context():
        message = send_mail("ada@example.com", "Your interview", "See you Monday.")
        db.session.commit()
        drain()
        db.session.expire_all()
        stored = db.session.get(OutboxMessage, message.id)
        assert stored is not None
        return stored


def test_starttls_then_sign_in(app_factory, authority):
    logins = Logins(wanted=("hiring", "s3cret pass"))
    with smtp_server(server_tls(authority, "localhost"), login=logins) as (inbox, port):
        url = f"smtp://hiring:s3cret%20pass@localhost:{port}?starttls=1&timeout=5"
        stored = _send(app_factory, url)
    assert stored.status == MessageStatus.SENT, stored.error
    assert logins.seen == [("hiring", "s3cret pass")]
    ((mail_from, rcpt_tos, received),) = inbox.received
    assert (mail_from, rcpt_tos) == ("jobs@acme.test", ["ada@example.com"])
    assert received["Subject"] == "Your interview"


def test_tls_from_the_first_byte(app_factory, authority):
    tls = server_tls(authority, "localhost")
    with smtp_server(tls, implicit_tls=True) as (inbox, port):
        stored = _send(app_factory, f"smtps://localhost:{port}?timeout=5")
    assert stored.status == MessageStatus.SENT, stored.error
    assert len(inbox.received) == 1


@pytest.mark.parametrize("implicit_tls", [False, True])
def test_a_certificate_for_another_name_fails_visibly(app_factory, authority, implicit_tls):
    tls = server_tls(authority, "mail.example.org")
    with smtp_server(tls, implicit_tls=implicit_tls) as (inbox, port):
        scheme = "smtps" if implicit_tls else "smtp"
        stored = _send(app_factory, f"{scheme}://localhost:{port}?starttls=1&timeout=5")
    assert stored.status == MessageStatus.FAILED
    assert "CERTIFICATE_VERIFY_FAILED" in stored.error
    assert inbox.received == []


def test_a_wrong_password_fails_visibly(app_factory, authority):
    logins = Logins(wanted=("hiring", "right"))
    with smtp_server(server_tls(authority, "localhost"), login=logins) as (inbox, port):
        stored = _send(app_factory, f"smtp://hiring:wrong@localhost:{port}?starttls=1&timeout=5")
    assert stored.status == MessageStatus.FAILED
    assert "535" in stored.error or "Authentication" in stored.error
    assert inbox.received == []
