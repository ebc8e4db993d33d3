"""The fixed vocabularies of a job: use cases, levels, states, stages and reject reasons."""

from __future__ import annotations

from enum import StrEnum


class UseCase(StrEnum):
    REST_API = "rest-api"
    MICROSERVICES = "microservices"
    FULL_STACK = "full-stack"


class Level(StrEnum):
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"


class Workplace(StrEnum):
    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"


class EmploymentType(StrEnum):
    FULL_TIME = "full-time"
    PART_TIME = "part-time"
    CONTRACT = "contract"
    TEMPORARY = "temporary"
    INTERNSHIP = "internship"


class QuestionKind(StrEnum):
    """What an application question asks for."""

    TEXT = "text"
    YES_NO = "yes-no"
    CHOICE = "choice"
    NUMBER = "number"


class JobState(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


class TeamRole(StrEnum):
    HIRING_MANAGER = "hiring_manager"
    RECRUITER = "recruiter"
    INTERVIEWER = "interviewer"


#: Which state a job may go to from each state; anything else is a conflict.
TRANSITIONS: dict[JobState, frozenset[JobState]] = {
    JobState.DRAFT: frozenset({JobState.OPEN, JobState.CLOSED}),
    JobState.OPEN: frozenset({JobState.PAUSED, JobState.CLOSED}),
    JobState.PAUSED: frozenset({JobState.OPEN, JobState.CLOSED}),
    JobState.CLOSED: frozenset({JobState.OPEN}),
}


class StageKind(StrEnum):
    """What a stage means, set by the user; reports, debriefs and webhooks read it,
    never the stage's name or place."""

    ACTIVE = "active"
    INTERVIEW = "interview"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return STAGE_KIND_LABELS[self]


STAGE_KIND_LABELS: dict[StageKind, str] = {
    StageKind.ACTIVE: "Active: in progress",
    StageKind.INTERVIEW: "Interview: screens and interviews",
    StageKind.OFFER: "Offer: an offer is out",
    StageKind.HIRED: "Hired: reaching it hires the candidate",
    StageKind.REJECTED: "Rejected: reaching it rejects the application",
}

#: The pipeline a new job starts with, each stage with its kind.
DEFAULT_STAGES: tuple[tuple[str, StageKind], ...] = (
    ("Applied", StageKind.ACTIVE),
    ("Screen", StageKind.INTERVIEW),
    ("Take-home", StageKind.ACTIVE),
    ("Interview", StageKind.INTERVIEW),
    ("Offer", StageKind.OFFER),
    ("Hired", StageKind.HIRED),
)

#: Why an application ended in "rejected": stable keys, readable labels.
REJECT_REASONS: dict[str, str] = {
    "no-flask-experience": "No real Flask experience",
    "skills-mismatch": "Skills do not match the use case",
    "take-home-quality": "Take-home below the bar",
    "interview-performance": "Interview performance",
    "salary-expectations": "Salary expectations too far apart",
    "location": "Location or work permit",
    "position-filled": "Position filled",
    "unresponsive": "Did not respond",
    "other": "Other",
}

CURRENCIES = ("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "SEK", "PLN")
