"""Percentiles, defined once and computed in SQL on both backends.

Definition (linear interpolation, as PostgreSQL's ``percentile_cont`` and
NumPy's default): sort the n values v[0] <= ... <= v[n-1]; for p in [0, 1]
let pos = p * (n - 1), lo = floor(pos), frac = pos - lo; the percentile is
v[lo] + frac * (v[lo + 1] - v[lo]) (just v[lo] when frac is 0). The median is
p = 0.5, so an even count gives the mean of the two middle values.

PostgreSQL uses ``percentile_cont``. SQLite has no such aggregate, so
:func:`grouped_percentiles` numbers the rows with window functions and picks
v[lo] and v[lo + 1] per group in the same single query. ``p`` is taken as a
small fraction num/den so that lo and frac are exact integer arithmetic.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.sql.selectable import SelectBase

from hirekit.extensions import db

QUARTILES = (0.5, 0.75)


@dataclass(frozen=True)
class Spread:
    """How many values a group has and their percentiles, keyed by p."""

    count: int
    values: dict[float, float]

    @property
    def median(self) -> float | None:
        return self.values.get(0.5)

    @property
    def p75(self) -> float | None:
        return self.values.get(0.75)


def percentile(p: float, values: Sequence[float]) -> float | None:
    """The reference definition in plain Python; ``None`` for no values."""
    if not values:
        return None
    ordered = sorted(values)
    num, den = _fraction(p)
    lo, rest = divmod((len(ordered) - 1) * num, den)
    if rest == 0:
        return float(ordered[lo])
    return ordered[lo] + (rest / den) * (ordered[lo + 1] - ordered[lo])


def _fraction(p: float) -> tuple[int, int]:
    if not 0 <= p <= 1:
        raise ValueError(f"percentile must be within [0, 1], got {p}")
    frac = Fraction(p).limit_denominator(1000)
    return frac.numerator, frac.denominator


def grouped_percentiles(
    rows: SelectBase,
    ps: Sequence[float] = QUARTILES,
    *,
    portable: bool | None = None,
) -> dict[Hashable, Spread]:
    """Percentiles of ``value`` per ``grp`` for a query selecting those two columns.

    ``portable=None`` uses ``percentile_cont`` on PostgreSQL and the window
    form elsewhere; ``portable=True`` forces the window form (tests compare both).
    """
    session = db.session
    sub = rows.subquery()
    use_window = (
        portable if portable is not None else session.get_bind().dialect.name != "postgresql"
    )
    if use_window:
        return _window_percentiles(session, sub, ps)
    columns = [func.count().label("n")]
    columns += [
        func.percentile_cont(p).within_group(sub.c.value.asc()).label(f"p{i}")
        for i, p in enumerate(ps)
    ]
    query = select(sub.c.grp, *columns).group_by(sub.c.grp)
    return {
        row.grp: Spread(row.n, {p: float(row[2 + i]) for i, p in enumerate(ps)})
        for row in session.execute(query)
    }


def _window_percentiles(session: Any, sub: Any, ps: Sequence[float]) -> dict[Hashable, Spread]:
    ranked = select(
        sub.c.grp,
        sub.c.value,
        (func.row_number().over(partition_by=sub.c.grp, order_by=sub.c.value) - 1).label("rn"),
        # The same partition and order as row_number (over the whole partition),
        # so both come from one sort.
        func.count()
        .over(partition_by=sub.c.grp, order_by=sub.c.value, rows=(None, None))
        .label("n"),
    ).subquery()
    columns: list[Any] = [func.max(ranked.c.n).label("n")]
    picks: list[Any] = [ranked.c.rn == 0]
    for p in ps:
        num, den = _fraction(p)
        # Integer division on both backends: the exact floor of (n - 1) * p.
        lo = ((ranked.c.n - 1) * literal(num)) // literal(den)
        has_next = ((ranked.c.n - 1) * literal(num)) % literal(den) > 0
        columns.append(func.max(case((ranked.c.rn == lo, ranked.c.value))))
        columns.append(func.max(case((and_(has_next, ranked.c.rn == lo + 1), ranked.c.value))))
        columns.append(func.max(((ranked.c.n - 1) * literal(num)) % literal(den)))
        picks += [ranked.c.rn == lo, ranked.c.rn == lo + 1]
    # Only the rows a percentile reads (and each group's first, so that every
    # group is seen) reach the grouping: a few per group rather than all of them.
    query = select(ranked.c.grp, *columns).where(or_(*picks)).group_by(ranked.c.grp)
    result: dict[Hashable, Spread] = {}
    for row in session.execute(query):
        values: dict[float, float] = {}
        for i, p in enumerate(ps):
            low, high, rest = row[2 + 3 * i], row[3 + 3 * i], row[4 + 3 * i]
            _, den = _fraction(p)
            values[p] = float(low) if not rest else low + (rest / den) * (high - low)
        result[row.grp] = Spread(int(row.n), values)
    return result
