"""The one place interviews hand email to the outbox (invitations and reminders).

The outbox (``hirekit.mail``) joins the schema when its models are listed in
``hirekit.models``; until then nothing is sent and the callers are told so.
The mail modules are imported lazily for the same reason: importing them
registers their tables.
"""

from __future__ import annotations

import logging

from hirekit.accounts.models import User

log = logging.getLogger(__name__)

ICS_MIME = "text/calendar; method=REQUEST; charset=utf-8"


def outbox_installed() -> bool:
    from hirekit import models

    return hasattr(models, "OutboxMessage")


def send_invitation(
    to: str,
    context: dict[str, object],
    ics: str,
    *,
    candidate_id: int | None,
    actor: User | None,
) -> bool:
    """The candidate's invitation from the ``interview_invitation`` template, with the .ics."""
    if not outbox_installed():
        log.warning("outbox not installed: interview invitation to %s not sent", to)
        return False
    from hirekit.mail.services import send_template
    from hirekit.mail.transport import Attachment

    send_template(
        "interview_invitation",
        to,
        context,
        candidate_id=candidate_id,
        attachments=(Attachment("interview.ics", ics.encode(), ICS_MIME),),
        actor=actor,
    )
    return True


def send_plain(
    to: str, subject: str, body: str, *, ics: str = "", actor: User | None = None
) -> bool:
    """A message to a colleague (panel invitation, scorecard reminder)."""
    if not outbox_installed():
        log.warning("outbox not installed: %r to %s not sent", subject, to)
        return False
    from hirekit.mail.services import send_mail
    from hirekit.mail.transport import Attachment

    attachments = (Attachment("interview.ics", ics.encode(), ICS_MIME),) if ics else ()
    send_mail(to, subject, body, attachments=attachments, actor=actor)
    return True
