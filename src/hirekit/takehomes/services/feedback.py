"""Take-home feedback for a candidate: drafted from the review, edited, sent only on approval.

A draft is text in hirekit and nothing more; only :func:`approve`, a person's
explicit act, hands it to the outbox. Once sent it cannot be changed or sent
again. Every step is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.models import Application
from hirekit.db import utcnow
from hirekit.errors import Conflict, ValidationFailed
from hirekit.extensions import db
from hirekit.mail.services.outbox import send_template
from hirekit.takehomes.feedback_text import draft_feedback
from hirekit.takehomes.models import (
    FeedbackStatus,
    Submission,
    SubmissionStatus,
    TakehomeFeedback,
)

TEMPLATE = "takehome_feedback"
MAX_BODY = 5000


@dataclass(frozen=True)
class FeedbackState:
    """What the feedback page shows for one application."""

    application: Application
    submission: Submission | None  # the latest reviewed take-home, if any
    feedback: TakehomeFeedback | None


def reviewed_submission(application: Application) -> Submission | None:
    """The candidate's latest reviewed take-home for this job (or for no job in particular)."""
    query = (
        select(Submission)
        .where(
            Submission.candidate_id == application.candidate_id,
            or_(Submission.job_id == application.job_id, Submission.job_id.is_(None)),
            Submission.status == SubmissionStatus.REVIEWED.value,
            Submission.report.is_not(None),
        )
        .order_by(Submission.id.desc())
    )
    return db.session.scalars(query).first()


def feedback_of(application: Application) -> TakehomeFeedback | None:
    query = select(TakehomeFeedback).where(TakehomeFeedback.application_id == application.id)
    return db.session.scalars(query).first()


def state_of(application: Application) -> FeedbackState:
    return FeedbackState(application, reviewed_submission(application), feedback_of(application))


def _audit(action: str, feedback: TakehomeFeedback, actor: User, **details: object) -> None:
    audit.record(
        action,
        actor=actor,
        subject_type="application",
        subject_id=feedback.application_id,
        details={"feedback_id": feedback.id, "submission_id": feedback.submission_id, **details},
    )


def _unsent(feedback: TakehomeFeedback) -> None:
    if feedback.status == FeedbackStatus.SENT:
        raise Conflict("This feedback was already approved and sent; it cannot change.")


def draft(application: Application, *, actor: User) -> TakehomeFeedback:
    """Write (or rewrite) the draft from the latest reviewed take-home. Sends nothing."""
    submission = reviewed_submission(application)
    if submission is None or submission.report is None:
        raise ValidationFailed(
            "There is no reviewed take-home for this application to draft feedback from.",
            details={"submission": "none reviewed"},
        )
    text = draft_feedback(submission.report).text()
    feedback = feedback_of(application)
    if feedback is None:
        feedback = TakehomeFeedback(application_id=application.id)
        db.session.add(feedback)
    _unsent(feedback)
    feedback.submission_id, feedback.body = submission.id, text
    feedback.drafted_by_id = actor.id
    db.session.flush()
    _audit("takehome_feedback.drafted", feedback, actor)
    return feedback


def _checked_body(body: str) -> str:
    text = body.replace("\r\n", "\n").strip()
    if not text:
        raise ValidationFailed("Write the feedback before saving it.", details={"body": "required"})
    if len(text) > MAX_BODY:
        raise ValidationFailed(
            f"The feedback is longer than {MAX_BODY} characters.",
            details={"body": f"at most {MAX_BODY} characters"},
        )
    return text


def _existing(application: Application) -> TakehomeFeedback:
    feedback = feedback_of(application)
    if feedback is None:
        raise ValidationFailed("Draft the feedback first.", details={"feedback": "no draft yet"})
    return feedback


def save(application: Application, body: str, *, actor: User) -> TakehomeFeedback:
    """Keep the person's edit of the draft. Sends nothing."""
    feedback = _existing(application)
    _unsent(feedback)
    feedback.body = _checked_body(body)
    db.session.flush()
    _audit("takehome_feedback.edited", feedback, actor)
    return feedback


def approve(application: Application, body: str, *, actor: User) -> TakehomeFeedback:
    """The person approves ``body`` as final: it is saved and queued to the candidate at once."""
    feedback = _existing(application)
    _unsent(feedback)
    feedback.body = _checked_body(body)
    candidate = application.candidate
    if not candidate.email.strip():
        raise ValidationFailed(
            f"{candidate.name} has no email address to send the feedback to.",
            details={"email": "missing"},
        )
    message = send_template(
        TEMPLATE,
        candidate.email,
        {
            "candidate_name": candidate.name,
            "job_title": application.job.title,
            "sender_name": actor.display_name,
            "feedback": feedback.body,
        },
        candidate_id=candidate.id,
        application_id=application.id,
        actor=actor,
        purpose="feedback",
    )
    feedback.status = FeedbackStatus.SENT.value
    feedback.approved_by_id, feedback.approved_at = actor.id, utcnow()
    feedback.outbox_message_id = message.id
    db.session.flush()
    _audit("takehome_feedback.approved", feedback, actor, message_id=message.id)
    return feedback
