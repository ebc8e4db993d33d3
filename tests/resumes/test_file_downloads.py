"""Stored resumes and take-home archives: downloadable only by who may see them."""

from __future__ import annotations

import io

from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Candidate
from hirekit.extensions import db
from hirekit.resumes.services import uploads as resumes
from hirekit.takehomes.services import submissions as takehomes
from tests.takehomes.archives import APP, zip_bytes

RESUME = b"Pat Example\npat@example.com\n\nBuilt Flask APIs tested with pytest.\n"


def _resume(actor):
    candidate = Candidate(name="Pat Example", email="pat@example.com")
    db.session.add(candidate)
    db.session.flush()
    file = resumes.read_resume(resumes.Upload("pat.txt", io.BytesIO(RESUME)))
    resume = resumes.store_resume(file, candidate=candidate, actor=actor)
    db.session.commit()
    return resume


def _assert_private_attachment(response, body: bytes) -> None:
    assert response.status_code == 200
    assert response.data == body
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_recruiter_downloads_a_resume_and_the_view_is_audited(client, login_as):
    recruiter = login_as("recruiter")
    resume = _resume(recruiter)
    response = client.get(f"/resumes/{resume.id}/file")
    _assert_private_attachment(response, RESUME)
    assert "pat.txt" in response.headers["Content-Disposition"]
    viewed = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "candidate.viewed")
    ).all()
    assert any(e.actor_email == recruiter.email for e in viewed)


def test_interviewers_and_strangers_cannot_download_a_resume(app, client, login_as, make_user):
    resume = _resume(make_user("recruiter"))
    assert client.get(f"/resumes/{resume.id}/file").status_code == 302  # to sign-in
    login_as("interviewer")
    assert client.get(f"/resumes/{resume.id}/file").status_code == 403


def test_a_missing_file_is_404_not_500(client, login_as):
    recruiter = login_as("recruiter")
    resume = _resume(recruiter)
    from hirekit.storage import file_store

    file_store().delete(resume.file_key)
    assert client.get(f"/resumes/{resume.id}/file").status_code == 404


def test_takehome_archive_download(client, login_as):
    recruiter = login_as("recruiter")
    data = zip_bytes(APP)
    submission = takehomes.submit(takehomes.Upload("t.zip", io.BytesIO(data)), actor=recruiter)
    db.session.commit()
    _assert_private_attachment(client.get(f"/reviews/{submission.id}/archive"), data)


def test_interviewers_cannot_download_archives(client, login_as, make_user):
    owner = make_user("recruiter")
    submission = takehomes.submit(
        takehomes.Upload("t.zip", io.BytesIO(zip_bytes(APP))), actor=owner
    )
    db.session.commit()
    login_as("interviewer")
    assert client.get(f"/reviews/{submission.id}/archive").status_code == 403
