"""What a job's board shows: a column per stage, then the closed applications.

A busy job has thousands of applications: each column shows its first cards
(longest waiting first) and its full count; "Show more" asks for more of one
column. Three statements whatever the job's size: the counts, the cards (plain
values, not ORM objects), and the cards' knockout answers. Everything a card
shows is worked out here, once, so the template only writes it out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Integer, Select, bindparam, func, select, true, union_all

from hirekit.accounts.models import User
from hirekit.candidates.blinding import blind_id, hides, title
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import (
    Application,
    ApplicationAnswer,
    Candidate,
    whole_days_since,
)
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.jobs.models import Job, Stage

#: Cards a column shows at first, and how many more each "Show more" adds.
PAGE = 20
#: The most cards one column shows, however often "Show more" is asked.
MOST_SHOWN = 1_000
#: The closed columns after the stages, in this order.
CLOSED = (ApplicationStatus.REJECTED.value, ApplicationStatus.WITHDRAWN.value)
#: The statuses whose cards sit in their stage's column.
OPEN = tuple(s.value for s in ApplicationStatus if s.value not in CLOSED)


@dataclass(frozen=True, slots=True)
class Card:
    """What one card shows, read as plain values: a board shows a hundred of them or more."""

    id: int
    candidate_id: int
    stage_id: int
    status: str
    reject_reason: str
    #: The person's name, or their pseudonym for a blind reviewer.
    name: str
    days_in_stage: int
    #: The questions whose answers knock this application out, in the form's order.
    knockouts: tuple[str, ...] = ()


@dataclass
class Column:
    #: ``str(stage id)`` for a stage's column, the status for a closed one.
    key: str
    title: str
    stage: Stage | None = None
    cards: list[Card] = field(default_factory=list)
    count: int = 0
    limit: int = PAGE

    @property
    def more(self) -> bool:
        return self.count > len(self.cards) and self.limit < MOST_SHOWN

    @property
    def next_limit(self) -> int:
        return min(self.limit + PAGE, MOST_SHOWN)


@dataclass
class Board:
    job: Job
    columns: list[Column]
    closed: list[Column]

    @property
    def total(self) -> int:
        return sum(c.count for c in (*self.columns, *self.closed))


def shown_limit(value: str) -> int | None:
    """A column's ``show_<key>`` argument as a card count, or None when it is not a number."""
    if not value.isdigit():
        return None
    return max(PAGE, min(int(value), MOST_SHOWN))


def build_board(
    job: Job,
    limits: Mapping[str, int] | None = None,
    *,
    viewer: User | None = None,
    now: datetime | None = None,
) -> Board:
    """Active and hired applications sit in their stage's column, longest waiting first.

    ``limits`` maps a column's key to how many cards it shows (``PAGE`` otherwise);
    ``viewer`` decides whose names are hidden (blind review); ``now`` dates the cards.
    """
    limits = dict(limits or {})
    now = now or utcnow()
    columns = [Column(str(s.id), s.name, s, limit=limits.get(str(s.id), PAGE)) for s in job.stages]
    closed = [Column(s, s.capitalize(), limit=limits.get(s, PAGE)) for s in CLOSED]
    by_key = {c.key: c for c in (*columns, *closed)}
    for status, stage_id, count in db.session.execute(_COUNTS, {"job_id": job.id}):
        column = by_key.get(_column_key(status, stage_id))
        if column is not None:
            column.count += count
    params: dict[str, Any] = {"job_id": job.id}
    for index, column in enumerate(columns):
        params[f"stage_{index}"] = column.stage.id if column.stage else None
        params[f"limit_{index}"] = column.limit
    params.update({f"limit_{c.key}": c.limit for c in closed})
    rows = db.session.execute(_cards_statement(len(columns)), params).all()
    knockouts = _knockouts([row.id for row in rows])
    for row in rows:
        column = by_key.get(_column_key(row.status, row.stage_id))
        if column is None:
            continue
        hidden = hides(viewer, row.candidate_id)
        column.cards.append(
            Card(
                id=row.id,
                candidate_id=row.candidate_id,
                stage_id=row.stage_id,
                status=row.status,
                reject_reason=row.reject_reason,
                name=blind_id(row.candidate_id) if hidden else row.name,
                days_in_stage=whole_days_since(row.stage_entered_at, now),
                knockouts=knockouts.get(row.id, ()),
            )
        )
    return Board(job, columns, closed)


#: Grouped by the board index's own columns: read from the index, in its order
#: (grouping by a computed column key sorted every application of the job).
_COUNTS = (
    select(Application.status, Application.stage_id, func.count())
    .where(Application.job_id == bindparam("job_id"))
    .group_by(Application.status, Application.stage_id)
)


@lru_cache(maxsize=32)
def _cards_statement(stages: int) -> Select[int, int, int, str, str, datetime, str]:
    """The shown cards of a board with ``stages`` stage columns: each column's first cards
    are one limited, index-ordered read, all in one statement. Built once per stage count
    (the job, stages and limits are parameters): building it cost more than running it."""
    in_stage = [
        (Application.status.in_(OPEN), Application.stage_id == bindparam(f"stage_{index}"), index)
        for index in range(stages)
    ]
    in_closed = [(Application.status == status, true(), status) for status in CLOSED]
    firsts = [
        select(Application.id)
        .where(Application.job_id == bindparam("job_id"), status_is, stage_is)
        .order_by(Application.stage_entered_at, Application.id)
        .limit(bindparam(f"limit_{name}", type_=Integer))
        .subquery()
        for status_is, stage_is, name in (*in_stage, *in_closed)
    ]
    shown = union_all(*(select(f.c.id) for f in firsts))
    # A card shows the person's name only: no other candidate column, no tags.
    return (
        select(
            Application.id,
            Application.candidate_id,
            Application.stage_id,
            Application.status,
            Application.reject_reason,
            Application.stage_entered_at,
            Candidate.name,
        )
        .join(Candidate, Candidate.id == Application.candidate_id)
        .where(Application.id.in_(shown))
        .order_by(Application.stage_entered_at, Application.id)
    )


def _column_key(status: str, stage_id: int) -> str:
    return status if status in CLOSED else str(stage_id)


def _knockouts(application_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """The knocked-out questions of these applications (most have none: few rows)."""
    if not application_ids:
        return {}
    found: dict[int, tuple[str, ...]] = {}
    for application_id, question in db.session.execute(
        select(ApplicationAnswer.application_id, ApplicationAnswer.question)
        .where(
            ApplicationAnswer.application_id.in_(application_ids),
            ApplicationAnswer.knocked_out.is_(True),
        )
        .order_by(
            ApplicationAnswer.application_id, ApplicationAnswer.position, ApplicationAnswer.id
        )
    ):
        found[application_id] = (*found.get(application_id, ()), question)
    return found


def chosen_names(job_id: int, application_ids: list[int], viewer: User | None = None) -> list[str]:
    """The names of the people behind the chosen applications of a job, for a
    confirmation; pseudonyms for a blind reviewer."""
    people = db.session.scalars(
        select(Candidate)
        .join(Application, Application.candidate_id == Candidate.id)
        .where(Application.job_id == job_id, Application.id.in_(application_ids))
        .order_by(Candidate.name)
    )
    return [title(viewer, person) for person in people]
