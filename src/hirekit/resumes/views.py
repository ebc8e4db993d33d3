"""Pages: upload a resume to a candidate, many to a job, a bulk upload's per-file report."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from markupsafe import Markup
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response

from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.candidates import blinding
from hirekit.candidates.blinding import blind_id
from hirekit.candidates.models import Candidate
from hirekit.downloads import send_stored_file
from hirekit.errors import HirekitError
from hirekit.guides.registry import default_guide
from hirekit.jobs.services.jobs import get_job
from hirekit.queue import get_job as get_task
from hirekit.resumes.forms import BulkResumeForm, ResumeForm
from hirekit.resumes.highlight import highlight, spans_of
from hirekit.resumes.models import Screening
from hirekit.resumes.services import uploads

bp = Blueprint("resumes", __name__)


@bp.app_template_global("resume_panel")
def resume_panel(candidate: Candidate) -> dict[str, Any]:
    """What the candidate page's resume include shows: uploads, latest screening, the form."""
    screening: Screening | None
    try:
        screening = uploads.latest_screening(candidate.id, signed_in_user())
    except HirekitError:
        screening = None
    # A blind reviewer reads the blinded text and quotes, and never the file
    # itself or its name ("jane-doe-cv.pdf").
    hidden = blinding.hides(signed_in_user(), candidate.id)
    text = Markup()
    if screening is not None and not screening.error_code:
        flags = (screening.blind_flags if hidden else screening.flags) or {}
        text = highlight(screening.blind_text if hidden else screening.text, spans_of(flags))
    return {
        "hidden": hidden,
        "text": text,
        "resumes": uploads.resumes_of(candidate),
        # Offered as links to the merge preview, never merged here.
        "same_resume": uploads.same_resume_people(candidate),
        "screening": screening,
        "form": ResumeForm(),
        "limit_mb": uploads.max_resume_mb(),
        "labels": {f.id: f.label for f in default_guide().flags},
    }


@bp.post("/candidates/<int:candidate_id>/resumes")
@requires(Permission.CANDIDATES_WRITE)
def upload_for_candidate(candidate_id: int) -> Response:
    form = ResumeForm()
    back = redirect(url_for("candidates.show", candidate_id=candidate_id))
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
        return back
    file: FileStorage = form.resume.data
    upload = uploads.Upload(file.filename or "", file.stream)  # type: ignore[arg-type]
    try:
        uploads.upload_for_candidate(candidate_id, upload, actor=signed_in_user())
    except HirekitError as exc:
        if exc.status == 404:
            raise
        flash(exc.message, "error")
        return back
    flash("Resume uploaded; it is being screened.", "success")
    return back


def _render_bulk(job_id: int, form: BulkResumeForm, refused: list[Any], status: int) -> Any:
    job = get_job(job_id, signed_in_user())
    page = render_template(
        "resumes/bulk.html",
        job=job,
        form=form,
        refused=refused,
        limit_mb=uploads.max_resume_mb(),
    )
    return page, status


@bp.get("/jobs/<int:job_id>/resumes")
@requires(Permission.CANDIDATES_WRITE)
def bulk_form(job_id: int) -> Any:
    return _render_bulk(job_id, BulkResumeForm(), [], 200)


@bp.post("/jobs/<int:job_id>/resumes")
@requires(Permission.CANDIDATES_WRITE)
def bulk_upload(job_id: int) -> Any:
    form = BulkResumeForm()
    if not form.validate_on_submit():
        return _render_bulk(job_id, form, [], 400)
    files: list[FileStorage] = [f for f in form.files.data if f and f.filename]
    sent = [uploads.Upload(f.filename or "", f.stream) for f in files]  # type: ignore[arg-type]
    try:
        batch = uploads.bulk_upload(job_id, sent, actor=signed_in_user())
    except HirekitError as exc:
        if exc.status == 404:
            raise
        flash(exc.message, "error")
        return _render_bulk(job_id, form, exc.details.get("files", []), exc.status)
    if batch.rejected:
        flash(f"{len(batch.rejected)} file(s) could not be accepted; see the report.", "error")
    return redirect(url_for("queue.show", job_id=batch.background_job_id))


@bp.get("/resumes/batches/<int:batch_id>")
@requires(Permission.CANDIDATES_READ)
def batch(batch_id: int) -> str:
    found = uploads.get_batch(batch_id, signed_in_user())
    task = get_task(found.background_job_id) if found.background_job_id else None
    return render_template("resumes/batch.html", batch=found, task=task, blind_id=blind_id)


@bp.get("/resumes/<int:resume_id>/file")
@requires(Permission.CANDIDATES_READ)
def download(resume_id: int) -> Response:
    resume = uploads.resume_for_download(resume_id, signed_in_user())
    return send_stored_file(resume.file_key, resume.filename, resume.content_type)
