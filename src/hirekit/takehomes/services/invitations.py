"""Take-home invitations: a private, expiring, single-use upload link emailed to a candidate.

The link carries a token signed with the app's secret key and a salt used for
nothing else, holding the invitation's id and a random nonce; the invitation
row holds the state (expiry, opened, used). A token is valid only while its
row says so, so expiring or using an invitation needs no token bookkeeping.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.models import Application
from hirekit.candidates.services.applications import get_application
from hirekit.candidates.services.candidates import visible_job_ids
from hirekit.db import utcnow
from hirekit.errors import LinkUnavailable, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.mail.services.outbox import send_template
from hirekit.takehomes.models import AssignmentVersion, Invitation, Submission
from hirekit.takehomes.services import submissions as takehomes

TOKEN_SALT = "hirekit.takehome-invitation.v1"  # noqa: S105 - a salt, not a secret
DEFAULT_DAYS = 7
MAX_DAYS = 60


class InvitationUnavailable(LinkUnavailable):
    """The link is unknown or tampered with (404), or expired or already used (410)."""


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=TOKEN_SALT)


def token_for(invitation: Invitation) -> str:
    return str(_serializer().dumps({"i": invitation.id, "n": invitation.nonce}))


def link_for(invitation: Invitation) -> str:
    """The absolute link for the email: ``BASE_URL`` when configured, else this request's host."""
    token = token_for(invitation)
    base = str(current_app.config.get("BASE_URL") or "").rstrip("/")
    if base:
        return f"{base}/takehome/{token}"
    try:
        return url_for("takehomes_invitations.page", token=token, _external=True)
    except RuntimeError:  # no request to take the host from (CLI, worker)
        raise ValidationFailed(
            "Set HIREKIT_BASE_URL so that emailed links point to this server.",
            details={"base_url": "not configured"},
        ) from None


def invite_days() -> int:
    days: int = current_app.config["TAKEHOME_INVITE_DAYS"]  # checked at start (config.py)
    return days


def invite(
    application_id: int,
    *,
    actor: User,
    days: int | None = None,
    assignment_version_id: int | None = None,
) -> Invitation:
    """Create an invitation for the application's candidate and email them the link.

    With an assignment version, the deadline is the version's window from now
    (``days`` must then be None) and the link takes uploads until it.
    """
    application = get_application(application_id, actor)
    candidate = application.candidate
    version = _version_for(application, assignment_version_id, days, actor)
    if version is not None:
        days = version.deadline_days
    days = invite_days() if days is None else days
    if not 1 <= days <= MAX_DAYS:
        raise ValidationFailed(
            f"The link must last 1 to {MAX_DAYS} days.", details={"days": "out of range"}
        )
    if not candidate.email:
        raise ValidationFailed(
            f"{candidate.name} has no email address to send the link to.",
            details={"email": "missing"},
        )
    invitation = Invitation(
        application_id=application.id,
        candidate_id=candidate.id,
        job_id=application.job_id,
        email=candidate.email,
        nonce=secrets.token_hex(16),
        # One instant for both, so the deadline is exactly the window after sending.
        created_at=(sent := utcnow()),
        expires_at=sent + timedelta(days=days),
        sent_by_id=actor.id,
        assignment_version_id=version.id if version is not None else None,
    )
    db.session.add(invitation)
    db.session.flush()
    message = send_template(
        "takehome_invitation",
        candidate.email,
        {
            "candidate_name": candidate.name,
            "job_title": application.job.title,
            "link": link_for(invitation),
            "expires": invitation.expires_at.strftime("%A %d %B %Y, %H:%M UTC"),
            "sender_name": actor.display_name,
        },
        candidate_id=candidate.id,
        application_id=application.id,
        actor=actor,
    )
    invitation.outbox_message_id = message.id
    audit.record(
        "takehome.invited",
        actor=actor,
        subject_type="takehome_invitation",
        subject_id=invitation.id,
        details={
            "application_id": application.id,
            "expires_at": invitation.expires_at.isoformat(),
            "assignment_version_id": invitation.assignment_version_id,
        },
    )
    return invitation


def _version_for(
    application: Application, version_id: int | None, days: int | None, actor: User
) -> AssignmentVersion | None:
    """The assignment version to send, checked to belong to the application's job."""
    if version_id is None:
        return None
    if days is not None:
        raise ValidationFailed(
            "An assignment sets its own deadline window; leave the days out.",
            details={"days": "not allowed with an assignment"},
        )
    version = db.session.get(AssignmentVersion, version_id)
    if version is None or version.assignment.job_id != application.job_id:
        raise ValidationFailed(
            "That assignment is not one of this job's.",
            details={"assignment_version_id": "not an assignment of the application's job"},
        )
    return version


def from_token(token: str) -> Invitation:
    """The invitation a link names, whatever its state; InvitationUnavailable (404) when
    the link is unknown or tampered with."""
    try:
        data: Any = _serializer().loads(token)
        invitation_id, nonce = int(data["i"]), str(data["n"])
    except (BadSignature, KeyError, TypeError, ValueError):
        raise InvitationUnavailable(404, "This take-home link is not valid.") from None
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or not secrets.compare_digest(invitation.nonce, nonce):
        raise InvitationUnavailable(404, "This take-home link is not valid.")
    return invitation


def open_invitation(token: str) -> Invitation:
    """The invitation behind a usable link, marked opened; InvitationUnavailable otherwise."""
    invitation = from_token(token)
    if invitation.submitted_at is not None:
        raise InvitationUnavailable(410, "This take-home link was already used: we have your work.")
    if utcnow() >= invitation.expires_at:
        raise InvitationUnavailable(
            410, "This take-home link has expired. Reply to the invitation email for a new one."
        )
    if invitation.opened_at is None:
        invitation.opened_at = utcnow()
    return invitation


def submit_by_token(token: str, upload: takehomes.Upload) -> Invitation:
    """Accept the candidate's archive through their link; the link is used up by it."""
    invitation = open_invitation(token)
    submission = takehomes.submit(
        upload,
        actor=None,
        candidate_id=invitation.candidate_id,
        job_id=invitation.job_id,
        source="candidate",
    )
    # A concurrent second upload through the same link loses here: only one
    # UPDATE finds submitted_at still empty.
    claimed = db.session.execute(
        Invitation.__table__.update()
        .where(Invitation.id == invitation.id, Invitation.submitted_at.is_(None))
        .values(submitted_at=utcnow(), submission_id=submission.id)
    )
    if not claimed.rowcount:  # type: ignore[attr-defined]
        raise InvitationUnavailable(410, "This take-home link was already used.")
    db.session.refresh(invitation)
    return invitation


@dataclass(frozen=True)
class CandidateTakehomes:
    invitations: list[Invitation]
    submissions: list[Submission]


def for_candidate(candidate_id: int, actor: User) -> CandidateTakehomes:
    """Invitations and submissions of a candidate, within the jobs the actor may see."""
    job_ids = visible_job_ids(actor)
    invitations = db.session.scalars(
        select(Invitation)
        .where(Invitation.candidate_id == candidate_id)
        .order_by(Invitation.id.desc())
    )
    return CandidateTakehomes(
        invitations=[i for i in invitations if i.job_id in job_ids],
        submissions=[
            s
            for s in takehomes.submissions_for_candidate(candidate_id)
            if s.job_id is None or s.job_id in job_ids
        ],
    )


def get_invitation(invitation_id: int, actor: User) -> Invitation:
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.job_id not in visible_job_ids(actor):
        raise NotFound(f"No take-home invitation with id {invitation_id}")
    if invitation.submission_id is not None:
        takehomes.get_submission(invitation.submission_id, actor)  # settles a failed review
    return invitation
