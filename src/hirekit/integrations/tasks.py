"""Posting one webhook delivery; failures are retried with backoff by the queue."""

from __future__ import annotations

import http.client
import json
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import update

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.integrations.addresses import Reach, connect_first, vetted_addresses
from hirekit.integrations.models import DeliveryStatus, WebhookDelivery
from hirekit.integrations.reach import deployment_reach
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


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address that was checked, whatever the name resolves to now."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._addresses = addresses

    def connect(self) -> None:
        self.sock = connect_first(self._addresses, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """As :class:`_PinnedHTTPConnection`, with the certificate checked against the name."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._addresses = addresses

    def connect(self) -> None:
        raw = connect_first(self._addresses, self.port, self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(delivery.payload, sort_keys=True, separators=(",", ":")).encode()


def post(url: str, body: bytes, headers: dict[str, str], timeout: float, reach: Reach) -> Answer:
    """POST ``body``; any HTTP answer is returned, network failures raise OSError.

    Redirects are not followed: one could lead a signed payload off the
    registered URL. A host that is, or resolves to, an address ``reach`` does
    not allow raises :class:`~hirekit.integrations.addresses.TargetRefused`.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"refusing to post to {url!r}")  # checked at registration
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = vetted_addresses(parts.hostname, port, reach)
    kind = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = kind(parts.hostname, port, addresses, timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("POST", target, body=body, headers=headers)
        response = connection.getresponse()
        raw, status = response.read(EXCERPT_CHARS * 4), response.status
    except http.client.HTTPException as exc:  # a malformed answer
        raise OSError(f"bad answer from the subscriber: {exc!r}") from exc
    finally:
        connection.close()
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
        answer = post(delivery.subscription.url, body, headers, timeout, deployment_reach())
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
