"""REST: upload resumes (one to a candidate, many to a job), read the latest screening."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.candidates import blinding
from hirekit.resumes.models import Resume, ResumeBatch
from hirekit.resumes.schemas import (
    BatchAcceptedSchema,
    BulkUploadSchema,
    ResumeAcceptedSchema,
    ResumeUploadSchema,
    ScreeningQuerySchema,
    ScreeningResultSchema,
)
from hirekit.resumes.services import uploads
from hirekit.resumes.services.screenings import engine_json

blp = Blueprint("resumes_api", __name__, url_prefix="/api/v1", description="Resumes and screening")


@blp.route("/jobs/<int:job_id>/resumes")
class JobResumes(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(BulkUploadSchema, location="files")
    @blp.response(202, BatchAcceptedSchema)
    def post(self, files: dict[str, Any], job_id: int) -> ResumeBatch:
        """Upload many resumes (files or .zip archives) to a job; one background task screens them

        Each file becomes one candidate (or joins the person it names), applied to the
        job's first stage. Files that cannot be accepted are listed in ``rejected``.
        """
        sent = [uploads.Upload(f.filename or "", f.stream) for f in files["files"]]
        return uploads.bulk_upload(job_id, sent, actor=api_user())


@blp.route("/candidates/<int:candidate_id>/resumes")
class CandidateResumes(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(ResumeUploadSchema, location="files")
    @blp.response(202, ResumeAcceptedSchema)
    def post(self, files: dict[str, Any], candidate_id: int) -> Resume:
        """Upload one resume for a candidate; it is screened in the background"""
        upload = uploads.Upload(files["resume"].filename or "", files["resume"].stream)
        return uploads.upload_for_candidate(candidate_id, upload, actor=api_user())


@blp.route("/candidates/<int:candidate_id>/screening")
class CandidateScreening(MethodView):
    @api_requires(Permission.CANDIDATES_READ)
    @blp.arguments(ScreeningQuerySchema, location="query")
    @blp.response(200, ScreeningResultSchema)
    def get(self, query: dict[str, Any], candidate_id: int) -> dict[str, Any]:
        """The candidate's latest screening, in the engine's JSON shape (schema_version 1)"""
        viewer = api_user()
        screening = uploads.latest_screening(candidate_id, viewer, query["use_case"])
        body = engine_json(screening, blinded=blinding.hides(viewer, candidate_id))
        body["screened_at"] = screening.screened_at
        body["override"] = (
            {"fit": screening.override_fit, "reason": screening.override_reason}
            if screening.override_fit
            else None
        )
        return body
