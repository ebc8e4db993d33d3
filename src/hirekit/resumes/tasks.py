"""Background screening: one resume, or every resume of a bulk upload."""

from __future__ import annotations

from typing import Any

from flask import url_for

from hirekit.accounts.models import User
from hirekit.extensions import db
from hirekit.queue import JobHandle, task
from hirekit.resumes.models import Resume, ResumeBatch, ResumeStatus
from hirekit.resumes.services.screenings import screen_resume_now


@task
def screen_resume(job: JobHandle, resume_id: int) -> dict[str, Any]:
    """Screen one stored resume; an unreadable file is an outcome, not a failure to retry."""
    resume = db.session.get(Resume, resume_id)
    if resume is None:
        return {"missing": resume_id}
    job.progress(10)
    uploader = db.session.get(User, resume.uploaded_by_id) if resume.uploaded_by_id else None
    screen_resume_now(resume, uploader)
    return {
        "url": f"/candidates/{resume.candidate_id}" if resume.candidate_id else None,
        "status": resume.status,
        "error": resume.error_code or None,
    }


@task
def screen_batch(job: JobHandle, batch_id: int) -> dict[str, Any]:
    """Screen a bulk upload file by file; progress is the share of files done.

    Each file's work is committed on its own, so the progress bar (read by
    another connection) moves and a retry resumes after the files already done.
    """
    batch = db.session.get(ResumeBatch, batch_id)
    if batch is None:
        return {"missing": batch_id}
    uploader = db.session.get(User, batch.created_by_id) if batch.created_by_id else None
    resumes = list(batch.resumes)
    for done, resume in enumerate(resumes, start=1):
        if resume.status == ResumeStatus.QUEUED:
            screen_resume_now(resume, uploader)
            db.session.commit()
        job.progress(done * 100 // len(resumes))
    return {
        "url": _batch_url(batch_id),
        "screened": sum(r.status == ResumeStatus.SCREENED for r in resumes),
        "failed": sum(r.status == ResumeStatus.FAILED for r in resumes)
        + sum(r.get("code") not in SKIP_CODES for r in batch.rejected),
        "skipped": sum(r.status == ResumeStatus.SKIPPED for r in resumes)
        + sum(r.get("code") in SKIP_CODES for r in batch.rejected),
    }


#: Files left out of a bulk upload on purpose (not a resume, the same file again),
#: as opposed to files that could not be read.
SKIP_CODES = frozenset({"not-a-resume", "duplicate-file"})


def _batch_url(batch_id: int) -> str:
    try:
        return url_for("resumes.batch", batch_id=batch_id)
    except RuntimeError:  # no request: a worker process builds the path itself
        return f"/resumes/batches/{batch_id}"
