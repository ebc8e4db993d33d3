"""Erasers: one function per domain, each removing what that domain holds about a person.

An eraser takes the :class:`Erasure` in progress, deletes or scrubs, and
notes what it did in ``erasure.counts``. They run in list order inside the
caller's transaction; adding a domain is adding one function to ERASERS.
Rows linked to the candidate by a foreign key need no eraser of their own:
:func:`erase_owned_rows` finds them from the schema.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import String, cast, delete, or_, select, update

from hirekit.audit import services as audit
from hirekit.candidates.models import Candidate
from hirekit.extensions import db
from hirekit.integrations.models import WebhookDelivery
from hirekit.interviews.models import Interview
from hirekit.interviews.services.cancelling import withdraw_before_erasure
from hirekit.mail.models import OutboxMessage
from hirekit.privacy.outcomes import record_outcomes
from hirekit.privacy.rows import erase_rows
from hirekit.queue.models import BackgroundJob
from hirekit.resumes.models import Resume
from hirekit.takehomes.models import Submission


@dataclass
class Erasure:
    """One candidate's deletion in progress; nothing here is written to the audit log."""

    candidate: Candidate
    reason: str  # "request" or "retention"
    counts: dict[str, int] = field(default_factory=dict)
    file_keys: set[str] = field(default_factory=set)
    job_ids: set[int] = field(default_factory=set)
    #: Names of the files they sent ("Jane_Doe_CV.pdf"), which older audit entries
    #: about them quoted, and the submissions those entries were about.
    file_names: set[str] = field(default_factory=set)
    submission_ids: set[int] = field(default_factory=set)

    @property
    def identifiers(self) -> list[str]:
        """The strings that would name the person in free text, also as JSON escapes them."""
        c = self.candidate
        plain = [s for s in (c.email, c.name, c.phone) if s and len(s) >= 3]
        return list(dict.fromkeys([*plain, *(json.dumps(s)[1:-1] for s in plain)]))

    def add(self, what: str, count: int) -> None:
        if count:
            self.counts[what] = self.counts.get(what, 0) + count


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def note_file_names(erasure: Erasure) -> None:
    person = erasure.candidate.id
    for model in (Resume, Submission):
        names = select(model.filename).where(model.candidate_id == person)
        erasure.file_names.update(n for n in db.session.scalars(names) if n)
    found = select(Submission.id).where(Submission.candidate_id == person)
    erasure.submission_ids.update(db.session.scalars(found))


def keep_anonymous_outcomes(erasure: Erasure) -> None:
    erasure.add("anonymous_outcomes", record_outcomes(erasure.candidate, erasure.reason))


def erase_webhook_deliveries(erasure: Erasure) -> None:
    """Delivered payloads copy the person's name and email; they go with the person."""
    words = [
        cast(WebhookDelivery.payload, String).contains(s, autoescape=True)
        for s in erasure.identifiers
    ]
    if not words:
        return
    found = db.session.scalars(select(WebhookDelivery).where(or_(*words))).all()
    for delivery in found:
        person = (delivery.payload or {}).get("candidate") or {}
        if person.get("id") == erasure.candidate.id or not person:
            db.session.delete(delivery)
            erasure.add("webhook_deliveries", 1)
    db.session.flush()


def erase_outbox_messages(erasure: Erasure) -> None:
    """Mail to the person (kept by the outbox when a candidate goes) goes with them."""
    person = erasure.candidate
    mine = OutboxMessage.candidate_id == person.id
    if person.email:
        mine = or_(mine, OutboxMessage.to_addr == person.email)
    for message in db.session.scalars(select(OutboxMessage).where(mine)):
        erasure.file_keys.update(a["key"] for a in message.attachments or [] if a.get("key"))
        if message.background_job_id:
            erasure.job_ids.add(message.background_job_id)
        db.session.delete(message)
        erasure.add("outbox_messages", 1)
    db.session.flush()


def cancel_interviews(erasure: Erasure) -> None:
    """Scheduled interviews are withdrawn from the panel's calendars before they go."""
    interviews = select(Interview).where(Interview.candidate_id == erasure.candidate.id)
    for interview in db.session.scalars(interviews):
        if withdraw_before_erasure(interview):
            erasure.add("interviews_cancelled", 1)
    db.session.flush()


def erase_owned_rows(erasure: Erasure) -> None:
    """The candidate row and every row linked to it by a foreign key, in every domain."""
    db.session.flush()
    rows = erase_rows(erasure.candidate.id)
    for table, count in rows.deleted.items():
        erasure.add(table, count)
    erasure.file_keys |= rows.file_keys
    erasure.job_ids |= rows.job_ids
    # The ORM must not write back (or lazy-load through) objects whose rows are gone.
    for obj in list(db.session.identity_map.values()):
        # ``in``: expunging a parent already took its cascaded children along.
        if getattr(type(obj), "__tablename__", None) in rows.deleted and obj in db.session:
            db.session.expunge(obj)


def erase_background_jobs(erasure: Erasure) -> None:
    """Jobs that worked on the person or their files, and job labels that quote them."""
    mine = BackgroundJob.candidate_id == erasure.candidate.id
    if erasure.job_ids:
        mine = or_(mine, BackgroundJob.id.in_(erasure.job_ids))
    gone = db.session.execute(delete(BackgroundJob).where(mine))
    erasure.add("background_jobs", _count(gone))
    for text in erasure.identifiers:
        scrubbed = db.session.execute(
            update(BackgroundJob)
            .where(
                or_(
                    BackgroundJob.label.contains(text, autoescape=True),
                    cast(BackgroundJob.result, String).contains(text, autoescape=True),
                )
            )
            .values(label="(erased)", result=None)
        )
        erasure.add("background_jobs_scrubbed", _count(scrubbed))


def redact_audit_mentions(erasure: Erasure) -> None:
    """Audit entries that quote the person keep only the hash of what they said.

    File names ("cv.pdf" may be anyone's) count only in entries about the person
    or their submissions.
    """
    count = audit.redact_mentions(erasure.identifiers)
    about = [("candidate", str(erasure.candidate.id))]
    about += [("submission", str(i)) for i in sorted(erasure.submission_ids)]
    names = [n for n in sorted(erasure.file_names) if len(n) >= 3]
    names += [json.dumps(n)[1:-1] for n in names]
    count += audit.redact_mentions(list(dict.fromkeys(names)), about=about)
    erasure.add("audit_entries_redacted", count)


#: In order: outcomes are read before the rows they come from are deleted.
ERASERS: list[Callable[[Erasure], None]] = [
    note_file_names,
    keep_anonymous_outcomes,
    erase_webhook_deliveries,
    erase_outbox_messages,
    cancel_interviews,
    erase_owned_rows,
    erase_background_jobs,
    redact_audit_mentions,
]
