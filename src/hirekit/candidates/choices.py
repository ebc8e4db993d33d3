"""The fixed vocabularies of candidates, applications and timeline events."""

from __future__ import annotations

from enum import StrEnum


class ApplicationStatus(StrEnum):
    ACTIVE = "active"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    HIRED = "hired"


class EventType(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    APPLIED = "applied"
    MOVED = "moved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    HIRED = "hired"
    NOTE = "note"
    TAGGED = "tagged"
    MERGED = "merged"


SOURCES = ("careers-page", "referral", "linkedin", "agency", "meetup", "github", "other")
