"""Who may see which interview, scorecard and candidate: the per-record rules of interviews.

The permission table gives interviewers nothing beyond their own interviews, so
the rule is per record: a user sees an interview when they sit on its panel,
or when they may schedule interviews and can see its job. A candidate's
interview evidence is open to their panel and to whoever may read candidates.
Everything else is 403.
"""

from __future__ import annotations

from sqlalchemy import exists, select

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.candidates.services.candidates import get_candidate
from hirekit.errors import Forbidden, NotFound
from hirekit.extensions import db
from hirekit.interviews.choices import InterviewStatus
from hirekit.interviews.models import Interview, Scorecard
from hirekit.jobs.models import Job
from hirekit.jobs.services.jobs import get_job


def on_panel(user: User, candidate_id: int, job_id: int | None = None) -> bool:
    """``user`` sits on a live interview of this candidate (for this job, when given)."""
    query = (
        exists()
        .where(Scorecard.interview_id == Interview.id)
        .where(Scorecard.interviewer_id == user.id)
        .where(Interview.candidate_id == candidate_id)
        .where(Interview.status != InterviewStatus.CANCELLED.value)
    )
    if job_id is not None:
        query = query.where(Interview.job_id == job_id)
    return bool(db.session.scalar(select(query)))


def managed_job(job_id: int, user: User, permission: Permission) -> Job:
    """The job, when ``user`` holds ``permission`` and may see it; 403 / 404 otherwise."""
    if not user.can(permission):
        raise Forbidden("Your role does not allow this.")
    return get_job(job_id, user)


def get_interview(interview_id: int, user: User) -> Interview:
    interview = db.session.get(Interview, interview_id)
    if interview is None:
        raise NotFound(f"No interview with id {interview_id}")
    if any(s.interviewer_id == user.id for s in interview.scorecards):
        return interview
    if user.can(Permission.INTERVIEWS_SCHEDULE):
        get_job(interview.job_id, user)  # confidential jobs stay with their team
        return interview
    raise Forbidden("You are not on this interview's panel.")


def require_candidate(candidate_id: int, user: User) -> None:
    """Open a candidate's interview evidence to their panel and to candidate readers."""
    if on_panel(user, candidate_id):
        return
    if user.can(Permission.CANDIDATES_READ):
        get_candidate(candidate_id, user)
        return
    raise Forbidden("You are not interviewing this candidate.")


def sees_all_scorecards(user: User, job_id: int) -> bool:
    """Hiring managers and admins see every scorecard of a job they can see."""
    if not user.can(Permission.DEBRIEFS_RUN):
        return False
    get_job(job_id, user)
    return True


def own_feedback_done(user: User, candidate_id: int, job_id: int) -> bool:
    """Independent feedback: others' scorecards open once all of one's own are submitted."""
    mine = db.session.scalars(
        select(Scorecard.status)
        .join(Interview)
        .where(
            Scorecard.interviewer_id == user.id,
            Interview.candidate_id == candidate_id,
            Interview.job_id == job_id,
            Interview.status != InterviewStatus.CANCELLED.value,
        )
    ).all()
    return bool(mine) and all(status == "submitted" for status in mine)
