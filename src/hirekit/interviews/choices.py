"""The fixed vocabularies of interviews: scorecard states, recommendations, decisions."""

from __future__ import annotations

from enum import StrEnum

#: Rating scale: each value's anchor is the question's guide answer of that level.
RATINGS: dict[int, str] = {1: "Below junior", 2: "Junior", 3: "Mid", 4: "Senior"}


class ScorecardStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class Recommendation(StrEnum):
    STRONG_NO = "strong_no"
    NO = "no"
    YES = "yes"
    STRONG_YES = "strong_yes"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class InterviewStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Decision(StrEnum):
    ADVANCE = "advance"
    REJECT = "reject"
    OFFER = "offer"


#: How long after an interview's end a missing scorecard counts as overdue.
OVERDUE_HOURS = 24
