"""An RFC 5545 calendar invitation for one interview, as plain text we generate ourselves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

PRODID = "-//hirekit//interviews//EN"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    starts_at: datetime
    ends_at: datetime
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""
    organizer: str = ""  # email address
    attendees: Sequence[tuple[str, str]] = ()  # (name, email)
    stamp: datetime | None = None
    #: REQUEST invites; CANCEL withdraws the event with the same UID (RFC 5546).
    method: str = "REQUEST"
    #: Raised on every revision so calendars replace the earlier copy.
    sequence: int = 0


def escape(value: str) -> str:
    """TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into 75-octet pieces joined by CRLF + space (RFC 5545 3.1)."""
    out: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode()
        limit = 75 if not out else 74  # continuation lines start with one space
        if len(current) + len(encoded) > limit:
            out.append(current.decode())
            current = b""
        current += encoded
    out.append(current.decode())
    return "\r\n ".join(out)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _param(value: str) -> str:
    # Parameter values cannot hold quotes; quoting keeps commas and colons literal.
    return '"' + value.replace('"', "'") + '"'


def build_ics(event: CalendarEvent) -> str:
    """A VCALENDAR with one VEVENT (METHOD:REQUEST, or CANCEL), CRLF line endings."""
    cancel = event.method == "CANCEL"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancel else 'REQUEST'}",
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"SEQUENCE:{event.sequence}",
        f"DTSTAMP:{_utc(event.stamp or datetime.now(UTC))}",
        f"DTSTART:{_utc(event.starts_at)}",
        f"DTEND:{_utc(event.ends_at)}",
        f"SUMMARY:{escape(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    if event.location:
        lines.append(f"LOCATION:{escape(event.location)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    if event.organizer:
        lines.append(f"ORGANIZER:mailto:{event.organizer}")
    for name, email in event.attendees:
        lines.append(
            f"ATTENDEE;CN={_param(name or email)};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{email}"
        )
    lines += [f"STATUS:{'CANCELLED' if cancel else 'CONFIRMED'}", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
