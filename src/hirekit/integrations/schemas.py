"""API shapes for webhooks and their deliveries."""

from __future__ import annotations

import marshmallow as ma

from hirekit.integrations.models import DeliveryStatus


class SubscriptionSchema(ma.Schema):
    id = ma.fields.Integer(dump_only=True)
    url = ma.fields.String(required=True, metadata={"description": "https:// only"})
    events = ma.fields.List(ma.fields.String(), required=True)
    description = ma.fields.String(load_default="")
    active = ma.fields.Boolean(dump_only=True)
    created_at = ma.fields.DateTime(dump_only=True)


class NewSubscriptionSchema(SubscriptionSchema):
    secret = ma.fields.String(
        dump_only=True,
        metadata={"description": "Signs every delivery; returned only in this answer"},
    )


class DeliverySchema(ma.Schema):
    id = ma.fields.Integer()
    delivery = ma.fields.String(attribute="uuid")
    event = ma.fields.String(attribute="event_type")
    status = ma.fields.String(metadata={"enum": [s.value for s in DeliveryStatus]})
    status_code = ma.fields.Integer(allow_none=True)
    response_excerpt = ma.fields.String()
    error = ma.fields.String()
    attempts = ma.fields.Integer()
    payload = ma.fields.Dict()
    created_at = ma.fields.DateTime()
    delivered_at = ma.fields.DateTime(allow_none=True)
