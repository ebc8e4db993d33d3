"""Pages: a candidate's privacy page, the export download, the confirmed deletion."""

from __future__ import annotations

import io

from flask import Blueprint, flash, redirect, render_template, send_file, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.candidates.services.candidates import get_candidate
from hirekit.errors import ValidationFailed
from hirekit.privacy import services
from hirekit.privacy.forms import DecisionForm, DeleteForm

bp = Blueprint("privacy", __name__, url_prefix="/candidates")


@bp.get("/<int:candidate_id>/privacy")
@requires(Permission.PRIVACY_MANAGE)
def show(candidate_id: int) -> str:
    candidate = get_candidate(candidate_id, signed_in_user())
    return render_template(
        "privacy/show.html",
        candidate=candidate,
        form=DeleteForm(),
        pending=services.pending_for(candidate.id),
    )


@bp.get("/privacy-requests")
@requires(Permission.PRIVACY_MANAGE)
def data_requests() -> str:
    return render_template(
        "privacy/requests.html",
        pending=services.pending_requests(signed_in_user()),
        form=DecisionForm(),
    )


@bp.post("/privacy-requests/<int:request_id>/<any(approve, decline):decision>")
@requires(Permission.PRIVACY_MANAGE)
def decide_request(request_id: int, decision: str) -> Response:
    if not DecisionForm().validate_on_submit():
        raise ValidationFailed("Tick the box to confirm the decision.")
    if decision == "decline":
        services.decline(request_id, actor=signed_in_user())
        flash("Request declined.", "success")
    elif services.approve(request_id, actor=signed_in_user()) is None:
        flash("The applicant's data is erased.", "success")
    else:
        flash("The export is on its way to the applicant.", "success")
    return redirect(url_for("privacy.data_requests"))


@bp.get("/<int:candidate_id>/export.zip")
@requires(Permission.PRIVACY_MANAGE)
def export_zip(candidate_id: int) -> Response:
    export = services.export_candidate(candidate_id, actor=signed_in_user())
    return send_file(
        io.BytesIO(export.data),
        mimetype="application/zip",
        as_attachment=True,
        download_name=export.filename,
    )


@bp.post("/<int:candidate_id>/delete")
@requires(Permission.PRIVACY_MANAGE)
def delete(candidate_id: int) -> Response:
    if not DeleteForm().validate_on_submit():
        raise ValidationFailed("Tick the box to confirm the deletion.")
    done = services.delete_candidate(candidate_id, actor=signed_in_user())
    flash(f"Candidate #{done.candidate_id} and {done.files} file(s) deleted.", "success")
    return redirect(url_for("candidates.index"))
