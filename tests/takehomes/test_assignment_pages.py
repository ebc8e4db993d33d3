"""Assignment pages, the candidate's page, blind grading; hidden tests never served."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.takehomes.models import Assignment, Invitation, SubmissionAssessment
from hirekit.takehomes.services import assignments, invitations
from hirekit.takehomes.services.assignments import AssignmentFiles
from hirekit.takehomes.services.invitations import token_for
from tests.conftest import csrf_token, login
from tests.jobs.factories import make_application, make_job
from tests.takehomes.archives import APP, traversal_zip, zip_bytes
from tests.takehomes.assignment_data import HIDDEN_MARKER, STARTER, fields, files


@pytest.fixture
def recruiter(app, make_user):
    app.config["BASE_URL"] = "http://localhost"
    return make_user("recruiter")


@pytest.fixture
def job(recruiter):
    return make_job(recruiter, title="Flask API developer")


@pytest.fixture
def sent(recruiter, job):
    """An assignment with starter and hidden tests, sent to one application."""
    assignment = assignments.create_assignment(job.id, fields(), files(), actor=recruiter)
    application = make_application(recruiter, job, name="Grace Hopper")
    invitation = invitations.invite(
        application.id, actor=recruiter, assignment_version_id=assignment.current.id
    )
    db.session.commit()
    return assignment, invitation


def _post(client, path, data, page=None):
    data = {"csrf_token": csrf_token(client, page or path), **data}
    return client.post(path, data=data, content_type="multipart/form-data")


def test_create_then_edit_from_the_pages(client, login_as, job):
    login_as("hiring_manager")
    assert "Take-home assignments" in client.get(f"/jobs/{job.id}").get_data(as_text=True)
    response = _post(
        client,
        f"/jobs/{job.id}/assignments/new",
        {
            "title": "Orders API",
            "use_case": "rest-api",
            "expected_hours": "2.5",
            "deadline_days": "4",
            "brief": "Build **it**. <script>alert(1)</script>",
            "requirements": "flask==3.1.3",
            "starter": (io.BytesIO(zip_bytes(STARTER)), "starter.zip"),
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assignment = db.session.scalars(select(Assignment)).one()
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<strong>it</strong>" in page and "<script>alert" not in page  # sanitised
    assert client.get(f"/jobs/{job.id}/assignments").get_data(as_text=True).count("Orders API")
    edit = f"/assignments/{assignment.id}/edit"
    assert 'value="Orders API"' in client.get(edit).get_data(as_text=True)
    response = _post(
        client,
        edit,
        {"title": "Orders API v2", "use_case": "rest-api", "expected_hours": "3",
         "deadline_days": "6", "brief": "New brief"},
    )  # fmt: skip
    assert response.status_code == 302
    db.session.expire_all()
    assert [v.title for v in assignment.versions] == ["Orders API", "Orders API v2"]
    assert assignment.versions[1].starter_key == assignment.versions[0].starter_key


def test_form_errors_are_shown_per_field(client, login_as, job):
    login_as("recruiter")
    response = _post(
        client,
        f"/jobs/{job.id}/assignments/new",
        {
            "title": "X",
            "use_case": "rest-api",
            "expected_hours": "2",
            "deadline_days": "4",
            "requirements": "flask==3.1.3",
            "hidden_tests": (io.BytesIO(traversal_zip()), "tests.zip"),
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "That archive was refused" in html and "escapes the archive" in html
    unpinned = _post(
        client,
        f"/jobs/{job.id}/assignments/new",
        {"title": "X", "use_case": "rest-api", "expected_hours": "2", "deadline_days": "4",
         "requirements": "flask"},
    )  # fmt: skip
    assert unpinned.status_code == 422
    assert "must be pinned as name==version" in unpinned.get_data(as_text=True)
    missing = _post(client, f"/jobs/{job.id}/assignments/new", {"title": "", "use_case": "x"})
    assert missing.status_code == 400
    assert "Say how many hours it should take." in missing.get_data(as_text=True)


def test_interviewers_cannot_open_the_pages(client, login_as, job):
    login_as("interviewer")
    assert client.get(f"/jobs/{job.id}/assignments").status_code == 403


def test_sending_from_the_assignment_page(client, login_as, recruiter, job):
    assignment = assignments.create_assignment(job.id, fields(), files(), actor=recruiter)
    application = make_application(recruiter, job, name="Alan Turing")
    db.session.commit()
    login_as("recruiter")
    page = f"/assignments/{assignment.id}"
    assert "Alan Turing" in client.get(page).get_data(as_text=True)
    response = _post(
        client, f"{page}/invitations", {"application_id": str(application.id)}, page=page
    )
    assert response.status_code == 302
    invitation = db.session.scalars(select(Invitation)).one()
    assert invitation.assignment_version_id == assignment.current.id
    assert invitation.expires_at - invitation.created_at == timedelta(days=5)


def test_candidate_page_brief_starter_uploads_and_deadline(client, sent):
    _assignment, invitation = sent
    path = f"/takehome/{token_for(invitation)}"
    html = client.get(path).get_data(as_text=True)
    assert "The task" in html and "<script>alert(1)" not in html
    assert "data-local-time" in html and invitation.expires_at.strftime("%d %B %Y") in html
    starter = client.get(f"{path}/starter")
    assert starter.status_code == 200 and starter.data.startswith(b"PK")
    assert "attachment" in starter.headers["Content-Disposition"]
    for name in ("first.zip", "second.zip"):
        response = _post(client, path, {"archive": (io.BytesIO(zip_bytes(APP)), name)})
        assert response.status_code == 302
    html = client.get(path).get_data(as_text=True)
    rows = re.findall(r"<tr data-received><td>([^<]+)</td>", html)
    assert rows == ["second.zip", "first.zip"]
    assert html.count("data-latest") == 1
    assert html.index("second.zip") < html.index("data-latest") < html.index("first.zip")
    refused = _post(client, path, {"archive": (io.BytesIO(traversal_zip()), "bad.zip")})
    assert refused.status_code == 422
    assert "That archive was refused" in refused.get_data(as_text=True)
    # The page was opened before the deadline; the upload arrives after it.
    form_token = csrf_token(client, path)
    invitation.expires_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    late = client.post(
        path,
        data={"csrf_token": form_token, "archive": (io.BytesIO(zip_bytes(APP)), "late.zip")},
        content_type="multipart/form-data",
    )
    html = late.get_data(as_text=True)
    assert late.status_code == 410
    assert "deadline for this take-home has passed" in html
    assert "second.zip" in html and "late.zip" not in html.split("What we received")[1]


def _hidden_reachable(client, paths):
    for path in paths:
        response = client.get(path)
        assert HIDDEN_MARKER not in response.data, path
        assert b"assignment-hidden-tests" not in response.data, path


def test_hidden_tests_are_never_served(client, api_token, sent, make_user):
    assignment, invitation = sent
    token = token_for(invitation)
    version = assignment.current
    candidate_paths = [
        f"/takehome/{token}",
        f"/takehome/{token}/starter",
        f"/takehome/{token}/hidden_tests",
        f"/takehome/{token}/tests",
    ]
    _hidden_reachable(client, candidate_paths)
    # Not even the hiring team gets them through a page or the API.
    login(client, make_user("admin").email)
    _hidden_reachable(
        client,
        [
            f"/assignments/{assignment.id}",
            f"/assignments/{assignment.id}/edit",
            f"/assignment-versions/{version.id}/starter",
        ],
    )
    _, headers = api_token("admin")
    for path in (
        f"/api/v1/assignments/{assignment.id}",
        f"/api/v1/jobs/{job_id(sent)}/assignments",
    ):
        response = client.get(path, headers=headers)
        assert response.status_code == 200
        assert HIDDEN_MARKER not in response.data
        assert b"assignment-hidden-tests" not in response.data  # no store key either
        assert response.get_json()
    # No route at all reads the hidden-tests key: every URL rule is checked.
    rules = [r.rule for r in client.application.url_map.iter_rules()]
    assert not [r for r in rules if "hidden" in r]


def job_id(sent):
    return sent[0].job_id


def test_blind_grading_until_the_reviewer_assesses(client, sent, make_user):
    _assignment, invitation = sent
    token = token_for(invitation)
    _post(client, f"/takehome/{token}", {"archive": (io.BytesIO(zip_bytes(APP)), "w.zip")})
    db.session.expire_all()
    submission_id = db.session.get(Invitation, invitation.id).submission_id
    assert submission_id is not None
    manager = make_user("hiring_manager")
    login(client, manager.email)
    page = f"/reviews/{submission_id}"
    html = client.get(page).get_data(as_text=True)
    assert "Grace Hopper" not in html and "grace@example.com" not in html
    label = re.search(r"Candidate #\d{6}", html)
    assert label
    assert label.group(0) in client.get("/reviews").get_data(as_text=True)
    assert "Grace Hopper" not in client.get("/reviews").get_data(as_text=True)
    assignment_page = f"/assignments/{invitation.assignment_version.assignment_id}"
    assert "Grace Hopper" not in client.get(assignment_page).get_data(as_text=True)
    bad = _post(client, f"{page}/assessment", {"rating": "9", "notes": ""}, page=page)
    assert bad.status_code == 400
    done = _post(client, f"{page}/assessment", {"rating": "3", "notes": "Solid"}, page=page)
    assert done.status_code == 302
    html = client.get(page).get_data(as_text=True)
    assert "Grace Hopper" in html and "Solid" in html
    again = _post(client, f"{page}/assessment", {"rating": "4", "notes": ""}, page=page)
    assert again.status_code == 409
    assert db.session.scalars(select(SubmissionAssessment.rating)).all() == [3]


def test_recruiters_are_not_blinded(client, login_as, sent):
    _assignment, invitation = sent
    _post(
        client,
        f"/takehome/{token_for(invitation)}",
        {"archive": (io.BytesIO(zip_bytes(APP)), "w.zip")},
    )
    db.session.expire_all()
    submission_id = db.session.get(Invitation, invitation.id).submission_id
    assert submission_id is not None
    login_as("recruiter")
    assert "Grace Hopper" in client.get(f"/reviews/{submission_id}").get_data(as_text=True)


def test_removing_the_starter_makes_its_link_404(client, recruiter, sent):
    assignment, invitation = sent
    assignments.new_version(
        assignment.id, fields(), AssignmentFiles(remove_starter=True), actor=recruiter
    )
    second = invitations.invite(
        invitation.application_id, actor=recruiter, assignment_version_id=assignment.current.id
    )
    db.session.commit()
    assert client.get(f"/takehome/{token_for(second)}/starter").status_code == 404
    # The first invitation keeps the version it was sent with.
    assert client.get(f"/takehome/{token_for(invitation)}/starter").status_code == 200
