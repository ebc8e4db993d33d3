"""Shared steps for the closing-the-loop tests: rejected applications, a reviewed take-home."""

from __future__ import annotations

import io
from typing import Any

from sqlalchemy import select

from hirekit.candidates.services import applications
from hirekit.extensions import db
from hirekit.mail.models import OutboxMessage
from hirekit.queue.runner import drain
from hirekit.takehomes.services.submissions import Upload, submit
from tests.jobs.factories import make_application
from tests.takehomes.archives import APP, zip_bytes


def rejected(actor: Any, job: Any, name: str = "Ada Example") -> Any:
    application = make_application(actor, job, name)
    applications.reject(application, "position-filled", actor=actor)
    db.session.commit()
    return application


def messages(purpose: str = "") -> list[OutboxMessage]:
    db.session.expire_all()
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if purpose:
        query = query.where(OutboxMessage.purpose == purpose)
    return list(db.session.scalars(query))


def reviewed_takehome(actor: Any, application: Any) -> Any:
    """The test archive uploaded for the application's candidate and job, and reviewed."""
    upload = Upload("takehome.zip", io.BytesIO(zip_bytes(APP)))
    submission = submit(
        upload, actor=actor, candidate_id=application.candidate_id, job_id=application.job_id
    )
    db.session.commit()
    drain()
    db.session.expire_all()
    return submission
