"""Every page and endpoint, for anonymous and each role, answers per the permission table."""

from __future__ import annotations

import io

import pytest

from hirekit.accounts.permissions import PERMISSIONS, Permission, Role
from hirekit.candidates.applications import apply as apply_to_job
from hirekit.candidates.models import Candidate
from hirekit.extensions import db
from hirekit.jobs.services import JobFields, change_state, create_job
from hirekit.queue import enqueue
from hirekit.resumes.models import Resume, ResumeBatch, Screening
from hirekit.takehomes.services import Upload, submit
from tests.conftest import csrf_token, login
from tests.queue.sample_tasks import add
from tests.takehomes.archives import APP, zip_bytes

PUBLIC = "public"
SIGNED_IN = "signed-in"

# (method, path template, endpoint, who may use it)
ROUTES: list[tuple[str, str, str, str | Permission]] = [
    ("GET", "/", "main.index", PUBLIC),
    ("GET", "/healthz", "main.healthz", PUBLIC),
    ("GET", "/readyz", "main.readyz", PUBLIC),
    ("GET", "/login", "accounts.login", PUBLIC),
    ("GET", "/api/v1/docs", "main.api_docs", PUBLIC),
    ("GET", "/api/v1/openapi.json", "api-docs.openapi_json", PUBLIC),
    ("GET", "/dashboard", "main.dashboard", SIGNED_IN),
    ("GET", "/profile", "accounts.profile", SIGNED_IN),
    ("POST", "/profile/password", "accounts.change_password", SIGNED_IN),
    ("POST", "/profile/tokens", "accounts.create_token", SIGNED_IN),
    ("POST", "/profile/tokens/{token}/revoke", "accounts.revoke_token", SIGNED_IN),
    ("GET", "/guide/", "guides.index", Permission.GUIDE_READ),
    ("GET", "/guide/flask", "guides.show", Permission.GUIDE_READ),
    ("GET", "/tasks/{job}", "tasks.show", Permission.TASKS_READ),
    ("GET", "/tasks/{job}/status", "tasks.status", Permission.TASKS_READ),
    ("GET", "/admin/users", "admin.users", Permission.USERS_MANAGE),
    ("POST", "/admin/users", "admin.create_user", Permission.USERS_MANAGE),
    ("POST", "/admin/users/{user}/role", "admin.change_role", Permission.USERS_MANAGE),
    ("POST", "/admin/users/{user}/active", "admin.set_active", Permission.USERS_MANAGE),
    ("GET", "/admin/audit", "admin.audit_log", Permission.AUDIT_READ),
    ("GET", "/reviews", "takehomes.index", Permission.REVIEWS_RUN),
    ("POST", "/reviews", "takehomes.upload", Permission.REVIEWS_RUN),
    (
        "POST",
        "/candidates/{candidate}/takehomes",
        "takehomes.upload_for_candidate",
        Permission.REVIEWS_RUN,
    ),
    ("GET", "/reviews/{submission}", "takehomes.show", Permission.REVIEWS_RUN),
    ("GET", "/reviews/{submission}/report.json", "takehomes.report_json", Permission.REVIEWS_RUN),
    ("GET", "/jobs/", "jobs.index", Permission.JOBS_READ),
    ("GET", "/jobs/new", "jobs.new", Permission.JOBS_WRITE),
    ("POST", "/jobs/new", "jobs.new", Permission.JOBS_WRITE),
    ("GET", "/jobs/{jobpost}", "jobs.show", Permission.JOBS_READ),
    ("GET", "/jobs/{jobpost}/edit", "jobs.edit", Permission.JOBS_WRITE),
    ("POST", "/jobs/{jobpost}/edit", "jobs.edit", Permission.JOBS_WRITE),
    ("POST", "/jobs/{jobpost}/state", "jobs.change_state", Permission.JOBS_WRITE),
    ("GET", "/jobs/{jobpost}/stages", "jobs.edit_stages", Permission.JOBS_WRITE),
    ("POST", "/jobs/{jobpost}/stages", "jobs.edit_stages", Permission.JOBS_WRITE),
    ("POST", "/jobs/lint", "jobs.lint", Permission.JOBS_WRITE),
    ("GET", "/jobs/{jobpost}/board", "board.show", Permission.CANDIDATES_READ),
    ("POST", "/jobs/{jobpost}/board/bulk", "board.bulk", Permission.CANDIDATES_WRITE),
    ("GET", "/jobs/{jobpost}/pipeline.csv", "board.export_csv", Permission.CANDIDATES_READ),
    ("POST", "/applications/{application}/move", "board.move", Permission.CANDIDATES_WRITE),
    ("GET", "/candidates/", "candidates.index", Permission.CANDIDATES_READ),
    ("GET", "/candidates/new", "candidates.new", Permission.CANDIDATES_WRITE),
    ("POST", "/candidates/new", "candidates.new", Permission.CANDIDATES_WRITE),
    ("GET", "/candidates/{candidate}", "candidates.show", Permission.CANDIDATES_READ),
    ("GET", "/candidates/{candidate}/edit", "candidates.edit", Permission.CANDIDATES_WRITE),
    ("POST", "/candidates/{candidate}/edit", "candidates.edit", Permission.CANDIDATES_WRITE),
    ("POST", "/candidates/{candidate}/notes", "candidates.add_note", Permission.CANDIDATES_WRITE),
    (
        "POST",
        "/candidates/{candidate}/applications",
        "candidates.apply",
        Permission.CANDIDATES_WRITE,
    ),
    ("GET", "/candidates/{candidate}/merge", "candidates.merge", Permission.CANDIDATES_WRITE),
    ("POST", "/candidates/{candidate}/merge", "candidates.merge", Permission.CANDIDATES_WRITE),
    (
        "GET",
        "/candidates/{candidate}/export.json",
        "candidates.export_json",
        Permission.CANDIDATES_READ,
    ),
    (
        "POST",
        "/candidates/{candidate}/resumes",
        "resumes.upload_for_candidate",
        Permission.CANDIDATES_WRITE,
    ),
    ("GET", "/jobs/{jobpost}/resumes", "resumes.bulk_form", Permission.CANDIDATES_WRITE),
    ("POST", "/jobs/{jobpost}/resumes", "resumes.bulk_upload", Permission.CANDIDATES_WRITE),
    ("GET", "/resumes/batches/{batch}", "resumes.batch", Permission.CANDIDATES_READ),
    ("GET", "/screening", "screening.index", Permission.CANDIDATES_READ),
    ("GET", "/jobs/{jobpost}/ranked", "screening.ranked", Permission.CANDIDATES_READ),
    ("POST", "/jobs/{jobpost}/screening-settings", "screening.settings", Permission.JOBS_WRITE),
    ("POST", "/screenings/{screening}/override", "screening.override", Permission.CANDIDATES_WRITE),
    ("GET", "/careers/", "careers.index", PUBLIC),
    ("GET", "/careers/{publicjob}", "careers.job", PUBLIC),
    ("POST", "/careers/{publicjob}", "careers.apply", PUBLIC),
    ("GET", "/careers/{publicjob}/thanks", "careers.thanks", PUBLIC),
    ("POST", "/logout", "accounts.logout", PUBLIC),  # last: it ends the session
]

API_ROUTES: list[tuple[str, str, str, str | Permission]] = [
    ("GET", "/api/v1/me", "users_api.Me", SIGNED_IN),
    ("GET", "/api/v1/users", "users_api.Users", Permission.USERS_MANAGE),
    ("POST", "/api/v1/users", "users_api.Users", Permission.USERS_MANAGE),
    ("GET", "/api/v1/users/{user}", "users_api.UserItem", Permission.USERS_MANAGE),
    ("PATCH", "/api/v1/users/{user}", "users_api.UserItem", Permission.USERS_MANAGE),
    ("GET", "/api/v1/guides", "guides_api.Guides", Permission.GUIDE_READ),
    ("GET", "/api/v1/guides/flask", "guides_api.GuideItem", Permission.GUIDE_READ),
    ("GET", "/api/v1/tasks/{job}", "tasks_api.TaskItem", Permission.TASKS_READ),
    ("POST", "/api/v1/reviews", "reviews_api.Reviews", Permission.REVIEWS_RUN),
    ("GET", "/api/v1/reviews/{submission}", "reviews_api.ReviewItem", Permission.REVIEWS_RUN),
    ("GET", "/api/v1/jobs", "jobs_api.Jobs", Permission.JOBS_READ),
    ("POST", "/api/v1/jobs", "jobs_api.Jobs", Permission.JOBS_WRITE),
    ("GET", "/api/v1/jobs/{jobpost}", "jobs_api.JobItem", Permission.JOBS_READ),
    ("PATCH", "/api/v1/jobs/{jobpost}", "jobs_api.JobItem", Permission.JOBS_WRITE),
    ("POST", "/api/v1/jobs/{jobpost}/state", "jobs_api.JobState", Permission.JOBS_WRITE),
    ("GET", "/api/v1/jobs/{jobpost}/stages", "jobs_api.JobStages", Permission.JOBS_READ),
    ("PUT", "/api/v1/jobs/{jobpost}/stages", "jobs_api.JobStages", Permission.JOBS_WRITE),
    ("POST", "/api/v1/jobs/lint", "jobs_api.JobLint", Permission.JOBS_READ),
    (
        "GET",
        "/api/v1/jobs/{jobpost}/applications",
        "applications_api.JobApplications",
        Permission.CANDIDATES_READ,
    ),
    ("GET", "/api/v1/candidates", "candidates_api.Candidates", Permission.CANDIDATES_READ),
    ("POST", "/api/v1/candidates", "candidates_api.Candidates", Permission.CANDIDATES_WRITE),
    (
        "GET",
        "/api/v1/candidates/{candidate}",
        "candidates_api.CandidateItem",
        Permission.CANDIDATES_READ,
    ),
    (
        "PATCH",
        "/api/v1/candidates/{candidate}",
        "candidates_api.CandidateItem",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/duplicates",
        "candidates_api.CandidateDuplicates",
        Permission.CANDIDATES_READ,
    ),
    (
        "POST",
        "/api/v1/candidates/{candidate}/merge",
        "candidates_api.CandidateMerge",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/notes",
        "candidates_api.CandidateNotes",
        Permission.CANDIDATES_READ,
    ),
    (
        "POST",
        "/api/v1/candidates/{candidate}/notes",
        "candidates_api.CandidateNotes",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/events",
        "candidates_api.CandidateEvents",
        Permission.CANDIDATES_READ,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/export",
        "candidates_api.CandidateExport",
        Permission.CANDIDATES_READ,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/applications",
        "applications_api.CandidateApplications",
        Permission.CANDIDATES_READ,
    ),
    (
        "POST",
        "/api/v1/candidates/{candidate}/applications",
        "applications_api.CandidateApplications",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/applications/{application}",
        "applications_api.ApplicationItem",
        Permission.CANDIDATES_READ,
    ),
    (
        "GET",
        "/api/v1/applications/{application}/moves",
        "applications_api.ApplicationMoves",
        Permission.CANDIDATES_READ,
    ),
    (
        "POST",
        "/api/v1/applications/{application}/moves",
        "applications_api.ApplicationMoves",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/api/v1/applications/{application}/reject",
        "applications_api.ApplicationReject",
        Permission.CANDIDATES_WRITE,
    ),
    (  # last of the pipeline routes: it closes the application
        "POST",
        "/api/v1/applications/{application}/withdraw",
        "applications_api.ApplicationWithdraw",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/api/v1/jobs/{jobpost}/resumes",
        "resumes_api.JobResumes",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/api/v1/candidates/{candidate}/resumes",
        "resumes_api.CandidateResumes",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/screening",
        "resumes_api.CandidateScreening",
        Permission.CANDIDATES_READ,
    ),
]


def test_every_endpoint_is_classified(app):
    known = {r[2] for r in ROUTES + API_ROUTES} | {"static"}
    assert {rule.endpoint for rule in app.url_map.iter_rules()} <= known


def _fill(path: str, ids: dict[str, int]) -> str:
    return path.format(**ids)


@pytest.fixture
def ids(make_user):
    victim = make_user("interviewer")
    job = enqueue(add, 1, 2)
    candidate = Candidate(name="Pat Example")
    db.session.add(candidate)
    db.session.flush()
    posting = create_job(
        JobFields(title="Flask developer", use_case="rest-api", level="mid"),
        actor=make_user("admin"),
    )
    application = apply_to_job(candidate, posting, actor=None)
    upload = Upload("t.zip", io.BytesIO(zip_bytes(APP)))
    submission = submit(upload, actor=None, candidate_id=candidate.id)
    screening_ids = _screening_ids(posting, candidate, make_user("admin"))
    db.session.commit()
    return {
        "user": victim.id,
        "job": job.id,
        "token": 999,
        "candidate": candidate.id,
        "submission": submission.id,
        "jobpost": posting.id,
        "application": application.id,
        **screening_ids,
    }


def _screening_ids(posting, candidate, admin) -> dict:
    """A bulk upload batch, a screening to override and an open job on the careers page."""
    batch = ResumeBatch(job_id=posting.id)
    db.session.add(batch)
    db.session.flush()
    resume = Resume(
        candidate_id=candidate.id, file_key="resumes/x/cv.txt", filename="cv.txt", size=1, sha256=""
    )
    db.session.add(resume)
    db.session.flush()
    screening = Screening(resume_id=resume.id, candidate_id=candidate.id, use_case="rest-api")
    db.session.add(screening)
    public = create_job(
        JobFields(title="Public Flask role", use_case="rest-api", level="mid"), actor=admin
    )
    change_state(public, "open", actor=admin)
    db.session.flush()
    return {"batch": batch.id, "screening": screening.id, "publicjob": public.id}


def _allowed(role: Role, rule: str | Permission) -> bool:
    if rule in (PUBLIC, SIGNED_IN):
        return True
    return rule in PERMISSIONS[role]


@pytest.mark.parametrize("role", [None, *Role])
def test_pages_per_role(app, client, make_user, ids, role):
    if role is not None:
        login(client, make_user(role.value).email)
    for method, template, _endpoint, rule in ROUTES:
        path = _fill(template, ids)
        if method == "GET":
            status = client.get(path).status_code
        else:
            token = csrf_token(client, "/login") if role is None else csrf_token(client, "/profile")
            status = client.post(path, data={"csrf_token": token}).status_code
        if role is None:
            if rule == PUBLIC:
                assert status in (200, 302), (path, status)
            else:
                assert status == 302, (path, status)  # to the sign-in page
        elif _allowed(role, rule):
            assert status not in (401, 403), (role, path, status)
        else:
            assert status == 403, (role, path, status)


@pytest.mark.parametrize("role", [None, *Role])
def test_api_per_role(client, api_token, ids, role):
    headers: dict[str, str] = {}
    if role is not None:
        _, headers = api_token(role.value)
    for method, template, _endpoint, rule in API_ROUTES:
        response = client.open(_fill(template, ids), method=method, headers=headers, json={})
        status = response.status_code
        assert response.is_json, (template, status)
        if role is None:
            assert status == 401, (template, status)
            assert response.get_json()["error"]["code"] == "unauthorized"
        elif _allowed(role, rule):
            assert status not in (401, 403), (role, template, status)
        else:
            assert status == 403, (role, template, status)
            assert response.get_json()["error"]["code"] == "forbidden"


def test_state_changes_need_a_csrf_token(client, login_as, make_user):
    login_as("admin")
    victim = make_user("recruiter")
    response = client.post(f"/admin/users/{victim.id}/role", data={"role": "admin"})
    assert response.status_code == 400
    db.session.refresh(victim)
    assert victim.role == "recruiter"
