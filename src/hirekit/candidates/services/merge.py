"""Merging two records of the same person into one, losing nothing."""

from __future__ import annotations

from sqlalchemy import update

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.choices import ApplicationStatus, EventType
from hirekit.candidates.indexing import refresh_candidate
from hirekit.candidates.models import Application, Candidate, Event, Note
from hirekit.candidates.services.candidates import set_tags
from hirekit.candidates.services.timeline import record_event
from hirekit.errors import ValidationFailed
from hirekit.extensions import db

# Which of two applications to one job survives a merge: the one further along.
_RANK = {
    ApplicationStatus.HIRED.value: 3,
    ApplicationStatus.ACTIVE.value: 2,
    ApplicationStatus.REJECTED.value: 1,
    ApplicationStatus.WITHDRAWN.value: 0,
}


def _survivor(a: Application, b: Application) -> tuple[Application, Application]:
    def rank(app: Application) -> tuple[int, int]:
        return _RANK[app.status], app.stage.position

    return (a, b) if rank(a) >= rank(b) else (b, a)


def _fold_application(keep: Application, gone: Application) -> dict[str, object]:
    """Both applied to the same job: one application stays, with all notes and events."""
    db.session.execute(
        update(Event).where(Event.application_id == gone.id).values(application_id=keep.id)
    )
    db.session.execute(
        update(Note).where(Note.application_id == gone.id).values(application_id=keep.id)
    )
    folded = {
        "application_id": gone.id,
        "job_id": gone.job_id,
        "stage": gone.stage.name,
        "status": gone.status,
        "reject_reason": gone.reject_reason,
        "created_at": gone.created_at.isoformat(),
    }
    db.session.delete(gone)
    return folded


#: The fields a person chooses between when merging; "this" keeps the target's value,
#: "other" takes the merged-in record's. Links may also be "both" (the default).
MERGE_FIELDS = ("name", "email", "phone", "source", "links")
CHOICES = ("this", "other", "both")


def check_choices(choices: dict[str, str]) -> dict[str, str]:
    """The per-field choices, every field named and valid, or a clear error per field."""
    problems = {
        field: "choose this or other"
        for field, value in choices.items()
        if field not in MERGE_FIELDS
        or value not in CHOICES
        or (value == "both" and field != "links")
    }
    if problems:
        raise ValidationFailed("Choose which value to keep for each field.", details=problems)
    return choices


def _apply_choices(target: Candidate, source: Candidate, choices: dict[str, str]) -> None:
    for field in ("name", "email", "phone", "source"):
        choice = choices.get(field)
        if choice == "other":
            setattr(target, field, getattr(source, field))
        elif choice is None:  # unchosen: fill an empty value from the other record
            setattr(target, field, getattr(target, field) or getattr(source, field))
    links = choices.get("links", "both")
    if links == "other":
        target.links = list(source.links)
    elif links == "both":
        target.links = list(dict.fromkeys([*target.links, *source.links]))


def merge_candidates(
    target: Candidate,
    source: Candidate,
    *,
    actor: User,
    choices: dict[str, str] | None = None,
) -> Candidate:
    """Fold ``source`` into ``target`` and delete ``source``.

    Every note, application and event of both ends up on ``target``. Where
    both applied to the same job, the application further along stays and the
    other's notes and events move onto it; the merge event records the
    folded one. Empty contact fields of ``target`` are filled from ``source``;
    links and tags are joined.
    """
    if target.id == source.id:
        raise ValidationFailed(
            "A candidate cannot be merged with itself.", details={"other_id": "same candidate"}
        )
    # ``choices`` say per field which record's value wins (see MERGE_FIELDS).
    chosen = check_choices(dict(choices or {}))
    by_job = {a.job_id: a for a in target.applications}
    folded = []
    for application in list(source.applications):
        other = by_job.get(application.job_id)
        if other is None:
            application.candidate_id = target.id
            continue
        keep, gone = _survivor(other, application)
        folded.append(_fold_application(keep, gone))
        db.session.flush()  # the pair's unique key is free only once one row is gone
        keep.candidate_id = target.id
    db.session.flush()
    db.session.execute(
        update(Event).where(Event.candidate_id == source.id).values(candidate_id=target.id)
    )
    db.session.execute(
        update(Note).where(Note.candidate_id == source.id).values(candidate_id=target.id)
    )
    merged = {"id": source.id, "name": source.name, "email": source.email, "phone": source.phone}
    _apply_choices(target, source, chosen)
    set_tags(target, sorted({*target.tag_names, *source.tag_names}))
    # Reload what now points elsewhere, so deleting the row cascades over nothing.
    db.session.flush()
    db.session.expire(source)
    db.session.delete(source)
    db.session.flush()
    db.session.expire(target)
    # Notes moved above by bulk UPDATE, which the index's flush hook does not see.
    refresh_candidate(target.id)
    record_event(
        EventType.MERGED,
        target,
        actor=actor,
        data={"merged": merged, "folded_applications": folded},
    )
    audit.record(
        "candidate.merged",
        actor=actor,
        subject_type="candidate",
        subject_id=target.id,
        details={"merged": merged, "folded_applications": len(folded), "choices": chosen},
    )
    return target
