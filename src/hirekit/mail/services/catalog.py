"""The editable email templates: seeded with defaults on first use, checked on every edit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.errors import NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.mail.defaults import DEFAULT_TEMPLATES, DEFAULTS_BY_KEY
from hirekit.mail.models import MailTemplate
from hirekit.mail.placeholders import check, fill

MAX_SUBJECT = 300

#: Sample values for previews, so an admin sees the text as a candidate would.
SAMPLE_CONTEXT = {
    "candidate_name": "Ada Lovelace",
    "job_title": "Senior Flask Developer",
    "link": "https://hirekit.example.com/takehome/sample-link",
    "expires": "Monday 1 June 2026, 18:00 UTC",
    "interview_at": "Tuesday 2 June 2026, 14:00 UTC",
    "interview_place": "Video call (link in the calendar invitation)",
    "sender_name": "Sam Recruiter",
    "feedback": "What went well:\n- A clear application factory.\n\nTwo things to improve:\n"
    "- Add tests for the error cases.\n- Read secrets from the environment.",
}


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str


def company_name() -> str:
    return str(current_app.config.get("COMPANY_NAME") or "hirekit")


def ensure_defaults() -> None:
    """Create any default template that is missing; existing (edited) ones are left alone."""
    have = set(db.session.scalars(select(MailTemplate.key)))
    for default in DEFAULT_TEMPLATES:
        if default.key in have:
            continue
        try:
            # Two first requests may race to seed; the loser keeps the winner's row.
            with db.session.begin_nested():
                db.session.add(
                    MailTemplate(
                        key=default.key,
                        name=default.name,
                        subject=default.subject,
                        body=default.body,
                    )
                )
        except IntegrityError:
            continue


def list_templates() -> list[MailTemplate]:
    ensure_defaults()
    return list(db.session.scalars(select(MailTemplate).order_by(MailTemplate.name)))


def get_template(key: str) -> MailTemplate:
    found = db.session.scalars(select(MailTemplate).where(MailTemplate.key == key)).first()
    if found is None and key in DEFAULTS_BY_KEY:
        ensure_defaults()
        found = db.session.scalars(select(MailTemplate).where(MailTemplate.key == key)).first()
    if found is None:
        raise NotFound(f"No email template {key!r}")
    return found


def validate(subject: str, body: str) -> None:
    """Raise ValidationFailed naming each problem per field."""
    details: dict[str, str] = {}
    if not subject.strip():
        details["subject"] = "required"
    elif "\n" in subject or "\r" in subject:
        details["subject"] = "one line only"
    elif len(subject) > MAX_SUBJECT:
        details["subject"] = f"at most {MAX_SUBJECT} characters"
    elif problems := check(subject):
        details["subject"] = "; ".join(problems)
    if not body.strip():
        details["body"] = "required"
    elif problems := check(body):
        details["body"] = "; ".join(problems)
    if details:
        raise ValidationFailed("The template has problems; see details.", details=details)


def update_template(key: str, subject: str, body: str, *, actor: User) -> MailTemplate:
    validate(subject, body)
    template = get_template(key)
    template.subject, template.body = subject.strip(), body
    template.updated_by_id = actor.id
    db.session.flush()
    audit.record(
        "mail_template.updated",
        actor=actor,
        subject_type="mail_template",
        subject_id=template.id,
        details={"key": key},
    )
    return template


def render(subject: str, body: str, context: Mapping[str, object]) -> Rendered:
    """Fill both texts; ``company`` defaults to the configured company name."""
    values = {"company": company_name(), **context}
    return Rendered(fill(subject, values), fill(body, values))


def preview(subject: str, body: str) -> Rendered:
    """The texts filled with sample values; ValidationFailed when they are invalid."""
    validate(subject, body)
    return render(subject, body, SAMPLE_CONTEXT)
