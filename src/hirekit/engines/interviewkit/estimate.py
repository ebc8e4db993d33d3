"""Level estimate: junior / mid / senior with a confidence, from a panel's question ratings.

The scale anchors every rating to the question's guide answers: 1 below junior,
2 junior, 3 mid, 4 senior. The math, so that a debrief can be checked by hand:

* ``weight = relevance(question use cases, job use case)`` — the number of guide
  use cases divided by how many the question serves, when it serves the job's
  use case (1.0 for a question asked in every use case, 3.0 for one written for
  this use case alone); 0.5 when it does not serve the job's use case; 1.0 for a
  question without use cases (a manager's own question);
* ``score`` = the weighted mean of every rating;
* level: ``score < 2.5`` junior, ``score < 3.5`` mid, otherwise senior;
* ``confidence = (0.5 + 0.5 * margin) * agreement * coverage`` rounded to two places:
  ``margin`` is the distance from ``score`` to the nearest band edge over 0.5
  (capped at 1), ``agreement`` is ``1 - weighted standard deviation / 1.5``, and
  ``coverage`` is the number of distinct questions rated over 6 (capped at 1).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: The anchor each rating stands for.
LEVEL_SCORES: dict[int, str] = {1: "below junior", 2: "junior", 3: "mid", 4: "senior"}

JUNIOR_BELOW = 2.5
SENIOR_FROM = 3.5
FULL_COVERAGE = 6
MAX_SPREAD = 1.5  # the largest standard deviation ratings from 1 to 4 can have
USE_CASE_COUNT = 3
OFF_USE_CASE_WEIGHT = 0.5


@dataclass(frozen=True)
class QuestionRating:
    question_id: str
    rater: str
    rating: int  # 1..4
    use_cases: tuple[str, ...] = ()
    label: str = ""  # the question text, for display


@dataclass(frozen=True)
class Driver:
    """One question's part in the estimate."""

    question_id: str
    label: str
    mean: float
    weight: float
    ratings: int

    @property
    def anchor(self) -> str:
        return LEVEL_SCORES[min(4, max(1, round(self.mean)))]


@dataclass(frozen=True)
class LevelEstimate:
    level: str  # "junior" | "mid" | "senior", or "" without ratings
    score: float
    confidence: float
    margin: float
    agreement: float
    coverage: float
    drivers: tuple[Driver, ...]

    @property
    def confidence_label(self) -> str:
        if self.confidence >= 0.7:
            return "high"
        return "medium" if self.confidence >= 0.4 else "low"


def relevance(
    question_use_cases: Sequence[str], use_case: str, use_case_count: int = USE_CASE_COUNT
) -> float:
    if not question_use_cases:
        return 1.0
    if use_case not in question_use_cases:
        return OFF_USE_CASE_WEIGHT
    return use_case_count / len(question_use_cases)


def level_for(score: float) -> str:
    if score < JUNIOR_BELOW:
        return "junior"
    return "mid" if score < SENIOR_FROM else "senior"


def _margin(score: float) -> float:
    level = level_for(score)
    if level == "junior":
        distance = JUNIOR_BELOW - score
    elif level == "senior":
        distance = score - SENIOR_FROM
    else:
        distance = min(score - JUNIOR_BELOW, SENIOR_FROM - score)
    return min(1.0, distance / 0.5)


def _drivers(ratings: Sequence[QuestionRating], use_case: str) -> tuple[Driver, ...]:
    grouped: dict[str, list[QuestionRating]] = {}
    for r in ratings:
        grouped.setdefault(r.question_id, []).append(r)
    drivers = [
        Driver(
            question_id=qid,
            label=group[0].label or qid,
            mean=round(sum(r.rating for r in group) / len(group), 2),
            weight=relevance(group[0].use_cases, use_case),
            ratings=len(group),
        )
        for qid, group in grouped.items()
    ]
    # Heaviest evidence first: what moved the weighted mean most.
    drivers.sort(key=lambda d: (-d.weight * d.ratings, d.question_id))
    return tuple(drivers)


def estimate_level(ratings: Sequence[QuestionRating], use_case: str) -> LevelEstimate:
    """The estimate from every rating of the panel; an empty level without ratings."""
    for r in ratings:
        if r.rating not in LEVEL_SCORES:
            raise ValueError(f"rating {r.rating} for {r.question_id!r} is not between 1 and 4")
    if not ratings:
        return LevelEstimate("", 0.0, 0.0, 0.0, 0.0, 0.0, ())
    weights = [relevance(r.use_cases, use_case) for r in ratings]
    total = sum(weights)
    score = sum(w * r.rating for w, r in zip(weights, ratings, strict=True)) / total
    variance = sum(w * (r.rating - score) ** 2 for w, r in zip(weights, ratings, strict=True))
    agreement = max(0.0, 1 - math.sqrt(variance / total) / MAX_SPREAD)
    coverage = min(1.0, len({r.question_id for r in ratings}) / FULL_COVERAGE)
    margin = _margin(score)
    confidence = (0.5 + 0.5 * margin) * agreement * coverage
    return LevelEstimate(
        level=level_for(score),
        score=round(score, 2),
        confidence=round(confidence, 2),
        margin=round(margin, 2),
        agreement=round(agreement, 2),
        coverage=round(coverage, 2),
        drivers=_drivers(ratings, use_case),
    )
