"""The applicant's own view of an application: a private, expiring link and the step in words.

The link is signed with the app's secret and names one application; it expires
after ``HIREKIT_STATUS_LINK_DAYS`` and stops working the moment the application
is gone (withdrawn applications still show their end). What the page says is
derived from the pipeline, never typed twice: an upcoming interview, a take-home
waiting for an upload, or the decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import current_app, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select

from hirekit.audit import services as audit
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application
from hirekit.candidates.services import applications
from hirekit.db import utcnow
from hirekit.errors import Conflict, LinkUnavailable
from hirekit.extensions import db
from hirekit.interviews.choices import InterviewStatus
from hirekit.interviews.models import Interview
from hirekit.jobs.choices import StageKind
from hirekit.reports import experience
from hirekit.takehomes.models import Invitation

TOKEN_SALT = "hirekit.application-status"  # noqa: S105 - a signing namespace, not a secret


class StatusLinkUnavailable(LinkUnavailable):
    """The link is unknown or tampered with (404) or past its date (410)."""


@dataclass(frozen=True)
class Step:
    # received, in-review, interviewing, interview, take-home, offer, offer-accepted,
    # not-selected, withdrawn
    key: str
    title: str
    detail: str


@dataclass(frozen=True)
class ApplicationStatusView:
    application: Application
    step: Step
    interviews: list[Interview]
    takehome: Invitation | None
    can_withdraw: bool


def link_days() -> int:
    return int(current_app.config["STATUS_LINK_DAYS"])


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=TOKEN_SALT)


def token_for(application: Application) -> str:
    # The applied-at time is part of the token, so it never matches a later row with the id.
    stamp = int(application.created_at.timestamp())
    return str(_serializer().dumps({"a": application.id, "t": stamp}))


def link_for(application: Application) -> str | None:
    """The absolute link for emails, or None where no address is known (no BASE_URL, no request)."""
    token = token_for(application)
    base = str(current_app.config.get("BASE_URL") or "").rstrip("/")
    if base:
        return f"{base}/careers/status/{token}"
    try:
        return url_for("careers.status_page", token=token, _external=True)
    except RuntimeError:
        return None


def application_for(token: str) -> Application:
    try:
        data = _serializer().loads(token, max_age=link_days() * 86400)
    except SignatureExpired:
        raise StatusLinkUnavailable(
            410, "This link has expired. Reply to any of our emails for a new one."
        ) from None
    except BadSignature:
        raise StatusLinkUnavailable(404, "This link is not valid.") from None
    application = db.session.get(Application, int(data.get("a", 0)))
    if application is None or int(application.created_at.timestamp()) != data.get("t"):
        raise StatusLinkUnavailable(404, "This application is no longer on file.")
    return application


def _upcoming_interviews(application: Application, now: datetime) -> list[Interview]:
    query = (
        select(Interview)
        .where(
            Interview.candidate_id == application.candidate_id,
            Interview.job_id == application.job_id,
            Interview.status == InterviewStatus.SCHEDULED.value,
            Interview.starts_at >= now,
        )
        .order_by(Interview.starts_at)
    )
    return list(db.session.scalars(query))


def _open_takehome(application: Application, now: datetime) -> Invitation | None:
    query = (
        select(Invitation)
        .where(
            Invitation.application_id == application.id,
            Invitation.submitted_at.is_(None),
            Invitation.expires_at > now,
        )
        .order_by(Invitation.expires_at)
    )
    return db.session.scalars(query).first()


def _step(
    application: Application, interviews: list[Interview], takehome: Invitation | None
) -> Step:
    status = application.status
    if status == ApplicationStatus.WITHDRAWN.value:
        return Step(
            "withdrawn", "Withdrawn", "You withdrew this application. Thank you for your time."
        )
    if status == ApplicationStatus.REJECTED.value:
        return Step(
            "not-selected",
            "Decision: not selected",
            "We decided not to move forward with this application. Thank you for applying.",
        )
    if status == ApplicationStatus.HIRED.value:
        return Step("offer-accepted", "Decision: hired", "Welcome aboard!")
    kind = application.stage.kind
    if kind == StageKind.OFFER.value:
        return Step(
            "offer", "Offer", "We would like to make you an offer; we will be in touch about it."
        )
    if interviews:
        return Step("interview", "Interview scheduled", "See the times below.")
    if takehome is not None:
        return Step(
            "take-home",
            "Take-home exercise waiting for you",
            "Upload your project through the link in our email before it expires.",
        )
    if kind == StageKind.INTERVIEW.value:
        return Step(
            "interviewing",
            "Interviews",
            "You are in the interview step; we will send you the times by email.",
        )
    first = application.job.stages[0] if application.job.stages else None
    if first is not None and application.stage_id == first.id:
        return Step("received", "Received", "We have your application and will read it soon.")
    return Step("in-review", "In review", "The team is looking at your application.")


def status_of(application: Application) -> ApplicationStatusView:
    now = utcnow()
    interviews = _upcoming_interviews(application, now)
    takehome = _open_takehome(application, now)
    return ApplicationStatusView(
        application=application,
        step=_step(application, interviews, takehome),
        interviews=interviews,
        takehome=takehome,
        can_withdraw=application.status == ApplicationStatus.ACTIVE.value,
    )


def withdraw(application: Application) -> Application:
    """The applicant withdraws; only an active application can be."""
    if application.status != ApplicationStatus.ACTIVE.value:
        raise Conflict("This application is already closed.")
    applications.withdraw(application, actor=None)
    audit.record(
        "careers.withdrawn_by_applicant",
        actor=None,
        subject_type="application",
        subject_id=application.id,
        details={"job_id": application.job_id},
    )
    return application


def interview_of(application: Application, interview_id: int) -> Interview:
    """One of the application's scheduled (not cancelled) interviews, for its calendar file."""
    interview = db.session.get(Interview, interview_id)
    if (
        interview is None
        or interview.candidate_id != application.candidate_id
        or interview.job_id != application.job_id
        or interview.status != InterviewStatus.SCHEDULED.value
    ):
        raise StatusLinkUnavailable(404, "No scheduled interview with this number.")
    return interview


def status_footer(application_id: int, recipient: str) -> str | None:
    """The status link for emails to the applicant themself (never to the team)."""
    application = db.session.get(Application, application_id)
    if application is None or application.candidate.email.lower() != recipient.lower():
        return None
    link = link_for(application)
    if link is None:
        return None
    line = f"See where your application stands, any time: {link}"
    if application.status in experience.ENDED and experience.answer_of(application) is None:
        line += (
            f"\n\nOne question, if you have a minute: how was your experience applying? "
            f"Answer here: {link}#survey"
        )
    return line
