"""What a job's board shows: a column per stage, then the closed applications."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from hirekit.accounts.models import User
from hirekit.candidates.blinding import title
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application, Candidate
from hirekit.extensions import db
from hirekit.jobs.models import Job, Stage


@dataclass
class Column:
    stage: Stage
    cards: list[Application] = field(default_factory=list)


@dataclass
class Board:
    job: Job
    columns: list[Column]
    closed: dict[str, list[Application]]

    @property
    def total(self) -> int:
        return sum(len(c.cards) for c in self.columns) + sum(map(len, self.closed.values()))


def build_board(job: Job) -> Board:
    """Active and hired applications sit in their stage's column, longest waiting first."""
    # A card shows the person's name only: one joined query, no other candidate
    # column, no tags (thousands of cards on a busy job).
    query = (
        select(Application)
        .where(Application.job_id == job.id)
        .options(joinedload(Application.candidate, innerjoin=True).load_only(Candidate.name))
        .order_by(Application.stage_entered_at, Application.id)
    )
    columns = {stage.id: Column(stage) for stage in job.stages}
    closed: dict[str, list[Application]] = {
        ApplicationStatus.REJECTED.value: [],
        ApplicationStatus.WITHDRAWN.value: [],
    }
    for application in db.session.scalars(query):
        if application.status in closed:
            closed[application.status].append(application)
        else:
            columns[application.stage_id].cards.append(application)
    return Board(job, list(columns.values()), closed)


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
