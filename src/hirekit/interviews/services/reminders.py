"""Scorecards overdue by 24 hours: listed on the dashboard and sent as reminders."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.orm import contains_eager, joinedload

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.db import utcnow
from hirekit.errors import HirekitError
from hirekit.extensions import db
from hirekit.interviews.choices import OVERDUE_HOURS, InterviewStatus, ScorecardStatus
from hirekit.interviews.mail import send_to_colleague
from hirekit.interviews.models import Interview, Scorecard
from hirekit.interviews.services.scheduling import application_id_of
from hirekit.jobs.models import Job
from hirekit.jobs.services.jobs import visible_jobs


@dataclass(frozen=True)
class Reminder:
    """One reminder handed to the outbox (``message_id``), or why it could not be."""

    scorecard_id: int
    interviewer_email: str
    candidate_name: str
    interview_title: str
    message_id: int | None = None
    error: str = ""


def _overdue_query(now: datetime) -> Select[Any]:
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
        .order_by(Interview.starts_at, Scorecard.id)
    )


def _is_overdue(card: Scorecard, now: datetime) -> bool:
    return card.interview.ends_at + timedelta(hours=OVERDUE_HOURS) <= now


def overdue_scorecards(user: User, now: datetime | None = None) -> list[Scorecard]:
    """Hiring managers and admins: every overdue scorecard of the jobs they can see;
    everyone else: their own."""
    when = now or utcnow()
    query = _overdue_query(when)
    if user.can(Permission.DEBRIEFS_RUN):
        visible = visible_jobs(user).with_only_columns(Job.id)
        query = query.where((Scorecard.interviewer_id == user.id) | Interview.job_id.in_(visible))
    else:
        query = query.where(Scorecard.interviewer_id == user.id)
    # The list shows each card's interview, candidate, job and interviewer: loaded with it.
    query = query.options(
        contains_eager(Scorecard.interview).joinedload(Interview.candidate),
        contains_eager(Scorecard.interview).joinedload(Interview.job),
        joinedload(Scorecard.interviewer),
    )
    return [c for c in db.session.scalars(query) if _is_overdue(c, when)]


def _claim(card: Scorecard, when: datetime) -> bool:
    """Mark the card reminded unless another run already did (so concurrent runs send once)."""
    result = db.session.execute(
        update(Scorecard)
        .where(Scorecard.id == card.id, Scorecard.reminded_at.is_(None))
        .values(reminded_at=when)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(card, ["reminded_at"])
    return bool(getattr(result, "rowcount", 0) == 1)


def _remind(card: Scorecard) -> int:
    interview = card.interview
    message = send_to_colleague(
        card.interviewer.email,
        f"Scorecard overdue: {interview.candidate.name} ({interview.title})",
        f"Your scorecard for {interview.candidate.name}, {interview.job.title}, "
        f"interviewed on {interview.starts_at:%d %B %Y %H:%M} UTC, is not submitted yet.\n"
        "Please fill it in while the interview is fresh.",
        candidate_id=interview.candidate_id,
        application_id=application_id_of(interview),
    )
    return int(message.id)


def remind_overdue(now: datetime | None = None) -> list[Reminder]:
    """Remind each interviewer once per overdue scorecard, through the outbox.

    A reminder that cannot be queued (say, an invalid address) is reported with
    its error and left unmarked, so a later run tries again; the others go out.
    """
    when = now or utcnow()
    done: list[Reminder] = []
    due = list(db.session.scalars(_overdue_query(when).where(Scorecard.reminded_at.is_(None))))
    for card in due:
        if not _is_overdue(card, when):
            continue
        interview = card.interview
        row = Reminder(card.id, card.interviewer.email, interview.candidate.name, interview.title)
        try:
            with db.session.begin_nested():
                if not _claim(card, when):
                    continue
                row = replace(row, message_id=_remind(card))
        except HirekitError as exc:
            row = replace(row, error=exc.message)
        done.append(row)
    db.session.flush()
    return done


def send_reminders(now: datetime | None = None) -> int:
    """:func:`remind_overdue`, counting the reminders queued."""
    return sum(1 for r in remind_overdue(now) if r.message_id is not None)
