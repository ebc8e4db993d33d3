"""API shapes for take-home reviews."""

from __future__ import annotations

import marshmallow as ma
from flask_smorest.fields import Upload


class ReviewUploadSchema(ma.Schema):
    archive = Upload(required=True, metadata={"description": ".zip, .tar or .tar.gz"})


class ReviewFormSchema(ma.Schema):
    """Query parameters: OpenAPI 3 allows one multipart body, which holds the file."""

    candidate_id = ma.fields.Integer(load_default=None, allow_none=True)
    job_id = ma.fields.Integer(load_default=None, allow_none=True)


class ReviewStatusSchema(ma.Schema):
    id = ma.fields.Integer()
    status = ma.fields.String(metadata={"enum": ["queued", "reviewed", "refused", "failed"]})
    candidate_id = ma.fields.Integer(allow_none=True)
    job_id = ma.fields.Integer(allow_none=True)
    filename = ma.fields.String()
    size = ma.fields.Integer()
    task_id = ma.fields.Integer(attribute="background_job_id", allow_none=True)
    task_url = ma.fields.Method("_task_url")
    report_url = ma.fields.Method("_report_url")

    def _task_url(self, submission: object) -> str | None:
        job_id = getattr(submission, "background_job_id", None)
        return f"/api/v1/tasks/{job_id}" if job_id else None

    def _report_url(self, submission: object) -> str:
        return f"/api/v1/reviews/{getattr(submission, 'id', '')}"


class ReviewReportSchema(ma.Schema):
    """The engine's report, schema_version 1 (documented in README)."""

    class Meta:
        unknown = ma.INCLUDE

    schema_version = ma.fields.Integer()
    root = ma.fields.String()
    app_factory = ma.fields.Dict(allow_none=True)
    apps = ma.fields.List(ma.fields.Dict())
    blueprints = ma.fields.Dict()
    extensions = ma.fields.List(ma.fields.String())
    routes = ma.fields.List(ma.fields.Dict())
    tests = ma.fields.Dict()
    config_from_env = ma.fields.Boolean()
    findings = ma.fields.List(ma.fields.Dict())
    stats = ma.fields.Dict()
    score = ma.fields.Integer()
    level = ma.fields.String()
    questions = ma.fields.List(ma.fields.Dict())
    use_case = ma.fields.String(
        allow_none=True,
        metadata={
            "enum": ["rest-api", "microservices", "full-stack", None],
            "description": "The use case the project was read for: the job's, or null.",
        },
    )
    focus = ma.fields.List(
        ma.fields.Dict(),
        metadata={"description": "The use case's focus areas: {area, met, evidence}."},
    )


class TestSuiteSchema(ma.Schema):
    status = ma.fields.String(metadata={"enum": ["completed", "timeout", "crashed", "absent"]})
    passed = ma.fields.Integer()
    failed = ma.fields.Integer()
    errors = ma.fields.Integer()
    skipped = ma.fields.Integer()
    pass_rate = ma.fields.Float(
        allow_none=True, metadata={"description": "passed / (passed + failed + errors)"}
    )
    failing = ma.fields.List(
        ma.fields.Dict(),
        metadata={"description": "{id, outcome, message}: the first line of each message"},
    )


class CombinedReportSchema(ma.Schema):
    """The static review beside the sandboxed run (README "Combined report").

    Hidden tests appear only as ids, outcomes and first message lines, never their source.
    """

    schema_version = ma.fields.Integer()
    run = ma.fields.Dict(
        metadata={
            "description": "{state: none|pending|done|unavailable|refused, message, "
            "finished_at, seconds}; message says why nothing ran"
        }
    )
    hidden_tests = ma.fields.Nested(TestSuiteSchema)
    own_tests = ma.fields.Nested(TestSuiteSchema)
    route_coverage = ma.fields.Dict(
        metadata={
            "description": "{routes, measured, reached, by_route: [{rule, methods, endpoint, "
            "file, line, reached: true|false|null}]}"
        }
    )
    score = ma.fields.Integer(allow_none=True)
    level = ma.fields.String()
    reasons = ma.fields.List(ma.fields.String())
    questions = ma.fields.List(
        ma.fields.Dict(),
        metadata={"description": "{test_id, kind, question, because} from failing hidden tests"},
    )
