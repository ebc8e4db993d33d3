"""Interviewer calibration: how one rater's scores compare with the rest of the panel.

For every candidate a rater scored alongside others: ``offset = the rater's mean
rating of the candidate - the mean of the other raters' means`` (the others, not
the whole panel, so a rater does not pull the yardstick toward themselves).
Across candidates: ``mean_offset`` is the mean of the offsets and ``spread`` their
population standard deviation. Below -0.5 a rater is harsh, above +0.5 lenient.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

LEANING = 0.5


@dataclass(frozen=True)
class CalibrationRating:
    rater: str
    candidate: str
    item: str
    rating: int


@dataclass(frozen=True)
class RaterCalibration:
    rater: str
    candidates: int  # candidates shared with at least one other rater
    ratings: int
    mean_offset: float
    spread: float
    offsets: tuple[tuple[str, float], ...]  # (candidate, offset)

    @property
    def leaning(self) -> str:
        if self.candidates == 0:
            return "no shared candidates"
        if self.mean_offset <= -LEANING:
            return "harsh"
        return "lenient" if self.mean_offset >= LEANING else "in line"


def _means(ratings: Sequence[CalibrationRating]) -> dict[str, dict[str, float]]:
    sums: dict[tuple[str, str], list[int]] = {}
    for r in ratings:
        sums.setdefault((r.candidate, r.rater), []).append(r.rating)
    means: dict[str, dict[str, float]] = {}
    for (candidate, rater), values in sums.items():
        means.setdefault(candidate, {})[rater] = sum(values) / len(values)
    return means


def calibrate(ratings: Sequence[CalibrationRating]) -> list[RaterCalibration]:
    """One row per rater, sorted by rater; raters never on a shared panel get zeros."""
    means = _means(ratings)
    counts: dict[str, int] = {}
    for r in ratings:
        counts[r.rater] = counts.get(r.rater, 0) + 1
    out = []
    for rater in sorted(counts):
        offsets: list[tuple[str, float]] = []
        for candidate in sorted(means):
            panel = means[candidate]
            others = [m for who, m in panel.items() if who != rater]
            if rater in panel and others:
                offsets.append((candidate, panel[rater] - sum(others) / len(others)))
        values = [o for _, o in offsets]
        mean = sum(values) / len(values) if values else 0.0
        spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) if values else 0.0
        out.append(
            RaterCalibration(
                rater=rater,
                candidates=len(offsets),
                ratings=counts[rater],
                mean_offset=round(mean, 2),
                spread=round(spread, 2),
                offsets=tuple((c, round(o, 2)) for c, o in offsets),
            )
        )
    return out
