""" "My work" on the dashboard: what each role has to do next, each item linking to it.

Every tile is one bounded aggregate or list query (no per-row look-ups), so the
dashboard stays fast however many jobs, candidates and interviews there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, select

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application, Candidate
from hirekit.extensions import db
from hirekit.interviews.choices import OVERDUE_HOURS, InterviewStatus, ScorecardStatus
from hirekit.interviews.models import DebriefDecision, Interview, Scorecard
from hirekit.jobs.choices import JobState
from hirekit.jobs.models import Job, Stage
from hirekit.jobs.services.jobs import visible_jobs
from hirekit.queue.models import BackgroundJob, JobStatus
from hirekit.takehomes.models import Submission, SubmissionStatus

#: How long a candidate may sit in one stage before the recruiter is told.
STALLED_AFTER_DAYS = 7
#: How far back "new applications" look.
NEW_WITHIN_DAYS = 7
#: Rows listed per tile; the count above a list is always the full one.
LIST_LIMIT = 10


@dataclass(frozen=True)
class InterviewRow:
    interview_id: int
    scorecard_id: int
    title: str
    candidate: str
    job: str
    starts_at: datetime
    overdue: bool = False


@dataclass(frozen=True)
class PairRow:
    """A candidate interviewed for a job: scorecards submitted of the panel's total."""

    job_id: int
    job: str
    candidate_id: int
    candidate: str
    submitted: int
    total: int


@dataclass(frozen=True)
class ApplicationRow:
    candidate_id: int
    candidate: str
    job_id: int
    job: str
    stage: str
    since: datetime


@dataclass(frozen=True)
class ReviewRow:
    """A take-home reviewed lately: its report is ready to read."""

    submission_id: int
    filename: str
    candidate: str | None
    score: int | None
    level: str


@dataclass(frozen=True)
class PipelineRow:
    job_id: int
    job: str
    counts: list[tuple[str, int]]


@dataclass
class MyWork:
    upcoming: list[InterviewRow] = field(default_factory=list)
    scorecards_due: list[InterviewRow] = field(default_factory=list)
    debriefs_ready: list[PairRow] = field(default_factory=list)
    awaiting_scorecards: list[PairRow] = field(default_factory=list)
    pipelines: list[PipelineRow] = field(default_factory=list)
    new_applications: int = 0
    new_list: list[ApplicationRow] = field(default_factory=list)
    stalled: int = 0
    stalled_list: list[ApplicationRow] = field(default_factory=list)
    takehomes_waiting: int = 0
    takehomes_reviewed: list[ReviewRow] = field(default_factory=list)
    failed_jobs: list[BackgroundJob] = field(default_factory=list)


def _interviewer(user: User, now: datetime, work: MyWork) -> None:
    base = (
        select(Scorecard.id, Interview, Candidate.name, Job.title)
        .join(Interview, Interview.id == Scorecard.interview_id)
        .join(Candidate, Candidate.id == Interview.candidate_id)
        .join(Job, Job.id == Interview.job_id)
        .where(
            Scorecard.interviewer_id == user.id,
            Interview.status != InterviewStatus.CANCELLED.value,
        )
    )
    upcoming = db.session.execute(
        base.where(Interview.starts_at >= now)
        .order_by(Interview.starts_at, Interview.id)
        .limit(LIST_LIMIT)
    ).all()
    due = db.session.execute(
        base.where(Interview.starts_at < now, Scorecard.status == ScorecardStatus.DRAFT.value)
        .order_by(Interview.starts_at, Interview.id)
        .limit(LIST_LIMIT)
    ).all()
    late = timedelta(hours=OVERDUE_HOURS)
    work.upcoming = [
        InterviewRow(i.id, card, i.title, name, title, i.starts_at)
        for card, i, name, title in upcoming
    ]
    work.scorecards_due = [
        InterviewRow(i.id, card, i.title, name, title, i.starts_at, i.ends_at + late < now)
        for card, i, name, title in due
    ]


def _hiring_manager(user: User, now: datetime, work: MyWork) -> None:
    jobs = visible_jobs(user).with_only_columns(Job.id)
    decided = exists().where(
        DebriefDecision.job_id == Interview.job_id,
        DebriefDecision.candidate_id == Interview.candidate_id,
    )
    active = exists().where(
        Application.candidate_id == Interview.candidate_id,
        Application.job_id == Interview.job_id,
        Application.status == ApplicationStatus.ACTIVE.value,
    )
    submitted = func.sum(case((Scorecard.status == ScorecardStatus.SUBMITTED.value, 1), else_=0))
    first = func.min(Interview.starts_at)
    # The pairs first, each probed by (job, candidate) indexes; the job title and
    # candidate name are then read for the hundred listed, not for every interview.
    pairs = (
        select(
            Interview.job_id,
            Interview.candidate_id,
            submitted.label("submitted"),
            func.count(Scorecard.id).label("total"),
            first.label("first"),
        )
        .join(Scorecard, Scorecard.interview_id == Interview.id)
        .where(
            Interview.job_id.in_(jobs),
            Interview.status != InterviewStatus.CANCELLED.value,
            Interview.starts_at < now,
            active,
            ~decided,
        )
        .group_by(Interview.job_id, Interview.candidate_id)
        .order_by(first)
        .limit(100)
        .subquery()
    )
    rows = db.session.execute(
        select(
            pairs.c.job_id,
            Job.title,
            pairs.c.candidate_id,
            Candidate.name,
            pairs.c.submitted,
            pairs.c.total,
        )
        .join(Job, Job.id == pairs.c.job_id)
        .join(Candidate, Candidate.id == pairs.c.candidate_id)
        .order_by(pairs.c.first, pairs.c.job_id, pairs.c.candidate_id)
    ).all()
    for job_id, title, candidate_id, name, done, total in rows:
        row = PairRow(job_id, title, candidate_id, name, int(done or 0), int(total))
        (work.debriefs_ready if row.submitted >= row.total else work.awaiting_scorecards).append(
            row
        )
    counts = db.session.execute(
        select(Job.id, Job.title, Stage.name, func.count(Application.id))
        .join(Stage, Stage.job_id == Job.id)
        .outerjoin(
            Application,
            and_(
                # The job too (implied by the stage): the board's covering index then counts.
                Application.job_id == Job.id,
                Application.stage_id == Stage.id,
                Application.status == ApplicationStatus.ACTIVE.value,
            ),
        )
        .where(Job.id.in_(jobs), Job.state.in_([JobState.OPEN.value, JobState.PAUSED.value]))
        .group_by(Job.id, Job.title, Stage.id, Stage.name, Stage.position)
        .order_by(Job.id, Stage.position)
        .limit(400)
    ).all()
    pipelines: dict[int, PipelineRow] = {}
    for job_id, title, stage, count in counts:
        pipelines.setdefault(job_id, PipelineRow(job_id, title, [])).counts.append((stage, count))
    work.pipelines = list(pipelines.values())[:LIST_LIMIT]


def _applications(
    where: ColumnElement[bool], order: ColumnElement[Any], since_stage: bool, user: User
) -> tuple[int, list[ApplicationRow]]:
    """Active applications of visible jobs matching ``where``: the count and the first rows."""
    jobs = visible_jobs(user).with_only_columns(Job.id)
    active = and_(
        Application.job_id.in_(jobs),
        Application.status == ApplicationStatus.ACTIVE.value,
        where,
    )
    total = db.session.scalar(select(func.count(Application.id)).where(active)) or 0
    rows = db.session.execute(
        select(
            Candidate.id,
            Candidate.name,
            Job.id,
            Job.title,
            Stage.name,
            Application.stage_entered_at if since_stage else Application.created_at,
        )
        .join(Candidate, Candidate.id == Application.candidate_id)
        .join(Job, Job.id == Application.job_id)
        .join(Stage, Stage.id == Application.stage_id)
        .where(active)
        .order_by(order)
        .limit(LIST_LIMIT)
    ).all()
    return total, [ApplicationRow(*row) for row in rows]


def _recruiter(user: User, now: datetime, work: MyWork) -> None:
    since = now - timedelta(days=NEW_WITHIN_DAYS)
    work.new_applications, work.new_list = _applications(
        Application.created_at >= since, Application.created_at.desc(), False, user
    )
    stalled_before = now - timedelta(days=STALLED_AFTER_DAYS)
    work.stalled, work.stalled_list = _applications(
        Application.stage_entered_at < stalled_before,
        Application.stage_entered_at.asc(),
        True,
        user,
    )
    if user.can(Permission.REVIEWS_RUN):
        work.takehomes_waiting = (
            db.session.scalar(
                select(func.count(Submission.id)).where(
                    Submission.status == SubmissionStatus.QUEUED.value
                )
            )
            or 0
        )
        work.takehomes_reviewed = _reviewed(user, now - timedelta(days=NEW_WITHIN_DAYS))


def _reviewed(user: User, since: datetime) -> list[ReviewRow]:
    """Reports of the last days, newest first; a confidential job's stay with its team."""
    jobs = visible_jobs(user).with_only_columns(Job.id)
    rows = db.session.execute(
        select(
            Submission.id, Submission.filename, Candidate.name, Submission.score, Submission.level
        )
        .outerjoin(Candidate, Candidate.id == Submission.candidate_id)
        .where(
            Submission.status == SubmissionStatus.REVIEWED.value,
            Submission.reviewed_at >= since,
            Submission.job_id.is_(None) | Submission.job_id.in_(jobs),
        )
        .order_by(Submission.reviewed_at.desc(), Submission.id.desc())
        .limit(LIST_LIMIT)
    ).all()
    return [ReviewRow(*row) for row in rows]


def _failed(user: User, now: datetime, work: MyWork) -> None:
    work.failed_jobs = list(
        db.session.scalars(
            select(BackgroundJob)
            .where(
                BackgroundJob.status == JobStatus.FAILED.value,
                BackgroundJob.created_at >= now - timedelta(days=NEW_WITHIN_DAYS),
            )
            .order_by(BackgroundJob.id.desc())
            .limit(LIST_LIMIT)
        )
    )


def my_work(user: User, now: datetime) -> MyWork:
    """The work waiting for ``user``, by what their role lets them do."""
    work = MyWork()
    if user.can(Permission.INTERVIEWS_OWN):
        _interviewer(user, now, work)
    if user.can(Permission.DEBRIEFS_RUN):
        _hiring_manager(user, now, work)
    if user.can(Permission.CANDIDATES_WRITE):
        _recruiter(user, now, work)
    if user.can(Permission.TASKS_READ):
        _failed(user, now, work)
    return work
