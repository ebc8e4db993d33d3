"""Pages: a job's board, moving a card (menu or drag and drop), bulk actions, CSV export."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.candidates import applications, bulk_email
from hirekit.candidates.applications import Action
from hirekit.candidates.board import build_board
from hirekit.candidates.exports import pipeline_csv
from hirekit.candidates.forms import ActionForm
from hirekit.errors import Conflict, ValidationFailed, wants_json
from hirekit.jobs.choices import REJECT_REASONS
from hirekit.jobs.services import get_job

bp = Blueprint("board", __name__)


@bp.get("/jobs/<int:job_id>/board")
@requires(Permission.CANDIDATES_READ)
def show(job_id: int) -> str:
    board = build_board(get_job(job_id, signed_in_user()))
    return render_template(
        "candidates/board.html",
        board=board,
        reasons=REJECT_REASONS,
        form=ActionForm(),
        email_templates=bulk_email.bulk_templates(),
    )


def _tags(form: ActionForm) -> list[str]:
    return [t for t in (form.tags.data or "").split(",") if t.strip()]


@bp.post("/applications/<int:application_id>/move")
@requires(Permission.CANDIDATES_WRITE)
def move(application_id: int) -> BaseResponse | dict[str, Any]:
    """One card's action; the board's drag and drop posts here too and asks for JSON."""
    me = signed_in_user()
    form = ActionForm()
    if not form.validate_on_submit():
        raise ValidationFailed("Choose where to move the candidate.")
    application = applications.get_application(application_id, me)
    action = Action.parse(form.action.data or "")
    try:
        applications.perform(
            application, action, actor=me, tags=_tags(form), salary=form.salary.data
        )
    except Conflict as exc:
        if wants_json():
            raise
        flash(exc.message, "info")
        return redirect(url_for("board.show", job_id=application.job_id))
    if wants_json():
        return {
            "id": application.id,
            "stage_id": application.stage_id,
            "stage": application.stage.name,
            "status": application.status,
        }
    flash(
        f"{application.candidate.name}: {application.stage.name}, {application.status}.", "success"
    )
    return redirect(url_for("board.show", job_id=application.job_id))


@bp.post("/jobs/<int:job_id>/board/bulk")
@requires(Permission.CANDIDATES_WRITE)
def bulk(job_id: int) -> BaseResponse:
    me = signed_in_user()
    form = ActionForm()
    if not form.validate_on_submit():
        raise ValidationFailed("Choose an action for the selected candidates.")
    ids = [int(v) for v in request.form.getlist("application_ids") if v.isdigit()]
    kind, _, template_key = (form.action.data or "").partition(":")
    if kind == "email":
        return _bulk_email(job_id, ids, template_key, me)
    outcome = applications.bulk(
        get_job(job_id, me), ids, Action.parse(form.action.data or ""), actor=me, tags=_tags(form)
    )
    flash(f"Done for {outcome.done} candidate(s).", "success")
    for reason in outcome.skipped:
        flash(f"Skipped: {reason}", "info")
    return redirect(url_for("board.show", job_id=job_id))


def _bulk_email(job_id: int, ids: list[int], template_key: str, me: User) -> BaseResponse:
    """The bulk form's "Send email: <template>" choice: one outbox message per candidate."""
    outcome = bulk_email.send_bulk_email(get_job(job_id, me), ids, template_key, actor=me)
    flash(f"Email queued for {len(outcome.sent)} candidate(s).", "success")
    for reason in outcome.skipped:
        flash(f"Skipped: {reason}", "info")
    return redirect(url_for("board.show", job_id=job_id))


@bp.get("/jobs/<int:job_id>/pipeline.csv")
@requires(Permission.CANDIDATES_READ)
def export_csv(job_id: int) -> Response:
    job = get_job(job_id, signed_in_user())
    return Response(
        pipeline_csv(job),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="job-{job.id}-pipeline.csv"'},
    )
