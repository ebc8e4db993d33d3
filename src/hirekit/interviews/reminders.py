"""Scorecards overdue by 24 hours: listed on the dashboard and sent as reminders."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.interviews.choices import OVERDUE_HOURS, InterviewStatus, ScorecardStatus
from hirekit.interviews.mail import send_plain
from hirekit.interviews.models import Interview, Scorecard
from hirekit.jobs.models import Job
from hirekit.jobs.services import visible_jobs


def _overdue_query(now: datetime):  # type: ignore[no-untyped-def]
    # The end time is start + duration; comparing the start against a bound
    # widened by the longest interview keeps it in SQL, the rest is filtered below.
    return (
        select(Scorecard)
        .join(Interview)
        .where(
            Scorecard.status == ScorecardStatus.DRAFT.value,
            Interview.status == InterviewStatus.SCHEDULED.value,
            Interview.starts_at <= now - timedelta(hours=OVERDUE_HOURS),
        )
        .order_by(Interview.starts_at)
    )


def _is_overdue(card: Scorecard, now: datetime) -> bool:
    return card.interview.ends_at + timedelta(hours=OVERDUE_HOURS) <= now


def overdue_scorecards(user: User, now: datetime | None = None) -> list[Scorecard]:
    """The user's own overdue scorecards, plus those of jobs they schedule for."""
    when = now or utcnow()
    query = _overdue_query(when)
    if user.can(Permission.INTERVIEWS_SCHEDULE):
        visible = visible_jobs(user).with_only_columns(Job.id)
        query = query.where((Scorecard.interviewer_id == user.id) | Interview.job_id.in_(visible))
    else:
        query = query.where(Scorecard.interviewer_id == user.id)
    return [c for c in db.session.scalars(query) if _is_overdue(c, when)]


def send_reminders(now: datetime | None = None) -> int:
    """Remind each interviewer once per overdue scorecard; the count sent."""
    when = now or utcnow()
    sent = 0
    for card in db.session.scalars(_overdue_query(when).where(Scorecard.reminded_at.is_(None))):
        if not _is_overdue(card, when):
            continue
        interview = card.interview
        send_plain(
            card.interviewer.email,
            f"Scorecard overdue: {interview.candidate.name} ({interview.title})",
            f"Your scorecard for {interview.candidate.name}, {interview.job.title}, "
            f"interviewed on {interview.starts_at:%d %B %Y %H:%M} UTC, is not submitted yet.\n"
            "Please fill it in while the interview is fresh.",
        )
        card.reminded_at = when
        sent += 1
    db.session.flush()
    return sent
