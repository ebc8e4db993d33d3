"""Resume screening evidence and the questions it prompts, on the panel's and the debrief page."""

from __future__ import annotations

import io

import pytest

from hirekit.extensions import db
from hirekit.interviews.services.evidence import candidate_evidence, resume_screening
from hirekit.resumes.models import Resume, Screening
from hirekit.resumes.services.screenings import screen_resume_now
from hirekit.storage import file_store
from tests.conftest import login

#: Claims Flask and Python, says nothing of tests: the screening raises ``no_testing``.
RESUME = """Casey Candidate
casey@example.com

Experience
Backend developer, Acme (2019 - 2024)
Built REST APIs in Python with Flask, Flask-SQLAlchemy and PostgreSQL, organised in
blueprints with an application factory. Deployed with Docker and gunicorn.

Skills
Python, Flask, SQLAlchemy, PostgreSQL, Docker
"""


def screen(candidate, text: str = RESUME) -> list[Screening]:
    """Store ``text`` as the candidate's resume and screen it with the real engine."""
    data = text.encode()
    saved = file_store().save(io.BytesIO(data), "resumes", "casey.txt", len(data))
    resume = Resume(
        candidate_id=candidate.id,
        file_key=saved.key,
        filename=saved.name,
        size=saved.size,
        sha256=saved.sha256,
    )
    db.session.add(resume)
    db.session.flush()
    screen_resume_now(resume)
    db.session.commit()
    return list(db.session.scalars(db.select(Screening).filter_by(resume_id=resume.id)))


def test_the_screening_read_is_the_candidates_latest_for_the_jobs_use_case(panel):
    assert resume_screening(panel.candidate.id, "rest-api") is None
    [screening] = screen(panel.candidate)
    found = resume_screening(panel.candidate.id, "rest-api")
    assert found is not None and found.use_case == "rest-api"
    assert found.score == screening.score and found.fit == screening.fit
    yellow = {f.flag for f in found.yellow}
    assert "no_testing" in yellow
    no_testing = next(f for f in found.yellow if f.flag == "no_testing")
    assert no_testing.label == "No testing" and no_testing.quotes


def test_no_testing_flag_prompts_a_testing_question_with_why(panel):
    screen(panel.candidate)
    evidence = candidate_evidence(
        panel.candidate.id, panel.candidate.name, panel.job.id, panel.job.use_case
    )
    testing = [q for q in evidence.tailored if q.evidence == ("no_testing",)]
    assert len(testing) == 1
    question = testing[0]
    assert question.source == "resume" and question.topic == "testing"
    assert "test" in question.question.lower()
    assert question.because == ("resume yellow flag no_testing (No testing)",)


def test_a_resume_that_mentions_tests_prompts_no_testing_question(panel):
    screen(panel.candidate, RESUME + "\nWrote pytest suites with the Flask test client.\n")
    evidence = candidate_evidence(
        panel.candidate.id, panel.candidate.name, panel.job.id, panel.job.use_case
    )
    assert all("no_testing" not in q.evidence for q in evidence.tailored)


@pytest.mark.parametrize("who", ["a", "manager"])
def test_the_tailored_question_shows_on_the_interview_page(client, panel, who):
    screen(panel.candidate)
    login(client, getattr(panel, who).email)
    html = client.get(f"/interviews/{panel.interview.id}").get_data(as_text=True)
    evidence = html.split('class="card iv-evidence"')[1]
    assert 'data-flag="no_testing"' in evidence
    assert 'data-evidence="no_testing"' in evidence
    assert "Your resume does not mention testing." in evidence
    assert "Why: resume yellow flag no_testing (No testing)" in evidence


def test_the_tailored_question_shows_on_the_debrief_page(client, panel):
    screen(panel.candidate)
    login(client, panel.manager.email)
    response = client.get(f"/jobs/{panel.job.id}/debriefs/{panel.candidate.id}")
    assert response.status_code == 200
    evidence = response.get_data(as_text=True).split('class="card iv-evidence"')[1]
    assert 'data-source="resume" data-evidence="no_testing"' in evidence
    assert "Why: resume yellow flag no_testing (No testing)" in evidence


def test_a_failed_screening_is_not_evidence(panel):
    [screening] = screen(panel.candidate)
    screening.error_code, screening.error_message = "unreadable", "could not read"
    db.session.commit()
    assert resume_screening(panel.candidate.id, "rest-api") is None


def test_another_use_cases_screening_stands_in(panel):
    [screening] = screen(panel.candidate)
    screening.use_case = "microservices"
    db.session.commit()
    found = resume_screening(panel.candidate.id, "rest-api")
    assert found is not None and found.use_case == "microservices"
