"""Each user's time zone: IANA names checked with zoneinfo, and wall-clock ↔ UTC conversion.

Times are stored in UTC; a user's zone only changes how they are shown and how a
date typed into a form is read. An unset zone means UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from hirekit.errors import ValidationFailed


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(available_timezones()) | {"UTC"}


def is_valid_zone(name: str) -> bool:
    return name in _known()


def zone(name: str | None) -> tzinfo:
    """The zone called ``name``; UTC when unset or unknown (a stale setting never breaks a page)."""
    if not name or not is_valid_zone(name):
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def to_utc(wall: datetime, name: str | None) -> datetime:
    """Read the naive wall-clock ``wall`` in zone ``name`` and return the UTC instant.

    A time skipped by a daylight-saving jump (02:30 on a spring-forward night)
    does not exist there and is refused; an hour repeated in autumn is read as
    its first occurrence.
    """
    if wall.tzinfo is not None:
        return wall.astimezone(UTC)
    tz = zone(name)
    instant = wall.replace(tzinfo=tz).astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != wall:
        raise ValidationFailed(
            "That time does not exist in your time zone (a daylight-saving jump).",
            details={"starts_at": f"{wall:%Y-%m-%d %H:%M} is skipped in {name}"},
        )
    return instant


def to_local(instant: datetime, name: str | None) -> datetime:
    """The aware ``instant`` as wall-clock time in zone ``name``."""
    return instant.astimezone(zone(name))


def label(name: str | None) -> str:
    return name if name and is_valid_zone(name) else "UTC"


def zone_names() -> list[str]:
    """Every IANA zone name, sorted: the choices offered on the profile page."""
    return sorted(_known())
