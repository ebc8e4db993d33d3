"""Candidates: who may see whom, creating with a duplicate check, editing, tags and notes.

A candidate is hidden from a user when every job they applied to is hidden
from that user (confidential jobs outside the user's hiring teams). Services
flush and raise domain errors; the caller commits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import aliased

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.candidates.choices import SOURCES, EventType
from hirekit.candidates.dedupe import find_duplicates
from hirekit.candidates.models import Application, Candidate, CandidateTag, Note
from hirekit.candidates.services.timeline import record_event
from hirekit.errors import Conflict, Forbidden, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.models import Job
from hirekit.jobs.services.jobs import visible_jobs

_TAG = re.compile(r"[^a-z0-9+#._-]+")
MAX_LINKS = 10
MAX_TAGS = 30


@dataclass
class CandidateFields:
    name: str
    email: str = ""
    phone: str = ""
    links: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    source: str = ""


class DuplicateCandidate(Conflict):
    """Creating would duplicate existing people; ``details["duplicates"]`` lists their ids."""


def normalise_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return ("+" + digits if phone.strip().startswith("+") else digits)[:32]


def normalise_tag(tag: str) -> str:
    return _TAG.sub("-", tag.strip().lower()).strip("-")[:40]


def clean_fields(fields: CandidateFields) -> CandidateFields:
    """Normalise ``fields`` in place or raise ValidationFailed naming every bad one."""
    problems: dict[str, str] = {}
    fields.name = " ".join(fields.name.split())
    if not 1 <= len(fields.name) <= 160:
        problems["name"] = "1 to 160 characters"
    if fields.email.strip():
        try:
            fields.email = validate_email(
                fields.email.strip(), check_deliverability=False
            ).normalized.lower()
        except EmailNotValidError as exc:
            problems["email"] = str(exc)
    else:
        fields.email = ""
    fields.phone = normalise_phone(fields.phone)
    fields.links = list(dict.fromkeys(link.strip() for link in fields.links if link.strip()))
    if len(fields.links) > MAX_LINKS or any(
        not link.startswith(("https://", "http://")) or len(link) > 300 for link in fields.links
    ):
        problems["links"] = f"up to {MAX_LINKS} http(s) addresses"
    fields.tags = sorted({t for t in (normalise_tag(t) for t in fields.tags) if t})
    if len(fields.tags) > MAX_TAGS:
        problems["tags"] = f"at most {MAX_TAGS} tags"
    fields.source = fields.source.strip().lower()
    if fields.source and fields.source not in SOURCES:
        problems["source"] = "one of " + ", ".join(SOURCES)
    if problems:
        raise ValidationFailed("Some candidate fields are invalid; see details.", details=problems)
    return fields


def visible_job_ids(user: User) -> set[int]:
    return set(db.session.scalars(visible_jobs(user).with_only_columns(Job.id)))


def hidden_job_ids(user: User) -> set[int]:
    """The ids of the jobs ``user`` may not see (confidential, outside their teams)."""
    seen = visible_jobs(user).with_only_columns(Job.id)
    return set(db.session.scalars(select(Job.id).where(Job.id.not_in(seen))))


def visible_candidates(user: User) -> Select[Candidate]:
    """The candidates ``user`` may see: those with no application, or one to a job they see."""
    if not user.can(Permission.CANDIDATES_READ):
        raise Forbidden("Your role does not allow reading candidates.")
    query = select(Candidate)
    if user.can(Permission.JOBS_CONFIDENTIAL):
        return query
    # The hidden jobs are few (often none): look them up once, so the common case
    # adds no condition at all, and otherwise each row costs two probes of the
    # applications' candidate_id index instead of a pass over every application.
    hidden = hidden_job_ids(user)
    if not hidden:
        return query
    to_hidden = aliased(Application)
    elsewhere = aliased(Application)
    only_hidden = exists().where(
        to_hidden.candidate_id == Candidate.id,
        to_hidden.job_id.in_(hidden),
        ~exists().where(
            elsewhere.candidate_id == to_hidden.candidate_id,
            elsewhere.job_id.not_in(hidden),
        ),
    )
    return query.where(~only_hidden)


def get_candidate(candidate_id: int, user: User) -> Candidate:
    found = db.session.scalars(visible_candidates(user).where(Candidate.id == candidate_id)).first()
    if found is None:
        raise NotFound(f"No candidate with id {candidate_id}")
    return found


def set_tags(candidate: Candidate, tags: list[str]) -> None:
    keep = set(tags)
    candidate.tags = [t for t in candidate.tags if t.tag in keep]
    have = {t.tag for t in candidate.tags}
    candidate.tags.extend(CandidateTag(tag=t) for t in tags if t not in have)


def create_candidate(
    fields: CandidateFields,
    *,
    actor: User | None,
    note: str = "",
    allow_duplicate: bool = False,
    at: datetime | None = None,
) -> Candidate:
    """Create a person; refuse with DuplicateCandidate when they seem to exist already.

    Matching goes by email, else phone, else the same name with a shared link.
    ``allow_duplicate`` creates anyway (two people can share a name).
    """
    clean_fields(fields)
    if not allow_duplicate:
        duplicates = find_duplicates(fields.name, fields.email, fields.phone, fields.links)
        if duplicates:
            raise DuplicateCandidate(
                f"{fields.name} may already exist: "
                + ", ".join(f"#{c.id} {c.name}" for c in duplicates),
                details={"duplicates": [c.id for c in duplicates]},
            )
    candidate = Candidate(
        name=fields.name,
        email=fields.email,
        phone=fields.phone,
        links=fields.links,
        source=fields.source,
    )
    if at is not None:
        candidate.created_at = at
    set_tags(candidate, fields.tags)
    db.session.add(candidate)
    db.session.flush()
    record_event(EventType.CREATED, candidate, actor=actor, data={"source": fields.source}, at=at)
    audit.record(
        "candidate.created", actor=actor, subject_type="candidate", subject_id=candidate.id
    )
    if note.strip():
        add_note(candidate, note, actor=actor, at=at)
    return candidate


def fields_of(candidate: Candidate) -> CandidateFields:
    return CandidateFields(
        name=candidate.name,
        email=candidate.email,
        phone=candidate.phone,
        links=list(candidate.links),
        tags=candidate.tag_names,
        source=candidate.source,
    )


def _snapshot(candidate: Candidate) -> dict[str, Any]:
    values = vars(fields_of(candidate))
    return {k: (list(v) if isinstance(v, list) else v) for k, v in values.items()}


def update_candidate(candidate: Candidate, fields: CandidateFields, *, actor: User) -> Candidate:
    """Change a person's data; the changed field names go to the timeline and audit log."""
    clean_fields(fields)
    before = _snapshot(candidate)
    candidate.name, candidate.email, candidate.phone = fields.name, fields.email, fields.phone
    candidate.links, candidate.source = fields.links, fields.source
    set_tags(candidate, fields.tags)
    db.session.flush()
    changed = sorted(k for k, v in _snapshot(candidate).items() if before[k] != v)
    if changed:
        record_event(EventType.UPDATED, candidate, actor=actor, data={"fields": changed})
        audit.record(
            "candidate.updated",
            actor=actor,
            subject_type="candidate",
            subject_id=candidate.id,
            details={"fields": changed},
        )
    return candidate


def add_tags(candidate: Candidate, tags: list[str], *, actor: User) -> list[str]:
    """Add tags (existing ones are kept); returns the ones that were new."""
    new = [t for t in dict.fromkeys(normalise_tag(t) for t in tags) if t]
    new = [t for t in new if t not in candidate.tag_names]
    if new:
        set_tags(candidate, sorted({*candidate.tag_names, *new}))
        db.session.flush()
        record_event(EventType.TAGGED, candidate, actor=actor, data={"tags": new})
    return new


def add_note(
    candidate: Candidate,
    body: str,
    *,
    actor: User | None,
    application: Application | None = None,
    at: datetime | None = None,
) -> Note:
    text = body.strip()
    if not 1 <= len(text) <= 10_000:
        raise ValidationFailed("A note has 1 to 10,000 characters", details={"body": "required"})
    note = Note(
        candidate=candidate,
        application_id=application.id if application else None,
        author_id=actor.id if actor else None,
        body=text,
    )
    if at is not None:
        note.created_at = at
    db.session.add(note)
    db.session.flush()
    record_event(
        EventType.NOTE,
        candidate,
        actor=actor,
        application=application,
        data={"note_id": note.id, "excerpt": text[:120]},
        at=at,
    )
    return note


def notes_for(candidate: Candidate, job_ids: set[int]) -> list[Note]:
    """Notes on the person, and on their applications to the jobs in ``job_ids``."""
    query = (
        select(Note)
        .outerjoin(Application, Note.application_id == Application.id)
        .where(Note.candidate_id == candidate.id)
        .where(or_(Note.application_id.is_(None), Application.job_id.in_(job_ids)))
        .order_by(Note.created_at.desc(), Note.id.desc())
    )
    return list(db.session.scalars(query))
