"""Telling an applicant their application arrived, through the email outbox."""

from __future__ import annotations

from hirekit.candidates.models import Application
from hirekit.mail.services.outbox import send_template

#: The outbox's stock "we received your application" template (admins may reword it).
TEMPLATE_KEY = "application_received"


def send_application_confirmation(application: Application, retention_days: int) -> None:
    """Queue the confirmation email to the applicant in the caller's transaction."""
    candidate, job = application.candidate, application.job
    send_template(
        TEMPLATE_KEY,
        candidate.email,
        {
            "candidate_name": candidate.name,
            "job_title": job.title,
            "retention_days": str(retention_days),
        },
        candidate_id=candidate.id,
        application_id=application.id,
    )
