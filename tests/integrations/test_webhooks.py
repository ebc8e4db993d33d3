"""Webhooks: registration rules, signed deliveries from the pipeline, retries, history."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time

import pytest
from sqlalchemy import select

from hirekit.candidates.services import applications
from hirekit.errors import ValidationFailed
from hirekit.extensions import db
from hirekit.integrations import services
from hirekit.integrations.addresses import Reach, TargetRefused, vetted_addresses
from hirekit.integrations.models import DeliveryStatus, WebhookDelivery
from hirekit.integrations.signing import signature, verify
from hirekit.integrations.targets import url_problem
from hirekit.queue.runner import drain
from tests.conftest import csrf_token
from tests.integrations.proxy import forwarding_proxy
from tests.integrations.receiver import receiver
from tests.jobs.factories import make_application, make_job
from tests.mail.smtp_server import free_port

ALL_EVENTS = list(services.EVENTS)


def _deliveries() -> list[WebhookDelivery]:
    db.session.expire_all()
    return list(db.session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)))


def test_pipeline_changes_post_signed_events(hooks_app, make_user):
    admin = make_user("admin")
    with receiver() as endpoint:
        made = services.create_subscription(endpoint.url, ALL_EVENTS, actor=admin)
        db.session.commit()
        job = make_job(admin)
        application = make_application(admin, job, "Ada Example")
        applications.move(application, job.stages[1], actor=admin)
        applications.move(application, job.hire_stage, actor=admin)
        other = make_application(admin, job, "Bob Example")
        applications.reject(other, "skills-mismatch", actor=admin)
        db.session.commit()
        assert drain() == 6
    events = [r.headers["X-Hirekit-Event"] for r in endpoint.requests]
    assert events == [
        "application.created",
        "application.stage_changed",
        "application.stage_changed",
        "application.hired",
        "application.created",
        "application.rejected",
    ]
    for request in endpoint.requests:
        assert verify(made.secret, request.body, request.headers["X-Hirekit-Signature"])
        body = json.loads(request.body)
        assert body["id"] == request.headers["X-Hirekit-Delivery"]
        assert body["event"] == request.headers["X-Hirekit-Event"]
        assert request.headers["Content-Type"] == "application/json"
    hired = next(
        r for r in endpoint.requests if r.headers["X-Hirekit-Event"] == "application.hired"
    )
    data = json.loads(hired.body)["data"]
    assert data["candidate"]["name"] == "Ada Example" and data["status"] == "hired"
    assert data["job"] == {"id": job.id, "title": job.title}
    rejected = json.loads(endpoint.requests[-1].body)["data"]
    assert rejected["reject_reason"] == "skills-mismatch"
    assert {d.status for d in _deliveries()} == {DeliveryStatus.DELIVERED}
    assert {d.status_code for d in _deliveries()} == {200}


def test_a_tampered_body_fails_the_signature():
    header = signature("whsec_abc", b'{"a":1}')
    assert verify("whsec_abc", b'{"a":1}', header)
    assert not verify("whsec_abc", b'{"a":2}', header)
    assert not verify("whsec_other", b'{"a":1}', header)


def test_the_signature_carries_its_time_and_an_old_one_is_refused():
    header = signature("whsec_abc", b"{}", timestamp=1_700_000_000)
    stamp, mac = header.split(",")
    assert stamp == "t=1700000000" and mac.startswith("v1=") and len(mac) == 3 + 64
    # The receiver's rule: HMAC of "t.body", and t within 5 minutes of now.
    expected = hmac.new(b"whsec_abc", b"1700000000.{}", hashlib.sha256).hexdigest()
    assert mac == f"v1={expected}"
    assert verify("whsec_abc", b"{}", header, now=1_700_000_000 + 299)
    assert not verify("whsec_abc", b"{}", header, now=1_700_000_000 + 301)
    # A replay cannot move the time forward: the time is under the MAC.
    moved = header.replace("t=1700000000", "t=1700000600")
    assert not verify("whsec_abc", b"{}", moved, now=1_700_000_600)
    assert not verify("whsec_abc", b"{}", f"sha256={expected}")


def test_a_captured_delivery_replayed_later_fails(hooks_app, make_user):
    admin = make_user("admin")
    with receiver() as endpoint:
        made = services.create_subscription(endpoint.url, ["application.created"], actor=admin)
        db.session.commit()
        make_application(admin, make_job(admin))
        db.session.commit()
        assert drain() == 1
    [request] = endpoint.requests
    header = request.headers["X-Hirekit-Signature"]
    assert verify(made.secret, request.body, header)
    assert not verify(made.secret, request.body, header, now=time.time() + 600)


@pytest.mark.parametrize(
    "url",
    [
        "https://2130706433/hook",  # decimal
        "https://017700000001/hook",  # octal
        "https://0x7f000001/hook",  # hex
        "https://0x7f.1/hook",  # hex, short
        "https://127.1/hook",  # short
        "https://0177.0.0.1/hook",  # octal first byte
        "https://167772161/hook",  # 10.0.0.1
        "https://2852039166/latest/meta-data",  # 169.254.169.254
        "https://999999999999/hook",  # numbers, but no address at all
    ],
)
def test_numeric_loopback_and_private_forms_are_refused_when_created(app, make_user, url):
    with pytest.raises(ValidationFailed) as refused:
        services.create_subscription(url, ["application.hired"], actor=make_user("admin"))
    assert "webhook URL" in refused.value.message
    assert db.session.scalars(select(services.WebhookSubscription)).all() == []


def test_only_subscribed_events_are_recorded(hooks_app, make_user):
    admin = make_user("admin")
    services.create_subscription("https://hooks.example.com/a", ["application.hired"], actor=admin)
    job = make_job(admin)
    make_application(admin, job)
    assert _deliveries() == []
    assert services.emit("application.hired", {"application_id": 1})[0].event_type == (
        "application.hired"
    )
    with pytest.raises(ValueError, match="unknown webhook event"):
        services.emit("application.exploded", {})


def test_a_500_is_retried_then_marked_failed_with_its_answer(hooks_app, make_user):
    admin = make_user("admin")
    with receiver(status=500) as endpoint:
        services.create_subscription(endpoint.url, ["application.created"], actor=admin)
        db.session.commit()
        make_application(admin, make_job(admin))
        assert drain() == 3
    assert len(endpoint.requests) == 3
    (delivery,) = _deliveries()
    assert (delivery.status, delivery.attempts, delivery.status_code) == ("failed", 3, 500)
    assert delivery.response_excerpt == "answer 500"
    assert delivery.error == "the subscriber answered HTTP 500"
    ids = {r.headers["X-Hirekit-Delivery"] for r in endpoint.requests}
    assert ids == {delivery.uuid}  # each retry is the same delivery


def test_a_refused_connection_is_recorded_and_retried(hooks_app, make_user):
    admin = make_user("admin")
    url = f"http://127.0.0.1:{free_port()}/hook"
    services.create_subscription(url, ["application.created"], actor=admin)
    db.session.commit()
    make_application(admin, make_job(admin))
    assert drain() == 3
    (delivery,) = _deliveries()
    assert delivery.status == "failed" and "Connection refused" in delivery.error
    assert delivery.status_code is None


@pytest.mark.parametrize(
    ("url", "allow", "problem"),
    [
        ("https://hooks.example.com/x", False, None),
        ("http://hooks.example.com/x", True, "must be an https:// URL"),
        ("http://127.0.0.1:9/x", False, "must be an https:// URL"),
        ("http://127.0.0.1:9/x", True, None),
        ("http://localhost/x", True, None),
        ("ftp://hooks.example.com/x", True, "must be an https:// URL"),
        ("file:///etc/passwd", True, "must be an https:// URL"),
        ("https://user:pw@hooks.example.com/", False, "must not carry a user name"),
        ("https:///nohost", False, "has no host"),
        ("https://hooks.example.com:99999/", False, "not a valid URL"),
    ],
)
def test_target_rules(url, allow, problem):
    found = url_problem(url, Reach(loopback=allow))
    assert (found is None) if problem is None else (found or "").startswith(problem)


@pytest.mark.parametrize(
    ("url", "reach", "refused"),
    [
        ("https://10.0.0.5/hook", Reach(), True),
        ("https://10.0.0.5/hook", Reach(private_network=True), False),
        ("https://192.168.1.20/hook", Reach(loopback=True), True),
        ("https://[fd00::1]/hook", Reach(), True),
        ("https://[fd00::1]/hook", Reach(private_network=True), False),
        ("https://127.0.0.1/hook", Reach(), True),
        ("https://localhost/hook", Reach(), True),
        ("https://[::ffff:127.0.0.1]/hook", Reach(), True),
        ("https://127.0.0.1/hook", Reach(private_network=True), False),
        # Cloud metadata and other never-reachable addresses, whatever the settings.
        ("https://169.254.169.254/latest/meta-data", Reach(private_network=True), True),
        ("https://0.0.0.0/hook", Reach(private_network=True, loopback=True), True),
        ("https://224.0.0.1/hook", Reach(private_network=True), True),
        ("https://100.64.0.1/hook", Reach(), True),
        ("https://93.184.215.14/hook", Reach(), False),
    ],
)
def test_addresses_webhooks_may_not_reach(url, reach, refused):
    found = url_problem(url, reach)
    assert (found is not None and "may not reach" in found) == refused, found


def test_names_are_checked_when_delivering_against_every_address():
    with pytest.raises(TargetRefused, match=r"localhost resolves to .*loopback"):
        vetted_addresses("localhost", 443, Reach())
    assert set(vetted_addresses("localhost", 443, Reach(loopback=True))) <= {"127.0.0.1", "::1"}


def test_a_delivery_to_a_name_now_refused_sends_nothing_and_says_why(hooks_app, make_user):
    admin = make_user("admin")
    with receiver() as endpoint:
        url = endpoint.url.replace("127.0.0.1", "localhost")
        services.create_subscription(url, ["application.created"], actor=admin)
        db.session.commit()
        # The deployment stops allowing loopback after the subscription was made.
        hooks_app.config.update(WEBHOOK_ALLOW_LOOPBACK_HTTP=False)
        make_application(admin, make_job(admin), "Ada Example")
        db.session.commit()
        drain()
    assert endpoint.requests == []
    (delivery,) = _deliveries()
    assert delivery.status == DeliveryStatus.FAILED
    assert "localhost resolves to" in delivery.error and "loopback" in delivery.error


def test_loopback_http_is_refused_unless_enabled(app, make_user):
    with pytest.raises(ValidationFailed):
        services.create_subscription(
            "http://127.0.0.1:8000/x", ["application.hired"], actor=make_user("admin")
        )


def test_admin_page_shows_the_secret_once_and_the_history(client, login_as, app):
    admin = login_as("admin")
    token = csrf_token(client, "/admin/webhooks")
    response = client.post(
        "/admin/webhooks",
        data={
            "csrf_token": token,
            "url": "https://hooks.example.com/in",
            "description": "CRM sync",
            "events": ["application.hired", "application.rejected"],
        },
    )
    assert response.status_code == 201
    subscription = services.list_subscriptions()[0]
    assert subscription.secret in response.get_data(as_text=True)
    assert subscription.secret not in client.get("/admin/webhooks").get_data(as_text=True)
    services.emit("application.hired", {"application_id": 5})
    db.session.commit()
    page = client.get(f"/admin/webhooks/{subscription.id}").get_data(as_text=True)
    assert subscription.secret not in page
    assert "application.hired" in page and "pending" in page
    bad = client.post(
        "/admin/webhooks",
        data={"csrf_token": token, "url": "http://hooks.example.com", "events": ["x"]},
    )
    assert bad.status_code == 400
    assert admin.id == subscription.created_by_id


def test_api_registers_lists_deliveries_and_deletes(client, api_token):
    _, headers = api_token("admin")
    created = client.post(
        "/api/v1/webhooks",
        headers=headers,
        json={"url": "https://hooks.example.com/api", "events": ["application.rejected"]},
    )
    assert created.status_code == 201
    body = created.get_json()
    assert body["secret"].startswith("whsec_") and body["events"] == ["application.rejected"]
    listed = client.get("/api/v1/webhooks", headers=headers).get_json()
    assert listed[0]["url"] == "https://hooks.example.com/api" and "secret" not in listed[0]
    services.emit("application.rejected", {"application_id": 9})
    db.session.commit()
    deliveries = client.get(f"/api/v1/webhooks/{body['id']}/deliveries", headers=headers)
    (delivery,) = deliveries.get_json()
    assert delivery["event"] == "application.rejected" and delivery["status"] == "pending"
    assert delivery["payload"]["data"] == {"application_id": 9}
    bad = client.post(
        "/api/v1/webhooks", headers=headers, json={"url": "gopher://x", "events": ["nope"]}
    )
    assert bad.status_code == 422
    assert client.delete(f"/api/v1/webhooks/{body['id']}", headers=headers).status_code == 204
    assert client.get(f"/api/v1/webhooks/{body['id']}", headers=headers).status_code == 404
    assert _deliveries() == []


def test_deliveries_go_through_the_environments_proxy_unless_no_proxy(
    hooks_app, make_user, monkeypatch
):
    admin = make_user("admin")
    with receiver() as endpoint, forwarding_proxy() as proxy:
        services.create_subscription(endpoint.url, ["application.created"], actor=admin)
        db.session.commit()
        monkeypatch.setenv("http_proxy", proxy.url.replace("//", "//hooks:s%40cret@"))
        job = make_job(admin)
        make_application(admin, job, "Ada Example")
        db.session.commit()
        assert drain() == 1
        assert [f.target for f in proxy.forwarded] == [endpoint.url]
        expected = "Basic " + base64.b64encode(b"hooks:s@cret").decode()
        assert proxy.forwarded[0].proxy_authorization == expected
        assert len(endpoint.requests) == 1
        assert "Proxy-Authorization" not in endpoint.requests[0].headers
        monkeypatch.setenv("no_proxy", "127.0.0.1")
        make_application(admin, job, "Bob Example")
        db.session.commit()
        assert drain() == 1
        assert len(proxy.forwarded) == 1 and len(endpoint.requests) == 2
    assert {d.status for d in _deliveries()} == {DeliveryStatus.DELIVERED}


def test_a_proxy_does_not_open_addresses_the_deployment_refuses(hooks_app, make_user, monkeypatch):
    admin = make_user("admin")
    with receiver() as endpoint, forwarding_proxy() as proxy:
        url = endpoint.url.replace("127.0.0.1", "localhost")
        services.create_subscription(url, ["application.created"], actor=admin)
        db.session.commit()
        hooks_app.config.update(WEBHOOK_ALLOW_LOOPBACK_HTTP=False)
        monkeypatch.setenv("http_proxy", proxy.url)
        make_application(admin, make_job(admin), "Ada Example")
        db.session.commit()
        drain()
    assert proxy.forwarded == [] and endpoint.requests == []
    (delivery,) = _deliveries()
    assert "localhost resolves to" in delivery.error


def test_a_delivery_posted_by_a_run_that_lost_its_lease_is_not_posted_again(hooks_app, make_user):
    """A worker that posted a delivery, then could not record it (killed, or its lease
    lapsed and the job was taken over), must not make the retry post it twice."""
    from sqlalchemy import create_engine, update
    from werkzeug.serving import make_server
    from werkzeug.wrappers import Request, Response

    from hirekit.queue import BackgroundJob
    from hirekit.queue.runner import LOST, run_job
    from tests.integrations.serving import serving

    other = create_engine(hooks_app.config["DATABASE_URL"])
    posted: list[str] = []

    def subscriber(environ, start_response):
        posted.append(Request(environ).headers["X-Hirekit-Delivery"])
        if len(posted) == 1:  # the lease lapsed meanwhile; another worker took the job
            with other.begin() as conn:
                conn.execute(
                    update(BackgroundJob)
                    .where(BackgroundJob.status == "running")
                    .values(lease_owner="other-host:77:beef")
                )
        return Response("ok")(environ, start_response)

    admin = make_user("admin")
    server = make_server("127.0.0.1", 0, subscriber, threaded=True)
    with serving(server):
        url = f"http://127.0.0.1:{server.server_port}/hook"
        services.create_subscription(url, ALL_EVENTS, actor=admin)
        db.session.commit()
        make_application(admin, make_job(admin), "Ada Example")
        db.session.commit()
        job_id = db.session.scalars(select(BackgroundJob.id)).one()
        assert run_job(job_id) == LOST
        with other.begin() as conn:  # ... and that worker's run is retried in turn
            conn.execute(
                update(BackgroundJob)
                .where(BackgroundJob.id == job_id)
                .values(status="queued", lease_owner=None, lease_expires_at=None)
            )
        assert drain() == 1
    other.dispose()
    assert len(posted) == 1
    assert [d.status for d in _deliveries()] == [DeliveryStatus.DELIVERED]


def test_the_form_saves_a_subset_of_events_without_requiring_every_box(client, login_as):
    login_as("admin")
    page = client.get("/admin/webhooks").get_data(as_text=True)
    boxes = re.findall(r'<input[^>]*type="checkbox"[^>]*>', page)
    assert len(boxes) == len(services.EVENTS)
    assert not any("required" in box for box in boxes)
    token = csrf_token(client, "/admin/webhooks")
    made = client.post(
        "/admin/webhooks",
        data={
            "csrf_token": token,
            "url": "https://hooks.example.com/subset",
            "events": ["application.rejected"],
        },
    )
    assert made.status_code == 201
    assert services.list_subscriptions()[0].events == ["application.rejected"]
    none = client.post(
        "/admin/webhooks",
        data={"csrf_token": token, "url": "https://hooks.example.com/none"},
    )
    assert none.status_code == 400
    assert "Choose at least one event." in none.get_data(as_text=True)
    assert len(services.list_subscriptions()) == 1


def test_a_test_ping_is_signed_delivered_and_listed(hooks_app, client, login_as):
    admin = login_as("admin")
    with receiver() as endpoint:
        made = services.create_subscription(endpoint.url, ["application.hired"], actor=admin)
        db.session.commit()
        sid = made.subscription.id
        token = csrf_token(client, f"/admin/webhooks/{sid}")
        queued = client.post(f"/admin/webhooks/{sid}/ping", data={"csrf_token": token})
        assert queued.status_code == 302
        assert drain() == 1
    [request] = endpoint.requests
    assert request.headers["X-Hirekit-Event"] == "ping"
    assert verify(made.secret, request.body, request.headers["X-Hirekit-Signature"])
    assert json.loads(request.body)["data"]["webhook_id"] == sid
    [delivery] = _deliveries()
    assert (delivery.event_type, delivery.status, delivery.status_code, delivery.attempts) == (
        "ping",
        DeliveryStatus.DELIVERED,
        200,
        1,
    )
    page = client.get(f"/admin/webhooks/{sid}").get_data(as_text=True)
    assert delivery.uuid in page and "delivered" in page and "Send test ping" in page


def test_api_queues_a_ping(client, api_token):
    user, headers = api_token("admin")
    made = services.create_subscription(
        "https://hooks.example.com/in", ["application.hired"], actor=user
    )
    db.session.commit()
    sid = made.subscription.id
    answer = client.post(f"/api/v1/webhooks/{sid}/ping", headers=headers)
    assert answer.status_code == 202
    body = answer.get_json()
    assert body["event"] == "ping" and body["status"] == "pending"
    listed = client.get(f"/api/v1/webhooks/{sid}/deliveries", headers=headers).get_json()
    assert [d["event"] for d in listed] == ["ping"]
    assert client.post("/api/v1/webhooks/999/ping", headers=headers).status_code == 404
