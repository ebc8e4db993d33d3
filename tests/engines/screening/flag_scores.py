"""Scoring screening flags against hand labels, shared by the tests and the accuracy bench."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

GREEN = (
    "production_scale", "blueprints_or_factory", "flask_extensions", "api_design",
    "database_integration", "testing",
)  # fmt: skip
YELLOW = ("tutorial_only", "no_structure", "generic_python", "no_extensions", "no_testing")
FLAGS = GREEN + YELLOW

#: Per resume name: (flags its label expects, flags the engine raised).
Outcomes = Mapping[str, tuple[set[str], set[str]]]


@dataclass
class Tally:
    """One flag over a labelled set; ``wrong`` names the resumes judged differently."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def support(self) -> int:
        return self.true_pos + self.false_neg

    @property
    def precision(self) -> float | None:
        raised = self.true_pos + self.false_pos
        return self.true_pos / raised if raised else None

    @property
    def recall(self) -> float | None:
        return self.true_pos / self.support if self.support else None


def tally(flag: str, outcomes: Outcomes) -> Tally:
    counted = Tally()
    for name, (expected, raised) in outcomes.items():
        counted.true_pos += flag in expected and flag in raised
        counted.false_pos += flag in raised and flag not in expected
        counted.false_neg += flag in expected and flag not in raised
        if (flag in expected) != (flag in raised):
            counted.wrong.append(name)
    return counted


def f1(counted: Tally) -> float | None:
    precision, recall = counted.precision, counted.recall
    if precision is None or recall is None:
        return None
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


FITS = ("strong", "possible", "no")


def balanced_accuracy(pairs: Mapping[str, tuple[str, str]]) -> float | None:
    """Mean per-band recall of the fit over (expected, engine) pairs; bands without
    support are left out."""
    recalls = []
    for band in FITS:
        expected = [engine for label, engine in pairs.values() if label == band]
        if expected:
            recalls.append(sum(engine == band for engine in expected) / len(expected))
    return sum(recalls) / len(recalls) if recalls else None


def wrong_fits(pairs: Mapping[str, tuple[str, str]]) -> list[str]:
    return sorted(
        f"{name} ({label}->{engine})" for name, (label, engine) in pairs.items() if label != engine
    )
