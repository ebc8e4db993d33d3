"""REST: bulk upload to a job (202 + task), one resume to a candidate, the screening JSON."""

from __future__ import annotations

import io

from sqlalchemy import select

from hirekit.candidates.models import Candidate
from hirekit.candidates.services.candidates import CandidateFields, create_candidate
from hirekit.extensions import db
from hirekit.queue.runner import drain
from hirekit.resumes.models import Resume
from tests.resumes.samples import docx_resume, open_job, text_resume, zip_of

SCHEMA_KEYS = {
    "schema_version", "file", "error", "candidate", "mentions_flask", "years_experience",
    "skills", "green_flags", "yellow_flags", "use_case", "score", "fit", "explanation",
}  # fmt: skip


def test_bulk_upload_answers_202_with_the_task_then_screening_json(client, api_token):
    user, headers = api_token("recruiter")
    job = open_job(user)
    archive = zip_of({"bo.docx": docx_resume("Bo Tan", "bo@example.com")})
    data = {
        "files": [
            (io.BytesIO(text_resume("Ana Lovelace", "ana@example.com")), "ana.txt"),
            (io.BytesIO(archive), "more.zip"),
            (io.BytesIO(bytes(range(256)) * 4), "x.bin"),
        ]
    }
    response = client.post(
        f"/api/v1/jobs/{job.id}/resumes",
        data=data,
        headers=headers,
        content_type="multipart/form-data",
    )
    assert response.status_code == 202, response.get_json()
    body = response.get_json()
    assert body["files"] == 2
    assert body["rejected"] == [
        {
            "file": "x.bin",
            "code": "unsupported-type",
            "message": "This file type is not supported; use PDF, DOCX, ODT, RTF, TXT or JSON.",
        }
    ]
    task = client.get(body["task_url"], headers=headers).get_json()
    assert task["status"] == "queued"
    drain()
    task = client.get(body["task_url"], headers=headers).get_json()
    assert task["status"] == "done" and task["progress"] == 100
    ana = db.session.scalars(select(Candidate).where(Candidate.name == "Ana Lovelace")).one()
    screening = client.get(f"/api/v1/candidates/{ana.id}/screening", headers=headers)
    assert screening.status_code == 200
    result = screening.get_json()
    assert set(result) >= SCHEMA_KEYS
    assert result["schema_version"] == 1 and result["use_case"] == "rest-api"
    assert result["candidate"]["email"] == "ana@example.com"
    assert result["candidate"]["name_status"] == "found"
    assert result["score"] > 0 and result["fit"] in ("strong", "possible")
    quote = result["green_flags"][0]["evidence"][0]
    assert set(quote) == {"quote", "start", "end"}


def test_one_resume_for_a_candidate(client, api_token):
    user, headers = api_token("recruiter")
    person = create_candidate(CandidateFields(name="Bo Tan"), actor=user)
    db.session.commit()
    missing = client.get(f"/api/v1/candidates/{person.id}/screening", headers=headers)
    assert missing.status_code == 404
    response = client.post(
        f"/api/v1/candidates/{person.id}/resumes",
        data={"resume": (io.BytesIO(docx_resume("Bo Tan", "bo@example.com")), "bo.docx")},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert response.status_code == 202
    body = response.get_json()
    assert body["candidate_id"] == person.id and body["status"] == "queued"
    assert body["content_type"].endswith("wordprocessingml.document")
    assert body["task_url"] == f"/api/v1/tasks/{body['task_id']}"
    drain()
    result = client.get(body["screening_url"], headers=headers).get_json()
    assert result["file"] == "bo.docx" and result["error"] is None
    assert result["override"] is None


def test_an_unsupported_file_is_refused_and_nothing_stored(client, api_token):
    user, headers = api_token("recruiter")
    person = create_candidate(CandidateFields(name="Bo Tan"), actor=user)
    db.session.commit()
    response = client.post(
        f"/api/v1/candidates/{person.id}/resumes",
        data={"resume": (io.BytesIO(bytes(range(256)) * 4), "x.bin")},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["details"]["code"] == "unsupported-type"
    assert db.session.scalars(select(Resume)).first() is None


def test_an_unreadable_resume_gives_an_error_screening(client, api_token):
    user, headers = api_token("recruiter")
    person = create_candidate(CandidateFields(name="Bo Tan"), actor=user)
    db.session.commit()
    broken = docx_resume("Bo Tan")[:300]
    client.post(
        f"/api/v1/candidates/{person.id}/resumes",
        data={"resume": (io.BytesIO(broken), "bo.docx")},
        headers=headers,
        content_type="multipart/form-data",
    )
    drain()
    result = client.get(f"/api/v1/candidates/{person.id}/screening", headers=headers).get_json()
    assert result["error"]["code"] == "unreadable"
    assert result["green_flags"] == [] and result["score"] == 0


def test_bulk_upload_to_a_hidden_confidential_job_is_not_found(client, api_token, make_user):
    job = open_job(make_user("recruiter"), confidential=True)
    _, headers = api_token("recruiter")
    response = client.post(
        f"/api/v1/jobs/{job.id}/resumes",
        data={"files": [(io.BytesIO(text_resume("Ana Lovelace")), "a.txt")]},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert response.status_code == 404
