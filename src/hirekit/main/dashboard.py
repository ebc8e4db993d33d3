"""What the dashboard shows a user; later features add their figures here."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.interviews.models import Scorecard
from hirekit.interviews.services.reminders import overdue_scorecards
from hirekit.main.work import MyWork, my_work
from hirekit.queue.models import BackgroundJob, JobStatus
from hirekit.queue.services import visible_tasks
from hirekit.reports.filters import ReportFilter
from hirekit.reports.services.headline import Headline, headline


@dataclass(frozen=True)
class DashboardSummary:
    greeting: str
    figures: list[tuple[str, int]] = field(default_factory=list)
    recent_jobs: list[BackgroundJob] = field(default_factory=list)
    #: Hiring figures over every visible job, for those who may read reports.
    hiring: Headline | None = None
    #: Scorecards overdue by 24 h: the user's own, and for hiring managers and
    #: admins every one of the jobs they can see.
    overdue_scorecards: list[Scorecard] = field(default_factory=list)
    #: The work waiting for this user, by role (see ``hirekit.main.work``).
    work: MyWork = field(default_factory=MyWork)


def dashboard_summary(user: User) -> DashboardSummary:
    figures: list[tuple[str, int]] = []
    recent: list[BackgroundJob] = []
    if user.can(Permission.TASKS_READ):
        mine = visible_tasks(user)
        waiting = [JobStatus.QUEUED.value, JobStatus.RUNNING.value]
        pending = db.session.scalar(
            mine.where(BackgroundJob.status.in_(waiting))
            .with_only_columns(func.count(BackgroundJob.id))
            .order_by(None)
        )
        figures.append(("Background jobs waiting or running", pending or 0))
        recent = list(db.session.scalars(mine.order_by(BackgroundJob.id.desc()).limit(5)))
    if user.can(Permission.USERS_MANAGE):
        active = db.session.scalar(select(func.count(User.id)).where(User.active.is_(True)))
        figures.append(("Active users", active or 0))
    hiring = None
    if user.can(Permission.REPORTS_READ):
        hiring = headline(user, ReportFilter(), now=utcnow())
    overdue = overdue_scorecards(user) if user.can(Permission.INTERVIEWS_OWN) else []
    return DashboardSummary(
        f"Welcome, {user.display_name}", figures, recent, hiring, overdue, my_work(user, utcnow())
    )
