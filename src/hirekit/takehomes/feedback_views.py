"""Pages: an application's take-home feedback: draft it, edit it, approve and send it."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.candidates.services.applications import get_application
from hirekit.errors import HirekitError
from hirekit.takehomes.forms import DraftForm, FeedbackForm
from hirekit.takehomes.services import feedback

bp = Blueprint("takehomes_feedback", __name__)


def _render(
    application_id: int, form: FeedbackForm | None = None, status: int = 200
) -> tuple[str, int]:
    application = get_application(application_id, signed_in_user())
    state = feedback.state_of(application)
    if form is None:
        form = FeedbackForm(data={"body": state.feedback.body if state.feedback else ""})
    return render_template(
        "takehomes/feedback.html", state=state, form=form, draft_form=DraftForm()
    ), status


@bp.get("/applications/<int:application_id>/feedback")
@requires(Permission.CANDIDATES_WRITE)
def show(application_id: int) -> tuple[str, int]:
    return _render(application_id)


@bp.post("/applications/<int:application_id>/feedback/draft")
@requires(Permission.CANDIDATES_WRITE)
def draft(application_id: int) -> Response | tuple[str, int]:
    me = signed_in_user()
    application = get_application(application_id, me)
    if not DraftForm().validate_on_submit():
        flash("The page expired; please try again.", "error")
        return _render(application_id, status=400)
    feedback.draft(application, actor=me)
    flash(
        "Feedback drafted from the take-home review. Edit it, then approve it to send.", "success"
    )
    return redirect(url_for("takehomes_feedback.show", application_id=application_id))


@bp.post("/applications/<int:application_id>/feedback")
@requires(Permission.CANDIDATES_WRITE)
def save(application_id: int) -> Response | tuple[str, int]:
    """Save the edit, or (the "Approve and send" button) approve it: only that sends."""
    me = signed_in_user()
    application = get_application(application_id, me)
    form = FeedbackForm()
    if not form.validate_on_submit():
        return _render(application_id, form, 400)
    try:
        if form.approve.data:
            feedback.approve(application, form.body.data or "", actor=me)
            flash("Feedback approved and queued to the candidate.", "success")
        else:
            feedback.save(application, form.body.data or "", actor=me)
            flash("Draft saved. Nothing was sent.", "success")
    except HirekitError as exc:
        form.body.errors = [*form.body.errors, exc.message]
        return _render(application_id, form, exc.status)
    return redirect(url_for("takehomes_feedback.show", application_id=application_id))
