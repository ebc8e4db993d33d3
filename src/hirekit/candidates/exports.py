"""Exports: a job's pipeline as CSV, one candidate's whole record as JSON."""

from __future__ import annotations

import csv
import io
from typing import Any

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.candidates.models import Application, Candidate
from hirekit.candidates.services.applications import applications_for
from hirekit.candidates.services.candidates import notes_for, visible_job_ids
from hirekit.candidates.services.timeline import events_for
from hirekit.csv_safety import safe_cell
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.jobs.models import Job, Stage

CSV_COLUMNS = (
    "application_id",
    "candidate_id",
    "name",
    "email",
    "phone",
    "source",
    "tags",
    "stage",
    "status",
    "reject_reason",
    "applied_at",
    "stage_entered_at",
    "days_in_stage",
    "knocked_out",
    "answers",
)


def pipeline_csv(job: Job) -> str:
    """Every application of ``job``, in pipeline order, one row each."""
    now = utcnow()
    query = (
        select(Application)
        .where(Application.job_id == job.id)
        .join(Application.stage)
        .join(Application.candidate)
        .order_by(Stage.position, Candidate.name, Application.id)
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for app in db.session.scalars(query):
        person = app.candidate
        row = [
            app.id,
            person.id,
            person.name,
            person.email,
            person.phone,
            person.source,
            " ".join(person.tag_names),
            app.stage.name,
            app.status,
            app.reject_reason,
            app.created_at.isoformat(),
            app.stage_entered_at.isoformat(),
            app.days_in_stage(now),
            "yes" if app.knockouts else "",
            " | ".join(f"{a.question}: {a.answer}" for a in app.answers),
        ]
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def candidate_record(candidate: Candidate, user: User) -> dict[str, Any]:
    """Everything about one person that ``user`` may see: data, applications, notes, events."""
    job_ids = visible_job_ids(user)
    return {
        "id": candidate.id,
        "name": candidate.name,
        "email": candidate.email,
        "phone": candidate.phone,
        "links": list(candidate.links),
        "tags": candidate.tag_names,
        "source": candidate.source,
        "created_at": candidate.created_at.isoformat(),
        "applications": [
            {
                "id": a.id,
                "job_id": a.job_id,
                "job": a.job.title,
                "stage": a.stage.name,
                "status": a.status,
                "reject_reason": a.reject_reason,
                "applied_at": a.created_at.isoformat(),
                "stage_entered_at": a.stage_entered_at.isoformat(),
                "answers": [
                    {"question": x.question, "answer": x.answer, "knocked_out": x.knocked_out}
                    for x in a.answers
                ],
            }
            for a in applications_for(candidate, user)
        ],
        "notes": [
            {
                "id": n.id,
                "application_id": n.application_id,
                "author": n.author.email if n.author else None,
                "body": n.body,
                "created_at": n.created_at.isoformat(),
            }
            for n in notes_for(candidate, job_ids)
        ],
        "events": [
            {
                "id": e.id,
                "type": e.type,
                "at": e.at.isoformat(),
                "actor": e.actor.email if e.actor else None,
                "application_id": e.application_id,
                "data": e.data,
            }
            for e in events_for(candidate, job_ids)
        ],
    }
