"""The one-question survey: through the status link, once, after the process; its report."""

from __future__ import annotations

import re

import pytest

from hirekit.candidates.services import applications
from hirekit.careers import status
from hirekit.errors import Conflict, ValidationFailed
from hirekit.extensions import db
from hirekit.mail.services.outbox import send_template
from hirekit.reports import experience
from hirekit.reports.filters import ReportFilter
from tests.closing.helpers import messages, rejected
from tests.conftest import csrf_token, login
from tests.jobs.factories import make_application, make_job


def _answer(client, token, **data):
    url = f"/careers/status/{token}"
    return client.post(f"{url}/survey", data={"csrf_token": csrf_token(client, url), **data})


def test_survey_opens_only_after_the_process_and_takes_one_answer(client, make_user):
    user = make_user("recruiter")
    job = make_job(user)
    application = make_application(user, job)
    token = status.token_for(application)
    page = client.get(f"/careers/status/{token}").get_data(as_text=True)
    assert experience.QUESTION not in page  # still in progress: no survey yet
    applications.reject(application, "position-filled", actor=user)
    db.session.commit()
    page = client.get(f"/careers/status/{token}").get_data(as_text=True)
    assert experience.QUESTION in page
    response = _answer(client, token, rating="4", comment="Quick and kind.")
    assert response.status_code == 302
    page = client.get(f"/careers/status/{token}").get_data(as_text=True)
    assert "You answered our question" in page and 'name="rating"' not in page
    again = _answer(client, token, rating="1")
    assert again.status_code == 200
    assert "You already answered this survey" in again.get_data(as_text=True)
    answer = experience.answer_of(application)
    assert (answer.rating, answer.comment, answer.outcome) == (4, "Quick and kind.", "rejected")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose how your experience was, from 1 to 5."),
        ({"rating": "6"}, "The answer must be a whole number from 1 to 5."),
        ({"rating": "three"}, "The answer must be a whole number from 1 to 5."),
        ({"rating": "3", "comment": "x" * 2001}, "The comment is longer than 2000 characters."),
    ],
)
def test_invalid_answers_get_clear_errors(client, make_user, data, message):
    user = make_user("recruiter")
    application = rejected(user, make_job(user))
    response = _answer(client, status.token_for(application), **data)
    assert response.status_code == 200  # the page again, the message where it belongs
    assert message in response.get_data(as_text=True)
    assert experience.answer_of(application) is None


def test_service_refuses_open_processes_and_second_answers(app, make_user):
    user = make_user("recruiter")
    job = make_job(user)
    active = make_application(user, job, "Bo Example")
    with pytest.raises(Conflict):
        experience.record_answer(active, "5", "")
    done = rejected(user, job)
    experience.record_answer(done, 5, "")
    with pytest.raises(Conflict):
        experience.record_answer(done, 2, "")
    with pytest.raises(ValidationFailed):
        experience.parse_rating("0")


def test_emails_after_the_process_offer_the_survey(app_factory, make_user):
    app = app_factory(BASE_URL="https://jobs.example.com")
    with app.app_context():
        user = make_user("recruiter")
        application = rejected(user, make_job(user))
        send_template(
            "application_rejected",
            "ada@example.com",
            {"candidate_name": "Ada"},
            application_id=application.id,
        )
        db.session.commit()
        body = messages()[0].body
        assert "how was your experience applying?" in body
        assert re.search(r"https://jobs\.example\.com/careers/status/\S+#survey", body)


def test_report_counts_averages_spreads_and_respects_roles(client, make_user, api_token):
    recruiter = make_user("recruiter")
    job = make_job(recruiter, title="Payments engineer")
    for name, rating, comment in (
        ("Ada Example", 5, "Great"),
        ("Bo Example", 3, ""),
        ("Cy Example", 4, "Clear steps"),
    ):
        experience.record_answer(rejected(recruiter, job, name), rating, comment)
    db.session.commit()
    result = experience.experience(recruiter, ReportFilter())
    assert (result.answers, result.average, result.distribution) == (3, 4.0, [0, 0, 1, 1, 1])
    assert [(j.job, j.answers, j.average) for j in result.per_job] == [
        ("Payments engineer", 3, 4.0)
    ]
    assert [c.comment for c in result.recent_comments] == ["Clear steps", "Great"]
    login(client, recruiter.email)
    page = client.get("/reports/candidate-experience").get_data(as_text=True)
    assert "3 answer(s), average 4.00 of 5" in page and "Clear steps" in page
    _, headers = api_token("hiring_manager")
    api = client.get("/api/v1/reports/candidate-experience", headers=headers)
    assert api.status_code == 200, api.get_json()
    assert api.get_json()["figures"]["distribution"] == [0, 0, 1, 1, 1]
    assert api.get_json()["figures"]["recent_comments"][0]["comment"] == "Clear steps"
    _, headers = api_token("interviewer")
    assert client.get("/api/v1/reports/candidate-experience", headers=headers).status_code == 403
