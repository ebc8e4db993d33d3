"""API shapes for email templates and the outbox."""

from __future__ import annotations

import marshmallow as ma

from hirekit.mail.models import MessageStatus


class MailTemplateSchema(ma.Schema):
    key = ma.fields.String(dump_only=True)
    name = ma.fields.String(dump_only=True)
    subject = ma.fields.String(required=True)
    body = ma.fields.String(required=True)
    updated_at = ma.fields.DateTime(dump_only=True)


class PreviewSchema(ma.Schema):
    subject = ma.fields.String()
    body = ma.fields.String()


class OutboxArgsSchema(ma.Schema):
    status = ma.fields.String(
        load_default=None, validate=ma.validate.OneOf([s.value for s in MessageStatus])
    )


class AttachmentInfoSchema(ma.Schema):
    filename = ma.fields.String()
    mime = ma.fields.String()
    size = ma.fields.Integer()


class OutboxMessageSchema(ma.Schema):
    id = ma.fields.Integer()
    to = ma.fields.String(attribute="to_addr")
    subject = ma.fields.String()
    body = ma.fields.String()
    template = ma.fields.String(attribute="template_key")
    candidate_id = ma.fields.Integer(allow_none=True)
    application_id = ma.fields.Integer(allow_none=True)
    status = ma.fields.String(metadata={"enum": [s.value for s in MessageStatus]})
    error = ma.fields.String()
    attempts = ma.fields.Integer()
    attachments = ma.fields.List(ma.fields.Nested(AttachmentInfoSchema))
    created_at = ma.fields.DateTime()
    updated_at = ma.fields.DateTime()
    sent_at = ma.fields.DateTime(allow_none=True)
    send_after = ma.fields.DateTime(
        allow_none=True, metadata={"description": "not delivered before this time"}
    )
    purpose = ma.fields.String(metadata={"description": '"rejection", "feedback" or ""'})
