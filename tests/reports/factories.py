"""Hand-built hiring histories on a frozen clock: every event at a stated time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Application, Candidate
from hirekit.candidates.services import applications as pipeline
from hirekit.extensions import db
from hirekit.jobs.models import Job, Stage
from hirekit.jobs.services.jobs import JobFields, change_state, create_job

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # a Monday


def day(n: float) -> datetime:
    return T0 + timedelta(days=n)


@dataclass
class History:
    """One job and its applications, driven by day numbers counted from ``T0``."""

    actor: User
    job: Job
    apps: list[Application] = field(default_factory=list)

    @classmethod
    def open_job(
        cls, actor: User, *, opened: float = 0, title: str = "Flask developer", **fields: object
    ) -> History:
        values: dict[str, object] = {"use_case": "rest-api", "level": "mid", **fields}
        job = create_job(JobFields(title=title, **values), actor=actor)  # type: ignore[arg-type]
        change_state(job, "open", actor=actor)
        entry = db.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "job.state_changed")
            .order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None
        # Back-date the opening: the audit log stamps the real time.
        entry.at = day(opened)
        db.session.flush()
        return cls(actor, job)

    def stage(self, name: str) -> Stage:
        return next(s for s in self.job.stages if s.name == name)

    def apply(self, at: float, *, name: str = "", source: str = "") -> Application:
        candidate = Candidate(name=name or f"Person {len(self.apps) + 1}", source=source)
        db.session.add(candidate)
        db.session.flush()
        application = pipeline.apply(candidate, self.job, actor=None, at=day(at))
        self.apps.append(application)
        return application

    def move(self, application: Application, stage: str, at: float) -> None:
        pipeline.move(application, self.stage(stage), actor=self.actor, at=day(at))

    def walk(self, application: Application, *steps: tuple[str, float]) -> None:
        for stage, at in steps:
            self.move(application, stage, at)

    def reject(self, application: Application, at: float) -> None:
        pipeline.reject(application, "skills-mismatch", actor=self.actor, at=day(at))

    def withdraw(self, application: Application, at: float) -> None:
        pipeline.withdraw(application, actor=self.actor, at=day(at))
