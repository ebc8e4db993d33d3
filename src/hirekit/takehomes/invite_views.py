"""Take-home invitations: the candidate's public upload page, the recruiter's send form, the API."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask.views import MethodView
from flask_smorest import Blueprint as ApiBlueprint
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import IntegerField, SelectField
from wtforms.validators import InputRequired, NumberRange

from hirekit.accounts.auth import api_requires, api_user, page_user, requires
from hirekit.accounts.permissions import Permission
from hirekit.candidates.applications import applications_for
from hirekit.candidates.models import Candidate
from hirekit.downloads import send_stored_file
from hirekit.errors import HirekitError
from hirekit.extensions import limiter
from hirekit.jobs.markdown import render_markdown
from hirekit.takehomes import candidate_page, invitations, services
from hirekit.takehomes.candidate_page import CandidateView
from hirekit.takehomes.forms import UploadForm
from hirekit.takehomes.invitations import InvitationUnavailable
from hirekit.takehomes.models import Invitation, InvitationState

bp = Blueprint("takehomes_invitations", __name__)
blp = ApiBlueprint(
    "takehomes_invitations_api", __name__, url_prefix="/api/v1", description="Take-home invitations"
)


class InviteForm(FlaskForm):
    application_id = SelectField("Application", coerce=int, validators=[InputRequired()])
    days = IntegerField(
        "Link valid for (days)",
        default=invitations.DEFAULT_DAYS,
        validators=[InputRequired(), NumberRange(1, invitations.MAX_DAYS)],
    )


def _upload_limit() -> str:
    return str(current_app.config.get("TAKEHOME_UPLOAD_RATE_LIMIT") or "10 per hour")


def _render_page(token: str, view: CandidateView, form: UploadForm, status: int = 200) -> Any:
    return render_template(
        "takehomes/invite_page.html",
        invitation=view.invitation,
        view=view,
        brief=render_markdown(view.version.brief) if view.version else None,
        token=token,
        form=form,
        limit_mb=f"{services.max_archive_mb():g}",
    ), status


@bp.route("/takehome/<token>", methods=["GET", "POST"])
@limiter.limit(_upload_limit, methods=["POST"])
def page(token: str) -> Any:
    """The candidate's page: no sign-in, the signed link is the credential."""
    form = UploadForm()
    try:
        if not form.validate_on_submit():
            view = candidate_page.view_for_token(token)
            return _render_page(token, view, form, 400 if form.is_submitted() else 200)
        upload = services.Upload(form.archive.data.filename or "", form.archive.data.stream)
        invitation = candidate_page.upload_by_token(token, upload)
    except InvitationUnavailable as exc:
        return render_template("takehomes/invite_gone.html", message=exc.message), exc.status
    except HirekitError as exc:  # refused archive, deadline passed: the page stays readable
        flash(exc.message, "error")
        return _render_page(token, candidate_page.view_for_token(token), form, exc.status)
    if invitation.assignment_version_id is not None:
        submission = invitation.submission
        name = submission.filename if submission else "your archive"
        flash(f"Received {name}. You can upload a new version until the deadline.", "success")
        return redirect(url_for("takehomes_invitations.page", token=token))
    return render_template("takehomes/invite_done.html", invitation=invitation)


@bp.get("/takehome/<token>/starter")
def starter(token: str) -> Response:
    """The assignment's starter archive, for the candidate holding the link."""
    version = candidate_page.starter_for_token(token)
    assert version.starter_key is not None  # starter_for_token refuses a version without
    return send_stored_file(
        version.starter_key, version.starter_filename, "application/octet-stream"
    )


@bp.post("/candidates/<int:candidate_id>/takehome-invitations")
@requires(Permission.TAKEHOMES_INVITE)
def send(candidate_id: int) -> Response:
    me = page_user()
    assert me is not None
    form = InviteForm()
    form.application_id.choices = [(a.id, a.job.title) for a in _applications(candidate_id)]
    back = redirect(url_for("candidates.show", candidate_id=candidate_id))
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
        return back
    try:
        invitation = invitations.invite(form.application_id.data, actor=me, days=form.days.data)
    except HirekitError as exc:
        flash(exc.message, "error")
        return back
    flash(f"Take-home invitation sent to {invitation.email}.", "success")
    return back


def _applications(candidate_id: int) -> list[Any]:
    from hirekit.candidates.services import get_candidate

    me = page_user()
    assert me is not None
    return applications_for(get_candidate(candidate_id, me), me)


@bp.app_context_processor
def _panel_helper() -> dict[str, Any]:
    return {"takehome_panel": takehome_panel}


def takehome_panel(candidate: Candidate) -> dict[str, Any]:
    """What the candidate page's take-home section shows (see _candidate_takehomes.html)."""
    me = page_user()
    if me is None or not me.can(Permission.REVIEWS_RUN):
        return {"visible": False}
    found = invitations.for_candidate(candidate.id, me)
    form = InviteForm(formdata=None, days=invitations.invite_days())
    active = [a for a in applications_for(candidate, me) if a.status == "active"]
    form.application_id.choices = [(a.id, a.job.title) for a in active]
    return {
        "visible": True,
        "invitations": found.invitations,
        "submissions": found.submissions,
        "invite_form": form,
        "upload_form": UploadForm(formdata=None),
        "can_invite": me.can(Permission.TAKEHOMES_INVITE) and bool(active),
        "limit_mb": f"{services.max_archive_mb():g}",
    }


class InviteArgsSchema(ma.Schema):
    days = ma.fields.Integer(
        load_default=None, validate=ma.validate.Range(1, invitations.MAX_DAYS), allow_none=True
    )


class InvitationSchema(ma.Schema):
    id = ma.fields.Integer()
    application_id = ma.fields.Integer()
    candidate_id = ma.fields.Integer()
    job_id = ma.fields.Integer(allow_none=True)
    email = ma.fields.String()
    state = ma.fields.Method("_state", metadata={"enum": list(InvitationState)})
    expires_at = ma.fields.DateTime()
    opened_at = ma.fields.DateTime(allow_none=True)
    submitted_at = ma.fields.DateTime(allow_none=True)
    submission_id = ma.fields.Integer(allow_none=True)
    outbox_message_id = ma.fields.Integer(allow_none=True)
    report_url = ma.fields.Method("_report_url")
    created_at = ma.fields.DateTime()

    def _state(self, invitation: Invitation) -> str:
        return invitation.state().value

    def _report_url(self, invitation: Invitation) -> str | None:
        sid = invitation.submission_id
        return f"/api/v1/reviews/{sid}" if sid else None


@blp.route("/applications/<int:application_id>/takehome-invitations")
class ApplicationInvitations(MethodView):
    @api_requires(Permission.TAKEHOMES_INVITE)
    @blp.arguments(InviteArgsSchema)
    @blp.response(201, InvitationSchema)
    def post(self, data: dict[str, Any], application_id: int) -> Invitation:
        """Email the candidate a private, expiring upload link for a take-home"""
        return invitations.invite(application_id, actor=api_user(), days=data["days"])


@blp.route("/takehome-invitations/<int:invitation_id>")
class InvitationItem(MethodView):
    @api_requires(Permission.REVIEWS_RUN)
    @blp.response(200, InvitationSchema)
    def get(self, invitation_id: int) -> Invitation:
        """An invitation's state: sent, opened, submitted, reviewed or expired"""
        return invitations.get_invitation(invitation_id, api_user())
