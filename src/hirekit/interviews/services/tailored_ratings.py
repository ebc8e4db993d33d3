"""Tailored questions on the scorecard: the questions the kit asks because of this
candidate's take-home or resume, rated like the kit's own.

A tailored question has no row of its own (it is derived from the evidence),
so its rating is stored in the scorecard's ``answers`` under a key made from the
question's text (``t:`` and a short hash), together with the text itself: the
rating keeps its meaning even if the evidence, and so the questions, change later.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from hirekit.interviews.models import Scorecard
from hirekit.interviews.services.evidence import candidate_evidence

PREFIX = "t:"


@dataclass(frozen=True)
class TailoredItem:
    key: str
    question: str
    topic: str
    because: tuple[str, ...] = ()

    @property
    def field(self) -> str:
        """The form field stem: ``t-<hash>``."""
        return "t-" + self.key.removeprefix(PREFIX)


def tailored_key(question: str) -> str:
    return PREFIX + hashlib.sha256(question.encode("utf-8")).hexdigest()[:12]


def is_tailored(key: str) -> bool:
    return key.startswith(PREFIX)


def tailored_for(card: Scorecard) -> list[TailoredItem]:
    """The candidate's tailored questions now, and any rated earlier that are gone since."""
    interview = card.interview
    job = interview.job
    evidence = candidate_evidence(
        interview.candidate_id, interview.candidate.name, job.id, job.use_case
    )
    items = {
        tailored_key(t.question): TailoredItem(
            tailored_key(t.question), t.question, t.topic, tuple(t.because)
        )
        for t in evidence.tailored
    }
    for key, answer in card.answers.items():
        if is_tailored(key) and key not in items:
            items[key] = TailoredItem(
                key, str(answer.get("question", "")), str(answer.get("topic", ""))
            )
    return list(items.values())
