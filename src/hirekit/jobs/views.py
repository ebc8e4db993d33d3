"""Pages: the job list, a job, creating and editing one, its state, stages, application
questions and post check."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from hirekit import confirmation
from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.errors import HirekitError, ValidationFailed
from hirekit.jobs import stage_editor
from hirekit.jobs.checks import check_job, check_text
from hirekit.jobs.choices import JobState, StageKind
from hirekit.jobs.forms import JobForm, QuestionForm, StagesForm, StateForm
from hirekit.jobs.markdown import render_markdown
from hirekit.jobs.services import jobs, questions, stages

bp = Blueprint("jobs", __name__, url_prefix="/jobs")


def _form_failed(form: Any, exc: HirekitError) -> None:
    """Show a service's per-field problems next to the fields they name."""
    flash(exc.message, "error")
    for name, problem in exc.details.items():
        field = getattr(form, name, None)
        if field is not None and hasattr(field, "errors"):
            field.errors = [*field.errors, str(problem)]


@bp.get("/")
@requires(Permission.JOBS_READ)
def index() -> str:
    state = request.args.get("state", "")
    state = state if state in {s.value for s in JobState} else ""
    return render_template(
        "jobs/index.html", jobs=jobs.list_jobs(signed_in_user(), state or None), state=state
    )


@bp.route("/new", methods=["GET", "POST"])
@requires(Permission.JOBS_WRITE)
def new() -> Response | tuple[str, int]:
    form = JobForm()
    form.set_people(jobs.team_choices())
    if form.validate_on_submit():
        try:
            job = jobs.create_job(form.to_fields(), actor=signed_in_user())
        except HirekitError as exc:
            _form_failed(form, exc)
            return render_template("jobs/form.html", form=form, job=None), exc.status
        flash(f"Created the draft job “{job.title}”.", "success")
        return redirect(url_for("jobs.show", job_id=job.id))
    status = 400 if request.method == "POST" else 200
    return render_template("jobs/form.html", form=form, job=None), status


@bp.get("/<int:job_id>")
@requires(Permission.JOBS_READ)
def show(job_id: int) -> str:
    me = signed_in_user()
    job = jobs.get_job(job_id, me)
    return render_template(
        "jobs/show.html",
        job=job,
        description=render_markdown(job.description),
        check=check_job(job),
        salary=jobs.can_see_salary(me),
        next_states=jobs.next_states(job),
    )


@bp.route("/<int:job_id>/edit", methods=["GET", "POST"])
@requires(Permission.JOBS_WRITE)
def edit(job_id: int) -> Response | tuple[str, int]:
    job = jobs.get_job(job_id, signed_in_user())
    form = JobForm(obj=None if request.method == "POST" else jobs.fields_of(job))
    form.set_people(jobs.team_choices())
    if form.validate_on_submit():
        try:
            jobs.update_job(job, form.to_fields(), actor=signed_in_user())
        except HirekitError as exc:
            _form_failed(form, exc)
            return render_template("jobs/form.html", form=form, job=job), exc.status
        flash("Job saved.", "success")
        return redirect(url_for("jobs.show", job_id=job.id))
    status = 400 if request.method == "POST" else 200
    return render_template("jobs/form.html", form=form, job=job), status


@bp.post("/<int:job_id>/state")
@requires(Permission.JOBS_WRITE)
def change_state(job_id: int) -> Response | tuple[str, int]:
    form = StateForm()
    job = jobs.get_job(job_id, signed_in_user())
    if not form.validate_on_submit():
        raise ValidationFailed("Choose a valid state.")
    closing = form.state.data == JobState.CLOSED and job.state != JobState.CLOSED
    if closing and not confirmation.confirmed():
        return confirmation.ask(
            title=f"Close {job.title}?",
            message="A closed job leaves the careers site and takes no new applications.",
            button="Close the job",
            cancel_url=url_for("jobs.show", job_id=job.id),
        )
    jobs.change_state(job, form.state.data or "", actor=signed_in_user())
    flash(f"The job is now {job.state}.", "success")
    return redirect(url_for("jobs.show", job_id=job.id))


@bp.route("/<int:job_id>/stages", methods=["GET", "POST"])
@requires(Permission.JOBS_WRITE)
def edit_stages(job_id: int) -> Response | tuple[str, int]:
    job = jobs.get_job(job_id, signed_in_user())
    form = StagesForm()
    if request.method == "GET":
        return _stages_page(job, form, stage_editor.rows_of(job))
    rows = stage_editor.submitted_rows(job, request.form)
    if not form.validate_on_submit():
        flash("The form is incomplete or expired; please try again.", "error")
        return _stages_page(job, form, rows, 400)
    try:
        wanted, relocate = stage_editor.read_rows(rows)
        stages.edit_stages(job, wanted, actor=signed_in_user(), relocate=relocate)
    except HirekitError as exc:
        flash(exc.message, "error")
        return _stages_page(job, form, rows, exc.status, exc.details)
    flash("Pipeline stages saved.", "success")
    return redirect(url_for("jobs.edit_stages", job_id=job.id))


def _stages_page(
    job: Any,
    form: StagesForm,
    rows: list[stage_editor.StageRow],
    status: int = 200,
    problems: dict[str, Any] | None = None,
) -> tuple[str, int]:
    return render_template(
        "jobs/stages.html",
        job=job,
        form=form,
        rows=rows,
        kinds=list(StageKind),
        problems=problems or {},
    ), status


def _questions_page(job: Any, form: QuestionForm, status: int = 200) -> tuple[str, int]:
    return render_template("jobs/questions.html", job=job, form=form), status


@bp.get("/<int:job_id>/questions")
@requires(Permission.JOBS_WRITE)
def edit_questions(job_id: int) -> tuple[str, int]:
    return _questions_page(jobs.get_job(job_id, signed_in_user()), QuestionForm())


@bp.post("/<int:job_id>/questions")
@requires(Permission.JOBS_WRITE)
def add_question(job_id: int) -> Response | tuple[str, int]:
    job = jobs.get_job(job_id, signed_in_user())
    form = QuestionForm()
    if not form.validate_on_submit():
        return _questions_page(job, form, 400)
    try:
        questions.add_question(job, form.to_fields(), actor=signed_in_user())
    except HirekitError as exc:
        _form_failed(form, exc)
        return _questions_page(job, form, exc.status)
    flash("Question added to the application form.", "success")
    return redirect(url_for("jobs.edit_questions", job_id=job.id))


@bp.post("/<int:job_id>/questions/<int:question_id>/delete")
@requires(Permission.JOBS_WRITE)
def remove_question(job_id: int, question_id: int) -> Response:
    job = jobs.get_job(job_id, signed_in_user())
    questions.remove_question(job, questions.get_question(job, question_id), actor=signed_in_user())
    flash("Question removed; answers already given keep it.", "success")
    return redirect(url_for("jobs.edit_questions", job_id=job.id))


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


@bp.post("/lint")
@requires(Permission.JOBS_WRITE)
def lint() -> dict[str, Any]:
    """The job-post check for the form's live hints (session + X-CSRFToken header)."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise ValidationFailed("Send JSON with a 'text' string.", details={"text": "required"})
    result = check_text(
        body["text"],
        title=str(body.get("title") or ""),
        level=str(body.get("level") or ""),
        salary_min=_int_or_none(body.get("salary_min")),
        salary_max=_int_or_none(body.get("salary_max")),
        currency=str(body.get("currency") or ""),
        use_case=str(body.get("use_case") or ""),
    )
    return result.to_dict()
