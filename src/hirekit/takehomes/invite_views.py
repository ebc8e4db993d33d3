"""Take-home invitation pages: the candidate's public upload page, the recruiter's send form."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import page_user, requires
from hirekit.accounts.permissions import Permission
from hirekit.candidates.services.applications import applications_for
from hirekit.downloads import send_stored_file
from hirekit.errors import HirekitError
from hirekit.extensions import limiter
from hirekit.jobs.markdown import render_markdown
from hirekit.takehomes import candidate_page
from hirekit.takehomes.candidate_page import CandidateView
from hirekit.takehomes.forms import InviteForm, UploadForm
from hirekit.takehomes.panel import takehome_panel
from hirekit.takehomes.services import invitations, submissions
from hirekit.takehomes.services.invitations import InvitationUnavailable

bp = Blueprint("takehomes_invitations", __name__)


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
        limit_mb=f"{submissions.max_archive_mb():g}",
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
        upload = submissions.Upload(form.archive.data.filename or "", form.archive.data.stream)
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
    from hirekit.candidates.services.candidates import get_candidate

    me = page_user()
    assert me is not None
    return applications_for(get_candidate(candidate_id, me), me)


@bp.app_context_processor
def _panel_helper() -> dict[str, Any]:
    return {"takehome_panel": takehome_panel}
