"""Pages of hiring managers and admins: debriefs, the decision, interviewer calibration."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.errors import HirekitError
from hirekit.forms import options
from hirekit.interviews.choices import RATINGS
from hirekit.interviews.forms import DecisionForm
from hirekit.interviews.services import debrief as debriefs
from hirekit.interviews.services.calibration import calibration_report
from hirekit.jobs.choices import REJECT_REASONS

bp = Blueprint("interviews_debriefs", __name__)


def _decision_form() -> DecisionForm:
    form = DecisionForm()
    form.reason.choices = options([("", "—"), *REJECT_REASONS.items()])
    return form


@bp.get("/debriefs")
@requires(Permission.DEBRIEFS_RUN)
def index() -> str:
    return render_template("interviews/debriefs.html", rows=debriefs.debrief_list(signed_in_user()))


def _render(
    job_id: int, candidate_id: int, form: DecisionForm, status: int = 200
) -> tuple[str, int]:
    return render_template(
        "interviews/debrief.html",
        d=debriefs.build_debrief(job_id, candidate_id, signed_in_user()),
        form=form,
        ratings=RATINGS,
        reasons=REJECT_REASONS,
    ), status


@bp.get("/jobs/<int:job_id>/debriefs/<int:candidate_id>")
@requires(Permission.DEBRIEFS_RUN)
def show(job_id: int, candidate_id: int) -> tuple[str, int]:
    return _render(job_id, candidate_id, _decision_form())


@bp.post("/jobs/<int:job_id>/debriefs/<int:candidate_id>/decision")
@requires(Permission.DEBRIEFS_RUN)
def decide(job_id: int, candidate_id: int) -> Response | tuple[str, int]:
    form = _decision_form()
    if not form.validate_on_submit():
        flash("The form is incomplete or expired; please try again.", "error")
        return _render(job_id, candidate_id, form, 400)
    try:
        debriefs.record_decision(
            job_id,
            candidate_id,
            form.decision.data or "",
            actor=signed_in_user(),
            reason=form.reason.data or "",
            note=form.note.data or "",
        )
    except HirekitError as exc:
        flash(exc.message, "error")
        return _render(job_id, candidate_id, form, exc.status)
    flash("Decision recorded.", "success")
    return redirect(url_for("interviews_debriefs.show", job_id=job_id, candidate_id=candidate_id))


@bp.get("/interviewers/calibration")
@requires(Permission.CALIBRATION_READ)
def calibration() -> str:
    return render_template("interviews/calibration.html", rows=calibration_report(signed_in_user()))
