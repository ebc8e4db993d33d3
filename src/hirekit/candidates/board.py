"""What a job's board shows: a column per stage, then the closed applications.

A busy job has thousands of applications: each column shows its first cards
(longest waiting first) and its full count; "Show more" asks for more of one
column. Two statements whatever the job's size: the counts, then the cards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, String, case, cast, func, select, union_all
from sqlalchemy.orm import joinedload

from hirekit.accounts.models import User
from hirekit.candidates.blinding import title
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application, Candidate
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


@dataclass
class Column:
    #: ``str(stage id)`` for a stage's column, the status for a closed one.
    key: str
    title: str
    stage: Stage | None = None
    cards: list[Application] = field(default_factory=list)
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


def build_board(job: Job, limits: Mapping[str, int] | None = None) -> Board:
    """Active and hired applications sit in their stage's column, longest waiting first.

    ``limits`` maps a column's key to how many cards it shows (``PAGE`` otherwise).
    """
    limits = dict(limits or {})
    columns = [Column(str(s.id), s.name, s, limit=limits.get(str(s.id), PAGE)) for s in job.stages]
    closed = [Column(s, s.capitalize(), limit=limits.get(s, PAGE)) for s in CLOSED]
    by_key = {c.key: c for c in (*columns, *closed)}
    key = case(
        (Application.status.in_(CLOSED), Application.status),
        else_=cast(Application.stage_id, String),
    )
    for column_key, count in db.session.execute(
        select(key, func.count()).where(Application.job_id == job.id).group_by(key)
    ):
        if column_key in by_key:
            by_key[column_key].count = count
    # Each column's first cards: one limited, index-ordered read per column, in one statement.
    firsts = [
        select(Application.id)
        .where(Application.job_id == job.id, *_in_column(c))
        .order_by(Application.stage_entered_at, Application.id)
        .limit(c.limit)
        .subquery()
        for c in by_key.values()
    ]
    shown = union_all(*(select(f.c.id) for f in firsts))
    # A card shows the person's name only: joined, no other candidate column, no tags.
    query = (
        select(Application)
        .where(Application.id.in_(shown))
        .options(joinedload(Application.candidate, innerjoin=True).load_only(Candidate.name))
        .order_by(Application.stage_entered_at, Application.id)
    )
    for application in db.session.scalars(query):
        status = application.status
        column = by_key.get(status if status in CLOSED else str(application.stage_id))
        if column is not None:
            column.cards.append(application)
    return Board(job, columns, closed)


def _in_column(column: Column) -> tuple[ColumnElement[bool], ...]:
    if column.stage is None:
        return (Application.status == column.key,)
    return (Application.status.in_(OPEN), Application.stage_id == column.stage.id)


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
