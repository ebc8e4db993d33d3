"""Application questions with knockouts: set per job, answered on the careers form, shown to the
team, never acting on anyone by themselves."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application, ApplicationAnswer
from hirekit.errors import ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.services.questions import QuestionFields, add_question, knocks_out, read_answer
from tests.conftest import csrf_token
from tests.resumes.samples import open_job, text_resume


@pytest.fixture
def recruiter(make_user):
    return make_user("recruiter")


@pytest.fixture
def job(recruiter):
    job = open_job(recruiter, title="Flask API developer")
    permit = QuestionFields(
        "Do you have a permit to work in the EU?", "yes-no", True, knockout_answers=["no"]
    )
    overlap = QuestionFields(
        "How many hours does your day overlap 09:00-17:00 CET?", "number", True, knockout_below=4
    )
    notice = QuestionFields(
        "Notice period", "choice", False, ["None", "1 month", "3 months"], ["3 months"]
    )
    why = QuestionFields("Why this job?", "text", False)
    for fields in (permit, overlap, notice, why):
        add_question(job, fields, actor=recruiter)
    db.session.commit()
    return job


def _answers(job, *values):
    """Answers to the job's first questions, in order."""
    return {f"question-{q.id}": v for q, v in zip(job.questions, values, strict=False)}


def _apply(client, job, answers, email="ana@example.com"):
    data = {
        "csrf_token": csrf_token(client, f"/careers/{job.id}"),
        "name": "Ana Lovelace",
        "email": email,
        "consent": "y",
        "website": "",
        "resume": (io.BytesIO(text_resume("Ana Lovelace", email)), "ana.txt"),
        **answers,
    }
    return client.post(f"/careers/{job.id}", data=data, content_type="multipart/form-data")


def test_the_form_asks_the_jobs_questions(client, job):
    page = client.get(f"/careers/{job.id}").get_data(as_text=True)
    for question in job.questions:
        assert question.label in page and f'name="question-{question.id}"' in page
    assert "3 months" in page


def test_a_knocked_out_application_is_kept_marked_and_not_rejected(client, job):
    response = _apply(client, job, _answers(job, "no", "2", "3 months", "I like APIs"))
    assert response.status_code == 302
    application = db.session.scalars(select(Application)).one()
    assert application.status == ApplicationStatus.ACTIVE.value
    assert application.stage == job.stages[0]
    knocked = {a.question: a.answer for a in application.knockouts}
    assert knocked == {
        "Do you have a permit to work in the EU?": "no",
        "How many hours does your day overlap 09:00-17:00 CET?": "2",
        "Notice period": "3 months",
    }
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "careers.applied")
    ).one()
    assert entry.details["knocked_out"] is True


def test_passing_answers_do_not_knock_out(client, job):
    assert _apply(client, job, _answers(job, "yes", "6", "1 month", "")).status_code == 302
    application = db.session.scalars(select(Application)).one()
    assert application.knockouts == []
    assert [a.answer for a in application.answers] == ["yes", "6", "1 month", ""]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (("", "6", "", ""), 0, "Please answer this question."),
        (("maybe", "6", "", ""), 0, "Answer yes or no."),
        (("yes", "lots", "", ""), 1, "Enter a number."),
        (("yes", "6", "6 months", ""), 2, "Choose one of the answers offered."),
    ],
)
def test_bad_answers_are_named_and_nothing_is_stored(client, job, values, field, message):
    response = _apply(client, job, _answers(job, *values))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page
    assert f'id="question-{job.questions[field].id}-error"' in page
    assert db.session.scalar(select(func.count()).select_from(Application)) == 0
    assert db.session.scalar(select(func.count()).select_from(ApplicationAnswer)) == 0
    if values[1] == "6":  # what was typed comes back
        assert f'name="question-{job.questions[1].id}" value="6"' in page


def test_knockouts_are_rules_not_guesses():
    from hirekit.jobs.models import JobQuestion

    number = JobQuestion(kind="number", knockout_below=4.0, knockout_above=40.0, required=False)
    assert [knocks_out(number, read_answer(number, v)) for v in ("3.5", "4", "40", "41")] == [
        True,
        False,
        False,
        True,
    ]
    assert read_answer(number, "4,5") == "4.5" and read_answer(number, "") == ""
    choice = JobQuestion(kind="yes-no", knockout_answers=["no"], required=False)
    assert knocks_out(choice, read_answer(choice, "No")) and not knocks_out(choice, "")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (QuestionFields("", "text"), "label"),
        (QuestionFields("Q", "choice", options=["only one"]), "options"),
        (
            QuestionFields("Q", "choice", options=["a", "b"], knockout_answers=["c"]),
            "knockout_answers",
        ),
        (QuestionFields("Q", "yes-no", knockout_answers=["perhaps"]), "knockout_answers"),
        (QuestionFields("Q", "text", knockout_below=3), "knockout_below"),
        (QuestionFields("Q", "number", knockout_below=5, knockout_above=1), "knockout_above"),
        (QuestionFields("Q", "essay"), "kind"),
    ],
)
def test_bad_questions_are_refused(job, recruiter, fields, field):
    with pytest.raises(ValidationFailed) as refused:
        add_question(job, fields, actor=recruiter)
    assert field in refused.value.details


def test_questions_through_the_api_and_answers_on_the_application(client, job, api_token):
    _, headers = api_token("recruiter")
    listed = client.get(f"/api/v1/jobs/{job.id}/questions", headers=headers).get_json()
    assert [q["kind"] for q in listed] == ["yes-no", "number", "choice", "text"]
    created = client.post(
        f"/api/v1/jobs/{job.id}/questions",
        headers=headers,
        json={"label": "Can you travel monthly?", "kind": "yes-no", "knockout_answers": ["no"]},
    )
    assert created.status_code == 201 and created.get_json()["position"] == 4
    bad = client.post(
        f"/api/v1/jobs/{job.id}/questions",
        headers=headers,
        json={"label": "Notice", "kind": "choice", "options": ["a"]},
    )
    assert bad.status_code == 422 and "options" in bad.get_json()["error"]["details"]

    _apply(
        client,
        job,
        {**_answers(job, "no", "6", "", ""), f"question-{created.get_json()['id']}": "yes"},
    )
    application = db.session.scalars(select(Application)).one()
    body = client.get(f"/api/v1/applications/{application.id}", headers=headers).get_json()
    assert body["knocked_out"] is True
    assert body["answers"][0] == {
        "question_id": job.questions[0].id,
        "question": "Do you have a permit to work in the EU?",
        "answer": "no",
        "knocked_out": True,
    }
    removed = client.delete(
        f"/api/v1/jobs/{job.id}/questions/{job.questions[0].id}", headers=headers
    )
    assert removed.status_code == 204
    body = client.get(f"/api/v1/applications/{application.id}", headers=headers).get_json()
    # The form stops asking it; the answer keeps the words it answered.
    assert len(client.get(f"/api/v1/jobs/{job.id}/questions", headers=headers).get_json()) == 4
    assert "permit" not in client.get(f"/careers/{job.id}").get_data(as_text=True)
    assert body["answers"][0]["question"] == "Do you have a permit to work in the EU?"
    assert body["answers"][0]["knocked_out"] is True


def test_interviewers_cannot_change_questions(client, job, api_token):
    _, headers = api_token("interviewer")
    response = client.post(f"/api/v1/jobs/{job.id}/questions", headers=headers, json={"label": "Q"})
    assert response.status_code == 403


def test_the_team_sees_answers_on_the_candidate_page_board_and_csv(client, job, login_as):
    _apply(client, job, _answers(job, "no", "6", "", "I like APIs"))
    application = db.session.scalars(select(Application)).one()
    login_as("admin")
    person = client.get(f"/candidates/{application.candidate_id}").get_data(as_text=True)
    assert "knockout answer" in person and "Do you have a permit to work in the EU?" in person
    board = client.get(f"/jobs/{job.id}/board").get_data(as_text=True)
    assert ">knockout<" in board
    exported = client.get(f"/jobs/{job.id}/pipeline.csv").get_data(as_text=True)
    row = next(csv.DictReader(io.StringIO(exported)))
    assert row["knocked_out"] == "yes"
    assert "Why this job?: I like APIs" in row["answers"]


def test_questions_page_adds_and_removes(client, job, login_as):
    login_as("recruiter")
    page = client.get(f"/jobs/{job.id}/questions")
    assert page.status_code == 200 and "Notice period" in page.get_data(as_text=True)
    token = csrf_token(client, f"/jobs/{job.id}/questions")
    added = client.post(
        f"/jobs/{job.id}/questions",
        data={"csrf_token": token, "label": "Salary expectation (EUR)", "kind": "number"},
    )
    assert added.status_code == 302
    db.session.expire_all()
    assert job.questions[-1].label == "Salary expectation (EUR)"
    refused = client.post(
        f"/jobs/{job.id}/questions",
        data={"csrf_token": token, "label": "Pick", "kind": "choice", "options": "one"},
    )
    assert refused.status_code == 422 and "2 to 20 choices" in refused.get_data(as_text=True)
    removed = client.post(
        f"/jobs/{job.id}/questions/{job.questions[0].id}/delete", data={"csrf_token": token}
    )
    assert removed.status_code == 302
    db.session.expire_all()
    assert len(job.active_questions) == 4 and job.active_questions[0].position == 0
