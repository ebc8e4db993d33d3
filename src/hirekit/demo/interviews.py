"""Demo interviews: what each demo user finds waiting on their dashboard on first look.

On the REST API job: one candidate whose panel has submitted every scorecard (a
debrief waiting for the hiring manager; a third interview of theirs was cancelled
and must not count), one whose interview happened yesterday with a scorecard still
to write, and two interviews coming up. Everything goes through the interview
services, so the kit, the panel's seats, the invitations and the audit are real.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from hirekit.accounts.models import User
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application
from hirekit.candidates.services import applications
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.interviews.models import Interview, Kit, Scorecard
from hirekit.interviews.services import kits, scheduling, scorecards
from hirekit.interviews.services.cancelling import cancel_interview
from hirekit.jobs.models import Job, Stage

#: The interviews stage of the default pipeline, where interviewed candidates sit.
INTERVIEW_STAGE = "Interview"


@dataclass(frozen=True)
class Review:
    """One interviewer's submitted scorecard: a rating for every question, one recommendation."""

    rating: int
    recommendation: str
    key_points: str


REVIEWS = {
    "ivy": Review(
        3,
        "yes",
        "Structured the app around a factory and blueprints without prompting; "
        "explained why each extension is created unbound.",
    ),
    "omar": Review(
        4,
        "strong_yes",
        "Strong on error handling and pagination; asked sharp questions about our deploys.",
    ),
}


def demo_interviews_loaded(job: Job) -> bool:
    return bool(
        db.session.scalar(select(func.count(Interview.id)).where(Interview.job_id == job.id))
    )


def _candidates(job: Job, count: int) -> list[Application]:
    """Active applications of the job, furthest along first ([] when too few are left)."""
    rows = db.session.scalars(
        select(Application)
        .join(Stage, Stage.id == Application.stage_id)
        .where(Application.job_id == job.id, Application.status == ApplicationStatus.ACTIVE.value)
        .order_by(Stage.position.desc(), Application.id)
    ).all()
    return list(rows[:count]) if len(rows) >= count else []


def to_stage(application: Application, name: str, actor: User) -> None:
    """Move the application forward to the stage ``name`` (never back)."""
    stage = next(s for s in application.job.stages if s.name == name)
    if application.stage.position < stage.position:
        applications.move(application, stage, actor=actor)


def _schedule(
    kit: Kit, application: Application, part: int, panel: list[User], actor: User, at: datetime
) -> Interview:
    """Schedule through the service, then let time pass for an interview in the past.

    Scheduling refuses a time that has passed (as it should for people), so a
    past interview is booked ahead and then moved back, as the clock would.
    """
    fields = scheduling.ScheduleFields(
        candidate_id=application.candidate_id,
        starts_at=max(at, utcnow() + timedelta(hours=1)),
        interviewer_ids=[u.id for u in panel],
        part_id=kit.parts[part].id,
        video_link="https://meet.example.com/demo-" + str(application.candidate_id),
    )
    interview = scheduling.schedule(application.job_id, fields, actor=actor)
    if at < utcnow():
        interview.starts_at = at
        db.session.flush()
    return interview


def _submit(interview: Interview, user: User, review: Review) -> Scorecard:
    card = next(c for c in interview.scorecards if c.interviewer_id == user.id)
    data = scorecards.ScorecardInput(
        answers={
            q.id: (review.rating, "Answered with a worked example from their last project.")
            for q in scorecards.questions_for(card)[:3]
        },
        attributes={name: review.rating for name in scorecards.attributes_for(card)},
        recommendation=review.recommendation,
        key_points=review.key_points,
    )
    return scorecards.save(card.id, data, actor=user, submit=True)


def load_demo_interviews(job: Job, people: dict[str, User]) -> dict[str, int]:
    """Create the demo interviews and scorecards on ``job`` in the caller's transaction."""
    rita, ivy, omar = people["rita"], people["ivy"], people["omar"]
    kit = kits.get_kit(job.id, people["hank"])
    chosen = _candidates(job, 4)
    if not chosen:  # an old demo whose people have moved on: nothing to stage
        return {}
    ready, due, soon, later = chosen
    for application in (ready, due, soon, later):
        to_stage(application, INTERVIEW_STAGE, rita)
    today = utcnow().replace(hour=10, minute=0, second=0, microsecond=0)
    interviews: list[Interview] = []
    submitted = 0

    # Ready for a debrief: every scorecard of the interviews that took place is in.
    first = _schedule(kit, ready, 0, [ivy, omar], rita, today - timedelta(days=9))
    second = _schedule(kit, ready, 1, [omar], rita, today - timedelta(days=6))
    dropped = _schedule(kit, ready, 2, [ivy], rita, today - timedelta(days=4, hours=-4))
    cancel_interview(dropped.id, actor=rita, reason="Covered in the API design interview.")
    for interview, user in ((first, ivy), (first, omar), (second, omar)):
        _submit(interview, user, REVIEWS["ivy" if user is ivy else "omar"])
        submitted += 1
    interviews += [first, second, dropped]

    # Yesterday's interview: Omar has written his scorecard, Ivy's is due.
    yesterday = _schedule(kit, due, 0, [ivy, omar], rita, today - timedelta(days=1))
    _submit(yesterday, omar, REVIEWS["omar"])
    submitted += 1
    interviews.append(yesterday)

    # Coming up.
    interviews.append(_schedule(kit, soon, 1, [ivy, omar], rita, today + timedelta(days=2)))
    interviews.append(_schedule(kit, later, 0, [ivy], rita, today + timedelta(days=3, hours=4)))
    return {"interviews": len(interviews), "scorecards submitted": submitted}
