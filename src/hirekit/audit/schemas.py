"""Marshmallow schemas of the audit API."""

from __future__ import annotations

import marshmallow as ma


class AuditArgsSchema(ma.Schema):
    actor = ma.fields.String(load_default="")
    action = ma.fields.String(load_default="")
    subject_type = ma.fields.String(load_default="")
    subject_id = ma.fields.String(load_default="")
    since = ma.fields.Date(load_default=None)
    until = ma.fields.Date(load_default=None)


class AuditEntrySchema(ma.Schema):
    id = ma.fields.Integer()
    seq = ma.fields.Integer(metadata={"description": "position in the chain, from 1"})
    at = ma.fields.DateTime()
    actor_id = ma.fields.Integer(allow_none=True)
    actor_email = ma.fields.String()
    action = ma.fields.String()
    subject_type = ma.fields.String()
    subject_id = ma.fields.String()
    details = ma.fields.Dict()
    prev_hash = ma.fields.String()
    hash = ma.fields.String(metadata={"description": "HMAC-SHA256 under the audit key"})
