"""Pages: the screening overview, a job's ranked list, blind mode and fit overrides."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.errors import ValidationFailed
from hirekit.jobs.services.jobs import list_jobs
from hirekit.resumes.forms import BlindForm, OverrideForm
from hirekit.resumes.services import ranking

bp = Blueprint("resumes_screening", __name__)


@bp.get("/screening")
@requires(Permission.CANDIDATES_READ)
def index() -> str:
    return render_template("resumes/index.html", jobs=list_jobs(signed_in_user()))


@bp.get("/jobs/<int:job_id>/ranked")
@requires(Permission.CANDIDATES_READ)
def ranked(job_id: int) -> str:
    ranked_list = ranking.ranked_list(job_id, signed_in_user())
    return render_template(
        "resumes/ranked.html",
        ranked=ranked_list,
        blind_form=BlindForm(blind=ranked_list.blind),
        override_form=OverrideForm(job_id=str(job_id)),
    )


@bp.post("/jobs/<int:job_id>/screening-settings")
@requires(Permission.JOBS_WRITE)
def settings(job_id: int) -> Response:
    form = BlindForm()
    if not form.validate_on_submit():
        raise ValidationFailed("The form expired; reload the page and try again.")
    ranking.set_blind(job_id, bool(form.blind.data), actor=signed_in_user())
    flash("Blind review is on." if form.blind.data else "Blind review is off.", "success")
    return redirect(url_for("resumes_screening.ranked", job_id=job_id))


@bp.post("/screenings/<int:screening_id>/override")
@requires(Permission.CANDIDATES_WRITE)
def override(screening_id: int) -> Response:
    form = OverrideForm()
    if not form.validate_on_submit():
        messages = [str(e) for errors in form.errors.values() for e in errors]
        raise ValidationFailed(" ".join(messages) or "Choose a fit and give a reason.")
    screening = ranking.override_fit(
        screening_id, form.fit.data or "", form.reason.data or "", actor=signed_in_user()
    )
    flash(f"Fit set to {screening.override_fit}.", "success")
    job_id = request.form.get("job_id", "")
    if job_id.isdigit():
        return redirect(url_for("resumes_screening.ranked", job_id=int(job_id)))
    return redirect(url_for("candidates.show", candidate_id=screening.candidate_id))
