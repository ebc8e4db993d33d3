"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), and a port nothing listens on."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Inbox:
    received: list[tuple[str, list[str], EmailMessage]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"


@dataclass
class Logins:
    """The user names and passwords a server with ``login`` accepted or refused."""

    wanted: tuple[str, str]
    seen: list[tuple[str, str]] = field(default_factory=list)

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        pair = (auth_data.login.decode(), auth_data.password.decode())
        self.seen.append(pair)
        # handled=False: the server answers a refusal with its own 535.
        return AuthResult(success=pair == self.wanted, handled=False)


@contextmanager
def smtp_server(
    tls: ssl.SSLContext | None = None,
    *,
    implicit_tls: bool = False,
    login: Logins | None = None,
) -> Iterator[tuple[Inbox, int]]:
    """Plain SMTP; with ``tls``, STARTTLS required (or TLS from the first byte with
    ``implicit_tls``); with ``login``, sign-in required, and only over TLS."""
    inbox = Inbox()
    options: dict[str, Any] = {}
    if tls is not None and implicit_tls:
        options["ssl_context"] = tls
    elif tls is not None:
        options.update(tls_context=tls, require_starttls=True)
    if login is not None:
        options.update(authenticator=login, auth_required=True, auth_require_tls=True)
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), **options)
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()
