"""Per-item spread of a panel's ratings, and where the panel disagrees.

An item is a question or a focus attribute. Two ratings at least
:data:`DISAGREEMENT` points apart on the same item are a disagreement the
debrief highlights.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DISAGREEMENT = 2


@dataclass(frozen=True)
class ItemSpread:
    item: str
    ratings: tuple[tuple[str, int], ...]  # (rater, rating) in rater order
    low: int
    high: int
    mean: float

    @property
    def spread(self) -> int:
        return self.high - self.low

    @property
    def disagreement(self) -> bool:
        return self.spread >= DISAGREEMENT


def spreads(by_rater: Mapping[str, Mapping[str, int | None]]) -> list[ItemSpread]:
    """``{rater: {item: rating}}`` -> one spread per item someone rated, in first-seen order.

    Unrated items (``None``) are left out; an item rated by one rater has spread 0.
    """
    items: dict[str, list[tuple[str, int]]] = {}
    for rater, ratings in by_rater.items():
        for item, rating in ratings.items():
            if rating is not None:
                items.setdefault(item, []).append((rater, rating))
    out = []
    for item, pairs in items.items():
        values = [v for _, v in pairs]
        out.append(
            ItemSpread(
                item, tuple(pairs), min(values), max(values), round(sum(values) / len(values), 2)
            )
        )
    return out
