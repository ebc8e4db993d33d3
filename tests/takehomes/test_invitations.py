"""Take-home invitations: sent from the candidate page, used once through the public link."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from hirekit.db import utcnow
from hirekit.errors import ValidationFailed
from hirekit.extensions import db
from hirekit.mail.models import OutboxMessage
from hirekit.queue.runner import drain
from hirekit.takehomes.models import Invitation, Submission
from hirekit.takehomes.services.invitations import invite, token_for
from tests.conftest import csrf_token
from tests.jobs.factories import make_application, make_job
from tests.takehomes.archives import APP, zip_bytes


@pytest.fixture
def application(app, make_user):
    # Links made outside a request (as in these service calls) need the server's address.
    app.config["BASE_URL"] = "http://localhost"
    recruiter = make_user("recruiter")
    return make_application(recruiter, make_job(recruiter, title="Flask API developer"))


def _send_from_candidate_page(client, application, days: str = "5"):
    path = f"/candidates/{application.candidate_id}"
    token = csrf_token(client, path)
    return client.post(
        f"{path}/takehome-invitations",
        data={"csrf_token": token, "application_id": str(application.id), "days": days},
    )


def _link_path(message: OutboxMessage) -> str:
    match = re.search(r"http://localhost(/takehome/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def _upload(client, path: str, data: bytes, name: str = "work.zip"):
    token = csrf_token(client, path)
    return client.post(
        path,
        data={"csrf_token": token, "archive": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_from_invitation_to_reviewed_report(app, client, login_as, application):
    login_as("recruiter")
    response = _send_from_candidate_page(client, application)
    assert response.status_code == 302
    invitation = db.session.scalars(select(Invitation)).one()
    assert timedelta(days=4, hours=23) < invitation.expires_at - utcnow() <= timedelta(days=5)
    message = db.session.get(OutboxMessage, invitation.outbox_message_id)
    assert message is not None and message.to_addr == "ada@example.com"
    assert message.template_key == "takehome_invitation"
    assert "Hello Ada Example," in message.body
    link = _link_path(message)
    page = client.get(f"/candidates/{application.candidate_id}").get_data(as_text=True)
    assert "data-invite-state>sent<" in page

    visitor = app.test_client()  # the candidate: no session
    public = visitor.get(link)
    text = public.get_data(as_text=True)
    assert public.status_code == 200
    assert "Flask API developer" in text and "50 MB" in text
    assert invitation.expires_at.strftime("%d %B %Y") in text
    assert "data-invite-state>opened<" in client.get(
        f"/candidates/{application.candidate_id}"
    ).get_data(as_text=True)

    done = _upload(visitor, link, zip_bytes(APP))
    assert done.status_code == 200 and "we received your take-home" in done.get_data(as_text=True)
    submission = db.session.scalars(select(Submission)).one()
    assert (submission.source, submission.candidate_id) == ("candidate", application.candidate_id)
    assert submission.job_id == application.job_id and submission.uploaded_by_id is None
    drain()
    page = client.get(f"/candidates/{application.candidate_id}").get_data(as_text=True)
    assert "data-invite-state>reviewed<" in page
    assert f'href="/reviews/{submission.id}">Report</a>' in page

    again = visitor.get(link)
    assert again.status_code == 410 and "already used" in again.get_data(as_text=True)


def test_expired_and_tampered_links_get_clear_pages(app, application, make_user):
    invitation = invite(application.id, actor=make_user("recruiter"), days=1)
    db.session.commit()
    token = token_for(invitation)
    visitor = app.test_client()
    tampered = visitor.get(f"/takehome/{token[:-2]}xx")
    assert tampered.status_code == 404 and "not valid" in tampered.get_data(as_text=True)
    assert visitor.get("/takehome/garbage").status_code == 404
    invitation.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    expired = visitor.get(f"/takehome/{token}")
    assert expired.status_code == 410 and "expired" in expired.get_data(as_text=True)


def test_a_token_signed_for_another_purpose_is_refused(app, application, make_user):
    from itsdangerous import URLSafeSerializer

    invitation = invite(application.id, actor=make_user("recruiter"))
    db.session.commit()
    other = URLSafeSerializer(app.config["SECRET_KEY"], salt="something-else")
    forged = other.dumps({"i": invitation.id, "n": invitation.nonce})
    assert app.test_client().get(f"/takehome/{forged}").status_code == 404


def test_a_refused_upload_keeps_the_link_usable(app, application, make_user):
    invitation = invite(application.id, actor=make_user("recruiter"))
    db.session.commit()
    path = f"/takehome/{token_for(invitation)}"
    visitor = app.test_client()
    refused = _upload(visitor, path, b"not an archive", "work.zip")
    assert refused.status_code == 422 and "not a .zip" in refused.get_data(as_text=True)
    assert _upload(visitor, path, zip_bytes(APP)).status_code == 200


def test_uploads_through_a_link_are_rate_limited(app_factory, make_user):
    limited = app_factory(TAKEHOME_UPLOAD_RATE_LIMIT="2 per hour", BASE_URL="http://localhost")
    with limited.app_context():
        recruiter = make_user("recruiter")
        application = make_application(recruiter, make_job(recruiter))
        invitation = invite(application.id, actor=recruiter)
        db.session.commit()
        path = f"/takehome/{token_for(invitation)}"
        visitor = limited.test_client()
        statuses = [_upload(visitor, path, b"junk").status_code for _ in range(3)]
    assert statuses == [422, 422, 429]


def test_links_need_a_base_url_outside_requests(app, application, make_user):
    app.config["BASE_URL"] = ""
    with pytest.raises(ValidationFailed, match="HIREKIT_BASE_URL"):
        invite(application.id, actor=make_user("recruiter"))


def test_a_candidate_without_email_cannot_be_invited(client, login_as, make_user):
    recruiter = login_as("recruiter")
    application = make_application(recruiter, make_job(recruiter), "Nomail Person", email="")
    response = _send_from_candidate_page(client, application)
    assert response.status_code == 302
    assert db.session.scalars(select(Invitation)).all() == []
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "has no email address" in page


def test_hiring_managers_see_invitations_but_cannot_send(client, login_as, application):
    login_as("hiring_manager")
    page = client.get(f"/candidates/{application.candidate_id}").get_data(as_text=True)
    assert "Take-homes" in page and "Send take-home" not in page
    assert _send_from_candidate_page(client, application).status_code == 403


def test_api_sends_and_reads_an_invitation(client, api_token, application):
    _, headers = api_token("recruiter")
    url = f"/api/v1/applications/{application.id}/takehome-invitations"
    assert client.post(url, headers=headers, json={"days": 0}).status_code == 422
    created = client.post(url, headers=headers, json={"days": 3})
    assert created.status_code == 201
    body = created.get_json()
    assert body["state"] == "sent" and body["email"] == "ada@example.com"
    read = client.get(f"/api/v1/takehome-invitations/{body['id']}", headers=headers).get_json()
    assert read["id"] == body["id"] and read["report_url"] is None
    assert client.get("/api/v1/takehome-invitations/999", headers=headers).status_code == 404
    assert (
        client.post(
            "/api/v1/applications/999/takehome-invitations", headers=headers, json={}
        ).status_code
        == 404
    )


def test_a_bomb_through_a_link_is_refused_and_earlier_work_kept(app, application, make_user):
    from tests.archive_bombs import bzip2_bomb_zip

    recruiter = make_user("recruiter")
    first = invite(application.id, actor=recruiter)
    db.session.commit()
    visitor = app.test_client()
    assert _upload(visitor, f"/takehome/{token_for(first)}", zip_bytes(APP)).status_code == 200
    drain()
    second = invite(application.id, actor=recruiter)
    db.session.commit()
    bomb = bzip2_bomb_zip(blocks=6, claimed=1_000)
    assert len(bomb) < 753
    assert _upload(visitor, f"/takehome/{token_for(second)}", bomb).status_code == 200
    drain()
    kept, refused = db.session.scalars(select(Submission).order_by(Submission.id)).all()
    assert kept.status == "reviewed" and kept.report is not None
    assert refused.status == "refused", refused.status
    assert "more than its header says" in refused.refusal
