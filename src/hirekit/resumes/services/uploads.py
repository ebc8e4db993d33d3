"""Resumes: accept one for a candidate or many for a job, queue their screening, read results.

Services flush and raise domain errors; the caller commits. Files are judged
by their bytes; a file past the size limit or of an unknown type is refused
on its own, the rest of a bulk upload goes on.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import BinaryIO

from flask import current_app
from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.models import Candidate
from hirekit.candidates.services.candidates import get_candidate
from hirekit.errors import NotFound, TooLarge, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.services.jobs import get_job
from hirekit.queue import enqueue
from hirekit.resumes.files import Refusal, ResumeFile, expand, judge, read_limited, too_large
from hirekit.resumes.limits import screening_limits, zip_limits
from hirekit.resumes.models import Resume, ResumeBatch, Screening
from hirekit.resumes.tasks import screen_batch, screen_resume
from hirekit.storage import file_store

#: Most files one bulk upload may carry (after unpacking .zip archives).
MAX_BATCH_FILES = 500


@dataclass(frozen=True)
class Upload:
    """An uploaded file as the service sees it: no request objects past the view."""

    filename: str
    stream: BinaryIO


def max_resume_bytes() -> int:
    return screening_limits(current_app.config).max_bytes


def max_resume_mb() -> str:
    return f"{round(max_resume_bytes() / (1024 * 1024), 2):g}"


def read_resume(upload: Upload) -> ResumeFile:
    """The upload as a resume file, or TooLarge / ValidationFailed naming the field ``resume``."""
    limit = max_resume_bytes()
    data = read_limited(upload.stream, limit)
    judged = too_large(upload.filename, limit) if data is None else judge(upload.filename, data)
    if isinstance(judged, Refusal):
        error = TooLarge if judged.code == "too-large" else ValidationFailed
        raise error(judged.message, details={"resume": judged.message, "code": judged.code})
    return judged


def store_resume(
    file: ResumeFile,
    *,
    candidate: Candidate | None,
    actor: User | None,
    job_id: int | None = None,
    batch_id: int | None = None,
    source: str = "recruiter",
) -> Resume:
    stored = file_store().save(io.BytesIO(file.data), "resumes", file.filename, len(file.data))
    resume = Resume(
        candidate_id=candidate.id if candidate else None,
        job_id=job_id,
        batch_id=batch_id,
        uploaded_by_id=actor.id if actor else None,
        source=source,
        file_key=stored.key,
        filename=stored.name,
        size=stored.size,
        sha256=stored.sha256,
        content_type=file.content_type,
    )
    db.session.add(resume)
    db.session.flush()
    return resume


def accept_resume(
    candidate: Candidate,
    file: ResumeFile,
    *,
    actor: User | None,
    job_id: int | None = None,
    source: str = "recruiter",
) -> Resume:
    """Store ``file`` as ``candidate``'s resume and queue its screening."""
    resume = store_resume(file, candidate=candidate, actor=actor, job_id=job_id, source=source)
    job = enqueue(
        screen_resume,
        resume.id,
        label="Resume screening",
        created_by_id=actor.id if actor else None,
        hiring_job_id=job_id,
        candidate_id=candidate.id,
    )
    resume.background_job_id = job.id
    audit.record(
        "resume.uploaded",
        actor=actor,
        subject_type="candidate",
        subject_id=candidate.id,
        details={"resume_id": resume.id, "task_id": job.id},
    )
    return resume


def same_file(candidate_id: int, sha256: str) -> Resume | None:
    """The candidate's stored resume with these exact bytes, if any."""
    query = select(Resume).where(Resume.candidate_id == candidate_id, Resume.sha256 == sha256)
    return db.session.scalars(query.order_by(Resume.id)).first()


def file_sender(job_id: int, sha256: str) -> Candidate | None:
    """Who already sent these exact bytes to ``job_id`` (a re-application under another
    address is still the same person)."""
    query = select(Resume).where(
        Resume.job_id == job_id, Resume.sha256 == sha256, Resume.candidate_id.is_not(None)
    )
    resume = db.session.scalars(query.order_by(Resume.id)).first()
    return resume.candidate if resume is not None else None


def same_resume_people(candidate: Candidate) -> list[Candidate]:
    """Other candidates with a near-identical name who hold one of this candidate's
    resume files byte for byte: likely the same person, offered for a merge preview."""
    hashes = select(Resume.sha256).where(Resume.candidate_id == candidate.id)
    # Ids first: a candidate row holds JSON, which PostgreSQL cannot compare for DISTINCT.
    ids = (
        select(Resume.candidate_id)
        .where(Resume.sha256.in_(hashes), Resume.candidate_id != candidate.id)
        .distinct()
    )
    others = db.session.scalars(
        select(Candidate).where(Candidate.id.in_(ids)).order_by(Candidate.id)
    )
    return [other for other in others if _near_same_name(candidate.name, other.name)]


def _name_words(name: str) -> set[str]:
    return {
        w for w in "".join(c if c.isalnum() else " " for c in name.lower()).split() if len(w) > 1
    }


def _near_same_name(a: str, b: str) -> bool:
    """ "Ana Lovelace" and "ANA  LOVELACE" or "Ana M. Lovelace": one's words hold the other's."""
    first, second = _name_words(a), _name_words(b)
    return bool(first and second) and (first <= second or second <= first)


def upload_for_candidate(candidate_id: int, upload: Upload, *, actor: User) -> Resume:
    """One resume for a candidate the actor can see; screened in the background."""
    candidate = get_candidate(candidate_id, actor)
    return accept_resume(candidate, read_resume(upload), actor=actor)


def bulk_upload(job_id: int, uploads: list[Upload], *, actor: User) -> ResumeBatch:
    """Many resumes (files or .zip archives) for a job: one candidate each, one batch task.

    Refused files are kept in ``batch.rejected`` with their reason; only when
    every file is refused does the call fail (ValidationFailed, details per file).
    """
    job = get_job(job_id, actor)
    if not job.stages:
        raise ValidationFailed(f"Job {job.id} has no pipeline stages")
    kept, refused = _sort_files(uploads)
    if not kept:
        message = "None of the files can be screened." if refused else "Choose resumes to upload."
        raise ValidationFailed(message, details={"files": [r.to_dict() for r in refused]})
    batch = ResumeBatch(
        job_id=job.id, created_by_id=actor.id, rejected=[r.to_dict() for r in refused]
    )
    db.session.add(batch)
    db.session.flush()
    seen = _hashes_for_job(job.id)
    for file in kept:
        digest = hashlib.sha256(file.data).hexdigest()
        if digest in seen:  # the same file again: one copy, one candidate
            batch.rejected = [*batch.rejected, _already(file.filename)]
            continue
        seen.add(digest)
        store_resume(file, candidate=None, actor=actor, job_id=job.id, batch_id=batch.id)
    task = enqueue(
        screen_batch,
        batch.id,
        label=f"Screening {len(kept)} resumes",
        created_by_id=actor.id,
        hiring_job_id=job.id,
    )
    batch.background_job_id = task.id
    audit.record(
        "resume.bulk_uploaded",
        actor=actor,
        subject_type="job",
        subject_id=job.id,
        details={"batch_id": batch.id, "files": len(kept), "refused": len(refused)},
    )
    return batch


def _hashes_for_job(job_id: int) -> set[str]:
    return set(db.session.scalars(select(Resume.sha256).where(Resume.job_id == job_id)))


def _already(filename: str) -> dict[str, str]:
    return Refusal(
        filename, "duplicate-file", "Skipped: this file was already uploaded for this job."
    ).to_dict()


# Notes and documentation that ride along in an archive of resumes; a plain-text
# resume is still read (``.txt``), and judged by its text once read.
_NOT_RESUME_SUFFIXES = (".md", ".markdown", ".rst", ".csv", ".log", ".ini", ".yml", ".yaml")


def _not_resume_by_name(filename: str) -> Refusal | None:
    if filename.lower().endswith(_NOT_RESUME_SUFFIXES):
        return Refusal(filename, "not-a-resume", "Skipped: notes or documentation, not a resume.")
    return None


def _sort_files(uploads: list[Upload]) -> tuple[list[ResumeFile], list[Refusal]]:
    limit = max_resume_bytes()
    archive_limit = max(limit, int(current_app.config["MAX_CONTENT_LENGTH"]))
    kept: list[ResumeFile] = []
    refused: list[Refusal] = []
    for upload in uploads:
        data = read_limited(upload.stream, archive_limit)
        if data is None:
            refused.append(too_large(upload.filename, limit))
            continue
        for item in expand(upload.filename, data, limit, zip_limits(current_app.config)):
            if isinstance(item, ResumeFile) and len(item.data) > limit:
                item = too_large(item.filename, limit)
            elif isinstance(item, ResumeFile):
                item = _not_resume_by_name(item.filename) or item
            (kept if isinstance(item, ResumeFile) else refused).append(item)  # type: ignore[arg-type]
    if len(kept) > MAX_BATCH_FILES:
        raise ValidationFailed(
            f"At most {MAX_BATCH_FILES} resumes at once.", details={"files": len(kept)}
        )
    return kept, refused


def get_batch(batch_id: int, actor: User) -> ResumeBatch:
    batch = db.session.get(ResumeBatch, batch_id)
    if batch is None:
        raise NotFound(f"No resume upload with id {batch_id}")
    get_job(batch.job_id, actor)  # confidential jobs stay with their team
    return batch


def latest_screening(candidate_id: int, actor: User, use_case: str | None = None) -> Screening:
    """The candidate's newest screening (for ``use_case`` if given); NotFound when none."""
    candidate = get_candidate(candidate_id, actor)
    query = select(Screening).where(Screening.candidate_id == candidate.id, Screening.current)
    if use_case:
        query = query.where(Screening.use_case == use_case)
    found = db.session.scalars(query.order_by(Screening.screened_at.desc(), Screening.id.desc()))
    screening = found.first()
    if screening is None:
        raise NotFound(f"Candidate {candidate_id} has no screened resume yet")
    return screening


def resumes_of(candidate: Candidate) -> list[Resume]:
    query = select(Resume).where(Resume.candidate_id == candidate.id)
    return list(db.session.scalars(query.order_by(Resume.id.desc())))


def resume_for_download(resume_id: int, actor: User) -> Resume:
    """A stored resume the actor may read (its candidate visible to them); audited as a view."""
    resume = db.session.get(Resume, resume_id)
    if resume is None or resume.candidate_id is None:
        raise NotFound(f"No resume with id {resume_id}")
    get_candidate(resume.candidate_id, actor)  # 403/404 by the candidate rules
    audit.record_view(actor, "candidate", resume.candidate_id, f"resume file {resume.id}")
    return resume
