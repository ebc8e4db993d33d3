"""Many resumes to a job: one candidate each, deduplicated, screened by one batch task."""

from __future__ import annotations

import io

from sqlalchemy import func, select

from hirekit.candidates.models import Application, Candidate
from hirekit.extensions import db
from hirekit.queue import BackgroundJob
from hirekit.queue.runner import drain
from hirekit.resumes.models import Resume, ResumeBatch, Screening
from tests.conftest import csrf_token, login
from tests.resumes.samples import docx_resume, open_job, text_resume, zip_of


def _post(client, job_id, files):
    token = csrf_token(client, f"/jobs/{job_id}/resumes")
    data = {"csrf_token": token, "files": [(io.BytesIO(b), name) for name, b in files]}
    return client.post(f"/jobs/{job_id}/resumes", data=data, content_type="multipart/form-data")


def make_user_in_app(role):
    from hirekit.accounts import services

    user = services.create_user(f"{role}-bulk@example.com", role, "correct-horse-42")
    db.session.commit()
    return user


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_bulk_upload_creates_one_candidate_per_person_in_the_first_stage(client, login_as):
    me = login_as("recruiter")
    job = open_job(me)
    files = [
        ("ana.txt", text_resume("Ana Lovelace", "ana@example.com", "+44 20 7946 0958")),
        ("bo.docx", docx_resume("Bo Tan", "bo@example.com")),
        # the same person again, with the address in other case: joins Ana, no new candidate
        ("ana-2.txt", text_resume("Ana Lovelace", "ANA@example.com")),
    ]
    response = _post(client, job.id, files)
    assert response.status_code == 302
    batch = db.session.scalars(select(ResumeBatch)).one()
    assert response.headers["Location"].endswith(f"/tasks/{batch.background_job_id}")
    assert drain() == 1
    task = db.session.get(BackgroundJob, batch.background_job_id)
    assert task.status == "done" and task.progress == 100
    assert task.result["screened"] == 3 and task.result["failed"] == 0
    people = db.session.scalars(select(Candidate).order_by(Candidate.name)).all()
    assert [p.name for p in people] == ["Ana Lovelace", "Bo Tan"]
    applications = db.session.scalars(select(Application)).all()
    assert len(applications) == 2
    assert {a.stage_id for a in applications} == {job.stages[0].id}
    current = db.session.scalars(select(Screening).where(Screening.current)).all()
    assert sorted(s.candidate_id for s in current) == sorted(p.id for p in people)
    assert all(s.score and s.score > 0 and s.use_case == "rest-api" for s in current)


def test_dedupe_by_name_and_phone_when_there_is_no_email(client, login_as):
    job = open_job(login_as("recruiter"))
    files = [
        ("a.txt", text_resume("Cy Okafor", phone="+44 20 7946 0001")),
        # A second version of the file (the same bytes would be stored once).
        ("b.txt", text_resume("Cy Okafor", phone="+44 20 7946 0001") + b"Hobbies\nChess\n"),
    ]
    assert _post(client, job.id, files).status_code == 302
    drain()
    assert _count(Candidate) == 1
    assert _count(Resume) == 2


def test_a_zip_of_resumes_is_unpacked_into_candidates(client, login_as):
    job = open_job(login_as("recruiter"))
    archive = zip_of(
        {
            "cvs/ana.txt": text_resume("Ana Lovelace", "ana@example.com"),
            "cvs/bo.docx": docx_resume("Bo Tan", "bo@example.com"),
            "cvs/cy.txt": text_resume("Cy Okafor", "cy@example.com", strong=False),
        }
    )
    assert _post(client, job.id, [("cvs.zip", archive)]).status_code == 302
    drain()
    assert sorted(db.session.scalars(select(Candidate.email))) == [
        "ana@example.com",
        "bo@example.com",
        "cy@example.com",
    ]


def test_bad_files_are_reported_one_by_one_and_the_others_kept(app_factory):
    app = app_factory(RESUME_MAX_MB=0.1)
    with app.app_context():
        _bad_files_are_reported(app.test_client())


def _bad_files_are_reported(client):
    user = make_user_in_app("recruiter")
    login(client, user.email)
    job = open_job(user)
    broken_docx = docx_resume("Dee Broken", "dee@example.com")[:400]
    files = [
        ("ana.txt", text_resume("Ana Lovelace", "ana@example.com")),
        ("huge.txt", b"Flask developer\n" * 7_000),  # past 0.1 MB
        ("photo.bin", bytes(range(256)) * 8),
        ("broken.docx", broken_docx),
    ]
    assert _post(client, job.id, files).status_code == 302
    batch = db.session.scalars(select(ResumeBatch)).one()
    assert {r["file"]: r["code"] for r in batch.rejected} == {
        "huge.txt": "too-large",
        "photo.bin": "unsupported-type",
    }
    drain()
    resumes = {r.filename: r for r in db.session.scalars(select(Resume))}
    assert resumes["ana.txt"].status == "screened"
    assert resumes["broken.docx"].status == "failed"
    assert resumes["broken.docx"].error_code == "unreadable"
    assert resumes["broken.docx"].candidate_id is None
    assert _count(Candidate) == 1
    page = client.get(f"/resumes/batches/{batch.id}").get_data(as_text=True)
    for name in ("huge.txt", "photo.bin", "broken.docx"):
        assert name in page
    assert "larger than the 0.1 MB limit" in page
    assert "damaged or not what its format claims" in page


def test_when_every_file_is_refused_nothing_is_stored(client, login_as):
    job = open_job(login_as("recruiter"))
    response = _post(client, job.id, [("photo.bin", bytes(range(256)) * 8)])
    assert response.status_code == 422
    assert "photo.bin" in response.get_data(as_text=True)
    assert _count(ResumeBatch) == 0 and _count(Resume) == 0


def test_confidential_jobs_are_not_found_for_outsiders(client, login_as, make_user):
    owner = make_user("recruiter")
    job = open_job(owner, confidential=True)
    login_as("recruiter")
    assert client.get(f"/jobs/{job.id}/resumes").status_code == 404
    assert client.get(f"/jobs/{job.id}/ranked").status_code == 404


def test_a_resume_without_a_name_is_listed_for_review_not_by_file_name(client, login_as):
    job = open_job(login_as("recruiter"))
    unnamed = b"Career Objective\nTo build web services.\nSkills\nPython, Flask\n"
    files = [("1122.txt", unnamed), ("ACADEMIC DETAILS.txt", unnamed.replace(b"web", b"API"))]
    assert _post(client, job.id, files).status_code == 302
    drain()
    people = db.session.scalars(select(Candidate)).all()
    # Two people without a name or contact stay two candidates, both marked for review.
    assert [p.name for p in people] == ["Name not found — review"] * 2
    page = client.get(f"/candidates/{people[0].id}")
    assert "Name not found — review" in page.get_data(as_text=True)


def test_notes_and_non_resumes_in_a_zip_are_skipped_with_the_reason(client, login_as):
    job = open_job(login_as("recruiter"))
    archive = zip_of(
        {
            "ana.txt": text_resume("Ana Lovelace", "ana@example.com"),
            "notes.md": b"# Notes\nCall Ana back on Tuesday about the offer.\n",
            "todo.txt": b"Remember to water the plants and buy milk on the way home.\n",
        }
    )
    assert _post(client, job.id, [("batch.zip", archive)]).status_code == 302
    drain()
    people = db.session.scalars(select(Candidate)).all()
    assert [p.name for p in people] == ["Ana Lovelace"]
    batch = db.session.scalars(select(ResumeBatch)).one()
    page = client.get(f"/resumes/batches/{batch.id}").get_data(as_text=True)
    assert "notes or documentation, not a resume" in page
    assert "Not a resume: no resume sections" in page
    assert page.count(">skipped<") == 2


def test_the_same_file_twice_for_a_job_is_one_candidate_and_one_copy(client, login_as):
    job = open_job(login_as("recruiter"))
    data = text_resume("Bo Example", "bo@example.com")
    assert _post(client, job.id, [("bo.txt", data), ("bo-copy.txt", data)]).status_code == 302
    assert _post(client, job.id, [("bo-again.txt", data)]).status_code in (302, 422)
    drain()
    assert _count_rows(Candidate) == 1 and _count_rows(Resume) == 1
    assert _count_rows(Application) == 1


def _count_rows(model):
    return db.session.scalar(select(func.count()).select_from(model))
