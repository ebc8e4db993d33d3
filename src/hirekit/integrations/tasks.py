"""Posting one webhook delivery; failures are retried with backoff by the queue."""

from __future__ import annotations

import json
from typing import Any

from flask import current_app
from sqlalchemy import update

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.integrations.models import DeliveryStatus, WebhookDelivery
from hirekit.integrations.reach import deployment_reach
from hirekit.integrations.signing import signature
from hirekit.integrations.transport import post
from hirekit.queue import JobHandle, task

DEFAULT_TIMEOUT = 10.0


class DeliveryFailed(Exception):
    """The subscriber did not answer 2xx; the queue retries the delivery."""


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(delivery.payload, sort_keys=True, separators=(",", ":")).encode()


@task
def deliver_webhook(job: JobHandle, delivery_id: int) -> dict[str, Any]:
    """Post the delivery, signed with its subscription's secret."""
    delivery = db.session.get(WebhookDelivery, delivery_id)
    if delivery is None:
        return {"missing": delivery_id}  # its subscription was deleted meanwhile
    if delivery.status == DeliveryStatus.DELIVERED:
        return {"status": delivery.status}
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "hirekit-webhooks",
        "X-Hirekit-Event": delivery.event_type,
        "X-Hirekit-Delivery": delivery.uuid,
        "X-Hirekit-Signature": signature(delivery.subscription.secret, body),
    }
    timeout = float(current_app.config.get("WEBHOOK_TIMEOUT_SECONDS", DEFAULT_TIMEOUT))
    try:
        answer = post(delivery.subscription.url, body, headers, timeout, deployment_reach())
    except OSError as exc:  # refused, reset, timed out, TLS failure
        _record_failure(job, delivery_id, None, "", f"{type(exc).__name__}: {exc}")
        raise
    if not 200 <= answer.status < 300:
        error = f"the subscriber answered HTTP {answer.status}"
        _record_failure(job, delivery_id, answer.status, answer.excerpt, error)
        raise DeliveryFailed(error)
    # Committed at once on a connection of its own: should this run's outcome be lost
    # (its worker killed, or its lease lapsed), the retry sees the delivery went.
    job.write_now(
        update(WebhookDelivery)
        .where(WebhookDelivery.id == delivery_id)
        .values(
            attempts=WebhookDelivery.attempts + 1,
            status=DeliveryStatus.DELIVERED.value,
            status_code=answer.status,
            response_excerpt=answer.excerpt,
            error="",
            delivered_at=utcnow(),
        )
    )
    return {"status": DeliveryStatus.DELIVERED.value, "status_code": answer.status}


def _record_failure(
    job: JobHandle, delivery_id: int, status_code: int | None, excerpt: str, error: str
) -> None:
    status = DeliveryStatus.FAILED if job.is_last_attempt() else DeliveryStatus.PENDING
    job.write_now(
        update(WebhookDelivery)
        .where(WebhookDelivery.id == delivery_id)
        .values(
            attempts=WebhookDelivery.attempts + 1,
            status=status.value,
            status_code=status_code,
            response_excerpt=excerpt,
            error=error,
        )
    )
