"""Reviewers' assessments of submissions, and blind grading.

Grading is blind by default: a reviewer sees "Candidate #<number>" instead of the
candidate's name and email on submissions and take-home reports until they have
submitted their own assessment of that submission, so who the candidate is cannot
sway the rating. Recruiters and admins (who send the invitations, so know who is
behind each link) are not blinded.

The number is an HMAC of the candidate and job under the app's secret key: the same
candidate shows the same number on every submission for a job (their uploads can be
compared) while the number reveals nothing and cannot be walked.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from flask import current_app
from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.errors import Conflict, ValidationFailed
from hirekit.extensions import db
from hirekit.takehomes.models import Submission, SubmissionAssessment
from hirekit.takehomes.services import submissions as takehomes
from hirekit.takehomes.services import test_runs

RATINGS = {1: "Strong no", 2: "No", 3: "Yes", 4: "Strong yes"}
MAX_NOTES = 10_000
_SALT = b"hirekit.blind-candidate.v1"


def candidate_number(submission: Submission) -> int:
    """The opaque number shown instead of the candidate (100000 to 999999)."""
    key = str(current_app.config["SECRET_KEY"]).encode() + _SALT
    message = f"{submission.job_id or 0}:{submission.candidate_id or 0}".encode()
    digest = hmac.new(key, message, hashlib.sha256).digest()
    return 100_000 + int.from_bytes(digest[:8], "big") % 900_000


def candidate_label(submission: Submission) -> str:
    return f"Candidate #{candidate_number(submission)}"


def assessment_by(submission: Submission, reviewer: User) -> SubmissionAssessment | None:
    return db.session.scalar(
        select(SubmissionAssessment).where(
            SubmissionAssessment.submission_id == submission.id,
            SubmissionAssessment.reviewer_id == reviewer.id,
        )
    )


def is_blind(submission: Submission, viewer: User) -> bool:
    """Whether ``viewer`` must not yet see who made ``submission``."""
    if submission.candidate_id is None or viewer.can(Permission.TAKEHOMES_INVITE):
        return False
    return assessment_by(submission, viewer) is None


def blind_submission_ids(submissions: list[Submission], viewer: User) -> set[int]:
    """Of ``submissions``, those ``viewer`` sees blinded (one query for the list)."""
    if viewer.can(Permission.TAKEHOMES_INVITE):
        return set()
    ids = [s.id for s in submissions if s.candidate_id is not None]
    assessed = set(
        db.session.scalars(
            select(SubmissionAssessment.submission_id).where(
                SubmissionAssessment.reviewer_id == viewer.id,
                SubmissionAssessment.submission_id.in_(ids),
            )
        )
    )
    return {i for i in ids if i not in assessed}


def assess(submission_id: int, rating: int, notes: str, *, actor: User) -> SubmissionAssessment:
    """Record ``actor``'s one assessment of the submission; it lifts their blind."""
    submission = takehomes.get_submission(submission_id, actor)
    problems: dict[str, str] = {}
    if rating not in RATINGS:
        problems["rating"] = "1 (strong no) to 4 (strong yes)"
    notes = notes.strip()
    if len(notes) > MAX_NOTES:
        problems["notes"] = f"at most {MAX_NOTES:,} characters"
    if problems:
        raise ValidationFailed("The assessment is incomplete; see details.", details=problems)
    if assessment_by(submission, actor) is not None:
        raise Conflict("You have already submitted your assessment of this submission.")
    assessment = SubmissionAssessment(
        submission_id=submission.id, reviewer_id=actor.id, rating=rating, notes=notes
    )
    db.session.add(assessment)
    db.session.flush()
    audit.record(
        "takehome.assessed",
        actor=actor,
        subject_type="submission",
        subject_id=submission.id,
        details={"rating": rating},
    )
    return assessment


def assessments_of(submission: Submission) -> list[SubmissionAssessment]:
    query = select(SubmissionAssessment).where(SubmissionAssessment.submission_id == submission.id)
    return list(db.session.scalars(query.order_by(SubmissionAssessment.id)))


def submission_summary(submission: Submission, viewer: User, *, blind: bool) -> dict[str, Any]:
    """A submission as a reviewer may see it: the candidate hidden while ``blind``."""
    candidate = submission.candidate
    return {
        "id": submission.id,
        "assignment_version_id": submission.assignment_version_id,
        "assignment_version": submission.assignment_version,
        "invitation_id": submission.invitation_id,
        "candidate_label": candidate_label(submission),
        "blind": blind,
        "candidate_id": None if blind else submission.candidate_id,
        "candidate_name": None if blind or candidate is None else candidate.name,
        "filename": submission.filename,
        "size": submission.size,
        "sha256": submission.sha256,
        "status": submission.status,
        "score": submission.score,
        "level": submission.level,
        # The sandboxed run beside the review; null until a run was queued.
        "results": test_runs.combined_dict(submission) if test_runs.run_of(submission) else None,
        "report_url": f"/api/v1/reviews/{submission.id}",
        "created_at": submission.created_at,
    }
