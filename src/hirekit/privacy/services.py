"""Privacy's use cases: export a candidate, delete one for good, applicants' own requests, and
retention.

Deleting removes every row and file about the person, leaving anonymous outcomes behind
(:mod:`hirekit.privacy.erasers` does each table's part). Exporting gives one zip with everything
hirekit holds about them, as JSON and files (:mod:`hirekit.privacy.collectors` gathers it).

Applicants ask for an export or an erasure from the status page; a person decides. An approved
export is emailed to the applicant; an approved erasure deletes them as the privacy page's
deletion does. Either can be declined. Every step is audited.

Retention: anyone quiet for ``HIREKIT_RETENTION_DAYS`` goes, as the careers form promises
("we delete your data once N days pass with no activity on it, unless you are hired"). So a
candidate is due when nothing has happened to them -- no event on any application (applied,
moved, noted, rejected...), no edit of their record -- for that many days, whatever state their
applications are in: rejected, withdrawn, still active but forgotten, or none at all. Never due:
anyone hired, and anyone with an interview still to come.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import exists, func, select

from hirekit import events
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application, Candidate, Event
from hirekit.candidates.services.candidates import get_candidate
from hirekit.db import on_commit, utcnow
from hirekit.errors import Conflict, Forbidden, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.interviews.choices import InterviewStatus
from hirekit.interviews.models import Interview
from hirekit.mail.services.outbox import send_mail
from hirekit.mail.transport import Attachment
from hirekit.privacy.collectors import Section, collect_everything
from hirekit.privacy.erasers import ERASERS, Erasure
from hirekit.privacy.models import DataRequest
from hirekit.privacy.tasks import purge_search_index
from hirekit.queue import enqueue
from hirekit.storage import file_store

REQUEST = "request"
RETENTION = "retention"


@dataclass(frozen=True)
class Deletion:
    """What a deletion removed: row counts per table and the number of files."""

    candidate_id: int
    counts: dict[str, int]
    files: int


def _target(candidate_id: int, actor: User | None) -> Candidate:
    if actor is None:  # retention, run by the system
        found = db.session.get(Candidate, candidate_id)
        if found is None:
            raise NotFound(f"No candidate with id {candidate_id}")
        return found
    if not actor.can(Permission.PRIVACY_MANAGE):
        raise Forbidden("Your role does not allow deleting candidates.")
    return get_candidate(candidate_id, actor)


def _delete_files_after_commit(keys: set[str]) -> None:
    store = file_store()

    def delete() -> None:
        # After commit: a rolled-back deletion must not have lost the files.
        for key in sorted(keys):
            store.delete(key)

    on_commit(db.session(), delete)


def delete_candidate(
    candidate_id: int, *, actor: User | None, reason: str = REQUEST, purge_index: bool = True
) -> Deletion:
    """Remove the candidate and everything about them; files go when the caller commits.

    Audited as ``candidate.deleted`` with counts only: the entry names no one.
    ``purge_index=False`` lets a batch queue one index purge for many deletions.
    """
    candidate = _target(candidate_id, actor)
    erasure = Erasure(candidate, reason)
    for erase in ERASERS:
        erase(erasure)
    _delete_files_after_commit(erasure.file_keys)
    if purge_index:
        enqueue(purge_search_index, label="Purge deleted text from the search index")
    counts = dict(sorted(erasure.counts.items()))
    audit.record(
        "candidate.deleted",
        actor=actor,
        subject_type="candidate",
        subject_id=candidate_id,
        details={"reason": reason, "rows": counts, "files": len(erasure.file_keys)},
    )
    events.candidate_erased.send(events.CandidateErased(candidate_id))
    return Deletion(candidate_id, counts, len(erasure.file_keys))


def candidate_exists(candidate_id: int) -> bool:
    return db.session.scalar(select(Candidate.id).where(Candidate.id == candidate_id)) is not None


DATA_FILE = "candidate.json"


@dataclass(frozen=True)
class CandidateExport:
    filename: str
    data: bytes


def _document(candidate_id: int, sections: list[Section], files: list[str]) -> dict[str, Any]:
    return {
        "format": "hirekit-candidate-export/1",
        "exported_at": utcnow().isoformat(),
        "candidate_id": candidate_id,
        "sections": {s.name: s.records for s in sections},
        "files": files,
    }


def _audit_export(actor: User, candidate_id: int, files: int) -> None:
    audit.record(
        "candidate.exported",
        actor=actor,
        subject_type="candidate",
        subject_id=candidate_id,
        details={"files": files},
    )


def _sections(candidate_id: int, actor: User) -> list[Section]:
    if not actor.can(Permission.PRIVACY_MANAGE):
        raise Forbidden("Your role does not allow exporting candidates.")
    get_candidate(candidate_id, actor)  # NotFound for people the actor may not see
    return collect_everything(candidate_id)


def export_document(candidate_id: int, *, actor: User) -> dict[str, Any]:
    """The export's JSON alone, naming the files the zip would hold; audited."""
    sections = _sections(candidate_id, actor)
    files = [f"files/{name}" for s in sections for name, _key in s.files]
    _audit_export(actor, candidate_id, len(files))
    return _document(candidate_id, sections, files)


def export_candidate(candidate_id: int, *, actor: User) -> CandidateExport:
    """Build the zip (``candidate.json`` plus ``files/...``); audited as ``candidate.exported``."""
    sections = _sections(candidate_id, actor)
    store, names = file_store(), []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for section in sections:
            for name, key in section.files:
                path = store.path(key)
                if path.is_file():
                    archive.write(path, f"files/{name}")
                    names.append(f"files/{name}")
        document = _document(candidate_id, sections, names)
        archive.writestr(DATA_FILE, json.dumps(document, indent=2, ensure_ascii=False, default=str))
    _audit_export(actor, candidate_id, len(names))
    return CandidateExport(f"candidate-{candidate_id}.zip", buffer.getvalue())


class RequestKind(StrEnum):
    EXPORT = "export"
    ERASURE = "erasure"


class RequestStatus(StrEnum):
    PENDING = "pending"
    FULFILLED = "fulfilled"
    DECLINED = "declined"


def ask(candidate: Candidate, kind: str) -> DataRequest:
    """Record the applicant's request once: asking again while one is pending changes nothing."""
    if kind not in {k.value for k in RequestKind}:
        raise ValidationFailed("Unknown request", details={"kind": "export or erasure"})
    pending = db.session.scalars(
        select(DataRequest).where(
            DataRequest.candidate_id == candidate.id,
            DataRequest.kind == kind,
            DataRequest.status == RequestStatus.PENDING.value,
        )
    ).first()
    if pending is not None:
        return pending
    request = DataRequest(candidate_id=candidate.id, kind=kind)
    db.session.add(request)
    db.session.flush()
    audit.record(
        "privacy.requested",
        actor=None,
        subject_type="candidate",
        subject_id=candidate.id,
        details={"request_id": request.id, "kind": kind},
    )
    return request


def pending_requests(actor: User) -> list[DataRequest]:
    _check_may_decide(actor)
    query = (
        select(DataRequest)
        .where(DataRequest.status == RequestStatus.PENDING.value)
        .order_by(DataRequest.created_at, DataRequest.id)
    )
    return list(db.session.scalars(query))


def pending_for(candidate_id: int) -> list[DataRequest]:
    query = select(DataRequest).where(
        DataRequest.candidate_id == candidate_id,
        DataRequest.status == RequestStatus.PENDING.value,
    )
    return list(db.session.scalars(query.order_by(DataRequest.id)))


def _check_may_decide(actor: User) -> None:
    if not actor.can(Permission.PRIVACY_MANAGE):
        raise Forbidden("Your role does not allow deciding on data requests.")


def _pending(request_id: int, actor: User) -> DataRequest:
    _check_may_decide(actor)
    request = db.session.get(DataRequest, request_id)
    if request is None:
        raise NotFound(f"No data request {request_id}")
    if request.status != RequestStatus.PENDING.value:
        raise Conflict("This request was already decided.")
    return request


def _resolve(request: DataRequest, status: RequestStatus, actor: User) -> None:
    request.status = status.value
    request.resolved_at = utcnow()
    request.resolved_by_id = actor.id
    audit.record(
        f"privacy.request_{status.value}",
        actor=actor,
        subject_type="candidate",
        subject_id=request.candidate_id,
        details={"request_id": request.id, "kind": request.kind},
    )


def approve(request_id: int, *, actor: User) -> DataRequest | None:
    """Carry the request out. Returns None after an erasure: the person and the request are gone."""
    request = _pending(request_id, actor)
    candidate_id = request.candidate_id
    if request.kind == RequestKind.ERASURE.value:
        _resolve(request, RequestStatus.FULFILLED, actor)
        db.session.flush()
        delete_candidate(candidate_id, actor=actor)
        return None
    candidate = db.session.get(Candidate, candidate_id)
    if candidate is None or not candidate.email:
        raise ValidationFailed("The applicant has no email address to send the export to.")
    export = export_candidate(candidate_id, actor=actor)
    send_mail(
        candidate.email,
        "The data we hold about you",
        f"Hello {candidate.name},\n\nAs you asked, the attached file holds everything we keep "
        "about you: your details, applications, notes about them, and the files you sent.",
        candidate_id=candidate_id,
        attachments=[Attachment(export.filename, export.data, "application/zip")],
        actor=actor,
    )
    _resolve(request, RequestStatus.FULFILLED, actor)
    return request


def decline(request_id: int, *, actor: User) -> DataRequest:
    request = _pending(request_id, actor)
    _resolve(request, RequestStatus.DECLINED, actor)
    return request


@dataclass
class RetentionRun:
    cutoff: datetime
    due: list[int] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)


def due_for_deletion(days: int, now: datetime | None = None) -> tuple[datetime, list[int]]:
    """The cutoff and the ids of candidates past it, oldest activity first."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    last_event = (
        select(func.max(Event.at)).where(Event.candidate_id == Candidate.id).scalar_subquery()
    )
    last_activity = func.coalesce(last_event, Candidate.updated_at)
    hired = exists().where(
        Application.candidate_id == Candidate.id,
        Application.status == ApplicationStatus.HIRED.value,
    )
    interview_ahead = exists().where(
        Interview.candidate_id == Candidate.id,
        Interview.status == InterviewStatus.SCHEDULED.value,
        Interview.starts_at >= (now or utcnow()),
    )
    query = (
        select(Candidate.id)
        .where(~hired, ~interview_ahead, Candidate.updated_at < cutoff, last_activity < cutoff)
        .order_by(last_activity, Candidate.id)
    )
    return cutoff, list(db.session.scalars(query))


def run_retention(days: int, *, dry_run: bool, now: datetime | None = None) -> RetentionRun:
    """Delete every due candidate (or only list them); each deletion is committed on its own.

    Idempotent: a second run finds nobody left. Commits, as a command does.
    """
    cutoff, due = due_for_deletion(days, now)
    run = RetentionRun(cutoff, due)
    if dry_run:
        return run
    for candidate_id in due:
        delete_candidate(candidate_id, actor=None, reason=RETENTION, purge_index=False)
        db.session.commit()
        run.deleted.append(candidate_id)
    if run.deleted:
        enqueue(purge_search_index, label="Purge deleted text from the search index")
        db.session.commit()
    return run
