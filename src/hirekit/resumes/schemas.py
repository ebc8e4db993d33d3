"""API shapes for resumes and screening results."""

from __future__ import annotations

import marshmallow as ma
from flask_smorest.fields import Upload


class ResumeUploadSchema(ma.Schema):
    resume = Upload(required=True, metadata={"description": "PDF, DOCX, ODT, RTF, TXT or JSON"})


class BulkUploadSchema(ma.Schema):
    files = ma.fields.List(
        Upload(),
        required=True,
        metadata={"description": "resume files and/or .zip archives of resumes"},
    )


class RefusalSchema(ma.Schema):
    file = ma.fields.String()
    code = ma.fields.String()
    message = ma.fields.String()


class ResumeSchema(ma.Schema):
    id = ma.fields.Integer()
    candidate_id = ma.fields.Integer(allow_none=True)
    job_id = ma.fields.Integer(allow_none=True)
    filename = ma.fields.String()
    size = ma.fields.Integer()
    sha256 = ma.fields.String()
    content_type = ma.fields.String()
    status = ma.fields.String(metadata={"enum": ["queued", "screened", "failed"]})
    error_code = ma.fields.String()
    error_message = ma.fields.String()


class ResumeAcceptedSchema(ResumeSchema):
    task_id = ma.fields.Integer(attribute="background_job_id", allow_none=True)
    task_url = ma.fields.Method("_task_url")
    screening_url = ma.fields.Method("_screening_url")

    def _task_url(self, resume: object) -> str | None:
        task_id = getattr(resume, "background_job_id", None)
        return f"/api/v1/tasks/{task_id}" if task_id else None

    def _screening_url(self, resume: object) -> str:
        return f"/api/v1/candidates/{getattr(resume, 'candidate_id', '')}/screening"


class BatchAcceptedSchema(ma.Schema):
    id = ma.fields.Integer()
    job_id = ma.fields.Integer()
    files = ma.fields.Method("_files")
    rejected = ma.fields.List(ma.fields.Nested(RefusalSchema))
    task_id = ma.fields.Integer(attribute="background_job_id", allow_none=True)
    task_url = ma.fields.Method("_task_url")

    def _files(self, batch: object) -> int:
        return len(getattr(batch, "resumes", []))

    def _task_url(self, batch: object) -> str | None:
        task_id = getattr(batch, "background_job_id", None)
        return f"/api/v1/tasks/{task_id}" if task_id else None


class ScreeningQuerySchema(ma.Schema):
    use_case = ma.fields.String(load_default=None, metadata={"description": "rest-api, ..."})


class ScreeningResultSchema(ma.Schema):
    """The engine's screening JSON (schema_version 1), plus the recruiter's override."""

    class Meta:
        unknown = ma.INCLUDE

    schema_version = ma.fields.Integer()
    file = ma.fields.String()
    blinded = ma.fields.Boolean(
        metadata={
            "description": "True for a blind reviewer: no name, contacts or links, "
            "quotes from the blinded text, the file named by its number"
        }
    )
    error = ma.fields.Dict(allow_none=True)
    candidate = ma.fields.Dict()
    mentions_flask = ma.fields.Boolean()
    years_experience = ma.fields.Float(allow_none=True)
    skills = ma.fields.List(ma.fields.String())
    green_flags = ma.fields.List(ma.fields.Dict())
    yellow_flags = ma.fields.List(ma.fields.Dict())
    use_case = ma.fields.String()
    score = ma.fields.Integer()
    fit = ma.fields.String()
    explanation = ma.fields.List(ma.fields.String())
    yellow_flags_assessed = ma.fields.Boolean(
        metadata={"description": "false when no Python is claimed: yellow flags do not apply"}
    )
    score_contributions = ma.fields.List(
        ma.fields.Dict(),
        metadata={"description": "{source, label, points}; the points add up to score"},
    )
    use_case_evidence = ma.fields.List(ma.fields.Dict())
    evidence_strength = ma.fields.Integer(
        metadata={"description": "breaks ties between equal scores in the ranked list"}
    )
    screened_at = ma.fields.DateTime()
    override = ma.fields.Dict(allow_none=True)
