"""REST: a job's take-home assignments, their versions, sending one, its submissions."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import Request
from flask.views import MethodView
from flask_smorest import Blueprint
from webargs.flaskparser import FlaskParser
from werkzeug.datastructures import CombinedMultiDict

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.takehomes.assignment_schemas import (
    AssignmentSchema,
    AssignmentSubmissionSchema,
    AssignmentUploadSchema,
    AssignmentVersionSchema,
    SendArgsSchema,
    VersionUploadSchema,
)
from hirekit.takehomes.invitation_schemas import InvitationSchema
from hirekit.takehomes.models import Assignment, AssignmentVersion, Invitation, Submission
from hirekit.takehomes.services import assessments, assignments, invitations, submissions


class _MultipartParser(FlaskParser):
    """Reads a multipart body whole: its archives and its plain fields.

    flask-smorest documents one request body per operation, so an upload with fields
    is one schema at the ``files`` location, filled here from both parts of the body.
    """

    def load_files(self, req: Request, schema: ma.Schema) -> Any:
        return self._makeproxy(CombinedMultiDict([req.files, req.form]), schema)


class _Blueprint(Blueprint):
    ARGUMENTS_PARSER = _MultipartParser()


blp = _Blueprint(
    "takehomes_assignments_api", __name__, url_prefix="/api/v1", description="Take-home assignments"
)


def _upload(files: dict[str, Any], name: str) -> submissions.Upload | None:
    storage = files.get(name)
    if storage is None or not storage.filename:
        return None
    return submissions.Upload(storage.filename, storage.stream)


def _files(body: dict[str, Any]) -> assignments.AssignmentFiles:
    return assignments.AssignmentFiles(
        starter=_upload(body, "starter"),
        hidden_tests=_upload(body, "hidden_tests"),
        remove_starter=bool(body.get("remove_starter")),
        remove_hidden_tests=bool(body.get("remove_hidden_tests")),
    )


@blp.route("/jobs/<int:job_id>/assignments")
class JobAssignments(MethodView):
    @api_requires(Permission.REVIEWS_RUN)
    @blp.response(200, AssignmentSchema(many=True))
    def get(self, job_id: int) -> list[Assignment]:
        """The job's take-home assignments, each with its versions"""
        return assignments.assignments_for_job(job_id, api_user())

    @api_requires(Permission.JOBS_WRITE)
    @blp.arguments(AssignmentUploadSchema, location="files")
    @blp.response(201, AssignmentSchema)
    def post(self, body: dict[str, Any], job_id: int) -> Assignment:
        """Create an assignment (multipart: fields, `starter` and `hidden_tests` archives)"""
        fields = assignments.AssignmentFields(
            **{name: body[name] for name in assignments.AssignmentFields.__dataclass_fields__}
        )
        return assignments.create_assignment(job_id, fields, _files(body), actor=api_user())


@blp.route("/assignments/<int:assignment_id>")
class AssignmentItem(MethodView):
    @api_requires(Permission.REVIEWS_RUN)
    @blp.response(200, AssignmentSchema)
    def get(self, assignment_id: int) -> Assignment:
        """An assignment with all its versions (the last is current)"""
        return assignments.get_assignment(assignment_id, api_user())


@blp.route("/assignments/<int:assignment_id>/versions")
class AssignmentVersions(MethodView):
    @api_requires(Permission.JOBS_WRITE)
    @blp.arguments(VersionUploadSchema, location="files")
    @blp.response(201, AssignmentVersionSchema)
    def post(self, body: dict[str, Any], assignment_id: int) -> AssignmentVersion:
        """Save a new version; fields and files left out keep the current version's"""
        me = api_user()
        current = assignments.get_assignment(assignment_id, me).current
        kept = {
            name: body.get(name, getattr(current, name))
            for name in assignments.AssignmentFields.__dataclass_fields__
        }
        fields = assignments.AssignmentFields(**kept)
        return assignments.new_version(assignment_id, fields, _files(body), actor=me)


@blp.route("/assignments/<int:assignment_id>/invitations")
class AssignmentInvitations(MethodView):
    @api_requires(Permission.TAKEHOMES_INVITE)
    @blp.arguments(SendArgsSchema)
    @blp.response(201, InvitationSchema)
    def post(self, data: dict[str, Any], assignment_id: int) -> Invitation:
        """Send the current version to an application's candidate; the deadline is stored"""
        me = api_user()
        version = assignments.get_assignment(assignment_id, me).current
        return invitations.invite(
            data["application_id"], actor=me, assignment_version_id=version.id
        )


def _summaries(found: list[Submission], assignment_id: int) -> list[dict[str, Any]]:
    me = api_user()
    blind = assessments.blind_submission_ids(found, me)
    latest = assignments.latest_submission_ids(assignment_id)
    rows = []
    for submission in found:
        row = assessments.submission_summary(submission, me, blind=submission.id in blind)
        row["latest"] = submission.id in latest
        rows.append(row)
    return rows


@blp.route("/assignments/<int:assignment_id>/submissions")
class AssignmentSubmissions(MethodView):
    @api_requires(Permission.REVIEWS_RUN)
    @blp.response(200, AssignmentSubmissionSchema(many=True))
    def get(self, assignment_id: int) -> list[dict[str, Any]]:
        """Every upload against any version of the assignment, newest first"""
        found = assignments.submissions_for_assignment(assignment_id, api_user())
        return _summaries(found, assignment_id)


@blp.route("/assignments/<int:assignment_id>/submissions/<int:submission_id>")
class AssignmentSubmissionItem(MethodView):
    @api_requires(Permission.REVIEWS_RUN)
    @blp.response(200, AssignmentSubmissionSchema)
    def get(self, assignment_id: int, submission_id: int) -> dict[str, Any]:
        """One submission against the assignment"""
        submission = assignments.assignment_submission(assignment_id, submission_id, api_user())
        return _summaries([submission], assignment_id)[0]
