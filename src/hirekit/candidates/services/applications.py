"""Applications through a job's pipeline: apply, move, reject, withdraw, hire, in bulk too.

Every change writes a timeline event with who and when; a move's event holds
the stage it left and the stage it entered. What reaching a stage means is
its kind: a ``hired`` stage hires, a ``rejected`` one rejects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select

from hirekit import events
from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.choices import ApplicationStatus, EventType
from hirekit.candidates.models import Application, Candidate
from hirekit.candidates.services.candidates import add_tags, visible_job_ids
from hirekit.candidates.services.timeline import record_event
from hirekit.db import utcnow
from hirekit.errors import Conflict, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.choices import REJECT_REASONS, StageKind
from hirekit.jobs.models import Job, Stage
from hirekit.jobs.services.stages import get_stage


def get_application(application_id: int, user: User) -> Application:
    application = db.session.get(Application, application_id)
    if application is None or application.job_id not in visible_job_ids(user):
        raise NotFound(f"No application with id {application_id}")
    return application


def applications_for(candidate: Candidate, user: User) -> list[Application]:
    job_ids = visible_job_ids(user)
    return [a for a in candidate.applications if a.job_id in job_ids]


def apply(
    candidate: Candidate,
    job: Job,
    *,
    actor: User | None,
    at: datetime | None = None,
) -> Application:
    """Put ``candidate`` in the first stage of ``job``; once per person and job."""
    if not job.stages:
        raise ValidationFailed(f"Job {job.id} has no pipeline stages")
    taken = db.session.scalars(
        select(Application).where(
            Application.candidate_id == candidate.id, Application.job_id == job.id
        )
    ).first()
    if taken is not None:
        raise Conflict(f"{candidate.name} already applied to {job.title}")
    when = at or utcnow()
    first = job.stages[0]
    application = Application(
        candidate=candidate, job=job, stage=first, stage_entered_at=when, created_at=when
    )
    db.session.add(application)
    db.session.flush()
    record_event(
        EventType.APPLIED,
        candidate,
        actor=actor,
        application=application,
        data={"job_id": job.id, "job": job.title, "stage_id": first.id, "stage": first.name},
        at=when,
    )
    events.application_created.send(events.ApplicationCreated(application))
    return application


def _audit(action: str, application: Application, actor: User | None, **details: object) -> None:
    audit.record(
        action,
        actor=actor,
        subject_type="application",
        subject_id=application.id,
        details={"candidate_id": application.candidate_id, "job_id": application.job_id, **details},
    )


#: The largest yearly salary an offer may record (a typo guard, not a policy).
MAX_SALARY = 10_000_000


def is_offer_stage(stage: Stage) -> bool:
    return stage.kind == StageKind.OFFER.value


def _check_salary(stage: Stage, salary: int | None) -> None:
    if salary is None:
        return
    if not is_offer_stage(stage):
        raise ValidationFailed(
            "A salary is recorded only when moving into an offer stage",
            details={"salary": "only for an offer stage"},
        )
    if not 1 <= salary <= MAX_SALARY:
        raise ValidationFailed(
            "The salary offered is out of range", details={"salary": f"1 to {MAX_SALARY}"}
        )


def move(
    application: Application,
    stage: Stage,
    *,
    actor: User | None,
    at: datetime | None = None,
    salary: int | None = None,
) -> Application:
    """Move to ``stage`` of the same job; a rejected or withdrawn one moved becomes active.

    ``salary`` (yearly, in the job's currency) records the salary offered on a
    move into an offer stage, in the move event's ``data.salary`` and its audit.
    """
    if stage.job_id != application.job_id:
        raise ValidationFailed("That stage belongs to another job", details={"stage": "other job"})
    _check_salary(stage, salary)
    closed = application.status in (ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)
    if stage.id == application.stage_id and not closed:
        raise Conflict(f"{application.candidate.name} is already in {stage.name}")
    when = at or utcnow()
    source = application.stage
    data: dict[str, object] = {
        "from_stage_id": source.id,
        "from_stage": source.name,
        "to_stage_id": stage.id,
        "to_stage": stage.name,
        "from_status": application.status,
    }
    if salary is not None:
        data["salary"] = salary
    application.stage, application.stage_entered_at = stage, when
    application.status, application.reject_reason = ApplicationStatus.ACTIVE.value, ""
    record_event(
        EventType.MOVED,
        application.candidate,
        actor=actor,
        application=application,
        data=data,
        at=when,
    )
    job = application.job
    if stage.kind == StageKind.REJECTED.value:
        # A stage of kind "rejected" closes the application there, as a rejection would.
        application.status, application.reject_reason = ApplicationStatus.REJECTED.value, "other"
        record_event(
            EventType.REJECTED,
            application.candidate,
            actor=actor,
            application=application,
            data={"stage_id": stage.id, "stage": stage.name, "reason": "other"},
            at=when,
        )
    if stage.kind == StageKind.HIRED.value:
        application.status = ApplicationStatus.HIRED.value
        record_event(
            EventType.HIRED,
            application.candidate,
            actor=actor,
            application=application,
            data={"job_id": job.id, "job": job.title},
            at=when,
        )
    db.session.flush()
    offered = {"salary": salary} if salary is not None else {}
    _audit(
        "application.moved",
        application,
        actor,
        **{"from": source.name, "to": stage.name},
        **offered,
    )
    events.application_moved.send(events.ApplicationMoved(application, source))
    if closed:
        events.application_reopened.send(events.ApplicationReopened(application, actor))
    if application.status == ApplicationStatus.HIRED.value:
        events.application_hired.send(events.ApplicationHired(application))
    if application.status == ApplicationStatus.REJECTED.value:
        events.application_rejected.send(events.ApplicationRejected(application))
    return application


def reject(
    application: Application, reason: str, *, actor: User | None, at: datetime | None = None
) -> Application:
    if reason not in REJECT_REASONS:
        raise ValidationFailed(
            f"Unknown reject reason {reason!r}",
            details={"reason": "one of " + ", ".join(REJECT_REASONS)},
        )
    return _close(application, ApplicationStatus.REJECTED, actor=actor, at=at, reason=reason)


def withdraw(
    application: Application, *, actor: User | None, at: datetime | None = None
) -> Application:
    return _close(application, ApplicationStatus.WITHDRAWN, actor=actor, at=at)


def _close(
    application: Application,
    status: ApplicationStatus,
    *,
    actor: User | None,
    at: datetime | None,
    reason: str = "",
) -> Application:
    if application.status != ApplicationStatus.ACTIVE.value:
        raise Conflict(f"The application is already {application.status}")
    application.status, application.reject_reason = status.value, reason
    data = {"stage_id": application.stage_id, "stage": application.stage.name}
    if reason:
        data["reason"] = reason
    event_type = EventType.REJECTED if status == ApplicationStatus.REJECTED else EventType.WITHDRAWN
    record_event(
        event_type, application.candidate, actor=actor, application=application, data=data, at=at
    )
    db.session.flush()
    _audit(f"application.{status.value}", application, actor, **data)
    if status == ApplicationStatus.REJECTED:
        events.application_rejected.send(events.ApplicationRejected(application))
    return application


@dataclass(frozen=True)
class Action:
    """One pipeline action, as the board's menus and the bulk form spell it.

    ``stage:<id>`` moves, ``reject:<reason>`` rejects, ``withdraw`` withdraws,
    ``tag`` adds tags to the person.
    """

    kind: str
    value: str = ""

    @classmethod
    def parse(cls, text: str) -> Action:
        kind, _, value = text.strip().partition(":")
        if kind == "stage" and value.isdigit():
            return cls(kind, value)
        if kind == "reject" and value in REJECT_REASONS:
            return cls(kind, value)
        if kind in ("withdraw", "tag") and not value:
            return cls(kind)
        raise ValidationFailed(f"Unknown action {text!r}", details={"action": "not recognised"})


def perform(
    application: Application,
    action: Action,
    *,
    actor: User,
    tags: list[str] | None = None,
    salary: int | None = None,
) -> None:
    """Carry out one action; ``salary`` goes with a move into an offer stage only."""
    if action.kind != "stage" and salary is not None:
        raise ValidationFailed(
            "A salary goes only with a move into an offer stage", details={"salary": "not a move"}
        )
    if action.kind == "stage":
        stage = get_stage(application.job, int(action.value))
        move(application, stage, actor=actor, salary=salary)
    elif action.kind == "reject":
        reject(application, action.value, actor=actor)
    elif action.kind == "withdraw":
        withdraw(application, actor=actor)
    else:
        if not tags:
            raise ValidationFailed("Give at least one tag", details={"tags": "required"})
        add_tags(application.candidate, tags, actor=actor)


@dataclass(frozen=True)
class BulkOutcome:
    done: int
    skipped: list[str]


def chosen_applications(job: Job, application_ids: list[int]) -> list[Application]:
    """The chosen applications of ``job`` in id order; every id must be one of them."""
    if not application_ids:
        raise ValidationFailed(
            "Choose at least one candidate", details={"application_ids": "empty"}
        )
    chosen = list(
        db.session.scalars(
            select(Application)
            .where(Application.job_id == job.id, Application.id.in_(application_ids))
            .order_by(Application.id)
        )
    )
    if len(chosen) != len(set(application_ids)):
        raise NotFound("Some chosen applications are not in this job")
    return chosen


def bulk(
    job: Job,
    application_ids: list[int],
    action: Action,
    *,
    actor: User,
    tags: list[str] | None = None,
) -> BulkOutcome:
    """Apply ``action`` to each chosen application of ``job``.

    One that cannot take it (already in that stage, already rejected) is skipped
    with its reason rather than failing the whole batch.
    """
    done, skipped = 0, []
    for application in chosen_applications(job, application_ids):
        try:
            with db.session.begin_nested():
                perform(application, action, actor=actor, tags=tags)
            done += 1
        except Conflict as exc:
            skipped.append(exc.message)
    return BulkOutcome(done, skipped)


def job_applications_query(job: Job) -> Select[Application]:
    return (
        select(Application)
        .join(Application.stage)
        .where(Application.job_id == job.id)
        .order_by(Stage.position, Application.stage_entered_at, Application.id)
    )
