"""Score 0-100 from the fit band and the use case's weights, with every point explained.

The fit band (the flag spec's strong / possible / no) decides the score's range, so
a better band always ranks higher; inside the band the guide's weights for the job's
use case move the score up for green flags and use-case evidence and down for yellow
flags and red flags. Every contribution is a whole number of points, and the band's
base plus the contributions is exactly the score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hirekit.engines.screening.result import Contribution, FlagResult

#: A medium-confidence green flag (e.g. only in a skills list) counts half.
MEDIUM_FACTOR = 0.5
#: Per band: (base, points available above it, points available below it).
BANDS: dict[str, tuple[int, int, int]] = {
    "strong": (70, 29, 10),
    "possible": (40, 19, 10),
    "no": (10, 19, 10),
}


@dataclass(frozen=True)
class Extra:
    """A use-case signal (positive weight) or red flag (negative weight) that was found."""

    id: str
    label: str
    weight: float


@dataclass(frozen=True)
class Score:
    score: int
    fit: str  # "strong" | "possible" | "no"
    explanation: tuple[str, ...]
    contributions: tuple[Contribution, ...]


def score_flags(
    green: tuple[FlagResult, ...],
    yellow: tuple[FlagResult, ...],
    weights: Mapping[str, float],
    labels: Mapping[str, str],
    fit: str = "no",
    reason: str = "",
    extras: tuple[Extra, ...] = (),
    possible_extras: Iterable[float] = (),
) -> Score:
    """Points per flag on the use case's weights, inside the band's range.

    ``possible_extras``: the weights of every signal and red flag the use case can
    show, so a resume is measured against the whole range the use case gives. Years of
    experience never enter the score; only evidence of work does.
    """
    base, room_up, room_down = BANDS[fit]
    ceiling = sum(w for w in weights.values() if w > 0) + sum(w for w in possible_extras if w > 0)
    floor = -sum(w for w in weights.values() if w < 0) - sum(w for w in possible_extras if w < 0)
    parts: list[Contribution] = []
    for flag in (*green, *yellow):
        weight = weights.get(flag.flag, 0.0)
        factor = MEDIUM_FACTOR if flag.kind == "green" and flag.confidence != "high" else 1.0
        label = labels.get(flag.flag, flag.flag)
        parts.append(
            Contribution(
                flag.flag, label, _points(weight * factor, ceiling, floor, room_up, room_down)
            )
        )
    for extra in extras:
        parts.append(
            Contribution(
                extra.id, extra.label, _points(extra.weight, ceiling, floor, room_up, room_down)
            )
        )
    score = base + sum(p.points for p in parts)
    lines = [f"Fit {fit}: {reason}; the {fit} band starts at {base} points."]
    lines += [f"{p.label}: {p.points:+d}" for p in parts]
    if not green:
        lines.append("No evidence of Flask or web API work was found.")
    lines.append(f"Score {score} = " + " ".join([str(base), *(f"{p.points:+d}" for p in parts)]))
    return Score(score, fit, tuple(lines), (Contribution("fit", f"fit {fit}", base), *parts))


def _points(value: float, ceiling: float, floor: float, up: int, down: int) -> int:
    """Whole points, rounded toward zero so the sum never leaves the band."""
    if value > 0:
        return int(value * up / ceiling) if ceiling else 0
    if value < 0:
        return -int(-value * down / floor) if floor else 0
    return 0


def evidence_strength(flags: Iterable[tuple[str, int]]) -> int:
    """How much evidence stands behind the green flags: (confidence, quotes) pairs.

    Ranks candidates that share a score: a high-confidence flag counts double, and
    every quoted sentence counts.
    """
    return sum((2 if confidence == "high" else 1) + quotes for confidence, quotes in flags)
