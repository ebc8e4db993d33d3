"""API shape of a background job's status."""

from __future__ import annotations

import marshmallow as ma


class BackgroundJobSchema(ma.Schema):
    id = ma.fields.Integer()
    label = ma.fields.String()
    status = ma.fields.String(metadata={"enum": ["queued", "running", "done", "failed"]})
    progress = ma.fields.Integer(metadata={"description": "0-100"})
    attempts = ma.fields.Integer()
    max_attempts = ma.fields.Integer()
    error = ma.fields.String()
    result = ma.fields.Dict(allow_none=True)
    created_at = ma.fields.DateTime()
    started_at = ma.fields.DateTime(allow_none=True)
    finished_at = ma.fields.DateTime(allow_none=True)
