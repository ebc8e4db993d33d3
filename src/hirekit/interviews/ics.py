"""An RFC 5545 calendar invitation for one interview, written by ``icalendar``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from icalendar import Calendar, Event, vCalAddress, vText

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


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _attendee(name: str, email: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["CN"] = vText(name or email)
    address.params["ROLE"] = vText("REQ-PARTICIPANT")
    address.params["RSVP"] = vText("TRUE")
    return address


def build_ics(event: CalendarEvent) -> str:
    """A VCALENDAR with one VEVENT (METHOD:REQUEST, or CANCEL), CRLF line endings."""
    cancel = event.method == "CANCEL"
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if cancel else "REQUEST")
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", _utc(event.stamp or datetime.now(UTC)))
    vevent.add("dtstart", _utc(event.starts_at))
    vevent.add("dtend", _utc(event.ends_at))
    vevent.add("summary", event.summary)
    if event.description:
        vevent.add("description", event.description)
    if event.location:
        vevent.add("location", event.location)
    if event.url:
        vevent.add("url", event.url)
    if event.organizer:
        vevent.add("organizer", vCalAddress(f"mailto:{event.organizer}"))
    for name, email in event.attendees:
        vevent.add("attendee", _attendee(name, email), encode=False)
    vevent.add("status", "CANCELLED" if cancel else "CONFIRMED")
    calendar.add_component(vevent)
    text: bytes = calendar.to_ical()
    return text.decode()
