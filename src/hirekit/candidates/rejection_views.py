"""Pages: confirm the rejection email after a reject (single or bulk), cancel a waiting one."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.candidates.services import applications, rejection_emails
from hirekit.jobs.services.jobs import get_job

bp = Blueprint("candidates_rejections", __name__)


def _ids(values: list[str]) -> list[int]:
    return [int(v) for value in values for v in value.split(",") if v.strip().isdigit()]


def _back(job_id: int) -> str:
    target = request.values.get("back", "")
    # Only our own candidate pages or the board: never an address from outside.
    if target.startswith("/candidates/") and "//" not in target:
        return target
    return url_for("candidates_board.show", job_id=job_id)


@bp.get("/jobs/<int:job_id>/rejection-emails")
@requires(Permission.CANDIDATES_WRITE)
def confirm(job_id: int) -> str:
    """Ask whether to send the rejection email to the just-rejected applications."""
    job = get_job(job_id, signed_in_user())
    chosen = applications.chosen_applications(job, _ids(request.args.getlist("ids")))
    return render_template(
        "candidates/rejection_emails.html",
        job=job,
        chosen=chosen,
        can_send=rejection_emails.can_send,
        templates=rejection_emails.templates(),
        default=rejection_emails.DEFAULT_TEMPLATE,
        delay=rejection_emails.delay_text(),
        back=_back(job_id),
    )


@bp.post("/jobs/<int:job_id>/rejection-emails")
@requires(Permission.CANDIDATES_WRITE)
def send(job_id: int) -> Response:
    me = signed_in_user()
    job = get_job(job_id, me)
    ids = _ids(request.form.getlist("application_ids"))
    template = request.form.get("template", "")
    outcome = rejection_emails.queue_rejection_emails(job, ids, template, actor=me)
    flash(
        f"Rejection email queued for {len(outcome.queued)} candidate(s); it goes "
        f"{rejection_emails.delay_text()} unless you cancel it or reopen the application.",
        "success",
    )
    for reason in outcome.skipped:
        flash(f"Skipped: {reason}", "info")
    return redirect(_back(job_id))


@bp.post("/applications/<int:application_id>/rejection-emails/<int:message_id>/cancel")
@requires(Permission.CANDIDATES_WRITE)
def cancel(application_id: int, message_id: int) -> Response:
    me = signed_in_user()
    application = applications.get_application(application_id, me)
    rejection_emails.cancel(application, message_id, actor=me)
    flash("The rejection email is cancelled; it will not be sent.", "success")
    return redirect(url_for("candidates.show", candidate_id=application.candidate_id))
