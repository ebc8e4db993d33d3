"""Who may see which background job: the candidate and job pages' rules, applied to jobs.

A job records what it works on (``hiring_job_id``, ``candidate_id``); a user
sees it only when they may see that hiring job and that candidate. So a
confidential job's work stays with its hiring team and admins, on the
dashboard, at ``/tasks/<id>`` and in the API alike. Labels name no person or
file (see :func:`hirekit.queue.enqueue`), so what a visible job shows is what
its viewer may read anyway.
"""

from __future__ import annotations

from sqlalchemy import Select, select

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.candidates.models import Candidate
from hirekit.candidates.services.candidates import hidden_job_ids, visible_candidates
from hirekit.errors import Forbidden, NotFound
from hirekit.extensions import db
from hirekit.queue.models import BackgroundJob


def visible_tasks(user: User) -> Select[BackgroundJob]:
    """The background jobs ``user`` may see, as a query to filter or order further."""
    if not user.can(Permission.TASKS_READ):
        raise Forbidden("Your role does not allow reading background jobs.")
    query = select(BackgroundJob)
    if user.can(Permission.JOBS_CONFIDENTIAL):
        return query
    hidden = hidden_job_ids(user)
    if not hidden:  # the common case: nothing is hidden from this user
        return query
    seen = visible_candidates(user).with_only_columns(Candidate.id)
    return query.where(
        BackgroundJob.hiring_job_id.is_(None) | BackgroundJob.hiring_job_id.not_in(hidden),
        BackgroundJob.candidate_id.is_(None) | BackgroundJob.candidate_id.in_(seen),
    )


def get_visible_task(task_id: int, user: User) -> BackgroundJob:
    """The job, or NotFound when it does not exist or ``user`` may not see it."""
    found = db.session.scalars(visible_tasks(user).where(BackgroundJob.id == task_id)).first()
    if found is None:
        raise NotFound(f"No background job with id {task_id}")
    return found
