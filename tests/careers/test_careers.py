"""The public careers page: listing, job page, applying, validation, honeypot, rate limit."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from hirekit.candidates.models import Application, Candidate, Note
from hirekit.candidates.services.candidates import CandidateFields, create_candidate
from hirekit.careers.models import CareersApplication
from hirekit.extensions import db
from hirekit.jobs.services.jobs import JobFields, create_job
from hirekit.mail.models import OutboxMessage
from hirekit.queue.runner import drain
from hirekit.resumes.models import Resume, Screening
from hirekit.storage import file_store
from tests.conftest import csrf_token, login
from tests.resumes.samples import docx_resume, open_job, text_resume


@pytest.fixture
def job(make_user):
    return open_job(
        make_user("recruiter"),
        title="Flask API developer",
        location="Lisbon",
        description="## What you will do\n\nBuild **Flask** APIs.\n\n<script>alert(1)</script>",
    )


def _form(client, job_id, **overrides):
    token = csrf_token(client, f"/careers/{job_id}")
    data = {
        "csrf_token": token,
        "name": "Ana Lovelace",
        "email": "ana@example.com",
        "links": "https://github.com/ana\nhttps://ana.dev",
        "cover_note": "I love building APIs.",
        "consent": "y",
        "website": "",
        "resume": (io.BytesIO(text_resume("Ana Lovelace", "ana@example.com")), "ana.txt"),
    }
    # Parametrised uploads are given as bytes: one stream per request, never reused.
    data.update(
        {
            key: (io.BytesIO(value[0]), value[1])
            if isinstance(value, tuple) and isinstance(value[0], bytes)
            else value
            for key, value in overrides.items()
        }
    )
    return {k: v for k, v in data.items() if v is not None}


def _apply(client, job_id, **overrides):
    return client.post(
        f"/careers/{job_id}",
        data=_form(client, job_id, **overrides),
        content_type="multipart/form-data",
    )


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_only_open_public_jobs_are_listed(client, job, make_user):
    owner = make_user("admin")
    secret = open_job(owner, title="Secret platform rewrite", confidential=True)
    create_job(JobFields(title="Draft role", use_case="rest-api", level="mid"), actor=owner)
    db.session.commit()
    page = client.get("/careers/").get_data(as_text=True)
    assert "Flask API developer" in page
    assert "Secret platform rewrite" not in page and "Draft role" not in page
    assert client.get(f"/careers/{secret.id}").status_code == 404


def test_job_page_renders_markdown_safely_with_the_form(client, job):
    page = client.get(f"/careers/{job.id}").get_data(as_text=True)
    assert "<strong>Flask</strong>" in page and "<script>alert(1)</script>" not in page
    assert "Lisbon" in page and "Building REST APIs" in page
    assert "rest-api" not in page  # the team's own terms stay internal
    assert "We delete it once 180 days pass with no activity on it" in page
    assert 'class="hp-field"' in page and 'name="website"' in page
    assert "style=" not in page


def test_an_application_lands_in_applied_and_is_screened(client, job):
    response = _apply(client, job.id)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/careers/{job.id}/thanks")
    thanks = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "your application was received" in thanks
    person = db.session.scalars(select(Candidate)).one()
    assert (person.name, person.email, person.source) == (
        "Ana Lovelace",
        "ana@example.com",
        "careers-page",
    )
    assert person.links == ["https://github.com/ana", "https://ana.dev"]
    application = db.session.scalars(select(Application)).one()
    assert application.stage_id == job.stages[0].id
    consent = db.session.scalars(select(CareersApplication)).one()
    assert consent.retention_days == 180 and consent.application_id == application.id
    assert "I love building APIs." in db.session.scalars(select(Note)).one().body
    mail = db.session.scalars(select(OutboxMessage)).one()
    assert mail.to_addr == "ana@example.com" and "Flask API developer" in mail.subject
    drain()
    screening = db.session.scalars(select(Screening)).one()
    assert screening.candidate_id == person.id and screening.score > 0


def test_applying_again_joins_the_same_person(client, job, make_user):
    create_candidate(
        CandidateFields(name="Ana L.", email="ana@example.com"), actor=make_user("recruiter")
    )
    db.session.commit()
    assert _apply(client, job.id).status_code == 302
    resume = (io.BytesIO(docx_resume("Ana Lovelace", "ana@example.com")), "ana.docx")
    assert _apply(client, job.id, resume=resume).status_code == 302
    assert _count(Candidate) == 1 and _count(Application) == 1 and _count(Resume) == 2


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": " "}, "name", "Enter your name"),
        ({"email": "not-an-address"}, "email", "Enter a valid email address"),
        ({"email": ""}, "email", "Enter a valid email address"),
        ({"consent": None}, "consent", "only process your application with your consent"),
        ({"resume": None}, "resume", "Attach your resume."),
        ({"links": "javascript:alert(1)"}, "links", "each starting with https://"),
        ({"cover_note": "x" * 5001}, "cover_note", "under 5,000 characters"),
        (
            {"resume": (bytes(range(256)) * 4, "cv.png")},
            "resume",
            "This file type is not supported",
        ),
    ],
)
def test_each_invalid_field_is_explained_and_nothing_stored(client, job, overrides, field, message):
    response = _apply(client, job.id, **overrides)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'id="{field}-error"' in page
    assert message in page
    assert "Please correct the marked fields." in page
    for model in (Candidate, Application, Resume, CareersApplication, OutboxMessage):
        assert _count(model) == 0, model


def test_the_honeypot_looks_accepted_but_keeps_nothing(client, job):
    response = _apply(client, job.id, website="https://spam.example")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/careers/{job.id}/thanks")
    for model in (Candidate, Application, Resume, CareersApplication, OutboxMessage):
        assert _count(model) == 0, model


def test_applications_are_rate_limited_per_address(app_factory, make_user):
    app = app_factory(CAREERS_RATE_LIMIT="2 per hour")
    with app.app_context():
        client = app.test_client()
        job = open_job(make_user("recruiter"))
        responses = [
            _apply(client, job.id, name=" ", cover_note="A long note I wrote with care.")
            for _ in range(3)
        ]
        assert [r.status_code for r in responses] == [200, 200, 429]
        refused = responses[-1].get_data(as_text=True)
        # The form comes back with what was typed and says why, instead of a bare error page.
        assert "Too many applications" in refused and "A long note I wrote with care." in refused
        assert 'value="ana@example.com"' in refused
        assert client.get(f"/careers/{job.id}").status_code == 200  # reading is not limited


def test_the_careers_page_needs_no_sign_in(client, job):
    assert client.get("/careers/").status_code == 200
    assert client.get(f"/careers/{job.id}").status_code == 200


def test_a_public_application_joins_a_person_by_email_but_changes_nothing_of_theirs(
    app, client, job, make_user
):
    """Anyone may apply with anyone's email: that adds, never overwrites (see README)."""
    from hirekit.resumes.services.uploads import Upload as ResumeUpload
    from hirekit.resumes.services.uploads import upload_for_candidate

    recruiter = make_user("recruiter")
    person = create_candidate(
        CandidateFields(
            name="Ana Lovelace",
            email="ana@example.com",
            phone="+351 912 345 678",
            links=["https://github.com/ana-real"],
            tags=["referral"],
            source="referral",
        ),
        actor=recruiter,
    )
    original = text_resume("Ana Lovelace", "ana@example.com")
    upload_for_candidate(
        person.id, ResumeUpload("ana-real.txt", io.BytesIO(original)), actor=recruiter
    )
    db.session.commit()
    before = (person.name, person.email, person.phone, person.links, person.source)
    [old_resume] = db.session.scalars(select(Resume)).all()
    old_resume_facts = (old_resume.id, old_resume.filename, old_resume.sha256, old_resume.file_key)

    forged = (io.BytesIO(text_resume("Mallory Impostor", "ana@example.com")), "forged.txt")
    answer = _apply(
        client,
        job.id,
        name="Mallory Impostor",
        links="https://evil.example/ana",
        cover_note="Please update my phone to +1 555 0100",
        resume=forged,
    )
    assert answer.status_code == 302
    db.session.expire_all()

    assert _count(Candidate) == 1
    person = db.session.get(Candidate, person.id)
    assert (person.name, person.email, person.phone, person.links, person.source) == before
    assert [t.tag for t in person.tags] == ["referral"]
    kept = db.session.get(Resume, old_resume_facts[0])
    assert (kept.id, kept.filename, kept.sha256, kept.file_key) == old_resume_facts
    assert file_store().path(kept.file_key).read_bytes() == original

    # What it adds: an application to the job and a resume, both shown to the recruiter.
    [application] = person.applications
    assert application.job_id == job.id
    new_resume = db.session.scalars(select(Resume).where(Resume.id != kept.id)).one()
    assert new_resume.source == "careers" and new_resume.filename == "forged.txt"
    staff = app.test_client()
    login(staff, recruiter.email)
    page = staff.get(f"/candidates/{person.id}").get_data(as_text=True)
    assert job.title in page and "forged.txt" in page
    assert "Ana Lovelace" in page


def test_seven_reapplications_make_one_person_one_file_one_email(client, job):
    for _ in range(7):
        assert _apply(client, job.id).status_code == 302
    assert _count(Candidate) == 1 and _count(Application) == 1
    assert _count(Resume) == 1  # the same bytes are stored once
    assert _count(OutboxMessage) == 1  # one confirmation
    assert _count(CareersApplication) == 1


def test_reapplication_under_another_address_with_the_same_file_is_the_same_person(client, job):
    assert _apply(client, job.id).status_code == 302
    assert _apply(client, job.id, email="ana.other@example.com").status_code == 302
    assert _count(Candidate) == 1 and _count(Resume) == 1 and _count(OutboxMessage) == 1


def test_reapplication_with_a_new_file_adds_a_resume_version(client, job):
    assert _apply(client, job.id).status_code == 302
    newer = (io.BytesIO(docx_resume("Ana Lovelace", "ana@example.com")), "ana-2026.docx")
    assert _apply(client, job.id, resume=newer).status_code == 302
    assert _count(Candidate) == 1 and _count(Application) == 1 and _count(Resume) == 2
    assert _count(OutboxMessage) == 1
    record = db.session.scalars(select(CareersApplication)).one()
    assert db.session.get(Resume, record.resume_id).filename.endswith(".docx")
