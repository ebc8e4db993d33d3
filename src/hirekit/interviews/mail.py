"""The one place interviews hand email to the outbox: invitations, cancellations, reminders.

Every message names the candidate and, when there is one, the application, so
the outbox keeps a confidential job's mail with that job's team and a
candidate's deletion takes their interview mail with it.
"""

from __future__ import annotations

from hirekit.accounts.models import User
from hirekit.mail.models import OutboxMessage
from hirekit.mail.services.outbox import send_mail, send_template
from hirekit.mail.transport import Attachment

ICS_MIME = "text/calendar; method=REQUEST; charset=utf-8"
ICS_CANCEL_MIME = "text/calendar; method=CANCEL; charset=utf-8"
INVITATION_TEMPLATE = "interview_invitation"


def _ics(ics: str, mime: str) -> tuple[Attachment, ...]:
    return (Attachment("interview.ics", ics.encode(), mime),) if ics else ()


def send_invitation(
    to: str,
    context: dict[str, object],
    ics: str,
    *,
    candidate_id: int,
    application_id: int | None,
    actor: User | None,
) -> OutboxMessage:
    """The candidate's invitation from the ``interview_invitation`` template, with the .ics."""
    return send_template(
        INVITATION_TEMPLATE,
        to,
        context,
        candidate_id=candidate_id,
        application_id=application_id,
        attachments=_ics(ics, ICS_MIME),
        actor=actor,
    )


def send_to_colleague(
    to: str,
    subject: str,
    body: str,
    *,
    candidate_id: int,
    application_id: int | None,
    ics: str = "",
    cancel: bool = False,
    actor: User | None = None,
) -> OutboxMessage:
    """A message to a panel member (invitation, cancellation, scorecard reminder).

    ``ics`` is attached as a calendar request, or as a cancellation when ``cancel``.
    """
    return send_mail(
        to,
        subject,
        body,
        candidate_id=candidate_id,
        application_id=application_id,
        attachments=_ics(ics, ICS_CANCEL_MIME if cancel else ICS_MIME),
        actor=actor,
    )


def send_anonymous_cancellation(to: str, subject: str, body: str, *, ics: str) -> OutboxMessage:
    """A cancellation filed under no candidate (their erasure is why it is sent)."""
    return send_mail(to, subject, body, attachments=_ics(ics, ICS_CANCEL_MIME))
