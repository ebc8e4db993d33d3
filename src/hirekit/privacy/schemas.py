"""Marshmallow schemas of the privacy API."""

from __future__ import annotations

import marshmallow as ma


class DeletionSchema(ma.Schema):
    candidate_id = ma.fields.Integer()
    counts = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Integer())
    files = ma.fields.Integer()
