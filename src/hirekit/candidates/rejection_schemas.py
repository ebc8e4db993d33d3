"""Marshmallow schemas of the rejection emails API."""

from __future__ import annotations

import marshmallow as ma

from hirekit.candidates.services import rejection_emails


class RejectionEmailArgsSchema(ma.Schema):
    template = ma.fields.String(
        load_default=rejection_emails.DEFAULT_TEMPLATE,
        validate=ma.validate.Length(min=1, max=60),
        metadata={"description": "Key of the mail template to send (default: the rejection)"},
    )
    application_ids = ma.fields.List(
        ma.fields.Integer(), required=True, validate=ma.validate.Length(min=1, max=1000)
    )


class RejectionEmailResultSchema(ma.Schema):
    template = ma.fields.String(attribute="template_key")
    send_after = ma.fields.DateTime(metadata={"description": "when the emails go"})
    queued = ma.fields.List(ma.fields.Integer(), metadata={"description": "outbox message ids"})
    skipped = ma.fields.List(ma.fields.String())
