"""Job pages: create, edit, state changes and form validation, without JavaScript."""

from __future__ import annotations

from hirekit.audit.models import AuditEntry
from hirekit.extensions import db
from hirekit.jobs.models import Job
from tests.conftest import csrf_token
from tests.jobs.factories import FLASK_POST, make_job


def _form(**overrides):
    data = {
        "title": "Senior Flask engineer",
        "team": "Payments",
        "location": "Berlin",
        "workplace": "hybrid",
        "use_case": "microservices",
        "level": "senior",
        "salary_min": "70000",
        "salary_max": "90000",
        "currency": "EUR",
        "description": "We run **Flask** services.",
        "hiring_manager_id": "0",
    }
    data.update(overrides)
    return data


def test_create_job_through_the_form(client, login_as):
    user = login_as("recruiter")
    token = csrf_token(client, "/jobs/new")
    response = client.post("/jobs/new", data=_form(csrf_token=token))
    assert response.status_code == 302
    job = db.session.scalars(db.select(Job)).one()
    assert (job.title, job.use_case, job.level, job.state) == (
        "Senior Flask engineer",
        "microservices",
        "senior",
        "draft",
    )
    assert [s.name for s in job.stages] == [
        "Applied",
        "Screen",
        "Take-home",
        "Interview",
        "Offer",
        "Hired",
    ]
    assert job.created_by_id == user.id
    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "<strong>Flask</strong>" in page
    assert "70000" in page


def test_form_shows_validation_errors_and_saves_nothing(client, login_as):
    login_as("recruiter")
    token = csrf_token(client, "/jobs/new")
    response = client.post(
        "/jobs/new",
        data=_form(csrf_token=token, title="", salary_min="90000", salary_max="50000"),
    )
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count(Job.id))) == 0
    wrong = client.post(
        "/jobs/new", data=_form(csrf_token=token, salary_min="90000", salary_max="50000")
    )
    assert wrong.status_code == 422
    assert "must not be below the minimum" in wrong.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Job.id))) == 0


def test_edit_job_is_audited(client, login_as):
    user = login_as("hiring_manager")
    job = make_job(user)
    token = csrf_token(client, f"/jobs/{job.id}/edit")
    response = client.post(
        f"/jobs/{job.id}/edit",
        data=_form(csrf_token=token, title="Flask API engineer", hiring_manager_id=str(user.id)),
    )
    assert response.status_code == 302
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert job.title == "Flask API engineer"
    assert job.hiring_manager.id == user.id
    entry = db.session.scalars(
        db.select(AuditEntry).where(AuditEntry.action == "job.updated")
    ).one()
    assert entry.details["title"] == ["Flask developer", "Flask API engineer"]


def test_open_pause_close_and_forbidden_transition(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    token = csrf_token(client, f"/jobs/{job.id}")
    for state in ("open", "paused", "open", "closed"):
        response = client.post(
            f"/jobs/{job.id}/state", data={"state": state, "csrf_token": token, "confirm": "yes"}
        )
        assert response.status_code == 302, state
        db.session.expire_all()
        assert db.session.get(Job, job.id).state == state
    refused = client.post(f"/jobs/{job.id}/state", data={"state": "paused", "csrf_token": token})
    assert refused.status_code == 409
    assert db.session.get(Job, job.id).state == "closed"


def test_job_page_shows_the_post_check_without_javascript(client, login_as):
    user = login_as("recruiter")
    job = make_job(user, description=FLASK_POST)
    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "years-of-flask" in page
    assert "5+ years of Flask" in page


def test_markdown_is_sanitised(client, login_as):
    user = login_as("recruiter")
    job = make_job(user, description="Hi <script>alert(1)</script> [x](javascript:alert(2)) **ok**")
    page = client.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in page
    assert 'href="javascript:' not in page
    assert "<strong>ok</strong>" in page


def test_stages_are_editable_and_keep_their_ids(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    screen_id = job.stages[1].id
    token = csrf_token(client, f"/jobs/{job.id}/stages")
    data = {"csrf_token": token, "rows": "7"}
    for i, stage in enumerate(job.stages):
        data |= {f"row-{i}-id": str(stage.id), f"row-{i}-name": stage.name}
        data |= {f"row-{i}-kind": stage.kind, f"row-{i}-order": str(i + 1)}
    data |= {"row-2-name": "Pair programming", "row-2-kind": "interview"}
    data |= {"row-6-name": "Reference check", "row-6-kind": "active", "row-6-order": "5"}
    response = client.post(f"/jobs/{job.id}/stages", data=data)
    assert response.status_code == 302
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert [(s.name, s.kind) for s in job.stages] == [
        ("Applied", "active"),
        ("Screen", "interview"),
        ("Pair programming", "interview"),
        ("Interview", "interview"),
        ("Offer", "offer"),
        ("Reference check", "active"),
        ("Hired", "hired"),
    ]
    assert job.stages[1].id == screen_id
    duplicate = client.post(f"/jobs/{job.id}/stages", data={**data, "row-1-name": "applied"})
    assert duplicate.status_code == 422
    assert "each stage name once" in duplicate.get_data(as_text=True)
