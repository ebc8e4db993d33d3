"""Self-identification: admins choose the questions; candidates answer, if they wish.

A candidate reaches the form through a signed link naming their application
(:func:`self_id_token`), offered on the careers confirmation page. Every
answer is optional, "Prefer not to say" is always offered and stores nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.models import Application
from hirekit.errors import Conflict, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.reports.models import SelfIdAnswer, SelfIdQuestion

_SALT = "hirekit.self-id"
#: The link stays valid this long after applying.
TOKEN_MAX_AGE = 30 * 24 * 3600
_KEY = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def self_id_token(application: Application) -> str:
    return _serializer().dumps({"a": application.id, "j": application.job_id})


def offer_token(application_id: int | None) -> str:
    """A link token for a new application to answer the form; "" when there is nothing
    to answer (no active question) or no application (a careers honeypot hit)."""
    if application_id is None or not active_questions():
        return ""
    application = db.session.get(Application, application_id)
    return self_id_token(application) if application is not None else ""


def link_open(job_id: int, token: str) -> bool:
    """Whether ``token`` is a valid link for ``job_id`` and some question is active, so the
    careers confirmation should offer the form."""
    if not token:
        return False
    try:
        application_for_token(job_id, token)
    except NotFound:
        return False
    return bool(active_questions())


def application_for_token(job_id: int, token: str) -> Application:
    """The application a link names; NotFound when forged, expired or for another job."""
    try:
        data = _serializer().loads(token, max_age=TOKEN_MAX_AGE)
    except (BadSignature, SignatureExpired):
        raise NotFound("This link is not valid.") from None
    application = db.session.get(Application, int(data.get("a", 0)))
    if application is None or application.job_id != job_id or data.get("j") != job_id:
        raise NotFound("This link is not valid.")
    return application


def active_questions() -> list[SelfIdQuestion]:
    query = select(SelfIdQuestion).where(SelfIdQuestion.active.is_(True))
    return list(db.session.scalars(query.order_by(SelfIdQuestion.id)))


def all_questions() -> list[SelfIdQuestion]:
    return list(db.session.scalars(select(SelfIdQuestion).order_by(SelfIdQuestion.id)))


def add_question(key: str, label: str, options: list[str], *, actor: User) -> SelfIdQuestion:
    key, label = key.strip().lower(), label.strip()
    options = list(dict.fromkeys(o.strip()[:80] for o in options if o.strip()))
    problems: dict[str, str] = {}
    if not _KEY.match(key):
        problems["key"] = "lower-case letters, digits, - or _, starting with a letter"
    if not 1 <= len(label) <= 200:
        problems["label"] = "1 to 200 characters"
    if len(options) < 2:
        problems["options"] = "at least two answers"
    if problems:
        raise ValidationFailed("The question is invalid; see details.", details=problems)
    if db.session.scalar(select(SelfIdQuestion.id).where(SelfIdQuestion.key == key)):
        raise Conflict(f"A question with key {key!r} exists")
    question = SelfIdQuestion(key=key, label=label, options=options, active=True)
    db.session.add(question)
    db.session.flush()
    audit.record(
        "self_id.question_added",
        actor=actor,
        subject_type="self_id_question",
        subject_id=question.id,
        details={"key": key, "options": options},
    )
    return question


def set_active(question_id: int, active: bool, *, actor: User) -> SelfIdQuestion:
    question = db.session.get(SelfIdQuestion, question_id)
    if question is None:
        raise NotFound(f"No question with id {question_id}")
    question.active = active
    db.session.flush()
    audit.record(
        "self_id.question_active",
        actor=actor,
        subject_type="self_id_question",
        subject_id=question.id,
        details={"active": active},
    )
    return question


def save_answers(application: Application, answers: Mapping[str, str]) -> int:
    """Store the answers given (by question key); blank or unknown options store nothing.

    Re-answering replaces earlier answers. Returns how many answers are stored.
    """
    questions = {q.key: q for q in active_questions()}
    existing = {
        a.question_id: a
        for a in db.session.scalars(
            select(SelfIdAnswer).where(SelfIdAnswer.application_id == application.id)
        )
    }
    stored = 0
    for key, question in questions.items():
        value = (answers.get(key) or "").strip()
        current = existing.get(question.id)
        if value not in question.options:
            if current is not None:
                db.session.delete(current)
            continue
        if current is None:
            db.session.add(
                SelfIdAnswer(application_id=application.id, question_id=question.id, value=value)
            )
        else:
            current.value = value
        stored += 1
    db.session.flush()
    return stored
