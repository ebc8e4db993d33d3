"""Take-home reviews end to end: upload, background review, report page and API."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hirekit.candidates.models import Candidate
from hirekit.extensions import db
from hirekit.jobs.services.jobs import JobFields, create_job
from hirekit.queue.runner import drain
from hirekit.takehomes.models import Submission
from tests.conftest import csrf_token
from tests.takehomes.archives import APP, tar_gz_bytes, traversal_zip, zip_bytes


def _upload_page(client, data: bytes, name: str = "takehome.zip", path: str = "/reviews"):
    token = csrf_token(client, "/reviews")
    return client.post(
        path,
        data={"csrf_token": token, "archive": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def _count() -> int:
    return db.session.scalar(select(func.count(Submission.id))) or 0


def test_quick_review_from_upload_to_report(client, login_as, app):
    login_as("recruiter")
    response = _upload_page(client, zip_bytes(APP))
    assert response.status_code == 302
    report_path = response.headers["Location"]
    assert "Reviewing" in client.get(report_path).get_data(as_text=True)
    assert drain() == 1
    page = client.get(report_path).get_data(as_text=True)
    assert "Score " in page and "level " in page
    assert "<code>create_app</code> in <code>app/__init__.py:5</code>" in page
    assert "hardcoded-secret" in page and "sql-string-format" in page
    # the evidence line is shown, highlighted, with its line number marked
    assert re.search(r'<span class="ln hit"><span class="no">10</span>', page)
    assert 'class="code"' in page and "highlight.css" in page
    assert "Questions to ask in the interview" in page


def test_tar_gz_is_accepted_too(client, login_as):
    login_as("hiring_manager")
    assert _upload_page(client, tar_gz_bytes(APP), "project.tar.gz").status_code == 302
    drain()
    assert db.session.scalars(select(Submission)).one().status == "reviewed"


def test_not_an_archive_is_refused_and_nothing_is_stored(client, login_as, app):
    login_as("recruiter")
    response = _upload_page(client, b"%PDF-1.4 not an archive", "takehome.zip")
    assert response.status_code == 422
    assert "not a .zip, .tar or .tar.gz archive" in response.get_data(as_text=True)
    assert _count() == 0
    assert not list(Path(app.config["UPLOAD_DIR"]).rglob("*.zip"))


def test_archive_over_the_limit_is_refused_with_the_limit(app_factory):
    from hirekit.accounts import services as accounts
    from tests.conftest import login

    app = app_factory(REVIEW_MAX_ARCHIVE_MB=0.1)
    with app.app_context():
        accounts.create_user("big@example.com", "recruiter", "long-enough-pw-1")
        db.session.commit()
        client = app.test_client()
        login(client, "big@example.com", "long-enough-pw-1")
        response = _upload_page(client, zip_bytes(APP) + b"\0" * 120_000)
        assert response.status_code == 413
        assert "larger than 0.1 MB" in response.get_data(as_text=True)
        assert _count() == 0
        assert not [p for p in Path(app.config["UPLOAD_DIR"]).rglob("*") if p.is_file()]


def test_unsafe_archive_is_refused_with_its_reason(client, login_as):
    login_as("recruiter")
    location = _upload_page(client, traversal_zip()).headers["Location"]
    drain()
    page = client.get(location).get_data(as_text=True)
    assert "Not reviewed" in page
    submission = db.session.scalars(select(Submission)).one()
    assert submission.status == "refused" and ".." in submission.refusal


def test_interviewers_cannot_use_reviews(client, login_as):
    login_as("interviewer")
    assert client.get("/reviews").status_code == 403


def test_api_submit_poll_and_read_the_report(client, api_token):
    _, headers = api_token("recruiter")
    response = client.post(
        "/api/v1/reviews",
        headers=headers,
        data={"archive": (io.BytesIO(zip_bytes(APP)), "t.zip")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 202, response.get_data(as_text=True)
    body = response.get_json()
    assert body["status"] == "queued" and body["task_url"].startswith("/api/v1/tasks/")
    pending = client.get(body["report_url"], headers=headers)
    assert pending.status_code == 202
    drain()
    task = client.get(body["task_url"], headers=headers).get_json()
    assert task["status"] == "done" and task["progress"] == 100
    report = client.get(body["report_url"], headers=headers)
    assert report.status_code == 200
    data = report.get_json()
    assert data["schema_version"] == 1
    assert data["app_factory"] == {"file": "app/__init__.py", "line": 5, "function": "create_app"}
    assert {"findings", "routes", "stats", "score", "level", "questions"} <= set(data)


def test_api_errors(client, api_token, app_factory):
    _, headers = api_token("recruiter")
    bad = client.post(
        "/api/v1/reviews",
        headers=headers,
        data={"archive": (io.BytesIO(b"hello"), "t.zip")},
        content_type="multipart/form-data",
    )
    assert bad.status_code == 422
    assert bad.get_json()["error"]["code"] == "validation_failed"
    missing = client.post(
        "/api/v1/reviews", headers=headers, data={}, content_type="multipart/form-data"
    )
    assert missing.status_code == 422
    assert "archive" in missing.get_json()["error"]["details"]["fields"]
    refused = client.post(
        "/api/v1/reviews",
        headers=headers,
        data={"archive": (io.BytesIO(traversal_zip()), "t.zip")},
        content_type="multipart/form-data",
    ).get_json()
    drain()
    answer = client.get(refused["report_url"], headers=headers)
    assert answer.status_code == 422
    assert answer.get_json()["error"]["code"] == "archive_refused"
    _, interviewer = api_token("interviewer")
    assert client.post("/api/v1/reviews", headers=interviewer).status_code == 403


def test_similar_submissions_for_the_same_job(app, make_user):
    from hirekit.accounts.models import User
    from hirekit.storage import file_store  # noqa: F401 - the store is configured per app
    from hirekit.takehomes.services import submissions

    recruiter: User = make_user("recruiter")
    job = create_job(
        JobFields(title="Flask API engineer", use_case="rest-api", level="mid"), actor=recruiter
    )
    first, second, third = (Candidate(name=n) for n in ("Ann Example", "Ben Example", "Cy Ex"))
    db.session.add_all([first, second, third])
    db.session.flush()
    copied = {**APP, "app/views.py": APP["app/views.py"].replace("users", "people")}
    different = {
        "main.py": "from flask import Flask\napp = Flask(__name__)\n\n"
        + "".join(
            f"@app.get('/r{i}')\ndef r{i}():\n    return {{'value': {i} * {i} + {i}}}\n\n"
            for i in range(30)
        ),
    }
    ids = []
    for candidate, files in ((first, APP), (second, copied), (third, different)):
        upload = submissions.Upload("t.zip", io.BytesIO(zip_bytes(files)))
        ids.append(
            submissions.submit(upload, actor=recruiter, candidate_id=candidate.id, job_id=job.id).id
        )
    db.session.commit()
    drain()
    subs = [db.session.get(Submission, i) for i in ids]
    assert subs[0].similar == []
    assert [m["submission_id"] for m in subs[1].similar] == [ids[0]]
    assert subs[1].similar[0]["similarity"] > 0.4
    assert subs[1].similar[0]["files"][0][:2] == ["app/db.py", "app/db.py"] or any(
        f[0] == f[1] for f in subs[1].similar[0]["files"]
    )
    assert subs[2].similar == []


@pytest.mark.parametrize("role", ["recruiter", "hiring_manager", "admin"])
def test_review_pages_open_to_the_hiring_team(client, login_as, role):
    login_as(role)
    assert client.get("/reviews").status_code == 200


def test_api_links_the_review_to_a_candidate_by_query_parameter(client, api_token):
    _, headers = api_token("recruiter")
    candidate = Candidate(name="Query Example")
    db.session.add(candidate)
    db.session.commit()
    response = client.post(
        f"/api/v1/reviews?candidate_id={candidate.id}",
        headers=headers,
        data={"archive": (io.BytesIO(zip_bytes(APP)), "t.zip")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 202
    assert response.get_json()["candidate_id"] == candidate.id
    missing = client.post(
        "/api/v1/reviews?candidate_id=999999",
        headers=headers,
        data={"archive": (io.BytesIO(zip_bytes(APP)), "t.zip")},
        content_type="multipart/form-data",
    )
    assert missing.status_code == 404


def test_cannot_attach_a_review_to_a_candidate_hidden_from_the_uploader(app, make_user):
    from hirekit.candidates.services.applications import apply
    from hirekit.errors import NotFound
    from hirekit.takehomes.services import submissions

    admin = make_user("admin")
    secret = create_job(
        JobFields(title="Secret role", use_case="rest-api", level="mid", confidential=True),
        actor=admin,
    )
    hidden = Candidate(name="Hidden Example")
    db.session.add(hidden)
    db.session.flush()
    apply(hidden, secret, actor=admin)
    db.session.commit()
    outsider = make_user("recruiter")
    upload = submissions.Upload("t.zip", io.BytesIO(zip_bytes(APP)))
    with pytest.raises(NotFound):
        submissions.submit(upload, actor=outsider, candidate_id=hidden.id)
    assert _count() == 0


def test_review_is_read_for_the_jobs_use_case_on_page_and_api(
    client, api_token, make_user, login_as
):
    recruiter = make_user("recruiter")
    job = create_job(
        JobFields(title="Full-stack Flask developer", use_case="full-stack", level="mid"),
        actor=recruiter,
    )
    db.session.commit()
    _, headers = api_token("recruiter")
    response = client.post(
        f"/api/v1/reviews?job_id={job.id}",
        headers=headers,
        data={"archive": (io.BytesIO(zip_bytes(APP)), "t.zip")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 202, response.get_data(as_text=True)
    drain()
    data = client.get(response.get_json()["report_url"], headers=headers).get_json()
    assert data["use_case"] == "full-stack"
    assert [item["area"] for item in data["focus"]] == [
        "Jinja2 templating",
        "forms with CSRF",
        "sessions and login",
    ]
    unlinked = client.post(
        "/api/v1/reviews",
        headers=headers,
        data={"archive": (io.BytesIO(zip_bytes(APP)), "t.zip")},
        content_type="multipart/form-data",
    )
    drain()
    plain = client.get(unlinked.get_json()["report_url"], headers=headers).get_json()
    assert plain["use_case"] is None and plain["focus"] == []
    sub = db.session.scalars(select(Submission).where(Submission.job_id == job.id)).one()
    login_as("recruiter")
    page = client.get(f"/reviews/{sub.id}").get_data(as_text=True)
    assert "Read for: <strong>full-stack</strong> (the job's use case)" in page
    assert 'aria-label="Focus areas of the use case"' in page
    assert "<td>forms with CSRF</td>" in page
