"""Marshmallow schemas of the take-home feedback API."""

from __future__ import annotations

import marshmallow as ma

from hirekit.takehomes.services import feedback


class FeedbackSchema(ma.Schema):
    id = ma.fields.Integer()
    application_id = ma.fields.Integer()
    submission_id = ma.fields.Integer(allow_none=True)
    body = ma.fields.String()
    status = ma.fields.String(metadata={"enum": ["draft", "sent"]})
    approved_by_id = ma.fields.Integer(allow_none=True)
    approved_at = ma.fields.DateTime(allow_none=True)
    outbox_message_id = ma.fields.Integer(allow_none=True)
    updated_at = ma.fields.DateTime()


class FeedbackBodySchema(ma.Schema):
    body = ma.fields.String(
        required=True, validate=ma.validate.Length(min=1, max=feedback.MAX_BODY)
    )
