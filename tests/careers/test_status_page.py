"""The applicant's status page: a private link in every email to them, the step in plain words,
interviews with calendar files, withdrawing, and asking about their data."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import icalendar
import pytest
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Application, Candidate
from hirekit.candidates.services import applications
from hirekit.careers import status
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.interviews.services import scheduling
from hirekit.jobs.models import JobMember
from hirekit.mail.models import OutboxMessage
from hirekit.mail.services.outbox import send_mail
from hirekit.privacy.models import DataRequest
from hirekit.takehomes.services import invitations
from tests.conftest import csrf_token
from tests.resumes.samples import open_job, text_resume

LINK = re.compile(r"https?://[^\s]+/careers/status/[^\s]+")


@pytest.fixture
def recruiter(make_user):
    return make_user("recruiter")


@pytest.fixture
def applied(client, recruiter):
    """Ana applies on the careers page; returns her application and the confirmation email."""
    job = open_job(recruiter, title="Flask API developer")
    data = {
        "csrf_token": csrf_token(client, f"/careers/{job.id}"),
        "name": "Ana Lovelace",
        "email": "ana@example.com",
        "consent": "y",
        "website": "",
        "resume": (io.BytesIO(text_resume("Ana Lovelace", "ana@example.com")), "ana.txt"),
    }
    client.post(f"/careers/{job.id}", data=data, content_type="multipart/form-data")
    application = db.session.scalars(select(Application)).one()
    mail = db.session.scalars(select(OutboxMessage)).one()
    return application, mail


def _status_url(mail: OutboxMessage) -> str:
    found = LINK.search(mail.body)
    assert found, mail.body
    return "/" + found.group(0).split("/", 3)[3]


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_confirmation_carries_a_private_link_to_the_status(client, applied):
    application, mail = applied
    page = _page(client, _status_url(mail))
    assert "Your application for Flask API developer" in page
    assert "Received" in page and 'name="robots" content="noindex' in page


def test_emails_to_the_team_never_carry_the_applicants_link(app, applied, recruiter):
    application, _ = applied
    sent = send_mail(
        recruiter.email, "New applicant", "Have a look.", application_id=application.id
    )
    assert not LINK.search(sent.body)


def test_the_step_follows_the_pipeline(app, client, applied, recruiter, make_user):
    app.config["BASE_URL"] = "https://jobs.example.com"
    application, mail = applied
    url = _status_url(mail)
    # The step follows the stage's kind: "Screen" is of kind interview, "Take-home" active.
    applications.move(application, application.job.stages[1], actor=recruiter)
    db.session.commit()
    assert "You are in the interview step" in _page(client, url)
    applications.move(application, application.job.stages[2], actor=recruiter)
    db.session.commit()
    assert "In review" in _page(client, url)

    invitation = invitations.invite(application.id, actor=recruiter)
    db.session.commit()
    page = _page(client, url)
    assert "Take-home exercise waiting for you" in page
    assert invitation.expires_at.strftime("%d %B %Y") in page

    manager = make_user("hiring_manager")
    application.job.members.append(JobMember(user_id=manager.id, role="hiring_manager"))
    db.session.commit()
    starts = (utcnow() + timedelta(days=3)).replace(microsecond=0)
    interview = scheduling.schedule(
        application.job_id,
        scheduling.ScheduleFields(
            candidate_id=application.candidate_id,
            starts_at=starts,
            interviewer_ids=[manager.id],
            video_link="https://meet.example.com/abc",
        ),
        actor=manager,
    )
    db.session.commit()
    page = _page(client, url)
    assert "Interview scheduled" in page and starts.strftime("%d %B %Y, %H:%M") in page
    ics = client.get(f"{url}/interviews/{interview.id}.ics")
    assert ics.mimetype == "text/calendar"
    event = icalendar.Calendar.from_ical(ics.get_data()).walk("VEVENT")[0]
    assert event.decoded("dtstart") == starts
    # The applicant's copy names no interviewer.
    assert manager.email not in ics.get_data(as_text=True)

    applications.move(application, application.job.stages[4], actor=recruiter)  # kind offer
    db.session.commit()
    assert "We would like to make you an offer" in _page(client, url)

    applications.reject(application, "position-filled", actor=recruiter)
    db.session.commit()
    assert "Decision: not selected" in _page(client, url)


def test_the_applicant_withdraws(client, applied):
    application, mail = applied
    url = _status_url(mail)
    token = csrf_token(client, url)
    response = client.post(f"{url}/withdraw", data={"csrf_token": token})
    assert response.status_code == 302
    db.session.expire_all()
    assert application.status == "withdrawn"
    page = _page(client, url)
    assert "Withdrawn" in page and "Withdraw my application" not in page
    assert db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "careers.withdrawn_by_applicant")
    ).one()


def test_withdrawing_needs_the_pages_csrf_token(client, applied):
    application, mail = applied
    client.post(f"{_status_url(mail)}/withdraw", data={})
    db.session.expire_all()
    assert application.status == "active"


@pytest.mark.parametrize("tamper", ["flip", "other-secret", "expired"])
def test_bad_links_show_nothing(app, client, applied, tamper, monkeypatch):
    application, mail = applied
    url = _status_url(mail)
    token = url.rsplit("/", 1)[1]
    if tamper == "flip":
        bad = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
        expected = 404
    elif tamper == "other-secret":
        bad = URLSafeTimedSerializer("not-our-secret", salt=status.TOKEN_SALT).dumps(
            {"a": application.id, "t": int(application.created_at.timestamp())}
        )
        expected = 404
    else:
        app.config["STATUS_LINK_DAYS"] = 1
        two_days_ago = (utcnow() - timedelta(days=2)).timestamp()
        with monkeypatch.context() as m:  # a link signed two days ago
            m.setattr("itsdangerous.timed.time.time", lambda: two_days_ago)
            bad = status.token_for(application)
        expected = 410
    response = client.get(f"/careers/status/{bad}")
    assert response.status_code == expected
    assert "Flask API developer" not in response.get_data(as_text=True)


def test_data_requests_wait_for_a_person_then_export_or_erase(client, applied, login_as):
    application, mail = applied
    url = _status_url(mail)
    token = csrf_token(client, url)
    for kind in ("export", "export", "erasure"):  # asking twice records one request
        assert client.post(f"{url}/data/{kind}", data={"csrf_token": token}).status_code == 302
    requests_ = db.session.scalars(select(DataRequest).order_by(DataRequest.id)).all()
    assert [(r.kind, r.status) for r in requests_] == [
        ("export", "pending"),
        ("erasure", "pending"),
    ]

    login_as("admin")
    listing = _page(client, "/candidates/privacy-requests")
    assert "Copy of their data" in listing and "Erase their data" in listing
    token = csrf_token(client, "/candidates/privacy-requests")
    unconfirmed = client.post(
        f"/candidates/privacy-requests/{requests_[0].id}/approve", data={"csrf_token": token}
    )
    assert unconfirmed.status_code == 422
    approved = client.post(
        f"/candidates/privacy-requests/{requests_[0].id}/approve",
        data={"csrf_token": token, "confirm": "y"},
    )
    assert approved.status_code == 302
    sent = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.subject == "The data we hold about you")
    ).one()
    assert sent.to_addr == "ana@example.com" and sent.attachments[0]["mime"] == "application/zip"

    erased = client.post(
        f"/candidates/privacy-requests/{requests_[1].id}/approve",
        data={"csrf_token": token, "confirm": "y"},
    )
    assert erased.status_code == 302
    db.session.expire_all()
    assert db.session.scalars(select(Candidate)).all() == []
    assert db.session.scalars(select(DataRequest)).all() == []
    # The link now leads nowhere.
    assert client.get(url).status_code == 404


def test_only_privacy_managers_decide(client, applied, login_as):
    application, mail = applied
    url = _status_url(mail)
    client.post(f"{url}/data/erasure", data={"csrf_token": csrf_token(client, url)})
    login_as("recruiter")
    assert client.get("/candidates/privacy-requests").status_code == 403
