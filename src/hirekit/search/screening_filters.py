"""Search conditions on a candidate's latest resume screening: its fit and its flags.

"Latest" is the newest current screening of the candidate, whatever the use
case -- the one the candidate page shows (``hirekit.resumes.services.uploads.latest_screening``).
A recruiter's override of the fit counts instead of the engine's fit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, cast, exists, func, literal, or_, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import InstrumentedAttribute, aliased
from sqlalchemy.sql.selectable import ScalarSelect

from hirekit.extensions import db
from hirekit.resumes.models import Screening

FLAG_COLOURS = ("green", "yellow")


def _latest(candidate_id: InstrumentedAttribute[int], column: Any) -> ScalarSelect[Any]:
    """``column`` of the candidate's latest screening, as a correlated scalar subquery."""
    return (
        select(column)
        .where(Screening.candidate_id == candidate_id, Screening.current)
        .order_by(Screening.screened_at.desc(), Screening.id.desc())
        .limit(1)
        # Bound to the outer query's candidate, however deeply it is nested.
        .correlate_except(Screening)
        .scalar_subquery()
    )


def fit_is(candidate_id: InstrumentedAttribute[int], fit: str) -> ColumnElement[bool]:
    """The candidate's latest screening has this (effective) fit: strong, possible or no."""
    return _latest(candidate_id, Screening.effective_fit) == literal(fit)


def has_flag(candidate_id: InstrumentedAttribute[int], flag: str) -> ColumnElement[bool]:
    """The candidate's latest screening raised the guide flag ``flag`` (green or yellow)."""
    latest = aliased(Screening)
    return exists().where(
        latest.id == _latest(candidate_id, Screening.id), _flag_in(latest.flags, flag)
    )


def _flag_in(flags: InstrumentedAttribute[object], flag: str) -> ColumnElement[bool]:
    """``flags`` ({"green": [{"flag": ...}], "yellow": [...]}) names ``flag``."""
    if db.session.get_bind().dialect.name == "postgresql":
        # The column is ``json``; as ``jsonb`` it answers containment directly.
        document = cast(flags, JSONB)
        wanted = (literal({c: [{"flag": flag}]}, JSONB) for c in FLAG_COLOURS)
        return or_(*(document.op("@>")(w) for w in wanted))
    # SQLite: walk the document; a flag's id sits at $.<colour>[i].flag.
    tree = func.json_tree(flags).table_valued("key", "atom", "path")
    in_a_list = or_(*(tree.c.path.like(f"$.{c}[%") for c in FLAG_COLOURS))
    found = select(literal(1)).select_from(tree)
    return exists(found.where(tree.c.key == "flag", tree.c.atom == flag, in_a_list))
