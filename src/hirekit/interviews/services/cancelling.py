"""Cancelling an interview: its schedulers withdraw it and the panel is told."""

from __future__ import annotations

from dataclasses import replace

from flask import current_app

from hirekit import events
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.db import utcnow
from hirekit.errors import Conflict, Forbidden, NotFound
from hirekit.extensions import db
from hirekit.interviews.choices import InterviewStatus
from hirekit.interviews.ics import build_ics
from hirekit.interviews.mail import send_anonymous_cancellation, send_to_colleague
from hirekit.interviews.models import Interview
from hirekit.interviews.services.access import managed_job
from hirekit.interviews.services.scheduling import application_id_of, calendar_event, when_and_where

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


def withdraw_before_erasure(interview: Interview) -> bool:
    """Cancel an upcoming interview of a candidate about to be erased; True when it was.

    Each interviewer gets a calendar cancellation for the same UID, so the
    event leaves their calendar. The message names neither the person nor the
    job and is filed under no candidate: it must outlive the erasure, which
    deletes the candidate's own mail, and say nothing about who was erased.
    """
    if interview.status != InterviewStatus.SCHEDULED or interview.ends_at <= utcnow():
        return False
    interview.status = InterviewStatus.CANCELLED.value
    panel = interview.interviewers
    when, _place = when_and_where(interview)
    organizer = str(current_app.config["MAIL_FROM"])
    event = replace(
        calendar_event(interview, panel, organizer),
        summary=f"Cancelled: {interview.title}",
        description="This interview is cancelled.",
        attendees=[(u.display_name, u.email) for u in panel],
        method="CANCEL",
        sequence=1,
    )
    ics = build_ics(event)
    for user in panel:
        send_anonymous_cancellation(
            user.email,
            f"Cancelled: {interview.title} on {when}",
            f"The interview ({interview.title}) on {when} is cancelled: the candidate's "
            "data was deleted at their request or under the retention rule."
            "\n\nYour scorecard for it is no longer needed.",
            ics=ics,
        )
    return True
