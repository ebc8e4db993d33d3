"""Interviewer calibration over submitted scorecards, for admins and hiring managers."""

from __future__ import annotations

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.engines.interviewkit import CalibrationRating, RaterCalibration, calibrate
from hirekit.errors import Forbidden
from hirekit.extensions import db
from hirekit.interviews.choices import InterviewStatus, ScorecardStatus
from hirekit.interviews.models import Interview, Scorecard
from hirekit.jobs.models import Job
from hirekit.jobs.services.jobs import visible_jobs


def calibration_ratings(cards: list[Scorecard]) -> list[CalibrationRating]:
    """Question and attribute ratings; the candidate key is per job, as panels are."""
    out = []
    for card in cards:
        rater = str(card.interviewer_id)
        candidate = f"{card.interview.job_id}:{card.interview.candidate_id}"
        for qid, answer in card.answers.items():
            if answer.get("rating") is not None:
                out.append(CalibrationRating(rater, candidate, f"q{qid}", int(answer["rating"])))
        for name, rating in card.attribute_ratings.items():
            if rating is not None:
                out.append(CalibrationRating(rater, candidate, f"a:{name}", int(rating)))
    return out


def calibration_report(user: User) -> list[tuple[User, RaterCalibration]]:
    """One row per interviewer, over the jobs ``user`` can see."""
    if not user.can(Permission.CALIBRATION_READ):
        raise Forbidden("Your role does not allow interviewer calibration.")
    visible = visible_jobs(user).with_only_columns(Job.id)
    cards = list(
        db.session.scalars(
            select(Scorecard)
            .join(Interview)
            .where(
                Scorecard.status == ScorecardStatus.SUBMITTED.value,
                Interview.status != InterviewStatus.CANCELLED.value,
                Interview.job_id.in_(visible),
            )
        )
    )
    users = {c.interviewer_id: c.interviewer for c in cards}
    return [(users[int(row.rater)], row) for row in calibrate(calibration_ratings(cards))]
