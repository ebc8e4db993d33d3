"""REST: submit a take-home for review, read its report."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify
from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.errors import HirekitError
from hirekit.takehomes.models import Submission, SubmissionStatus
from hirekit.takehomes.schemas import (
    CombinedReportSchema,
    ReviewFormSchema,
    ReviewReportSchema,
    ReviewStatusSchema,
    ReviewUploadSchema,
)
from hirekit.takehomes.services import submissions, test_runs

blp = Blueprint("takehomes_api", __name__, url_prefix="/api/v1", description="Take-home reviews")


class ArchiveRefusedError(HirekitError):
    status, code = 422, "archive_refused"


@blp.route("/reviews")
class Reviews(MethodView):
    @api_requires(Permission.REVIEWS_RUN)
    @blp.arguments(ReviewUploadSchema, location="files")
    @blp.arguments(ReviewFormSchema, location="query")
    @blp.response(202, ReviewStatusSchema)
    def post(self, files: dict[str, Any], form: dict[str, Any]) -> Submission:
        """Upload a take-home archive (multipart field `archive`); reviewed in the background

        Link it to a candidate or job with the `candidate_id` / `job_id` query parameters.
        """
        archive = files["archive"]
        upload = submissions.Upload(archive.filename or "", archive.stream)
        return submissions.submit(
            upload,
            actor=api_user(),
            candidate_id=form["candidate_id"],
            job_id=form["job_id"],
            source="api",
        )


@blp.route("/reviews/<int:submission_id>")
class ReviewItem(MethodView):
    @api_requires(Permission.REVIEWS_RUN)
    @blp.response(200, ReviewReportSchema)
    @blp.alt_response(202, schema=ReviewStatusSchema, description="Still being reviewed")
    def get(self, submission_id: int) -> Any:
        """The review report (JSON, schema_version 1) once reviewed; 202 while queued"""
        submission = submissions.get_submission(submission_id, api_user())
        if submission.status == SubmissionStatus.REFUSED:
            raise ArchiveRefusedError(submission.refusal, details={"id": submission.id})
        if submission.status != SubmissionStatus.REVIEWED:
            body: Response = jsonify(ReviewStatusSchema().dump(submission))
            return body, 202
        return submission.report


@blp.route("/reviews/<int:submission_id>/tests")
class ReviewTests(MethodView):
    @api_requires(Permission.REVIEWS_RUN)
    @blp.response(200, CombinedReportSchema)
    def get(self, submission_id: int) -> dict[str, Any]:
        """The sandboxed test run beside the static review: hidden pass rate, failing tests,
        own tests, routes reached, combined score and level, questions from failing tests

        `run.state` is `none` without hidden tests, `pending` until the run is done,
        `unavailable` (no sandbox on the host; `run.message` says why) or `refused`.
        """
        return test_runs.combined_dict(submissions.get_submission(submission_id, api_user()))
