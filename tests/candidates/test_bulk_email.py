"""Bulk "Send email" from a job's board and the API: one outbox message per candidate."""

from __future__ import annotations

from hirekit.audit.models import AuditEntry
from hirekit.extensions import db
from hirekit.mail.models import OutboxMessage
from hirekit.mail.services import catalog
from tests.conftest import csrf_token, login
from tests.jobs.factories import make_application, make_job


def _messages() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(db.select(OutboxMessage).order_by(OutboxMessage.id)))


def _bulk_audits() -> list[AuditEntry]:
    query = db.select(AuditEntry).where(AuditEntry.action == "application.bulk_emailed")
    return list(db.session.scalars(query))


def _post_bulk(client, job, ids, action, token_page=None):
    # Users who may not open the board take their form token from another page.
    token = csrf_token(client, token_page or f"/jobs/{job.id}/board")
    return client.post(
        f"/jobs/{job.id}/board/bulk",
        data={"action": action, "application_ids": [str(i) for i in ids], "csrf_token": token},
    )


def test_board_offers_the_templates_that_fit_a_bulk_send(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    make_application(user, job, "Kai Example")
    page = client.get(f"/jobs/{job.id}/board").get_data(as_text=True)
    assert '<option value="email:application_rejected">Send email: Rejection</option>' in page
    assert 'value="email:application_received"' in page
    # A personal link or an interview time cannot be filled for everyone alike.
    assert "email:takehome_invitation" not in page
    assert "email:interview_invitation" not in page


def test_bulk_email_queues_one_message_per_candidate_and_reports_the_skipped(client, login_as):
    user = login_as("recruiter")
    job = make_job(user, title="Senior Flask engineer")
    kai = make_application(user, job, "Kai Example")
    lea = make_application(user, job, "Lea Example")
    nomail = make_application(user, job, "Noa Example", email="")
    untouched = make_application(user, job, "Ivo Example")

    response = _post_bulk(client, job, [kai.id, lea.id, nomail.id], "email:application_rejected")

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/jobs/{job.id}/board")
    messages = _messages()
    assert [(m.to_addr, m.application_id) for m in messages] == [
        ("kai@example.com", kai.id),
        ("lea@example.com", lea.id),
    ]
    for message, name in zip(messages, ("Kai Example", "Lea Example"), strict=True):
        assert message.template_key == "application_rejected"
        assert message.subject == "Your application for Senior Flask engineer"
        assert f"Hello {name}," in message.body
        assert "Senior Flask engineer at" in message.body
    assert untouched.id not in {m.application_id for m in messages}
    page = client.get(f"/jobs/{job.id}/board").get_data(as_text=True)
    assert "Email queued for 2 candidate(s)." in page
    assert "Skipped: Noa Example: no email address" in page
    (audit,) = _bulk_audits()
    assert audit.actor_id == user.id and audit.subject_id == str(job.id)
    assert audit.details["template"] == "application_rejected"
    assert audit.details["messages"] == [m.id for m in messages]
    assert audit.details["skipped_application_ids"] == [nomail.id]


def test_a_reworded_template_that_needs_a_link_is_no_longer_offered(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    kai = make_application(user, job, "Kai Example")
    catalog.update_template(
        "application_received", "Thanks", "Hello {candidate_name}, see {link}", actor=user
    )
    db.session.commit()
    page = client.get(f"/jobs/{job.id}/board").get_data(as_text=True)
    assert "email:application_received" not in page
    assert "email:application_rejected" in page

    response = _post_bulk(client, job, [kai.id], "email:application_received")
    assert response.status_code == 422
    assert _messages() == [] and _bulk_audits() == []


def test_an_invitation_template_cannot_be_sent_in_bulk(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    kai = make_application(user, job, "Kai Example")
    response = _post_bulk(client, job, [kai.id], "email:takehome_invitation")
    assert response.status_code == 422
    assert _messages() == []


def test_applications_of_another_job_are_refused_and_nothing_is_sent(client, login_as):
    user = login_as("recruiter")
    job, other = make_job(user), make_job(user, title="Data engineer")
    mine = make_application(user, job, "Kai Example")
    theirs = make_application(user, other, "Lea Example")
    response = _post_bulk(client, job, [mine.id, theirs.id], "email:application_rejected")
    assert response.status_code == 404
    assert _messages() == [] and _bulk_audits() == []


def test_interviewers_cannot_send_bulk_email(client, make_user, login_as):
    recruiter = make_user("recruiter")
    job = make_job(recruiter)
    kai = make_application(recruiter, job, "Kai Example")
    login_as("interviewer")
    response = _post_bulk(client, job, [kai.id], "email:application_rejected", "/dashboard")
    assert response.status_code == 403
    assert _messages() == []


def test_hiring_managers_outside_a_confidential_job_cannot_email_its_candidates(client, make_user):
    owner = make_user("recruiter")
    job = make_job(owner, title="Secret rewrite", confidential=True)
    kai = make_application(owner, job, "Kai Example")
    outsider = make_user("hiring_manager")
    login(client, outsider.email)
    response = _post_bulk(client, job, [kai.id], "email:application_rejected", "/dashboard")
    assert response.status_code == 404
    assert _messages() == []


def test_api_lists_bulk_templates_and_sends_with_skips(client, api_token):
    user, headers = api_token("recruiter")
    job = make_job(user, title="Flask API developer")
    kai = make_application(user, job, "Kai Example")
    nomail = make_application(user, job, "Noa Example", email="")

    listed = client.get(f"/api/v1/jobs/{job.id}/applications/emails", headers=headers)
    assert listed.status_code == 200
    assert {t["key"] for t in listed.get_json()} == {"application_received", "application_rejected"}

    response = client.post(
        f"/api/v1/jobs/{job.id}/applications/emails",
        json={"template": "application_received", "application_ids": [kai.id, nomail.id]},
        headers=headers,
    )
    assert response.status_code == 201
    body = response.get_json()
    (message,) = _messages()
    assert body == {
        "template": "application_received",
        "sent": [message.id],
        "skipped": ["Noa Example: no email address"],
        "skipped_application_ids": [nomail.id],
    }
    assert message.to_addr == "kai@example.com"
    assert "Hello Kai Example" in message.body and "Flask API developer" in message.body
    assert len(_bulk_audits()) == 1


def test_api_refuses_interviewers_and_unfit_templates(client, api_token, make_user):
    recruiter, headers = api_token("recruiter")
    job = make_job(recruiter)
    kai = make_application(recruiter, job, "Kai Example")
    _, interviewer = api_token("interviewer")
    url = f"/api/v1/jobs/{job.id}/applications/emails"
    payload = {"template": "application_rejected", "application_ids": [kai.id]}
    assert client.post(url, json=payload, headers=interviewer).status_code == 403
    assert client.get(url, headers=interviewer).status_code == 403
    unfit = {"template": "interview_invitation", "application_ids": [kai.id]}
    refused = client.post(url, json=unfit, headers=headers)
    assert refused.status_code == 422
    nobody = {"template": "application_rejected", "application_ids": []}
    assert client.post(url, json=nobody, headers=headers).status_code == 422
    assert _messages() == []
