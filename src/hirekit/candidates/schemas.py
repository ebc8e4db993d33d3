"""API shapes for candidates, applications, moves, notes and timeline events."""

from __future__ import annotations

from typing import Any

import flask
import marshmallow as ma

from hirekit.candidates import blinding
from hirekit.candidates.choices import SOURCES, ApplicationStatus
from hirekit.candidates.models import Candidate
from hirekit.jobs.choices import REJECT_REASONS


class CandidateSchema(ma.Schema):
    id = ma.fields.Integer(dump_only=True)
    name = ma.fields.String()
    email = ma.fields.String()
    phone = ma.fields.String()
    links = ma.fields.List(ma.fields.String())
    tags = ma.fields.List(ma.fields.String(), attribute="tag_names")
    source = ma.fields.String()
    created_at = ma.fields.DateTime()
    updated_at = ma.fields.DateTime()
    blinded = ma.fields.Boolean(
        dump_only=True,
        metadata={
            "description": "True when the caller reviews blind: name is a pseudonym, "
            "email, phone and links are empty until the caller reveals the candidate."
        },
    )

    @ma.post_dump(pass_original=True)
    def _blind(self, data: dict[str, Any], original: Any, **_: Any) -> dict[str, Any]:
        viewer = flask.g.get("api_user")
        data["blinded"] = False
        if isinstance(original, Candidate) and blinding.hides(viewer, original.id):
            data.update(
                name=blinding.blind_id(original.id), email="", phone="", links=[], blinded=True
            )
        return data


class CandidateWriteSchema(ma.Schema):
    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=160))
    email = ma.fields.String(load_default="", validate=ma.validate.Length(max=254))
    phone = ma.fields.String(load_default="", validate=ma.validate.Length(max=40))
    links = ma.fields.List(
        ma.fields.String(validate=ma.validate.Length(max=300)), load_default=list
    )
    tags = ma.fields.List(ma.fields.String(validate=ma.validate.Length(max=40)), load_default=list)
    source = ma.fields.String(load_default="", validate=ma.validate.OneOf(["", *SOURCES]))


class CandidateCreateSchema(CandidateWriteSchema):
    note = ma.fields.String(load_default="", validate=ma.validate.Length(max=10_000))
    job_id = ma.fields.Integer(load_default=None, allow_none=True)
    allow_duplicate = ma.fields.Boolean(
        load_default=False,
        metadata={"description": "Create even when email, phone or name and link match someone"},
    )


class CandidatePatchSchema(CandidateWriteSchema):
    """Every field optional: use with ``partial=True``; absent fields stay as they are."""


class SearchArgsSchema(ma.Schema):
    q = ma.fields.String(load_default="", validate=ma.validate.Length(max=200))
    job_id = ma.fields.Integer(load_default=None)
    stage_id = ma.fields.Integer(load_default=None)
    source = ma.fields.String(load_default="")
    tag = ma.fields.String(load_default="", validate=ma.validate.Length(max=40))
    fit = ma.fields.String(
        load_default="",
        validate=ma.validate.OneOf(["", "strong", "possible", "no"]),
        metadata={"description": "Fit of the latest resume screening (an override counts)"},
    )
    flag = ma.fields.String(
        load_default="",
        validate=ma.validate.Length(max=60),
        metadata={"description": "A guide flag id raised by the latest resume screening"},
    )
    applied_since = ma.fields.Date(
        load_default=None, metadata={"description": "An application made on or after this day"}
    )
    applied_until = ma.fields.Date(
        load_default=None, metadata={"description": "An application made on or before this day"}
    )


class ApplicationAnswerSchema(ma.Schema):
    question_id = ma.fields.Integer(allow_none=True)
    question = ma.fields.String(metadata={"description": "the question as it was asked"})
    answer = ma.fields.String()
    knocked_out = ma.fields.Boolean()


class ApplicationSchema(ma.Schema):
    id = ma.fields.Integer()
    candidate_id = ma.fields.Integer()
    job_id = ma.fields.Integer()
    stage_id = ma.fields.Integer()
    stage = ma.fields.Function(lambda a: a.stage.name)
    status = ma.fields.String(metadata={"enum": [s.value for s in ApplicationStatus]})
    reject_reason = ma.fields.String()
    created_at = ma.fields.DateTime()
    stage_entered_at = ma.fields.DateTime()
    days_in_stage = ma.fields.Function(lambda a: a.days_in_stage())
    answers = ma.fields.List(
        ma.fields.Nested(ApplicationAnswerSchema),
        metadata={"description": "answers to the job's application questions"},
    )
    knocked_out = ma.fields.Function(
        lambda a: bool(a.knockouts),
        metadata={"description": "a knockout answer was given; nobody is rejected for it alone"},
    )


class ApplyArgsSchema(ma.Schema):
    job_id = ma.fields.Integer(required=True)


class MoveArgsSchema(ma.Schema):
    stage_id = ma.fields.Integer(required=True)
    salary = ma.fields.Integer(
        load_default=None,
        allow_none=True,
        validate=ma.validate.Range(min=1),
        metadata={"description": "Yearly salary offered, only on a move into an offer stage"},
    )


class RejectArgsSchema(ma.Schema):
    reason = ma.fields.String(required=True, validate=ma.validate.OneOf(list(REJECT_REASONS)))


class MergePreviewArgsSchema(ma.Schema):
    other = ma.fields.Integer(
        required=True, metadata={"description": "The candidate that would be merged in"}
    )


class MergeRecordSchema(CandidateSchema):
    applications = ma.fields.Method("_applications")
    notes = ma.fields.Method("_notes")

    def _applications(self, candidate: Candidate) -> list[dict[str, Any]]:
        return [
            {"id": a.id, "job_id": a.job_id, "job": a.job.title, "stage": a.stage.name,
             "status": a.status}
            for a in candidate.applications
        ]  # fmt: skip

    def _notes(self, candidate: Candidate) -> int:
        return len(candidate.notes)


class MergePreviewSchema(ma.Schema):
    this = ma.fields.Nested(MergeRecordSchema)
    other = ma.fields.Nested(MergeRecordSchema)
    choices = ma.fields.List(
        ma.fields.String(),
        attribute="fields",
        data_key="fields",
        metadata={"description": "Fields to choose between in the merge's ``keep``"},
    )


class MergeArgsSchema(ma.Schema):
    source_id = ma.fields.Integer(
        required=True,
        metadata={"description": "The duplicate to fold into this candidate; it is deleted"},
    )
    keep = ma.fields.Dict(
        keys=ma.fields.String(
            validate=ma.validate.OneOf(["name", "email", "phone", "source", "links"])
        ),
        values=ma.fields.String(validate=ma.validate.OneOf(["this", "other", "both"])),
        load_default=dict,
        metadata={
            "description": "Per field, which value wins: 'this' (this candidate's) or 'other' "
            "(the duplicate's); links may also be 'both'. Unchosen fields keep this "
            "candidate's value, filled from the duplicate when empty."
        },
    )


class NoteSchema(ma.Schema):
    id = ma.fields.Integer(dump_only=True)
    candidate_id = ma.fields.Integer(dump_only=True)
    application_id = ma.fields.Integer(allow_none=True)
    author_id = ma.fields.Integer(dump_only=True, allow_none=True)
    body = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=10_000))
    created_at = ma.fields.DateTime(dump_only=True)


class EventSchema(ma.Schema):
    id = ma.fields.Integer()
    type = ma.fields.String()
    at = ma.fields.DateTime()
    actor_id = ma.fields.Integer(allow_none=True)
    actor = ma.fields.Function(lambda e: e.actor.email if e.actor else None)
    candidate_id = ma.fields.Integer()
    application_id = ma.fields.Integer(allow_none=True)
    data = ma.fields.Dict()


class CandidateExportSchema(ma.Schema):
    """The whole record of one person (the same as the page's JSON export)."""

    id = ma.fields.Integer()
    name = ma.fields.String()
    email = ma.fields.String()
    phone = ma.fields.String()
    links = ma.fields.List(ma.fields.String())
    tags = ma.fields.List(ma.fields.String())
    source = ma.fields.String()
    created_at = ma.fields.String()
    applications = ma.fields.List(ma.fields.Dict())
    notes = ma.fields.List(ma.fields.Dict())
    events = ma.fields.List(ma.fields.Dict())


class BulkEmailArgsSchema(ma.Schema):
    template = ma.fields.String(
        required=True,
        validate=ma.validate.Length(min=1, max=60),
        metadata={"description": "Key of a mail template that fits a bulk send"},
    )
    application_ids = ma.fields.List(
        ma.fields.Integer(), required=True, validate=ma.validate.Length(min=1, max=1000)
    )


class BulkEmailResultSchema(ma.Schema):
    template = ma.fields.String(attribute="template_key")
    sent = ma.fields.List(ma.fields.Integer(), metadata={"description": "Outbox message ids"})
    skipped = ma.fields.List(ma.fields.String(), metadata={"description": "Why, per candidate"})
    skipped_application_ids = ma.fields.List(ma.fields.Integer(), attribute="skipped_ids")
