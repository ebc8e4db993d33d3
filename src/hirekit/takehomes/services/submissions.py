"""Take-home submissions: accept an archive, queue its review, read the result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.models import Candidate
from hirekit.candidates.services.candidates import get_candidate
from hirekit.engines.codereview import ArchiveRefused
from hirekit.errors import NotFound, TooLarge, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.models import Job
from hirekit.jobs.services import jobs
from hirekit.queue import BackgroundJob, JobStatus, enqueue
from hirekit.storage import FileTooLarge, file_store
from hirekit.takehomes.archives import archive_kind, check_archive, refusal_message
from hirekit.takehomes.limits import review_limits
from hirekit.takehomes.models import Submission, SubmissionStatus
from hirekit.takehomes.run_tasks import has_hidden_tests, queue_test_run
from hirekit.takehomes.tasks import review_submission

MB = 1024 * 1024


@dataclass(frozen=True)
class Upload:
    """An uploaded file as the service sees it: no request objects past the view."""

    filename: str
    stream: BinaryIO


def max_archive_mb() -> float:
    return float(current_app.config["REVIEW_MAX_ARCHIVE_MB"])


def max_archive_bytes() -> int:
    return int(max_archive_mb() * MB)


def submit(
    upload: Upload,
    *,
    actor: User | None,
    candidate_id: int | None = None,
    job_id: int | None = None,
    source: str = "recruiter",
    assignment_version_id: int | None = None,
    invitation_id: int | None = None,
    check_safety: bool = False,
) -> Submission:
    """Store the archive and queue its review; nothing is stored when it is refused.

    ``check_safety`` applies the review's unpacking rules before answering, so a
    candidate learns at once that an archive is refused (a zip bomb, a path leaving
    the archive, too many files) instead of the reviewer learning it later.
    """
    if archive_kind(upload.stream) is None:
        raise ValidationFailed(
            "That file is not a .zip, .tar or .tar.gz archive.",
            details={"archive": "expected a .zip, .tar or .tar.gz archive"},
        )
    candidate = _candidate(candidate_id, actor) if candidate_id is not None else None
    if job_id is not None and actor is not None:
        jobs.get_job(job_id, actor)  # raises NotFound for a job the actor may not see
    limit = max_archive_bytes()
    try:
        stored = file_store().save(upload.stream, "takehomes", upload.filename, limit)
    except FileTooLarge:
        raise TooLarge(
            f"The archive is larger than {max_archive_mb():g} MB.",
            details={"limit_mb": max_archive_mb()},
        ) from None
    if check_safety:
        _refuse_unsafe(stored.key)
    submission = Submission(
        candidate_id=candidate.id if candidate else None,
        job_id=job_id,
        uploaded_by_id=actor.id if actor else None,
        source=source,
        file_key=stored.key,
        filename=stored.name,
        size=stored.size,
        sha256=stored.sha256,
        assignment_version_id=assignment_version_id,
        invitation_id=invitation_id,
    )
    db.session.add(submission)
    db.session.flush()
    job = enqueue(
        review_submission,
        submission.id,
        label="Take-home review",
        created_by_id=actor.id if actor else None,
        hiring_job_id=job_id,
        candidate_id=submission.candidate_id,
    )
    submission.background_job_id = job.id
    if has_hidden_tests(submission):
        # A job of its own: the static review never waits for (or on) the sandbox.
        queue_test_run(submission, actor)
    audit.record(
        "takehome.submitted",
        actor=actor,
        subject_type="submission",
        subject_id=submission.id,
        details={"candidate_id": candidate_id, "size": stored.size},
    )
    return submission


def _refuse_unsafe(key: str) -> None:
    """Delete the stored archive and raise when the safety rules refuse it."""
    try:
        check_archive(file_store().path(key), review_limits(current_app.config))
    except ArchiveRefused as exc:
        file_store().delete(key)
        raise ValidationFailed(
            refusal_message(exc.reason), details={"archive": exc.reason}
        ) from None


def _candidate(candidate_id: int, actor: User | None) -> Candidate:
    """The candidate the upload is for: as the actor may see them (the candidate rules),
    or, for an upload through a candidate's own link (no actor), by id."""
    if actor is not None:
        return get_candidate(candidate_id, actor)
    candidate = db.session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound(f"No candidate with id {candidate_id}")
    return candidate


def get_submission(submission_id: int, actor: User) -> Submission:
    submission = db.session.get(Submission, submission_id)
    if submission is None:
        raise NotFound(f"No take-home review with id {submission_id}")
    if submission.job_id is not None:
        jobs.get_job(submission.job_id, actor)  # confidential jobs stay with their team
    _settle_failed(submission)
    return submission


def _settle_failed(submission: Submission) -> None:
    """A review whose job used up its retries is failed, not forever queued."""
    if submission.status != SubmissionStatus.QUEUED or submission.background_job_id is None:
        return
    job = db.session.get(BackgroundJob, submission.background_job_id)
    if job is not None and job.status == JobStatus.FAILED:
        submission.status = SubmissionStatus.FAILED.value


def recent_submissions(actor: User, limit: int = 50) -> list[Submission]:
    visible = jobs.visible_jobs(actor).with_only_columns(Job.id)
    query = (
        select(Submission)
        .where((Submission.job_id.is_(None)) | (Submission.job_id.in_(visible)))
        .order_by(Submission.id.desc())
        .limit(limit)
        .options(joinedload(Submission.candidate))
    )
    return list(db.session.scalars(query))


def submissions_for_candidate(candidate_id: int) -> list[Submission]:
    query = select(Submission).where(Submission.candidate_id == candidate_id)
    return list(db.session.scalars(query.order_by(Submission.id.desc())))


def archive_for_download(submission_id: int, actor: User) -> Submission:
    """The stored archive of a submission the actor may see; audited as a view."""
    submission = get_submission(submission_id, actor)
    audit.record_view(actor, "submission", submission.id, "take-home archive")
    return submission
