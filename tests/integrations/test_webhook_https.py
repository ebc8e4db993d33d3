"""Webhooks over real HTTPS: certificate checks on the pinned connection, and a proxy tunnel.

A throwaway certificate authority (tests/tls.py) signs the receiver's certificate.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from hirekit.extensions import db
from hirekit.integrations import services
from hirekit.integrations.models import DeliveryStatus, WebhookDelivery
from hirekit.integrations.signing import verify
from hirekit.queue.runner import drain
from tests.integrations.proxy import forwarding_proxy
from tests.integrations.receiver import receiver
from tests.jobs.factories import make_application, make_job
from tests.tls import server_tls


def _deliveries() -> list[WebhookDelivery]:
    db.session.expire_all()
    return list(db.session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)))


def _one_application(admin) -> None:
    make_application(admin, make_job(admin), "Ada Example")
    db.session.commit()


def test_https_delivery_checks_the_certificate_against_the_name(hooks_app, make_user, authority):
    admin = make_user("admin")
    with receiver(tls=server_tls(authority, "localhost")) as endpoint:
        assert endpoint.url.startswith("https://localhost:")
        made = services.create_subscription(endpoint.url, ["application.created"], actor=admin)
        db.session.commit()
        _one_application(admin)
        assert drain() == 1
    (request,) = endpoint.requests
    assert verify(made.secret, request.body, request.headers["X-Hirekit-Signature"])
    assert json.loads(request.body)["event"] == "application.created"
    assert [d.status for d in _deliveries()] == [DeliveryStatus.DELIVERED]


def test_a_certificate_for_another_name_is_refused(hooks_app, make_user, authority):
    admin = make_user("admin")
    with receiver(tls=server_tls(authority, "hooks.example.org")) as endpoint:
        services.create_subscription(endpoint.url, ["application.created"], actor=admin)
        db.session.commit()
        _one_application(admin)
        drain()
    assert endpoint.requests == []
    (delivery,) = _deliveries()
    assert delivery.status == DeliveryStatus.FAILED
    assert "CERTIFICATE_VERIFY_FAILED" in delivery.error and "localhost" in delivery.error


def test_https_goes_through_the_proxy_tunnel(hooks_app, make_user, authority, monkeypatch):
    admin = make_user("admin")
    with receiver(tls=server_tls(authority, "localhost")) as endpoint, forwarding_proxy() as proxy:
        services.create_subscription(endpoint.url, ["application.created"], actor=admin)
        db.session.commit()
        monkeypatch.setenv("https_proxy", proxy.url)
        _one_application(admin)
        assert drain() == 1
    port = endpoint.url.split(":")[2].split("/")[0]
    assert [f.target for f in proxy.forwarded] == [f"localhost:{port}"]
    assert len(endpoint.requests) == 1
    assert [d.status for d in _deliveries()] == [DeliveryStatus.DELIVERED]
