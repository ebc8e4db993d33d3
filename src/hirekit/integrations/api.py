"""REST: register webhooks (admins), read their delivery history."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.integrations import services
from hirekit.integrations.models import WebhookSubscription
from hirekit.integrations.schemas import DeliverySchema, NewSubscriptionSchema, SubscriptionSchema
from hirekit.pagination import PageArgsSchema, paginate

blp = Blueprint("integrations_api", __name__, url_prefix="/api/v1", description="Outgoing webhooks")


@blp.route("/webhooks")
class Webhooks(MethodView):
    @api_requires(Permission.WEBHOOKS_MANAGE)
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, SubscriptionSchema(many=True))
    def get(self, page: dict[str, Any]) -> Any:
        """Registered webhooks (secrets are never listed)"""
        result = paginate(services.subscriptions_query(), page["page"], page["per_page"])
        return result.items, 200, result.headers()

    @api_requires(Permission.WEBHOOKS_MANAGE)
    @blp.arguments(SubscriptionSchema)
    @blp.response(201, NewSubscriptionSchema)
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Register a URL for events; the answer holds the signing secret, shown once"""
        made = services.create_subscription(
            data["url"], data["events"], actor=api_user(), description=data["description"]
        )
        fields = SubscriptionSchema().fields
        return {
            **{name: getattr(made.subscription, name) for name in fields},
            "secret": made.secret,
        }


@blp.route("/webhooks/<int:subscription_id>")
class WebhookItem(MethodView):
    @api_requires(Permission.WEBHOOKS_MANAGE)
    @blp.response(200, SubscriptionSchema)
    def get(self, subscription_id: int) -> WebhookSubscription:
        """One webhook"""
        return services.get_subscription(subscription_id)

    @api_requires(Permission.WEBHOOKS_MANAGE)
    @blp.response(204)
    def delete(self, subscription_id: int) -> None:
        """Remove a webhook and its delivery history"""
        services.delete_subscription(subscription_id, actor=api_user())


@blp.route("/webhooks/<int:subscription_id>/deliveries")
class WebhookDeliveries(MethodView):
    @api_requires(Permission.WEBHOOKS_MANAGE)
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, DeliverySchema(many=True))
    def get(self, page: dict[str, Any], subscription_id: int) -> Any:
        """Deliveries to this webhook, newest first: status code, response excerpt, attempts"""
        query = services.deliveries_query(subscription_id)
        result = paginate(query, page["page"], page["per_page"])
        return result.items, 200, result.headers()


@blp.route("/webhooks/<int:subscription_id>/ping")
class WebhookPing(MethodView):
    @api_requires(Permission.WEBHOOKS_MANAGE)
    @blp.response(202, DeliverySchema)
    def post(self, subscription_id: int) -> Any:
        """Queue a signed test delivery (event ``ping``); follow it in the deliveries"""
        return services.send_ping(subscription_id, actor=api_user())
