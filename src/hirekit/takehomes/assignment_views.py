"""Pages: a job's take-home assignments, creating one, editing (a new version), sending."""

from __future__ import annotations

from typing import Any, BinaryIO, cast

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response

from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.downloads import send_stored_file
from hirekit.errors import HirekitError, NotFound
from hirekit.forms import options
from hirekit.jobs.markdown import render_markdown
from hirekit.jobs.services import jobs
from hirekit.takehomes.forms import AssignmentForm, SendAssignmentForm
from hirekit.takehomes.models import Assignment
from hirekit.takehomes.services import assessments, assignments, invitations, submissions

bp = Blueprint("takehomes_assignments", __name__)


def _upload(data: Any) -> submissions.Upload | None:
    """The service's view of an optional file field (None when nothing was chosen)."""
    if not isinstance(data, FileStorage) or not data.filename:
        return None
    return submissions.Upload(data.filename, cast(BinaryIO, data.stream))


def _files(form: AssignmentForm) -> assignments.AssignmentFiles:
    return assignments.AssignmentFiles(
        starter=_upload(form.starter.data),
        hidden_tests=_upload(form.hidden_tests.data),
        remove_starter=bool(form.remove_starter.data),
        remove_hidden_tests=bool(form.remove_hidden_tests.data),
    )


def _failed(form: AssignmentForm, exc: HirekitError) -> None:
    """Show the service's per-field problems next to the fields they name."""
    flash(exc.message, "error")
    for name, problem in exc.details.items():
        field = getattr(form, name, None)
        if field is not None and hasattr(field, "errors"):
            field.errors = [*field.errors, str(problem)]


def _limit_mb() -> str:
    return f"{submissions.max_archive_mb():g}"


@bp.get("/jobs/<int:job_id>/assignments")
@requires(Permission.REVIEWS_RUN)
def index(job_id: int) -> str:
    me = signed_in_user()
    return render_template(
        "takehomes/assignments.html",
        job=jobs.get_job(job_id, me),
        assignments=assignments.assignments_for_job(job_id, me),
    )


@bp.route("/jobs/<int:job_id>/assignments/new", methods=["GET", "POST"])
@requires(Permission.JOBS_WRITE)
def new(job_id: int) -> Response | tuple[str, int]:
    me = signed_in_user()
    job = jobs.get_job(job_id, me)
    form = AssignmentForm()
    if not form.is_submitted():
        form.use_case.data = job.use_case
    if form.validate_on_submit():
        try:
            assignment = assignments.create_assignment(
                job.id, form.to_fields(), _files(form), actor=me
            )
        except HirekitError as exc:
            _failed(form, exc)
            return _render_form(form, job=job, assignment=None), exc.status
        flash(f"Created the assignment “{assignment.current.title}”.", "success")
        return redirect(url_for("takehomes_assignments.show", assignment_id=assignment.id))
    return _render_form(form, job=job, assignment=None), 400 if form.is_submitted() else 200


@bp.route("/assignments/<int:assignment_id>/edit", methods=["GET", "POST"])
@requires(Permission.JOBS_WRITE)
def edit(assignment_id: int) -> Response | tuple[str, int]:
    me = signed_in_user()
    assignment = assignments.get_assignment(assignment_id, me)
    current = assignment.current
    form = AssignmentForm(obj=None if request.method == "POST" else current)
    if form.validate_on_submit():
        try:
            version = assignments.new_version(
                assignment.id, form.to_fields(), _files(form), actor=me
            )
        except HirekitError as exc:
            _failed(form, exc)
            return _render_form(form, job=assignment.job, assignment=assignment), exc.status
        flash(f"Saved version {version.number}; earlier versions stay as they were.", "success")
        return redirect(url_for("takehomes_assignments.show", assignment_id=assignment.id))
    status = 400 if form.is_submitted() else 200
    return _render_form(form, job=assignment.job, assignment=assignment), status


def _render_form(form: AssignmentForm, *, job: Any, assignment: Assignment | None) -> str:
    return render_template(
        "takehomes/assignment_form.html",
        form=form,
        job=job,
        assignment=assignment,
        limit_mb=_limit_mb(),
    )


@bp.get("/assignments/<int:assignment_id>")
@requires(Permission.REVIEWS_RUN)
def show(assignment_id: int) -> str:
    me = signed_in_user()
    assignment = assignments.get_assignment(assignment_id, me)
    listed = assignments.submissions_for_assignment(assignment.id, me)
    send_form = SendAssignmentForm(formdata=None)
    send_form.application_id.choices = _candidates(assignment)
    return render_template(
        "takehomes/assignment.html",
        assignment=assignment,
        version=assignment.current,
        brief=render_markdown(assignment.current.brief),
        submissions=listed,
        blind=assessments.blind_submission_ids(listed, me),
        label=assessments.candidate_label,
        send_form=send_form,
    )


def _candidates(assignment: Assignment) -> list[Any]:
    return options(
        [(a.id, a.candidate.name) for a in assignments.sendable_applications(assignment)]
    )


@bp.post("/assignments/<int:assignment_id>/invitations")
@requires(Permission.TAKEHOMES_INVITE)
def send(assignment_id: int) -> Response:
    me = signed_in_user()
    assignment = assignments.get_assignment(assignment_id, me)
    form = SendAssignmentForm()
    form.application_id.choices = _candidates(assignment)
    back = redirect(url_for("takehomes_assignments.show", assignment_id=assignment.id))
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(" ".join(str(e) for e in errors), "error")
        return back
    try:
        invitation = invitations.invite(
            form.application_id.data, actor=me, assignment_version_id=assignment.current.id
        )
    except HirekitError as exc:
        flash(exc.message, "error")
        return back
    flash(
        f"Sent version {assignment.current.number} to {invitation.email}; "
        f"deadline {invitation.expires_at:%d %b %Y %H:%M} UTC.",
        "success",
    )
    return back


@bp.get("/assignment-versions/<int:version_id>/starter")
@requires(Permission.REVIEWS_RUN)
def starter(version_id: int) -> Response:
    """The starter archive as candidates get it (for the hiring team to check)."""
    version = assignments.get_version(version_id, signed_in_user())
    if version.starter_key is None:
        raise NotFound("This version has no starter files.")
    return send_stored_file(
        version.starter_key, version.starter_filename, "application/octet-stream"
    )
