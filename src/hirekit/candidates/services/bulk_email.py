"""Send one templated email to each chosen application of a job (a board bulk action).

Only the templates a candidate can receive without anything but their name,
the job and the sender fit a bulk send: a template that needs a personal link
or an interview time (take-home or interview invitations) has its own flow.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import datetime

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.models import Application
from hirekit.candidates.services.applications import chosen_applications
from hirekit.errors import ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.models import Job
from hirekit.mail.models import MailTemplate, OutboxMessage
from hirekit.mail.services import catalog
from hirekit.mail.services.outbox import send_template

#: The placeholders a bulk send can fill for every candidate alike.
BULK_PLACEHOLDERS = frozenset({"candidate_name", "job_title", "company", "sender_name"})


def _placeholders(text: str) -> set[str]:
    """The placeholder names ``text`` uses; the catalogue keeps stored texts valid."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@dataclass(frozen=True)
class BulkEmailOutcome:
    """``sent`` outbox message ids, in order; ``skipped`` one reason per application left out."""

    template_key: str
    sent: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    skipped_ids: list[int] = field(default_factory=list)


def bulk_templates() -> list[MailTemplate]:
    """The mail templates that fit a bulk send, by name.

    Decided from each template's current text, so a reworded template that
    starts to need a link stops being offered rather than sending an empty one.
    """
    return [
        t
        for t in catalog.list_templates()
        if _placeholders(t.subject + "\n" + t.body) <= BULK_PLACEHOLDERS
    ]


def _bulk_template(template_key: str) -> MailTemplate:
    for template in bulk_templates():
        if template.key == template_key:
            return template
    raise ValidationFailed(
        f"The template {template_key!r} cannot be sent in bulk",
        details={"template": "not a bulk template"},
    )


def email_applicant(
    application: Application,
    job: Job,
    template_key: str,
    *,
    actor: User,
    send_after: datetime | None = None,
    purpose: str = "",
) -> OutboxMessage | str:
    """Queue ``template_key`` to the application's candidate, or say why they were skipped.

    A missing or refused address skips that one candidate (the reason names
    them); it never fails the rest of a batch.
    """
    candidate = application.candidate
    if not candidate.email.strip():
        return f"{candidate.name}: no email address"
    context = {
        "candidate_name": candidate.name,
        "job_title": job.title,
        "sender_name": actor.display_name,
    }
    try:
        with db.session.begin_nested():
            return send_template(
                template_key,
                candidate.email,
                context,
                candidate_id=candidate.id,
                application_id=application.id,
                actor=actor,
                send_after=send_after,
                purpose=purpose,
            )
    except ValidationFailed:
        return f"{candidate.name}: {candidate.email!r} is not an address"


def send_bulk_email(
    job: Job, application_ids: list[int], template_key: str, *, actor: User
) -> BulkEmailOutcome:
    """Queue the template ``template_key`` to each chosen application of ``job``.

    ``job`` must already be one the actor may see (``get_job``). A candidate
    without a usable email address is skipped with a reason; the rest still go.
    NotFound when an id is not an application of ``job``; ValidationFailed for
    an empty choice or a template that does not fit a bulk send. One audit
    entry records the whole action.
    """
    template = _bulk_template(template_key)
    outcome = BulkEmailOutcome(template.key)
    for application in chosen_applications(job, application_ids):
        sent = email_applicant(application, job, template.key, actor=actor)
        if isinstance(sent, str):
            outcome.skipped.append(sent)
            outcome.skipped_ids.append(application.id)
            continue
        outcome.sent.append(sent.id)
    audit.record(
        "application.bulk_emailed",
        actor=actor,
        subject_type="job",
        subject_id=job.id,
        details={
            "template": template.key,
            "messages": outcome.sent,
            "skipped_application_ids": outcome.skipped_ids,
        },
    )
    return outcome
