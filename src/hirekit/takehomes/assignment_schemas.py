"""API shapes for take-home assignments, their versions and submissions.

No shape carries a stored file's key: hidden tests are described (name, size,
digest) but never served by the API.
"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask_smorest.fields import Upload

from hirekit.jobs.choices import UseCase
from hirekit.takehomes.services.assignments import MAX_BRIEF, MAX_DEADLINE_DAYS, MAX_HOURS


class AssignmentFilesSchema(ma.Schema):
    starter = Upload(metadata={"description": "Starter files: .zip, .tar or .tar.gz"})
    hidden_tests = Upload(
        metadata={"description": "Hidden pytest files (.zip, .tar or .tar.gz), never shown"}
    )


class AssignmentFieldsSchema(ma.Schema):
    """A new assignment's fields (multipart form fields next to the files)."""

    title = ma.fields.String(required=True, validate=ma.validate.Length(1, 160))
    brief = ma.fields.String(load_default="", validate=ma.validate.Length(max=MAX_BRIEF))
    use_case = ma.fields.String(
        required=True, validate=ma.validate.OneOf([u.value for u in UseCase])
    )
    expected_hours = ma.fields.Float(required=True, validate=ma.validate.Range(0.5, MAX_HOURS))
    deadline_days = ma.fields.Integer(
        required=True, validate=ma.validate.Range(1, MAX_DEADLINE_DAYS)
    )
    requirements = ma.fields.String(
        load_default="", metadata={"description": "Pinned requirements, name==version per line"}
    )


class VersionFieldsSchema(AssignmentFieldsSchema):
    """A new version's fields: each one left out keeps the current version's value."""

    title = ma.fields.String(validate=ma.validate.Length(1, 160))
    brief = ma.fields.String(validate=ma.validate.Length(max=MAX_BRIEF))
    use_case = ma.fields.String(validate=ma.validate.OneOf([u.value for u in UseCase]))
    expected_hours = ma.fields.Float(validate=ma.validate.Range(0.5, MAX_HOURS))
    deadline_days = ma.fields.Integer(validate=ma.validate.Range(1, MAX_DEADLINE_DAYS))
    requirements = ma.fields.String()
    remove_starter = ma.fields.Boolean(load_default=False)
    remove_hidden_tests = ma.fields.Boolean(load_default=False)


class AssignmentUploadSchema(AssignmentFieldsSchema, AssignmentFilesSchema):
    """A new assignment: one multipart body of fields and archives."""


class VersionUploadSchema(VersionFieldsSchema, AssignmentFilesSchema):
    """A new version: one multipart body of fields and archives."""


class StoredArchiveSchema(ma.Schema):
    filename = ma.fields.String()
    size = ma.fields.Integer()
    sha256 = ma.fields.String()


def _archive(version: Any, kind: str) -> dict[str, Any] | None:
    if getattr(version, f"{kind}_key") is None:
        return None
    return {
        "filename": getattr(version, f"{kind}_filename"),
        "size": getattr(version, f"{kind}_size"),
        "sha256": getattr(version, f"{kind}_sha256"),
    }


class AssignmentVersionSchema(ma.Schema):
    id = ma.fields.Integer()
    assignment_id = ma.fields.Integer()
    number = ma.fields.Integer()
    title = ma.fields.String()
    brief = ma.fields.String(metadata={"description": "Markdown"})
    use_case = ma.fields.String(metadata={"enum": [u.value for u in UseCase]})
    expected_hours = ma.fields.Float()
    deadline_days = ma.fields.Integer()
    starter = ma.fields.Method("_starter", metadata={"description": "StoredArchive or null"})
    hidden_tests = ma.fields.Method(
        "_hidden_tests", metadata={"description": "StoredArchive or null; never downloadable"}
    )
    requirements = ma.fields.String()
    created_at = ma.fields.DateTime()

    def _starter(self, version: Any) -> dict[str, Any] | None:
        return _archive(version, "starter")

    def _hidden_tests(self, version: Any) -> dict[str, Any] | None:
        return _archive(version, "hidden_tests")


class AssignmentSchema(ma.Schema):
    id = ma.fields.Integer()
    job_id = ma.fields.Integer()
    created_at = ma.fields.DateTime()
    current = ma.fields.Nested(AssignmentVersionSchema)
    versions = ma.fields.List(ma.fields.Nested(AssignmentVersionSchema))


class SendArgsSchema(ma.Schema):
    application_id = ma.fields.Integer(required=True)


class AssignmentSubmissionSchema(ma.Schema):
    """A submission against an assignment, blinded as the caller would see it on the page."""

    id = ma.fields.Integer()
    assignment_version_id = ma.fields.Integer()
    version_number = ma.fields.Integer(attribute="assignment_version.number", allow_none=True)
    invitation_id = ma.fields.Integer(allow_none=True)
    candidate_label = ma.fields.String(
        metadata={"description": "Candidate #<number>: shown instead of the name while blind"}
    )
    blind = ma.fields.Boolean(
        metadata={"description": "True until the caller submits their assessment"}
    )
    candidate_id = ma.fields.Integer(allow_none=True, metadata={"description": "null while blind"})
    candidate_name = ma.fields.String(allow_none=True, metadata={"description": "null while blind"})
    filename = ma.fields.String()
    size = ma.fields.Integer()
    sha256 = ma.fields.String()
    status = ma.fields.String(metadata={"enum": ["queued", "reviewed", "refused", "failed"]})
    score = ma.fields.Integer(allow_none=True)
    level = ma.fields.String()
    latest = ma.fields.Boolean(
        metadata={"description": "The candidate's latest upload for this invitation: it counts"}
    )
    results = ma.fields.Dict(
        allow_none=True, metadata={"description": "Hidden test results once run; null until then"}
    )
    report_url = ma.fields.String()
    created_at = ma.fields.DateTime()
