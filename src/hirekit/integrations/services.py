"""Subscriptions admins manage, and :func:`emit`, which the pipeline calls."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.db import utcnow
from hirekit.errors import NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.integrations.models import WebhookDelivery, WebhookSubscription
from hirekit.integrations.reach import deployment_reach
from hirekit.integrations.signing import new_secret
from hirekit.integrations.targets import url_problem
from hirekit.integrations.tasks import deliver_webhook
from hirekit.queue import enqueue

EVENTS: dict[str, str] = {
    "application.created": "A candidate applied, or was added to a job",
    "application.stage_changed": "An application moved to another stage",
    "application.hired": "An application reached the job's stage of kind hired",
    "application.rejected": "An application was rejected",
}


@dataclass(frozen=True)
class NewSubscription:
    """A subscription just made, with its secret: the only time the secret is shown."""

    subscription: WebhookSubscription
    secret: str


def _clean_events(events: Iterable[str]) -> list[str]:
    chosen = sorted(set(events))
    unknown = [e for e in chosen if e not in EVENTS]
    if not chosen or unknown:
        problem = f"unknown: {', '.join(unknown)}" if unknown else "choose at least one"
        raise ValidationFailed("Choose the events to send.", details={"events": problem})
    return chosen


def create_subscription(
    url: str, events: Iterable[str], *, actor: User, description: str = ""
) -> NewSubscription:
    url = url.strip()
    if problem := url_problem(url, deployment_reach()):
        raise ValidationFailed(f"The webhook URL {problem}.", details={"url": problem})
    secret = new_secret()
    subscription = WebhookSubscription(
        url=url,
        events=_clean_events(events),
        secret=secret,
        description=description.strip()[:200],
        created_by_id=actor.id,
    )
    db.session.add(subscription)
    db.session.flush()
    audit.record(
        "webhook.created",
        actor=actor,
        subject_type="webhook",
        subject_id=subscription.id,
        details={"url": url, "events": subscription.events},
    )
    return NewSubscription(subscription, secret)


def subscriptions_query() -> Select[Any]:
    return select(WebhookSubscription).order_by(WebhookSubscription.id)


def list_subscriptions() -> list[WebhookSubscription]:
    return list(db.session.scalars(subscriptions_query()))


def get_subscription(subscription_id: int) -> WebhookSubscription:
    subscription = db.session.get(WebhookSubscription, subscription_id)
    if subscription is None:
        raise NotFound(f"No webhook with id {subscription_id}")
    return subscription


def delete_subscription(subscription_id: int, *, actor: User) -> None:
    """Remove the subscription and its delivery history; queued deliveries are dropped."""
    subscription = get_subscription(subscription_id)
    db.session.delete(subscription)
    db.session.flush()
    audit.record(
        "webhook.deleted",
        actor=actor,
        subject_type="webhook",
        subject_id=subscription_id,
        details={"url": subscription.url},
    )


def deliveries_query(subscription_id: int) -> Select[Any]:
    get_subscription(subscription_id)
    return (
        select(WebhookDelivery)
        .where(WebhookDelivery.subscription_id == subscription_id)
        .order_by(WebhookDelivery.id.desc())
    )


def recent_deliveries(subscription_id: int, limit: int = 100) -> list[WebhookDelivery]:
    return list(db.session.scalars(deliveries_query(subscription_id).limit(limit)))


def _subject_id(payload: dict[str, Any], key: str) -> int | None:
    """The id of the ``job`` or ``candidate`` an event is about, when it names one."""
    found = payload.get(key)
    value = found.get("id") if isinstance(found, dict) else None
    return value if isinstance(value, int) else None


def emit(event_type: str, payload: dict[str, Any]) -> list[WebhookDelivery]:
    """Record one delivery per active subscription to ``event_type`` and enqueue each.

    Runs in the caller's transaction: nothing is posted unless the change that
    caused the event commits. ``payload`` must be JSON values.
    """
    if event_type not in EVENTS:
        raise ValueError(f"unknown webhook event {event_type!r}")
    active = db.session.scalars(
        select(WebhookSubscription).where(WebhookSubscription.active.is_(True))
    )
    return [
        _queue_delivery(subscription, event_type, payload)
        for subscription in active
        if event_type in subscription.events
    ]


def _queue_delivery(
    subscription: WebhookSubscription, event_type: str, payload: dict[str, Any]
) -> WebhookDelivery:
    delivery_id = str(uuid.uuid4())
    envelope = {
        "id": delivery_id,
        "event": event_type,
        "created_at": utcnow().isoformat(),
        "data": payload,
    }
    delivery = WebhookDelivery(
        subscription_id=subscription.id,
        event_type=event_type,
        uuid=delivery_id,
        payload=envelope,
    )
    db.session.add(delivery)
    db.session.flush()
    job = enqueue(
        deliver_webhook,
        delivery.id,
        label=f"Webhook {event_type}",
        hiring_job_id=_subject_id(payload, "job"),
        candidate_id=_subject_id(payload, "candidate"),
    )
    delivery.background_job_id = job.id
    return delivery


#: The event of a test delivery; every subscription takes it, whatever its events.
PING = "ping"


def send_ping(subscription_id: int, *, actor: User) -> WebhookDelivery:
    """Queue a signed ``ping`` delivery to the subscription, as any event is sent, audited."""
    subscription = get_subscription(subscription_id)
    delivery = _queue_delivery(
        subscription,
        PING,
        {"webhook_id": subscription.id, "events": subscription.events, "sent_by": actor.id},
    )
    audit.record(
        "webhook.pinged",
        actor=actor,
        subject_type="webhook",
        subject_id=subscription.id,
        details={"delivery": delivery.uuid},
    )
    return delivery
