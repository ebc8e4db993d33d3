"""Reading the audit log: filters, pages and a CSV export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Select, select

from hirekit.audit.models import AuditEntry
from hirekit.csv_safety import safe_cell
from hirekit.extensions import db

CSV_COLUMNS = ("id", "at", "actor_id", "actor_email", "action", "subject_type", "subject_id")


@dataclass(frozen=True)
class AuditFilters:
    """Every field optional; dates are whole UTC days, both ends included."""

    actor: str = ""  # an email, or part of one
    action: str = ""  # exact, or a prefix ending in "." (e.g. "candidate.")
    subject_type: str = ""
    subject_id: str = ""
    since: date | None = None
    until: date | None = None


def _day(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def entries_query(filters: AuditFilters) -> Select[tuple[AuditEntry]]:
    """Matching entries, newest first."""
    query = select(AuditEntry)
    if filters.actor:
        query = query.where(AuditEntry.actor_email.contains(filters.actor.lower(), autoescape=True))
    if filters.action.endswith("."):
        query = query.where(AuditEntry.action.startswith(filters.action, autoescape=True))
    elif filters.action:
        query = query.where(AuditEntry.action == filters.action)
    if filters.subject_type:
        query = query.where(AuditEntry.subject_type == filters.subject_type)
    if filters.subject_id:
        query = query.where(AuditEntry.subject_id == filters.subject_id)
    if filters.since:
        query = query.where(AuditEntry.at >= _day(filters.since))
    if filters.until:
        query = query.where(AuditEntry.at < _day(filters.until + timedelta(days=1)))
    return query.order_by(AuditEntry.id.desc())


def entries_csv(entries: Iterable[AuditEntry]) -> str:
    """One row per entry; cells that a spreadsheet would run as formulas are quoted."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*CSV_COLUMNS, "details", "hash"])
    for e in entries:
        row = [e.id, e.at.isoformat(), e.actor_id, e.actor_email, e.action, e.subject_type]
        row += [e.subject_id, _json(e.details), e.hash]
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def all_matching(filters: AuditFilters, limit: int = 100_000) -> list[AuditEntry]:
    return list(db.session.scalars(entries_query(filters).limit(limit)))
