"""REST: jobs, their state, stages, application questions and the job-post check."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.api_cache import kept_while_unchanged
from hirekit.jobs.checks import check_job, check_text
from hirekit.jobs.models import Job
from hirekit.jobs.schemas import (
    JobListArgsSchema,
    JobPatchSchema,
    JobSchema,
    JobStateSchema,
    JobWriteSchema,
    LintRequestSchema,
    LintResultSchema,
    QuestionSchema,
    StageSchema,
    StagesWriteSchema,
    job_view,
)
from hirekit.jobs.services import jobs, questions, stages
from hirekit.jobs.services.jobs import JobFields
from hirekit.pagination import PageArgsSchema, paginate

blp = Blueprint("jobs_api", __name__, url_prefix="/api/v1", description="Jobs and their stages")


def _dump(job: Job) -> Any:
    user = api_user()
    return job_view(job, with_salary=jobs.can_see_salary(user), check=check_job(job).to_dict())


@blp.route("/jobs")
class Jobs(MethodView):
    @kept_while_unchanged
    @api_requires(Permission.JOBS_READ)
    @blp.arguments(JobListArgsSchema, location="query")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, JobSchema(many=True))
    def get(self, filters: dict[str, Any], args: dict[str, int]) -> Any:
        """List the jobs the caller may see (confidential ones only for their team and admins)"""
        query = jobs.visible_jobs(api_user()).order_by(Job.id).options(*jobs.JOB_SHOWN)
        if filters.get("state"):
            query = query.where(Job.state == filters["state"])
        page = paginate(query, args["page"], args["per_page"])
        with_salary = jobs.can_see_salary(api_user())
        items = [job_view(job, with_salary=with_salary) for job in page.items]
        return items, 200, page.headers()

    @api_requires(Permission.JOBS_WRITE)
    @blp.arguments(JobWriteSchema)
    @blp.response(201, JobSchema)
    def post(self, data: dict[str, Any]) -> Any:
        """Create a draft job with the default pipeline stages"""
        return _dump(jobs.create_job(JobFields(**data), actor=api_user()))


@blp.route("/jobs/<int:job_id>")
class JobItem(MethodView):
    @api_requires(Permission.JOBS_READ)
    @blp.response(200, JobSchema)
    def get(self, job_id: int) -> Any:
        """One job, with its stages, hiring team and job-post check"""
        return _dump(jobs.get_job(job_id, api_user()))

    @api_requires(Permission.JOBS_WRITE)
    @blp.arguments(JobPatchSchema(partial=True))
    @blp.response(200, JobSchema)
    def patch(self, data: dict[str, Any], job_id: int) -> Any:
        """Change some of a job's fields; the hiring team lists replace the old ones"""
        job = jobs.get_job(job_id, api_user())
        fields = replace(jobs.fields_of(job), **data)
        return _dump(jobs.update_job(job, fields, actor=api_user()))


@blp.route("/jobs/<int:job_id>/state")
class JobState(MethodView):
    @api_requires(Permission.JOBS_WRITE)
    @blp.arguments(JobStateSchema)
    @blp.response(200, JobSchema)
    def post(self, data: dict[str, str], job_id: int) -> Any:
        """Open, pause, close or reopen a job (409 when the change is not allowed)"""
        job = jobs.get_job(job_id, api_user())
        return _dump(jobs.change_state(job, data["state"], actor=api_user()))


@blp.route("/jobs/<int:job_id>/stages")
class JobStages(MethodView):
    @api_requires(Permission.JOBS_READ)
    @blp.response(200, StageSchema(many=True))
    def get(self, job_id: int) -> Any:
        """A job's pipeline stages in order, each with its kind"""
        return jobs.get_job(job_id, api_user()).stages

    @api_requires(Permission.JOBS_WRITE)
    @blp.arguments(StagesWriteSchema)
    @blp.response(200, StageSchema(many=True))
    def put(self, data: dict[str, Any], job_id: int) -> Any:
        """Add, rename, reorder, set kinds and remove stages; a listed id keeps its stage,
        a non-empty stage goes only with a ``relocate`` entry moving its applications"""
        job = jobs.get_job(job_id, api_user())
        wanted = [stages.StageSpec(s["name"], s["kind"], s.get("id")) for s in data["stages"]]
        relocate = {r["from_stage_id"]: r["to_stage_id"] for r in data["relocate"]}
        return stages.edit_stages(job, wanted, actor=api_user(), relocate=relocate)


@blp.route("/jobs/<int:job_id>/questions")
class JobQuestions(MethodView):
    @api_requires(Permission.JOBS_READ)
    @blp.response(200, QuestionSchema(many=True))
    def get(self, job_id: int) -> Any:
        """The questions the careers form asks applicants to this job, in order"""
        return jobs.get_job(job_id, api_user()).active_questions

    @api_requires(Permission.JOBS_WRITE)
    @blp.arguments(QuestionSchema)
    @blp.response(201, QuestionSchema)
    def post(self, data: dict[str, Any], job_id: int) -> Any:
        """Add a question; knockout answers only mark applications, they reject nobody"""
        job = jobs.get_job(job_id, api_user())
        return questions.add_question(job, questions.QuestionFields(**data), actor=api_user())


@blp.route("/jobs/<int:job_id>/questions/<int:question_id>")
class JobQuestionItem(MethodView):
    @api_requires(Permission.JOBS_WRITE)
    @blp.arguments(QuestionSchema)
    @blp.response(200, QuestionSchema)
    def put(self, data: dict[str, Any], job_id: int, question_id: int) -> Any:
        """Replace a question; answers already given keep the words they answered"""
        job = jobs.get_job(job_id, api_user())
        question = questions.get_question(job, question_id)
        fields = questions.QuestionFields(**data)
        return questions.update_question(job, question, fields, actor=api_user())

    @api_requires(Permission.JOBS_WRITE)
    @blp.response(204)
    def delete(self, job_id: int, question_id: int) -> None:
        """Remove a question; answers already given keep it"""
        job = jobs.get_job(job_id, api_user())
        questions.remove_question(job, questions.get_question(job, question_id), actor=api_user())


@blp.route("/jobs/lint")
class JobLint(MethodView):
    @api_requires(Permission.JOBS_READ)
    @blp.arguments(LintRequestSchema)
    @blp.response(200, LintResultSchema)
    def post(self, data: dict[str, Any]) -> Any:
        """Check a job description against the role guide's hiring mistakes"""
        text = data.pop("text")
        return check_text(text, **data).to_dict()
