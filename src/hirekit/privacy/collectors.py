"""Collectors: one function per domain, each gathering what that domain holds about a person.

A collector takes a candidate id and returns a :class:`Section`: JSON-ready
records and the stored files to include. The export runs every function in
COLLECTORS; adding a domain is adding one function. Tables linked to the
candidate by a foreign key that no collector covers still appear, under
``other``, so the export is never silently short.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, String, Table, cast, or_, select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import (
    Application,
    ApplicationAnswer,
    Candidate,
    CandidateTag,
    Event,
    Note,
)
from hirekit.extensions import db
from hirekit.integrations.models import WebhookDelivery
from hirekit.interviews.models import Interview, Scorecard
from hirekit.mail.models import OutboxMessage
from hirekit.privacy.rows import owned_row_ids, owned_tables
from hirekit.queue.models import BackgroundJob
from hirekit.resumes.models import Resume, Screening
from hirekit.takehomes.models import Invitation, Submission


@dataclass
class Section:
    """Part of an export: ``records`` per table name, and (zip name, file key) pairs."""

    name: str
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    files: list[tuple[str, str]] = field(default_factory=list)

    @property
    def tables(self) -> set[str]:
        return set(self.records)


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime) else value


def rows(table: Table, candidate_id: int) -> list[dict[str, Any]]:
    """Every row of ``table`` that belongs to the candidate, every column, oldest first."""
    ids = owned_row_ids(table, candidate_id)
    if ids is None:
        return []
    query = select(table).where(table.c.id.in_(ids)).order_by(table.c.id)
    return [_record(row._mapping) for row in db.session.execute(query)]


def _record(mapping: Any) -> dict[str, Any]:
    return {k: _plain(v) for k, v in mapping.items()}


def _section(name: str, candidate_id: int, *models: Any) -> Section:
    tables = [m.__table__ for m in models]
    return Section(name, {t.name: rows(t, candidate_id) for t in tables})


def collect_candidate(candidate_id: int) -> Section:
    return _section(
        "candidate",
        candidate_id,
        Candidate,
        CandidateTag,
        Application,
        ApplicationAnswer,
        Event,
        Note,
    )


def _with_files(section: Section, table: str, folder: str) -> Section:
    for record in section.records.get(table, []):
        if record.get("file_key"):
            section.files.append(
                (f"{folder}/{record['id']}-{record['filename']}", record["file_key"])
            )
    return section


def collect_resumes(candidate_id: int) -> Section:
    return _with_files(_section("resumes", candidate_id, Resume, Screening), "resumes", "resumes")


def collect_takehomes(candidate_id: int) -> Section:
    section = _section("takehomes", candidate_id, Submission, Invitation)
    return _with_files(section, "submissions", "takehomes")


def collect_interviews(candidate_id: int) -> Section:
    return _section("interviews", candidate_id, Interview, Scorecard)


def collect_mail(candidate_id: int) -> Section:
    """Mail to the person; the outbox links it with SET NULL, so it is read by id and address."""
    table = OutboxMessage.__table__
    email = db.session.scalar(select(Candidate.email).where(Candidate.id == candidate_id))
    mine = table.c.candidate_id == candidate_id
    if email:
        mine = mine | (table.c.to_addr == email)
    found = db.session.execute(select(table).where(mine).order_by(table.c.id))
    return Section("mail", {table.name: [_record(row._mapping) for row in found]})


def collect_webhook_deliveries(candidate_id: int) -> Section:
    """Events sent to subscribers about the person (their payloads name them)."""
    table = WebhookDelivery.__table__
    person = db.session.get(Candidate, candidate_id)
    needles = [n for n in (person.email, person.name) if n] if person else []
    found: list[dict[str, Any]] = []
    if needles:
        text = cast(table.c.payload, String)
        query = select(table).where(or_(*(text.contains(n, autoescape=True) for n in needles)))
        for row in db.session.execute(query.order_by(table.c.id)):
            about = ((row.payload or {}).get("data") or {}).get("candidate") or {}
            if about.get("id") == candidate_id:
                found.append(_record(row._mapping))
    return Section("webhooks", {table.name: found})


def _audit_about(candidate_id: int) -> ColumnElement[bool]:
    """Entries whose subject is the person, or whose details name their id (coarse; refined)."""
    mention = cast(AuditEntry.details, String).contains(f'"candidate_id": {candidate_id}')
    is_subject = (AuditEntry.subject_type == "candidate") & (
        AuditEntry.subject_id == str(candidate_id)
    )
    return or_(is_subject, mention)


def collect_audit(candidate_id: int) -> Section:
    """What the audit log says was done with the person's data, and by whom."""
    table = AuditEntry.__table__
    query = select(table).where(_audit_about(candidate_id)).order_by(table.c.seq)
    found = [
        _record(row._mapping)
        for row in db.session.execute(query)
        if row.subject_type == "candidate"
        or (row.details or {}).get("candidate_id") == candidate_id
    ]
    return Section("audit", {table.name: found})


def collect_tasks(candidate_id: int) -> Section:
    """Background jobs that worked on the person or their files: labels and outcomes."""
    table = BackgroundJob.__table__
    linked: set[int] = set()
    for model in (Resume, Submission, OutboxMessage):
        query = select(model.background_job_id).where(model.candidate_id == candidate_id)
        linked.update(i for i in db.session.scalars(query) if i is not None)
    mine = table.c.candidate_id == candidate_id
    if linked:
        mine = mine | table.c.id.in_(linked)
    columns = [table.c[c] for c in ("id", "label", "status", "created_at", "finished_at")]
    found = db.session.execute(select(*columns).where(mine).order_by(table.c.id))
    return Section("tasks", {table.name: [_record(row._mapping) for row in found]})


#: Every domain's collector; the export adds ``other`` for tables none of them covers.
COLLECTORS: list[Callable[[int], Section]] = [
    collect_candidate,
    collect_resumes,
    collect_takehomes,
    collect_interviews,
    collect_mail,
    collect_webhook_deliveries,
    collect_audit,
    collect_tasks,
]


def collect_everything(candidate_id: int) -> list[Section]:
    sections = [collect(candidate_id) for collect in COLLECTORS]
    covered = set().union(*(s.tables for s in sections))
    other = Section("other")
    for table in owned_tables():
        if table.name not in covered:
            found = rows(table, candidate_id)
            if found:
                other.records[table.name] = found
    return [*sections, other] if other.records else sections
