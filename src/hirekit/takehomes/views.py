"""Pages: quick review, take-home uploads for a candidate, the review report."""

from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import page_user, requires
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.downloads import send_stored_file
from hirekit.errors import HirekitError
from hirekit.queue import get_job
from hirekit.takehomes.forms import AssessmentForm, UploadForm
from hirekit.takehomes.highlight import highlighted_rows
from hirekit.takehomes.models import Submission
from hirekit.takehomes.services import assessments, submissions, test_runs

bp = Blueprint("takehomes", __name__)


def _render_index(form: UploadForm, status: int = 200) -> tuple[str, int]:
    user = page_user()
    assert user is not None
    listed = submissions.recent_submissions(user)
    return render_template(
        "takehomes/index.html",
        form=form,
        submissions=listed,
        blind=assessments.blind_submission_ids(listed, user),
        label=assessments.candidate_label,
        limit_mb=f"{submissions.max_archive_mb():g}",
    ), status


@bp.get("/reviews")
@requires(Permission.REVIEWS_RUN)
def index() -> tuple[str, int]:
    return _render_index(UploadForm())


@bp.post("/reviews")
@requires(Permission.REVIEWS_RUN)
def upload() -> Response | tuple[str, int]:
    """Quick review: an archive without a candidate."""
    return _accept(UploadForm(), candidate_id=None)


@bp.post("/candidates/<int:candidate_id>/takehomes")
@requires(Permission.REVIEWS_RUN)
def upload_for_candidate(candidate_id: int) -> Response | tuple[str, int]:
    return _accept(UploadForm(), candidate_id=candidate_id)


def _accept(form: UploadForm, candidate_id: int | None) -> Response | tuple[str, int]:
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
        return _render_index(form, 400)
    upload = submissions.Upload(form.archive.data.filename or "", form.archive.data.stream)
    try:
        submission = submissions.submit(upload, actor=page_user(), candidate_id=candidate_id)
    except HirekitError as exc:
        flash(exc.message, "error")
        return _render_index(form, exc.status)
    return redirect(url_for("takehomes.show", submission_id=submission.id))


@bp.get("/reviews/<int:submission_id>")
@requires(Permission.REVIEWS_RUN)
def show(submission_id: int) -> str:
    user = page_user()
    assert user is not None
    submission = submissions.get_submission(submission_id, user)
    return _render_show(submission, user, AssessmentForm(formdata=None))


@bp.post("/reviews/<int:submission_id>/assessment")
@requires(Permission.REVIEWS_RUN)
def assess(submission_id: int) -> Response | tuple[str, int]:
    """A reviewer's one assessment of a submission; it reveals the candidate to them."""
    user = page_user()
    assert user is not None
    form = AssessmentForm()
    if form.validate_on_submit():
        try:
            assessments.assess(submission_id, form.rating.data, form.notes.data or "", actor=user)
        except HirekitError as exc:
            flash(exc.message, "error")
            submission = submissions.get_submission(submission_id, user)
            return _render_show(submission, user, form), exc.status
        flash("Assessment submitted.", "success")
        return redirect(url_for("takehomes.show", submission_id=submission_id))
    for errors in form.errors.values():
        flash(" ".join(str(e) for e in errors), "error")
    submission = submissions.get_submission(submission_id, user)
    return _render_show(submission, user, form), 400


def _render_show(submission: Submission, user: User, form: AssessmentForm) -> str:
    job = get_job(submission.background_job_id) if submission.background_job_id else None
    snippets = {
        int(index): highlighted_rows(rows) for index, rows in (submission.snippets or {}).items()
    }
    blind = assessments.is_blind(submission, user)
    return render_template(
        "takehomes/show.html",
        submission=submission,
        report=submission.report,
        snippets=snippets,
        task=job,
        combined=test_runs.combined_report(submission),
        blind=blind,
        candidate_label=assessments.candidate_label(submission),
        mine=assessments.assessment_by(submission, user),
        # Others' ratings only once one's own is in, so none anchors another.
        assessments=[] if blind else assessments.assessments_of(submission),
        assessment_form=form,
        ratings=assessments.RATINGS,
    )


@bp.get("/reviews/<int:submission_id>/report.json")
@requires(Permission.REVIEWS_RUN)
def report_json(submission_id: int) -> Response:
    user = page_user()
    assert user is not None
    submission = submissions.get_submission(submission_id, user)
    response = jsonify(submission.report or {})
    response.headers["Content-Disposition"] = f'attachment; filename="review-{submission.id}.json"'
    return response


@bp.get("/reviews/<int:submission_id>/archive")
@requires(Permission.REVIEWS_RUN)
def archive(submission_id: int) -> Response:
    """The candidate's archive as uploaded (a download; it is never unpacked here)."""
    user = page_user()
    assert user is not None
    submission = submissions.archive_for_download(submission_id, user)
    return send_stored_file(submission.file_key, submission.filename, "application/octet-stream")
