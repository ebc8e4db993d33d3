"""Public pages: open jobs, one job with its application form, the confirmation."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from werkzeug.datastructures import FileStorage

from hirekit.careers import services
from hirekit.careers.forms import ApplyForm
from hirekit.errors import ValidationFailed
from hirekit.extensions import limiter
from hirekit.jobs.markdown import render_markdown
from hirekit.reports import selfid
from hirekit.resumes.services import Upload, max_resume_mb

bp = Blueprint("careers", __name__, url_prefix="/careers")


def _rate_limit() -> str:
    return str(current_app.config["CAREERS_RATE_LIMIT"])


@bp.get("/")
def index() -> str:
    return render_template("careers/index.html", jobs=services.public_jobs())


def _render_job(job_id: int, form: ApplyForm, status: int = 200) -> tuple[str, int]:
    job = services.get_public_job(job_id)
    page = render_template(
        "careers/job.html",
        job=job,
        description=render_markdown(job.description),
        form=form,
        retention_days=services.retention_days(),
        limit_mb=max_resume_mb(),
    )
    return page, status


@bp.get("/<int:job_id>")
def job(job_id: int) -> tuple[str, int]:
    return _render_job(job_id, ApplyForm())


def _input(form: ApplyForm) -> services.ApplicationInput:
    file: FileStorage | None = form.resume.data if form.resume.data else None
    links = (form.links.data or "").split()
    return services.ApplicationInput(
        name=form.name.data or "",
        email=form.email.data or "",
        resume=Upload(file.filename or "", file.stream) if file and file.filename else None,  # type: ignore[arg-type]
        links=links,
        cover_note=form.cover_note.data or "",
        consent=bool(form.consent.data),
        website=form.website.data or "",
    )


@bp.post("/<int:job_id>")
@limiter.limit(_rate_limit, methods=["POST"])
def apply(job_id: int) -> Any:
    form = ApplyForm()
    if not form.validate_on_submit():  # only the CSRF token is checked here
        form.form_errors.append("The form expired; please send it again.")
        return _render_job(job_id, form, 400)
    try:
        record = services.submit_application(job_id, _input(form))
    except ValidationFailed as exc:
        for name, message in exc.details.items():
            if name in form:
                form[name].errors = [str(message)]
        form.form_errors.append(exc.message)
        # The page itself answers fine: it shows the form again with a message per field.
        return _render_job(job_id, form, 200)
    # The confirmation is reached by a redirect; a signed token in its query string
    # lets it offer the optional self-identification form for this application.
    token = selfid.offer_token(record.application_id if record else None)
    if token:
        return redirect(url_for("careers.thanks", job_id=job_id, self_id=token))
    return redirect(url_for("careers.thanks", job_id=job_id))


@bp.get("/<int:job_id>/thanks")
def thanks(job_id: int) -> str:
    job = services.get_public_job(job_id)
    token = request.args.get("self_id", "")
    self_id_url = (
        url_for("selfid.answer", job_id=job_id, token=token)
        if selfid.link_open(job_id, token)
        else None
    )
    return render_template(
        "careers/thanks.html",
        job=job,
        retention_days=services.retention_days(),
        self_id_url=self_id_url,
    )
