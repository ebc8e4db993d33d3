"""Pages: a job's board, moving a card (menu or drag and drop), bulk actions, CSV export."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Response,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response as BaseResponse

from hirekit import confirmation
from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.candidates.board import PAGE, Column, build_board, chosen_names, shown_limit
from hirekit.candidates.exports import pipeline_csv
from hirekit.candidates.forms import ActionForm
from hirekit.candidates.services import applications, bulk_email, undo
from hirekit.candidates.services.applications import Action
from hirekit.db import utcnow
from hirekit.errors import Conflict, ValidationFailed, wants_json
from hirekit.jobs.choices import REJECT_REASONS
from hirekit.jobs.services.jobs import get_job

bp = Blueprint("candidates_board", __name__)

#: The session key holding the last bulk reject or withdraw, for its Undo button.
UNDO_KEY = "board_undo"
#: ``?show_<column key>=<cards>``: how many cards a column shows after "Show more".
SHOW_PREFIX = "show_"


@bp.get("/jobs/<int:job_id>/board")
@requires(Permission.CANDIDATES_READ)
def show(job_id: int) -> str:
    me = signed_in_user()
    now = utcnow()
    board = build_board(get_job(job_id, me), _limits(), viewer=me, now=now)
    return render_template(
        "candidates/board.html",
        board=board,
        reasons=REJECT_REASONS,
        form=ActionForm(),
        email_templates=bulk_email.bulk_templates(),
        undo=_pending_undo(job_id),
        more_url=lambda column: _more_url(job_id, column),
    )


def _more_url(job_id: int, column: Column) -> str:
    """This board with one column showing more cards, the others as they are."""
    args: dict[str, Any] = {
        name: value for name, value in request.args.items() if name.startswith(SHOW_PREFIX)
    }
    args[SHOW_PREFIX + column.key] = str(column.next_limit)
    return url_for("candidates_board.show", job_id=job_id, _anchor=f"col-{column.key}", **args)


def _limits() -> dict[str, int]:
    """The columns "Show more" was asked for: ``show_<column>=<cards>``."""
    limits = {}
    for name, value in request.args.items():
        if not name.startswith(SHOW_PREFIX):
            continue
        limit = shown_limit(value)
        if limit is None:
            raise ValidationFailed(f"{name} must be a number of cards, such as {PAGE * 2}.")
        limits[name.removeprefix(SHOW_PREFIX)] = limit
    return limits


def _pending_undo(job_id: int) -> dict[str, Any] | None:
    pending = session.get(UNDO_KEY)
    if isinstance(pending, dict) and pending.get("job_id") == job_id:
        return pending
    return None


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
        return redirect(url_for("candidates_board.show", job_id=application.job_id))
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
    if action.kind == "reject":  # nothing is sent yet: ask about the rejection email
        return redirect(_rejection_email_url(application.job_id, [application.id]))
    return redirect(url_for("candidates_board.show", job_id=application.job_id))


def _rejection_email_url(job_id: int, ids: list[int]) -> str:
    return url_for(
        "candidates_rejections.confirm", job_id=job_id, ids=",".join(str(i) for i in ids)
    )


@bp.post("/jobs/<int:job_id>/board/bulk")
@requires(Permission.CANDIDATES_WRITE)
def bulk(job_id: int) -> BaseResponse | tuple[str, int]:
    me = signed_in_user()
    form = ActionForm()
    if not form.validate_on_submit():
        raise ValidationFailed("Choose an action for the selected candidates.")
    ids = [int(v) for v in request.form.getlist("application_ids") if v.isdigit()]
    kind, _, template_key = (form.action.data or "").partition(":")
    if kind == "email":
        return _bulk_email(job_id, ids, template_key, me)
    action = Action.parse(form.action.data or "")
    job = get_job(job_id, me)
    closing = action.kind in ("reject", "withdraw")
    if closing and ids and not confirmation.confirmed():
        return _ask_bulk(job_id, ids, action)
    before = undo.active_among(job, ids) if closing else []
    outcome = applications.bulk(job, ids, action, actor=me, tags=_tags(form))
    flash(f"Done for {outcome.done} candidate(s).", "success")
    for reason in outcome.skipped:
        flash(f"Skipped: {reason}", "info")
    closed = undo.closed_among(job, before)
    if closed and len(closed) <= undo.MAX_UNDO:
        session[UNDO_KEY] = {"job_id": job_id, "ids": closed, "action": action.kind}
    if action.kind == "reject" and closed:  # nothing is sent yet: ask about the emails
        return redirect(_rejection_email_url(job_id, closed))
    return redirect(url_for("candidates_board.show", job_id=job_id))


def _ask_bulk(job_id: int, ids: list[int], action: Action) -> tuple[str, int]:
    names = chosen_names(job_id, ids, signed_in_user())
    verb = "Reject" if action.kind == "reject" else "Mark as withdrawn"
    reason = f" ({REJECT_REASONS.get(action.value, action.value)})" if action.value else ""
    return confirmation.ask(
        title=f"{verb} {len(names)} candidate(s)?",
        message=f"{verb}{reason}: these applications close. You can undo it from the board."
        + (
            " You choose next whether to send a rejection email." if action.kind == "reject" else ""
        ),
        button=f"{verb} {len(names)} candidate(s)",
        cancel_url=url_for("candidates_board.show", job_id=job_id),
        items=names,
    )


@bp.post("/jobs/<int:job_id>/board/undo")
@requires(Permission.CANDIDATES_WRITE)
def undo_bulk(job_id: int) -> BaseResponse:
    """Take back the last bulk reject or withdraw on this job, once."""
    me = signed_in_user()
    pending = _pending_undo(job_id)
    if pending is None:
        flash("Nothing to undo.", "info")
        return redirect(url_for("candidates_board.show", job_id=job_id))
    session.pop(UNDO_KEY, None)
    ids = [int(i) for i in pending.get("ids", [])]
    restored = undo.restore(get_job(job_id, me), ids, actor=me)
    skipped = len(ids) - restored
    flash(f"Undone for {restored} candidate(s).", "success")
    if skipped:
        flash(f"{skipped} candidate(s) changed since and were left as they are.", "info")
    return redirect(url_for("candidates_board.show", job_id=job_id))


def _bulk_email(job_id: int, ids: list[int], template_key: str, me: User) -> BaseResponse:
    """The bulk form's "Send email: <template>" choice: one outbox message per candidate."""
    outcome = bulk_email.send_bulk_email(get_job(job_id, me), ids, template_key, actor=me)
    flash(f"Email queued for {len(outcome.sent)} candidate(s).", "success")
    for reason in outcome.skipped:
        flash(f"Skipped: {reason}", "info")
    return redirect(url_for("candidates_board.show", job_id=job_id))


@bp.get("/jobs/<int:job_id>/pipeline.csv")
@requires(Permission.CANDIDATES_READ)
def export_csv(job_id: int) -> Response:
    job = get_job(job_id, signed_in_user())
    return Response(
        pipeline_csv(job),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="job-{job.id}-pipeline.csv"'},
    )
