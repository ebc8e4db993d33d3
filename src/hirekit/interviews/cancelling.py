"""Cancelling an interview: its schedulers withdraw it and the panel is told."""

from __future__ import annotations

from dataclasses import replace

from hirekit import events
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.errors import Conflict, Forbidden, NotFound
from hirekit.extensions import db
from hirekit.interviews.access import managed_job
from hirekit.interviews.choices import InterviewStatus
from hirekit.interviews.ics import build_ics
from hirekit.interviews.mail import send_to_colleague
from hirekit.interviews.models import Interview
from hirekit.interviews.scheduling import application_id_of, calendar_event, when_and_where

MAX_REASON = 500


def cancel_interview(interview_id: int, *, actor: User, reason: str = "") -> Interview:
    """Mark the interview cancelled, audit it and send each interviewer a calendar cancellation.

    Only those who may schedule for the interview's job may cancel (403 otherwise,
    404 for a confidential job they cannot see); a cancelled interview is a Conflict.
    Its scorecards leave every list, reminder and debrief with it.
    """
    if not actor.can(Permission.INTERVIEWS_SCHEDULE):
        raise Forbidden("Only those who schedule interviews may cancel one.")
    interview = db.session.get(Interview, interview_id)
    if interview is None:
        raise NotFound(f"No interview with id {interview_id}")
    managed_job(interview.job_id, actor, Permission.INTERVIEWS_SCHEDULE)
    if interview.status == InterviewStatus.CANCELLED:
        raise Conflict("This interview is already cancelled.")
    interview.status = InterviewStatus.CANCELLED.value
    reason = reason.strip()[:MAX_REASON]
    panel = interview.interviewers
    db.session.flush()
    audit.record(
        "interview.cancelled",
        actor=actor,
        subject_type="interview",
        subject_id=interview.id,
        details={
            "candidate_id": interview.candidate_id,
            "job_id": interview.job_id,
            "starts_at": interview.starts_at.isoformat(),
            "interviewers": [u.id for u in panel],
            "reason": reason,
        },
    )
    _notify(interview, panel, actor, reason)
    events.interview_cancelled.send(events.InterviewCancelled(interview))
    return interview


def _notify(interview: Interview, panel: list[User], actor: User, reason: str) -> None:
    event = replace(calendar_event(interview, panel, actor.email), method="CANCEL", sequence=1)
    ics = build_ics(event)
    when, place = when_and_where(interview)
    application_id = application_id_of(interview)
    for user in panel:
        send_to_colleague(
            user.email,
            f"Cancelled: interview with {interview.candidate.name} ({interview.title})",
            f"The interview with {interview.candidate.name} for {interview.job.title} "
            f"on {when} ({place}) is cancelled by {actor.display_name}."
            + (f"\nReason: {reason}" if reason else "")
            + "\n\nYour scorecard for it is no longer needed.",
            candidate_id=interview.candidate_id,
            application_id=application_id,
            ics=ics,
            cancel=True,
            actor=actor,
        )
