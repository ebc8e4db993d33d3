"""The candidate's side of an assignment invitation: the brief, the starter files and
uploads until the deadline.

An assignment invitation differs from a plain upload link: it takes any number of
uploads until its deadline (``expires_at``), keeps each as its own submission, and
the latest counts. After the deadline the page stays readable, so the candidate can
still see what was received; only new uploads are refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from hirekit.db import utcnow
from hirekit.errors import HirekitError, NotFound
from hirekit.extensions import db
from hirekit.takehomes.models import AssignmentVersion, Invitation, Submission
from hirekit.takehomes.services import invitations
from hirekit.takehomes.services import submissions as takehomes


class DeadlinePassed(HirekitError):
    status, code = 410, "deadline_passed"


@dataclass(frozen=True)
class CandidateView:
    """What the candidate's page shows."""

    invitation: Invitation
    version: AssignmentVersion | None
    #: The uploads received through this link, newest first.
    received: list[Submission]
    #: Whether uploads are still taken.
    accepting: bool

    @property
    def latest_id(self) -> int | None:
        """The upload that counts: the newest one."""
        return self.received[0].id if self.received else None


def view_for_token(token: str) -> CandidateView:
    """The page behind a link; InvitationUnavailable for a bad link, or for a plain
    (assignment-less) link already used or expired."""
    invitation = invitations.from_token(token)
    if invitation.assignment_version_id is None:
        invitation = invitations.open_invitation(token)
        return CandidateView(invitation, None, [], accepting=True)
    if invitation.opened_at is None:
        invitation.opened_at = utcnow()
    return CandidateView(
        invitation,
        invitation.assignment_version,
        received(invitation),
        accepting=utcnow() < invitation.expires_at,
    )


def received(invitation: Invitation) -> list[Submission]:
    query = select(Submission).where(Submission.invitation_id == invitation.id)
    return list(db.session.scalars(query.order_by(Submission.id.desc())))


def upload_by_token(token: str, upload: takehomes.Upload) -> Invitation:
    """Take the candidate's archive through their link.

    A plain link is used up by its one upload; an assignment link takes uploads until
    its deadline, each checked with the archive safety rules before it is accepted.
    """
    invitation = invitations.from_token(token)
    if invitation.assignment_version_id is None:
        return invitations.submit_by_token(token, upload)
    if utcnow() >= invitation.expires_at:
        raise DeadlinePassed(
            "The deadline for this take-home has passed, so uploads are closed. "
            "What we received before it is listed below."
        )
    submission = takehomes.submit(
        upload,
        actor=None,
        candidate_id=invitation.candidate_id,
        job_id=invitation.job_id,
        source="candidate",
        assignment_version_id=invitation.assignment_version_id,
        invitation_id=invitation.id,
        check_safety=True,
    )
    # Two uploads racing: the newer submission wins, whatever order they commit in.
    db.session.execute(
        Invitation.__table__.update()
        .where(
            Invitation.id == invitation.id,
            or_(Invitation.submission_id.is_(None), Invitation.submission_id < submission.id),
        )
        .values(submitted_at=utcnow(), submission_id=submission.id)
    )
    db.session.refresh(invitation)
    return invitation


def starter_for_token(token: str) -> AssignmentVersion:
    """The assignment version whose starter archive the link may download."""
    invitation = invitations.from_token(token)
    version = invitation.assignment_version
    if version is None or version.starter_key is None:
        raise NotFound("This take-home has no starter files.")
    return version
