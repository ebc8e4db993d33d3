"""The mail transport boundary: SMTP when ``HIREKIT_SMTP_URL`` is set, else recording only.

``smtp://user:pass@host:587?starttls=1`` (plain SMTP, STARTTLS when asked),
``smtps://user:pass@host:465`` (TLS from the first byte). ``timeout=`` in the
query sets the socket timeout in seconds (default 30).
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

DEFAULT_SENDER = "hirekit <no-reply@localhost>"
DEFAULT_TIMEOUT = 30.0


class SmtpUrlError(ValueError):
    """``HIREKIT_SMTP_URL`` is malformed; the message says how."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mime: str = "application/octet-stream"


@dataclass(frozen=True)
class Mail:
    sender: str
    to: str
    subject: str
    body: str
    attachments: tuple[Attachment, ...] = ()
    headers: Mapping[str, str] = field(default_factory=dict)


class MailTransport(Protocol):
    #: False for a transport that only keeps messages (the outbox marks them "recorded").
    delivers: bool

    def send(self, mail: Mail) -> None:
        """Hand ``mail`` on, or raise (any exception) so that the caller retries."""


def build_message(mail: Mail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = mail.sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=mail.sender.rpartition("@")[2].strip("> ") or None)
    for name, value in mail.headers.items():
        message[name] = value
    message.set_content(mail.body)
    for attachment in mail.attachments:
        maintype, _, subtype = attachment.mime.partition("/")
        message.add_attachment(
            attachment.content,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=attachment.filename,
        )
    return message


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    implicit_tls: bool
    starttls: bool
    username: str
    password: str
    timeout: float

    @classmethod
    def from_url(cls, url: str) -> SmtpSettings:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps"):
            raise SmtpUrlError(f"SMTP URL must start with smtp:// or smtps://, got {parts.scheme}:")
        if not parts.hostname:
            raise SmtpUrlError("SMTP URL has no host")
        query = parse_qs(parts.query)
        implicit = parts.scheme == "smtps"
        try:
            timeout = float(query.get("timeout", [DEFAULT_TIMEOUT])[0])
            port = parts.port or (465 if implicit else 25)
        except ValueError as exc:
            raise SmtpUrlError(f"SMTP URL: {exc}") from None
        return cls(
            host=parts.hostname,
            port=port,
            implicit_tls=implicit,
            starttls=query.get("starttls", ["0"])[0].lower() in ("1", "true", "yes"),
            username=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            timeout=timeout,
        )


class SmtpTransport:
    delivers = True

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def send(self, mail: Mail) -> None:
        s = self.settings
        context = ssl.create_default_context()
        client: smtplib.SMTP
        if s.implicit_tls:
            client = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
        else:
            client = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        with client:
            if s.starttls:
                client.starttls(context=context)
            if s.username:
                client.login(s.username, s.password)
            client.send_message(build_message(mail))


class RecordingTransport:
    """The embedded default: nothing leaves the machine; the outbox is the record."""

    delivers = False

    def __init__(self) -> None:
        self.sent: list[Mail] = []

    def send(self, mail: Mail) -> None:
        self.sent.append(mail)


def transport_for(config: Mapping[str, Any]) -> MailTransport:
    """SMTP when ``SMTP_URL`` is configured, otherwise the recording transport."""
    url = str(config.get("SMTP_URL") or "").strip()
    if not url:
        return RecordingTransport()
    return SmtpTransport(SmtpSettings.from_url(url))
