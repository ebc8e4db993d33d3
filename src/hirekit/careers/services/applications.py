"""The careers page: which jobs are public, and turning an application into a candidate.

An application is validated as a whole (every bad field named) before anything
is stored. The applicant becomes a candidate (or joins the person with the same
email), lands in the job's first stage with source ``careers-page``, and their
resume is screened in the background.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select

from hirekit.audit import services as audit
from hirekit.candidates.dedupe import find_duplicates
from hirekit.candidates.models import Application, ApplicationAnswer, Candidate
from hirekit.candidates.services import applications
from hirekit.candidates.services.candidates import (
    CandidateFields,
    add_note,
    clean_fields,
    create_candidate,
)
from hirekit.careers.models import CareersApplication
from hirekit.careers.notify import send_application_confirmation
from hirekit.errors import HirekitError, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.choices import JobState
from hirekit.jobs.models import Job
from hirekit.jobs.services.questions import knocks_out, read_answer
from hirekit.resumes.files import ResumeFile
from hirekit.resumes.services.uploads import (
    Upload,
    accept_resume,
    file_sender,
    read_resume,
    same_file,
)

SOURCE = "careers-page"
MAX_COVER_NOTE = 5000


@dataclass
class ApplicationInput:
    """What a visitor sent; ``website`` is the honeypot and must stay empty."""

    name: str
    email: str
    resume: Upload | None
    links: list[str] = field(default_factory=list)
    cover_note: str = ""
    consent: bool = False
    website: str = ""
    #: Answers to the job's questions, by question id.
    answers: dict[int, str] = field(default_factory=dict)


def answer_field(question_id: int) -> str:
    """The form field (and error key) of a question's answer."""
    return f"question-{question_id}"


def retention_days() -> int:
    return int(current_app.config["RETENTION_DAYS"])


def public_jobs() -> list[Job]:
    """Open jobs that are not confidential, newest first."""
    query = select(Job).where(Job.state == JobState.OPEN.value, Job.confidential.is_(False))
    return list(db.session.scalars(query.order_by(Job.created_at.desc(), Job.id.desc())))


def get_public_job(job_id: int) -> Job:
    job = db.session.get(Job, job_id)
    if job is None or job.confidential or job.state != JobState.OPEN.value or not job.stages:
        raise NotFound("This job is not open for applications.")
    return job


def _read_answers(
    job: Job, data: ApplicationInput, problems: dict[str, str]
) -> list[ApplicationAnswer]:
    answers = []
    for question in job.active_questions:
        try:
            answer = read_answer(question, data.answers.get(question.id, ""))
        except ValueError as exc:
            problems[answer_field(question.id)] = str(exc)
            continue
        answers.append(
            ApplicationAnswer(
                question_id=question.id,
                position=question.position,
                question=question.label,
                answer=answer,
                knocked_out=knocks_out(question, answer),
            )
        )
    return answers


def validate(
    job: Job, data: ApplicationInput
) -> tuple[CandidateFields, ResumeFile, list[ApplicationAnswer]]:
    """Clean fields, answers and the resume, or ValidationFailed with one message per bad field."""
    problems: dict[str, str] = {}
    answers = _read_answers(job, data, problems)
    fields = CandidateFields(name=data.name, email=data.email, links=data.links, source=SOURCE)
    try:
        clean_fields(fields)
    except ValidationFailed as exc:
        problems.update(exc.details)
    if "name" in problems:
        problems["name"] = "Enter your name (up to 160 characters)."
    if "email" in problems or not fields.email:
        problems["email"] = "Enter a valid email address so that we can reach you."
    if "links" in problems:
        problems["links"] = "Up to 10 links, each starting with https:// or http://."
    if len(data.cover_note) > MAX_COVER_NOTE:
        problems["cover_note"] = f"Keep the cover note under {MAX_COVER_NOTE:,} characters."
    if not data.consent:
        problems["consent"] = "We can only process your application with your consent."
    resume: ResumeFile | None = None
    if data.resume is None:
        problems["resume"] = "Attach your resume."
    else:
        try:
            resume = read_resume(data.resume)
        except HirekitError as exc:
            problems["resume"] = exc.message
    if problems or resume is None:
        raise ValidationFailed("Please correct the marked fields.", details=problems)
    return fields, resume, answers


def submit_application(job_id: int, data: ApplicationInput) -> CareersApplication | None:
    """Apply to a public job. Returns None, storing nothing, when the honeypot was filled."""
    job = get_public_job(job_id)
    fields, resume_file, answers = validate(job, data)
    if data.website.strip():
        return None  # a bot: answer as for anyone, keep nothing
    digest = hashlib.sha256(resume_file.data).hexdigest()
    candidate = _person(fields, job, digest)
    application, again = _application(candidate, job)
    if not application.answers:  # a second application to the same job keeps the first answers
        application.answers = answers
    if data.cover_note.strip():
        add_note(
            candidate,
            "Cover note (careers page): " + data.cover_note.strip(),
            actor=None,
            application=application,
        )
    # The same file again is the same resume: no second copy, no second screening;
    # a new file is a new version of their resume.
    resume = same_file(candidate.id, digest) or accept_resume(
        candidate, resume_file, actor=None, job_id=job.id, source="careers"
    )
    if again:
        earlier = db.session.scalars(
            select(CareersApplication).where(CareersApplication.application_id == application.id)
        ).first()
        if earlier is not None:
            earlier.resume_id = resume.id
            audit.record(
                "careers.reapplied",
                actor=None,
                subject_type="application",
                subject_id=application.id,
                details={"job_id": job.id, "candidate_id": candidate.id, "resume_id": resume.id},
            )
            db.session.flush()
            return earlier  # one confirmation per application, sent the first time
    record = CareersApplication(
        application_id=application.id,
        candidate_id=candidate.id,
        job_id=job.id,
        resume_id=resume.id,
        retention_days=retention_days(),
    )
    db.session.add(record)
    db.session.flush()
    audit.record(
        "careers.applied",
        actor=None,
        subject_type="application",
        subject_id=application.id,
        details={
            "job_id": job.id,
            "candidate_id": candidate.id,
            "consent": True,
            "knocked_out": bool(application.knockouts),
        },
    )
    if not again:
        send_application_confirmation(application, retention_days())
    return record


def _person(fields: CandidateFields, job: Job, digest: str) -> Candidate:
    """The same person: same e-mail (or phone, or name and link), else whoever sent this
    very file to this job."""
    found = find_duplicates(fields.name, fields.email, fields.phone, fields.links)
    if found:
        return found[0]
    sender = file_sender(job.id, digest)
    if sender is not None:
        return sender
    return create_candidate(fields, actor=None, allow_duplicate=True)


def _application(candidate: Candidate, job: Job) -> tuple[Application, bool]:
    """Their application to ``job`` and whether they had applied before; applying twice
    keeps the first (a new resume is added to it)."""
    existing = db.session.scalars(
        select(Application).where(
            Application.candidate_id == candidate.id, Application.job_id == job.id
        )
    ).first()
    if existing is not None:
        return existing, True
    return applications.apply(candidate, job, actor=None), False
