"""The careers confirmation offers the self-identification form for the new application."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import select

from hirekit.candidates.models import Application
from hirekit.extensions import db
from hirekit.reports.models import SelfIdAnswer
from hirekit.reports.services import selfid
from tests.conftest import csrf_token
from tests.resumes.samples import open_job, text_resume

LINK = re.compile(r'href="(/careers/\d+/self-id/[^"]+)"')


@pytest.fixture
def job(make_user):
    return open_job(make_user("recruiter"), title="Flask API developer")


def _apply(client, job_id):
    data = {
        "csrf_token": csrf_token(client, f"/careers/{job_id}"),
        "name": "Ana Lovelace",
        "email": "ana@example.com",
        "links": "",
        "cover_note": "",
        "consent": "y",
        "website": "",
        "resume": (io.BytesIO(text_resume("Ana Lovelace", "ana@example.com")), "ana.txt"),
    }
    response = client.post(f"/careers/{job_id}", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    return client.get(response.headers["Location"]).get_data(as_text=True)


def test_no_link_without_an_active_question(client, job):
    thanks = _apply(client, job.id)
    assert "your application was received" in thanks
    assert "self-identification form" not in thanks and not LINK.search(thanks)


def test_visitor_follows_the_link_and_answers(client, job, make_user, login_as, api_token):
    admin = make_user("admin")
    selfid.add_question("gender", "Gender", ["Woman", "Man", "Non-binary"], actor=admin)
    db.session.commit()

    thanks = _apply(client, job.id)
    found = LINK.search(thanks)
    assert found is not None
    url = found.group(1).replace("&amp;", "&")
    form = client.get(url).get_data(as_text=True)
    assert "Gender" in form and 'value="Non-binary"' in form

    answered = client.post(url, data={"csrf_token": csrf_token(client, url), "gender": "Woman"})
    assert answered.status_code == 200
    application = db.session.scalars(select(Application)).one()
    stored = db.session.scalars(select(SelfIdAnswer)).one()
    assert (stored.application_id, stored.value) == (application.id, "Woman")

    # Reviewers never see it: not on the candidate's page nor in the API.
    login_as("recruiter")
    page = client.get(f"/candidates/{application.candidate_id}").get_data(as_text=True)
    assert "Ana Lovelace" in page and "Woman" not in page and "Gender" not in page
    _, headers = api_token("recruiter")
    api = client.get(f"/api/v1/candidates/{application.candidate_id}/events", headers=headers)
    assert api.status_code == 200 and "Woman" not in api.get_data(as_text=True)


def test_a_forged_or_foreign_token_offers_no_link(client, job, make_user):
    admin = make_user("admin")
    selfid.add_question("gender", "Gender", ["Woman", "Man"], actor=admin)
    other = open_job(admin, title="Another job")
    db.session.commit()
    _apply(client, job.id)
    application = db.session.scalars(select(Application)).one()
    token = selfid.self_id_token(application)

    foreign = client.get(f"/careers/{other.id}/thanks?self_id={token}").get_data(as_text=True)
    forged = client.get(f"/careers/{job.id}/thanks?self_id={token}x").get_data(as_text=True)
    own = client.get(f"/careers/{job.id}/thanks?self_id={token}").get_data(as_text=True)
    assert not LINK.search(foreign) and not LINK.search(forged)
    assert LINK.search(own)
