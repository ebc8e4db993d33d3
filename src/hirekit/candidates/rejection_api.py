"""REST: confirm rejection emails for rejected applications, list and cancel waiting ones."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.candidates.rejection_schemas import (
    RejectionEmailArgsSchema,
    RejectionEmailResultSchema,
)
from hirekit.candidates.services import applications, rejection_emails
from hirekit.candidates.services.rejection_emails import RejectionOutcome
from hirekit.jobs.services.jobs import get_job
from hirekit.mail.models import OutboxMessage
from hirekit.mail.schemas import OutboxMessageSchema

blp = Blueprint(
    "candidates_rejections_api", __name__, url_prefix="/api/v1", description="Rejection emails"
)


@blp.route("/jobs/<int:job_id>/rejection-emails")
class JobRejectionEmails(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(RejectionEmailArgsSchema)
    @blp.response(201, RejectionEmailResultSchema)
    def post(self, data: dict[str, Any], job_id: int) -> RejectionOutcome:
        """Confirm the rejection email for rejected applications of a job.

        Rejecting sends nothing; this is the confirmation. Each email goes after
        ``HIREKIT_REJECTION_EMAIL_DELAY_HOURS`` unless cancelled or the application
        is reopened first.
        """
        job = get_job(job_id, api_user())
        return rejection_emails.queue_rejection_emails(
            job, data["application_ids"], data["template"], actor=api_user()
        )


@blp.route("/applications/<int:application_id>/rejection-emails")
class ApplicationRejectionEmails(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.response(200, OutboxMessageSchema(many=True))
    def get(self, application_id: int) -> list[OutboxMessage]:
        """The application's rejection emails: waiting, sent or cancelled, newest first"""
        application = applications.get_application(application_id, api_user())
        return rejection_emails.rejection_messages(application)


@blp.route("/applications/<int:application_id>/rejection-emails/<int:message_id>")
class ApplicationRejectionEmail(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.response(200, OutboxMessageSchema)
    def delete(self, application_id: int, message_id: int) -> OutboxMessage:
        """Cancel a rejection email still waiting to go (409 once it went)"""
        application = applications.get_application(application_id, api_user())
        return rejection_emails.cancel(application, message_id, actor=api_user())
