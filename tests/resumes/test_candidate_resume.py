"""The candidate page: upload one resume, see the latest screening."""

from __future__ import annotations

import io
import re

from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.services.candidates import CandidateFields, create_candidate
from hirekit.extensions import db
from hirekit.queue.runner import drain
from hirekit.resumes.models import Resume
from tests.conftest import csrf_token
from tests.resumes.samples import text_resume


def test_upload_on_the_candidate_page_then_the_screening_summary(client, login_as):
    me = login_as("recruiter")
    person = create_candidate(CandidateFields(name="Ana Lovelace"), actor=me)
    db.session.commit()
    page = client.get(f"/candidates/{person.id}").get_data(as_text=True)
    assert "No screened resume yet." in page
    token = csrf_token(client, f"/candidates/{person.id}")
    response = client.post(
        f"/candidates/{person.id}/resumes",
        data={"csrf_token": token, "resume": (io.BytesIO(text_resume("Ana Lovelace")), "a.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    resume = db.session.scalars(select(Resume)).one()
    assert (resume.candidate_id, resume.uploaded_by_id, resume.status) == (
        person.id,
        me.id,
        "queued",
    )
    audit = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "resume.uploaded"))
    assert audit.one().details["resume_id"] == resume.id
    drain()
    page = client.get(f"/candidates/{person.id}").get_data(as_text=True)
    assert "/100 for rest-api" in page
    assert 'class="chip green">Testing<' in page


def test_a_file_of_the_wrong_type_is_explained(client, login_as):
    me = login_as("recruiter")
    person = create_candidate(CandidateFields(name="Ana Lovelace"), actor=me)
    db.session.commit()
    token = csrf_token(client, f"/candidates/{person.id}")
    response = client.post(
        f"/candidates/{person.id}/resumes",
        data={"csrf_token": token, "resume": (io.BytesIO(bytes(range(256)) * 4), "a.png")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "This file type is not supported" in response.get_data(as_text=True)
    assert db.session.scalars(select(Resume)).first() is None


def test_the_candidate_page_explains_the_score(client, login_as):
    me = login_as("recruiter")
    person = create_candidate(CandidateFields(name="Ana Lovelace"), actor=me)
    db.session.commit()
    token = csrf_token(client, f"/candidates/{person.id}")
    client.post(
        f"/candidates/{person.id}/resumes",
        data={"csrf_token": token, "resume": (io.BytesIO(text_resume("Ana Lovelace")), "a.txt")},
        content_type="multipart/form-data",
    )
    drain()
    page = client.get(f"/candidates/{person.id}").get_data(as_text=True)
    score = int(re.search(r'<strong class="score">(\d+)</strong>', page).group(1))
    base = int(re.search(r"band starts at (\d+) points", page).group(1))
    points = [int(p) for p in re.findall(r"<li>[^<]*?: ([+-]\d+)</li>", page)]
    assert points and base + sum(points) == score
    assert f"<li>Score {score} = " in page
