"""Reading what interviews put in the outbox, down to the attached calendar file."""

from __future__ import annotations

import email
from email.message import Message

import icalendar
from sqlalchemy import select

from hirekit.extensions import db
from hirekit.mail.models import OutboxMessage
from hirekit.mail.tasks import mail_of
from hirekit.mail.transport import build_message


def outbox() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def to(address: str) -> list[OutboxMessage]:
    return [m for m in outbox() if m.to_addr == address]


def calendar_of(message: OutboxMessage) -> tuple[Message, icalendar.Calendar]:
    """The .ics part of the email as it would be sent, parsed by an RFC 5545 parser."""
    wire = email.message_from_bytes(build_message(mail_of(message)).as_bytes())
    parts = [p for p in wire.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in wire.walk()]
    payload = parts[0].get_payload(decode=True)
    assert isinstance(payload, bytes)
    return parts[0], icalendar.Calendar.from_ical(payload)
