"""Jobs: who may see which, creating and editing them, opening, pausing and closing.

Confidential jobs are visible only to their hiring team, their creator and
whoever holds ``JOBS_CONFIDENTIAL`` (admins); everyone else gets a 404, so a
confidential job's existence does not leak. Services flush; the caller commits.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from flask import current_app
from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import selectinload

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.db import utcnow
from hirekit.errors import Conflict, Forbidden, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.choices import (
    CURRENCIES,
    DEFAULT_STAGES,
    TRANSITIONS,
    EmploymentType,
    JobState,
    Level,
    TeamRole,
    UseCase,
    Workplace,
)
from hirekit.jobs.models import Job, JobMember, Stage

_AUDITED = (
    "title",
    "team",
    "location",
    "workplace",
    "employment_type",
    "applicant_regions",
    "use_case",
    "level",
    "confidential",
)


@dataclass
class JobFields:
    """What a recruiter fills in for a job; validated by :func:`validate_fields`."""

    title: str
    use_case: str
    level: str
    team: str = ""
    location: str = ""
    workplace: str = Workplace.REMOTE.value
    employment_type: str = EmploymentType.FULL_TIME.value
    applicant_regions: str = ""
    salary_min: int | None = None
    salary_max: int | None = None
    currency: str = "EUR"
    description: str = ""
    confidential: bool = False
    hiring_manager_id: int | None = None
    recruiter_ids: list[int] = field(default_factory=list)
    interviewer_ids: list[int] = field(default_factory=list)


def _choice(value: str, allowed: list[str], name: str, problems: dict[str, str]) -> None:
    if value not in allowed:
        problems[name] = "one of " + ", ".join(allowed)


def validate_fields(fields: JobFields) -> JobFields:
    """Normalise ``fields`` or raise ValidationFailed naming every bad field."""
    problems: dict[str, str] = {}
    fields.title = fields.title.strip()
    if not 1 <= len(fields.title) <= 160:
        problems["title"] = "1 to 160 characters"
    _choice(fields.use_case, [u.value for u in UseCase], "use_case", problems)
    _choice(fields.level, [lv.value for lv in Level], "level", problems)
    _choice(fields.workplace, [w.value for w in Workplace], "workplace", problems)
    _choice(fields.employment_type, [e.value for e in EmploymentType], "employment_type", problems)
    fields.applicant_regions = fields.applicant_regions.strip()
    if len(fields.applicant_regions) > 200:
        problems["applicant_regions"] = "at most 200 characters"
    fields.currency = fields.currency.strip().upper()
    _choice(fields.currency, list(CURRENCIES), "currency", problems)
    for name in ("salary_min", "salary_max"):
        value = getattr(fields, name)
        if value is not None and not 0 <= value <= 10_000_000:
            problems[name] = "between 0 and 10,000,000"
    low, high = fields.salary_min, fields.salary_max
    if low is not None and high is not None and low > high:
        problems["salary_max"] = "must not be below the minimum"
    if len(fields.description) > 20_000:
        problems["description"] = "at most 20,000 characters"
    fields.team, fields.location = fields.team.strip()[:120], fields.location.strip()[:120]
    if problems:
        raise ValidationFailed("Some job fields are invalid; see details.", details=problems)
    return fields


def can_see_salary(user: User) -> bool:
    return user.can(Permission.SALARY_READ)


#: What a job list shows of each job (stages, hiring team with names), loaded in
#: one query per relation for the whole page instead of one per job.
JOB_SHOWN = (selectinload(Job.stages), selectinload(Job.members).selectinload(JobMember.user))


def visible_jobs(user: User) -> Select[Job]:
    """Every job ``user`` may see, as a query to filter or paginate further."""
    if not user.can(Permission.JOBS_READ):
        raise Forbidden("Your role does not allow reading jobs.")
    query = select(Job)
    if user.can(Permission.JOBS_CONFIDENTIAL):
        return query
    on_team = exists().where(JobMember.job_id == Job.id, JobMember.user_id == user.id)
    return query.where(or_(Job.confidential.is_(False), on_team, Job.created_by_id == user.id))


def list_jobs(user: User, state: str | None = None) -> list[Job]:
    query = visible_jobs(user).order_by(Job.state != JobState.OPEN.value, Job.title, Job.id)
    query = query.options(*JOB_SHOWN)
    if state:
        query = query.where(Job.state == state)
    return list(db.session.scalars(query))


def get_job(job_id: int, user: User) -> Job:
    job = db.session.scalars(visible_jobs(user).where(Job.id == job_id)).first()
    if job is None:
        raise NotFound(f"No job with id {job_id}")
    return job


def team_choices() -> list[User]:
    """The active users who can be put on a hiring team."""
    query = select(User).where(User.active.is_(True)).order_by(User.name, User.email)
    return list(db.session.scalars(query))


def _set_team(job: Job, fields: JobFields) -> None:
    seats = [(uid, TeamRole.RECRUITER) for uid in fields.recruiter_ids]
    seats += [(uid, TeamRole.INTERVIEWER) for uid in fields.interviewer_ids]
    if fields.hiring_manager_id is not None:
        seats.insert(0, (fields.hiring_manager_id, TeamRole.HIRING_MANAGER))
    ids = {uid for uid, _ in seats}
    found = set(db.session.scalars(select(User.id).where(User.id.in_(ids), User.active)))
    if ids - found:
        raise ValidationFailed(
            "Unknown or inactive users on the hiring team",
            details={"team": f"no active users with ids {sorted(ids - found)}"},
        )
    wanted = {(uid, role.value) for uid, role in seats}
    job.members = [m for m in job.members if (m.user_id, m.role) in wanted]
    have = {(m.user_id, m.role) for m in job.members}
    for uid, role in seats:
        if (uid, role.value) not in have:
            job.members.append(JobMember(user_id=uid, role=role.value))
            have.add((uid, role.value))


#: The job's own columns a JobFields sets (the team is set apart).
_COLUMNS = (*_AUDITED, "salary_min", "salary_max", "currency", "description")


def _apply(job: Job, fields: JobFields) -> None:
    for name in _COLUMNS:
        setattr(job, name, getattr(fields, name))


def create_job(fields: JobFields, *, actor: User) -> Job:
    """A draft job with the default pipeline; its creator can always see it."""
    validate_fields(fields)
    job = Job(created_by_id=actor.id, state=JobState.DRAFT.value)
    _apply(job, fields)
    job.stages = [
        Stage(name=name, position=i, kind=kind.value)
        for i, (name, kind) in enumerate(DEFAULT_STAGES)
    ]
    db.session.add(job)
    _set_team(job, fields)
    db.session.flush()
    audit.record(
        "job.created",
        actor=actor,
        subject_type="job",
        subject_id=job.id,
        details={k: v for k, v in asdict(fields).items() if k in _AUDITED},
    )
    return job


def update_job(job: Job, fields: JobFields, *, actor: User) -> Job:
    validate_fields(fields)
    before = _snapshot(job)
    _apply(job, fields)
    _set_team(job, fields)
    db.session.flush()
    after = _snapshot(job)
    changed = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changed:
        audit.record(
            "job.updated", actor=actor, subject_type="job", subject_id=job.id, details=changed
        )
    return job


def _snapshot(job: Job) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(job, name) for name in _AUDITED}
    values["salary"] = [job.salary_min, job.salary_max, job.currency]
    values["description_length"] = len(job.description)
    values["team_members"] = sorted([m.user_id, m.role] for m in job.members)
    return values


def fields_of(job: Job) -> JobFields:
    """The editable fields of ``job``, for prefilling a form or patching through the API."""
    return JobFields(
        title=job.title,
        use_case=job.use_case,
        level=job.level,
        team=job.team,
        location=job.location,
        workplace=job.workplace,
        employment_type=job.employment_type,
        applicant_regions=job.applicant_regions,
        salary_min=job.salary_min,
        salary_max=job.salary_max,
        currency=job.currency,
        description=job.description,
        confidential=job.confidential,
        hiring_manager_id=job.hiring_manager.id if job.hiring_manager else None,
        recruiter_ids=[u.id for u in job.team_of(TeamRole.RECRUITER)],
        interviewer_ids=[u.id for u in job.team_of(TeamRole.INTERVIEWER)],
    )


def next_states(job: Job) -> set[str]:
    return {s.value for s in TRANSITIONS[JobState(job.state)]}


def change_state(job: Job, state: str, *, actor: User) -> Job:
    """Open, pause, close or reopen ``job``; a move the state table forbids is a conflict."""
    try:
        target = JobState(state)
    except ValueError:
        choices = ", ".join(s.value for s in JobState)
        raise ValidationFailed(
            f"Unknown job state {state!r}", details={"state": f"one of {choices}"}
        ) from None
    current = JobState(job.state)
    if target not in TRANSITIONS[current]:
        raise Conflict(f"A {current.value} job cannot become {target.value}")
    if target is JobState.OPEN:
        _check_publishable(job)
        job.published_at = utcnow()
    job.state = target.value
    db.session.flush()
    audit.record(
        "job.state_changed",
        actor=actor,
        subject_type="job",
        subject_id=job.id,
        details={"from": current.value, "to": target.value},
    )
    return job


def salary_required_to_publish() -> bool:
    return bool(current_app.config["REQUIRE_SALARY_TO_PUBLISH"])


def _check_publishable(job: Job) -> None:
    """Opening a job publishes it; where pay must be shown, a salary band must exist first."""
    if salary_required_to_publish() and (job.salary_min is None or job.salary_max is None):
        raise ValidationFailed(
            "Set the salary band before opening this job: postings must show their pay.",
            details={"salary_min": "required to publish", "salary_max": "required to publish"},
        )
