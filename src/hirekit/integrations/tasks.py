"""Posting one webhook delivery; failures are retried with backoff by the queue."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import update

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.integrations.models import DeliveryStatus, WebhookDelivery
from hirekit.integrations.signing import signature
from hirekit.queue import BackgroundJob, JobHandle, task

EXCERPT_CHARS = 1000
DEFAULT_TIMEOUT = 10.0


class DeliveryFailed(Exception):
    """The subscriber did not answer 2xx; the queue retries the delivery."""


@dataclass(frozen=True)
class Answer:
    status: int
    excerpt: str


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect could lead a signed payload off the registered https:// URL.
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(delivery.payload, sort_keys=True, separators=(",", ":")).encode()


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> Answer:
    """POST ``body``; any HTTP answer is returned, network failures raise OSError."""
    if not url.startswith(("https://", "http://")):  # checked at registration; never file: etc.
        raise ValueError(f"refusing to post to {url!r}")
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            raw = response.read(EXCERPT_CHARS * 4)
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        raw, status = exc.read(EXCERPT_CHARS * 4), exc.code
    return Answer(status, raw.decode("utf-8", "replace")[:EXCERPT_CHARS])


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
        answer = post(delivery.subscription.url, body, headers, timeout)
    except OSError as exc:  # refused, reset, timed out, TLS failure
        _record_failure(job, delivery_id, None, "", f"{type(exc).__name__}: {exc}")
        raise
    if not 200 <= answer.status < 300:
        error = f"the subscriber answered HTTP {answer.status}"
        _record_failure(job, delivery_id, answer.status, answer.excerpt, error)
        raise DeliveryFailed(error)
    delivery.attempts += 1
    delivery.status, delivery.status_code = DeliveryStatus.DELIVERED.value, answer.status
    delivery.response_excerpt, delivery.error = answer.excerpt, ""
    delivery.delivered_at = utcnow()
    return {"status": delivery.status, "status_code": answer.status}


def _record_failure(
    job: JobHandle, delivery_id: int, status_code: int | None, excerpt: str, error: str
) -> None:
    # The queue rolls back a failing task's session; this write has its own connection.
    record = db.session.get(BackgroundJob, job.id)
    last = record is None or record.attempts >= record.max_attempts
    with db.engine.begin() as conn:
        conn.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id == delivery_id)
            .values(
                attempts=WebhookDelivery.attempts + 1,
                status=(DeliveryStatus.FAILED if last else DeliveryStatus.PENDING).value,
                status_code=status_code,
                response_excerpt=excerpt,
                error=error,
            )
        )
