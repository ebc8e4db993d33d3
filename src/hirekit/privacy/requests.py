"""Applicants' requests about their own data: asked from the status page, decided by a person.

An export request, once approved, sends the applicant their export by email; an
erasure request, once approved, deletes them as the privacy page's deletion does.
Either can be declined. Every step is audited.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.candidates.models import Candidate
from hirekit.db import utcnow
from hirekit.errors import Conflict, Forbidden, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.mail.services import send_mail
from hirekit.mail.transport import Attachment
from hirekit.privacy.deletion import delete_candidate
from hirekit.privacy.export import export_candidate
from hirekit.privacy.models import DataRequest


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
    _check(actor)
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


def _check(actor: User) -> None:
    if not actor.can(Permission.PRIVACY_MANAGE):
        raise Forbidden("Your role does not allow deciding on data requests.")


def _pending(request_id: int, actor: User) -> DataRequest:
    _check(actor)
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
