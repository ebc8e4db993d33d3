"""REST: applications, moves through the pipeline, rejections, withdrawals, bulk emails."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.candidates.models import Application
from hirekit.candidates.schemas import (
    ApplicationSchema,
    ApplyArgsSchema,
    BulkEmailArgsSchema,
    BulkEmailResultSchema,
    EventSchema,
    MoveArgsSchema,
    RejectArgsSchema,
)
from hirekit.candidates.services import applications, bulk_email, candidates
from hirekit.candidates.services.bulk_email import BulkEmailOutcome
from hirekit.candidates.services.timeline import moves_of
from hirekit.jobs.services.jobs import get_job
from hirekit.jobs.services.stages import get_stage
from hirekit.mail.models import MailTemplate
from hirekit.mail.schemas import MailTemplateSchema
from hirekit.pagination import PageArgsSchema, paginate

blp = Blueprint(
    "candidates_applications_api",
    __name__,
    url_prefix="/api/v1",
    description="Applications and moves",
)


@blp.route("/jobs/<int:job_id>/applications")
class JobApplications(MethodView):
    @api_requires(Permission.CANDIDATES_READ)
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, ApplicationSchema(many=True))
    def get(self, args: dict[str, int], job_id: int) -> Any:
        """A job's applications in pipeline order"""
        query = applications.job_applications_query(get_job(job_id, api_user()))
        page = paginate(query, args["page"], args["per_page"])
        return page.items, 200, page.headers()


@blp.route("/jobs/<int:job_id>/applications/emails")
class JobApplicationEmails(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.response(200, MailTemplateSchema(many=True))
    def get(self, job_id: int) -> list[MailTemplate]:
        """The mail templates that may be sent to a job's applications in bulk"""
        get_job(job_id, api_user())
        return bulk_email.bulk_templates()

    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(BulkEmailArgsSchema)
    @blp.response(201, BulkEmailResultSchema)
    def post(self, data: dict[str, Any], job_id: int) -> BulkEmailOutcome:
        """Queue a mail template to each chosen application; those without an email are skipped"""
        user = api_user()
        job = get_job(job_id, user)
        return bulk_email.send_bulk_email(
            job, data["application_ids"], data["template"], actor=user
        )


@blp.route("/candidates/<int:candidate_id>/applications")
class CandidateApplications(MethodView):
    @api_requires(Permission.CANDIDATES_READ)
    @blp.response(200, ApplicationSchema(many=True))
    def get(self, candidate_id: int) -> list[Application]:
        """A candidate's applications to the jobs the caller may see"""
        user = api_user()
        return applications.applications_for(candidates.get_candidate(candidate_id, user), user)

    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(ApplyArgsSchema)
    @blp.response(201, ApplicationSchema)
    def post(self, data: dict[str, int], candidate_id: int) -> Application:
        """Apply the candidate to a job: they enter its first stage (409 if already applied)"""
        user = api_user()
        candidate = candidates.get_candidate(candidate_id, user)
        return applications.apply(candidate, get_job(data["job_id"], user), actor=user)


@blp.route("/applications/<int:application_id>")
class ApplicationItem(MethodView):
    @api_requires(Permission.CANDIDATES_READ)
    @blp.response(200, ApplicationSchema)
    def get(self, application_id: int) -> Application:
        """One application: its stage, status, reject reason and days in stage"""
        return applications.get_application(application_id, api_user())


@blp.route("/applications/<int:application_id>/moves")
class ApplicationMoves(MethodView):
    @api_requires(Permission.CANDIDATES_READ)
    @blp.response(200, EventSchema(many=True))
    def get(self, application_id: int) -> Any:
        """Every move, oldest first: who, when, from which stage to which"""
        return moves_of(applications.get_application(application_id, api_user()))

    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(MoveArgsSchema)
    @blp.response(201, ApplicationSchema)
    def post(self, data: dict[str, Any], application_id: int) -> Application:
        """Move to another stage of the job; a stage of kind hired hires, rejected rejects.
        ``salary`` records the salary offered on a move into a stage of kind offer"""
        user = api_user()
        application = applications.get_application(application_id, user)
        stage = get_stage(application.job, data["stage_id"])
        return applications.move(application, stage, actor=user, salary=data.get("salary"))


@blp.route("/applications/<int:application_id>/reject")
class ApplicationReject(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(RejectArgsSchema)
    @blp.response(200, ApplicationSchema)
    def post(self, data: dict[str, str], application_id: int) -> Application:
        """Reject with a reason from the list (409 when already closed)"""
        user = api_user()
        application = applications.get_application(application_id, user)
        return applications.reject(application, data["reason"], actor=user)


@blp.route("/applications/<int:application_id>/withdraw")
class ApplicationWithdraw(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.response(200, ApplicationSchema)
    def post(self, application_id: int) -> Application:
        """Record that the candidate withdrew (409 when already closed)"""
        user = api_user()
        return applications.withdraw(applications.get_application(application_id, user), actor=user)
