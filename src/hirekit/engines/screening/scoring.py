"""Score 0-100 and fit per use case, from the guide's weights for each flag."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hirekit.engines.screening.result import FlagResult

#: A medium-confidence flag (e.g. only in a skills list) counts half.
MEDIUM_FACTOR = 0.5
STRONG_AT = 60
POSSIBLE_AT = 30
#: Strong fit also needs evidence of real work, not only a long skills list.
WORK_EVIDENCE = ("production_scale", "api_design")


@dataclass(frozen=True)
class Score:
    score: int
    fit: str  # "strong" | "possible" | "no"
    explanation: tuple[str, ...]


def score_flags(
    green: tuple[FlagResult, ...],
    yellow: tuple[FlagResult, ...],
    weights: Mapping[str, float],
    labels: Mapping[str, str],
) -> Score:
    """Weighted sum of raised flags over the sum of positive weights, as 0-100.

    Years of experience never enter the score; only evidence of work does.
    """
    ceiling = sum(w for w in weights.values() if w > 0) or 1.0
    total = 0.0
    lines: list[str] = []
    for flag in (*green, *yellow):
        weight = weights.get(flag.flag, 0.0)
        factor = 1.0 if flag.confidence == "high" else MEDIUM_FACTOR
        total += weight * factor
        verb = "raised" if weight * factor > 0 else "lowered" if weight < 0 else "noted"
        lines.append(
            f"{labels.get(flag.flag, flag.flag)} {verb} the score by {abs(weight * factor):g}"
            f" ({flag.confidence} confidence)"
        )
    value = max(0, min(100, round(100 * total / ceiling)))
    strong_work = any(f.flag in WORK_EVIDENCE and f.confidence == "high" for f in green)
    if value >= STRONG_AT and strong_work:
        fit = "strong"
    elif value >= POSSIBLE_AT:
        fit = "possible"
    else:
        fit = "no"
    if not green:
        lines.append("No evidence of Flask or web API work was found.")
    return Score(value, fit, tuple(lines))
