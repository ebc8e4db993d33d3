"""Scheduling interviews: the panel, the time and place, and the invitations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from hirekit import events
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.accounts.timezones import is_valid_zone, to_utc
from hirekit.audit import services as audit
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application, Candidate
from hirekit.candidates.services.candidates import get_candidate
from hirekit.db import utcnow
from hirekit.errors import ValidationFailed
from hirekit.extensions import db
from hirekit.interviews.choices import InterviewStatus
from hirekit.interviews.ics import CalendarEvent, build_ics
from hirekit.interviews.mail import send_invitation, send_to_colleague
from hirekit.interviews.models import Interview, Scorecard
from hirekit.interviews.services import kits
from hirekit.interviews.services.access import managed_job
from hirekit.jobs.models import Job
from hirekit.jobs.services.jobs import visible_jobs

MAX_PANEL = 6


@dataclass
class ScheduleFields:
    candidate_id: int
    starts_at: datetime
    interviewer_ids: list[int] = field(default_factory=list)
    part_id: int | None = None
    duration_minutes: int = 60
    location: str = ""
    video_link: str = ""
    #: The IANA zone a naive ``starts_at`` is wall-clock time in (the scheduler's own, on pages).
    time_zone: str = ""


def _check(fields: ScheduleFields) -> dict[str, str]:
    problems: dict[str, str] = {}
    if fields.starts_at.tzinfo is None and fields.time_zone:
        fields.starts_at = to_utc(fields.starts_at, fields.time_zone)
    if fields.starts_at.tzinfo is None:
        problems["starts_at"] = "a date and time with a time zone"
    elif fields.starts_at <= utcnow():
        problems["starts_at"] = "a time in the future (this one has passed)"
    if not 15 <= fields.duration_minutes <= 480:
        problems["duration_minutes"] = "15 to 480 minutes"
    ids = list(dict.fromkeys(fields.interviewer_ids))
    if not 1 <= len(ids) <= MAX_PANEL:
        problems["interviewer_ids"] = f"1 to {MAX_PANEL} interviewers"
    fields.interviewer_ids = ids
    fields.location = fields.location.strip()[:200]
    fields.video_link = fields.video_link.strip()
    if fields.video_link and (
        not fields.video_link.startswith("https://") or len(fields.video_link) > 300
    ):
        problems["video_link"] = "an https:// address"
    return problems


def _panel(ids: list[int]) -> list[User]:
    users = list(db.session.scalars(select(User).where(User.id.in_(ids), User.active)))
    if len(users) != len(ids):
        missing = sorted(set(ids) - {u.id for u in users})
        raise ValidationFailed(
            "Unknown or inactive interviewers",
            details={"interviewer_ids": f"no active users with ids {missing}"},
        )
    return sorted(users, key=lambda u: ids.index(u.id))


def _has_active_application(candidate_id: int, job_id: int) -> bool:
    found = db.session.scalar(
        select(Application.id).where(
            Application.candidate_id == candidate_id,
            Application.job_id == job_id,
            Application.status == ApplicationStatus.ACTIVE.value,
        )
    )
    return found is not None


def schedule(job_id: int, fields: ScheduleFields, *, actor: User) -> Interview:
    """Create the interview and one draft scorecard per interviewer; invite everyone."""
    job = managed_job(job_id, actor, Permission.INTERVIEWS_SCHEDULE)
    if fields.time_zone and not is_valid_zone(fields.time_zone):
        raise ValidationFailed(
            "Unknown time zone", details={"time_zone": "an IANA name such as Europe/Lisbon"}
        )
    problems = _check(fields)
    if problems:
        raise ValidationFailed("Some interview fields are invalid; see details.", details=problems)
    candidate = get_candidate(fields.candidate_id, actor)
    if not _has_active_application(candidate.id, job.id):
        raise ValidationFailed(
            "Only candidates still in this job's process can be interviewed.",
            details={"candidate_id": "no active application to this job"},
        )
    kit = kits.get_kit(job.id, actor)
    part = next((p for p in kit.parts if p.id == fields.part_id), None)
    if fields.part_id is not None and part is None:
        raise ValidationFailed("Unknown kit part", details={"part_id": "not in this job's kit"})
    panel = _panel(fields.interviewer_ids)
    interview = Interview(
        job_id=job.id,
        candidate_id=candidate.id,
        part_id=part.id if part else None,
        title=part.name if part else "Interview",
        starts_at=fields.starts_at.astimezone(UTC),
        duration_minutes=fields.duration_minutes,
        location=fields.location,
        video_link=fields.video_link,
        created_by_id=actor.id,
    )
    interview.scorecards = [Scorecard(interviewer_id=u.id) for u in panel]
    db.session.add(interview)
    db.session.flush()
    audit.record(
        "interview.scheduled",
        actor=actor,
        subject_type="interview",
        subject_id=interview.id,
        details={
            "candidate_id": candidate.id,
            "job_id": job.id,
            "starts_at": interview.starts_at.isoformat(),
            "interviewers": [u.id for u in panel],
        },
    )
    _invite(interview, panel, actor)
    events.interview_scheduled.send(events.InterviewScheduled(interview))
    return interview


def calendar_event(interview: Interview, panel: list[User], organizer: str) -> CalendarEvent:
    place = interview.location or interview.video_link
    return CalendarEvent(
        uid=f"{interview.uid}@hirekit",
        starts_at=interview.starts_at,
        ends_at=interview.ends_at,
        summary=f"{interview.title}: {interview.candidate.name} for {interview.job.title}",
        description=f"Interview for {interview.job.title}."
        + (f"\nVideo: {interview.video_link}" if interview.video_link else ""),
        location=place,
        url=interview.video_link,
        organizer=organizer,
        attendees=[(u.display_name, u.email) for u in panel]
        + (
            [(interview.candidate.name, interview.candidate.email)]
            if interview.candidate.email
            else []
        ),
        stamp=utcnow(),
    )


def application_id_of(interview: Interview) -> int | None:
    """The candidate's application to the interview's job, which its mail is filed under."""
    return db.session.scalar(
        select(Application.id).where(
            Application.candidate_id == interview.candidate_id,
            Application.job_id == interview.job_id,
        )
    )


def when_and_where(interview: Interview) -> tuple[str, str]:
    when = interview.starts_at.strftime("%A %d %B %Y, %H:%M UTC")
    return when, interview.location or interview.video_link or "to be confirmed"


def _invite(interview: Interview, panel: list[User], actor: User) -> None:
    """The candidate's invitation (template) and one per interviewer, each with the .ics."""
    ics = build_ics(calendar_event(interview, panel, actor.email))
    when, place = when_and_where(interview)
    application_id = application_id_of(interview)
    if interview.candidate.email:
        send_invitation(
            interview.candidate.email,
            {
                "candidate_name": interview.candidate.name,
                "job_title": interview.job.title,
                "interview_at": when,
                "interview_place": place,
                "sender_name": actor.display_name,
            },
            ics,
            candidate_id=interview.candidate_id,
            application_id=application_id,
            actor=actor,
        )
    for user in panel:
        send_to_colleague(
            user.email,
            f"Interview: {interview.candidate.name} ({interview.title})",
            f"You are on the panel for {interview.candidate.name}, {interview.job.title}.\n"
            f"When: {when}\nWhere: {place}\n\nYour scorecard is on your interviews page.",
            candidate_id=interview.candidate_id,
            application_id=application_id,
            ics=ics,
            actor=actor,
        )


def my_interviews_query(user: User) -> Select[tuple[Interview]]:
    """The interviews ``user`` sits on, soonest first, as a query to paginate."""
    return (
        select(Interview)
        .join(Scorecard, Scorecard.interview_id == Interview.id)
        .where(
            Scorecard.interviewer_id == user.id,
            Interview.status != InterviewStatus.CANCELLED.value,
        )
        .order_by(Interview.starts_at, Interview.id)
        # The list shows each interview's candidate and panel: one query each for the page.
        .options(
            joinedload(Interview.candidate),
            selectinload(Interview.scorecards).joinedload(Scorecard.interviewer),
        )
    )


def my_interviews(user: User) -> list[tuple[Interview, Scorecard]]:
    """The interviews ``user`` sits on, soonest first, each with their own scorecard."""
    rows = db.session.execute(
        select(Interview, Scorecard)
        .join(Scorecard, Scorecard.interview_id == Interview.id)
        .where(
            Scorecard.interviewer_id == user.id,
            Interview.status != InterviewStatus.CANCELLED.value,
        )
        .order_by(Interview.starts_at, Interview.id)
        .options(joinedload(Interview.candidate))
    ).all()
    return [(interview, card) for interview, card in rows]


def job_interviews(job_id: int, user: User) -> list[Interview]:
    job = managed_job(job_id, user, Permission.INTERVIEWS_SCHEDULE)
    query = select(Interview).where(Interview.job_id == job.id).order_by(Interview.starts_at)
    return list(db.session.scalars(query))


def scheduled_interviews(user: User, limit: int = 200) -> list[Interview]:
    """Interviews of every job ``user`` may schedule for, latest first."""
    if not user.can(Permission.INTERVIEWS_SCHEDULE):
        return []
    visible = visible_jobs(user).with_only_columns(Job.id)
    query = (
        select(Interview)
        .where(Interview.job_id.in_(visible))
        .order_by(Interview.starts_at.desc())
        .limit(limit)
        .options(joinedload(Interview.candidate), joinedload(Interview.job))
    )
    return list(db.session.scalars(query))


def job_for_scheduling(job_id: int, user: User) -> Job:
    return managed_job(job_id, user, Permission.INTERVIEWS_SCHEDULE)


def job_candidates(job_id: int, user: User) -> list[Candidate]:
    """The people still in the job's process, by name: who can be interviewed for it.

    Rejected, withdrawn and hired candidates are left out; ``schedule`` refuses them too.
    """
    job = managed_job(job_id, user, Permission.INTERVIEWS_SCHEDULE)
    query = (
        select(Candidate)
        .join(Application, Application.candidate_id == Candidate.id)
        .where(
            Application.job_id == job.id,
            Application.status == ApplicationStatus.ACTIVE.value,
        )
        .order_by(Candidate.name, Candidate.id)
    )
    return list(db.session.scalars(query))
