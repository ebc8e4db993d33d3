"""Pages of a job's interview kit and of scheduling its interviews."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from hirekit import confirmation
from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.accounts.timezones import label
from hirekit.errors import HirekitError
from hirekit.forms import options
from hirekit.guides.registry import default_guide
from hirekit.interviews.forms import CsrfForm, PartForm, QuestionForm, ScheduleForm
from hirekit.interviews.services import kits, scheduling
from hirekit.jobs.services.jobs import team_choices

bp = Blueprint("interviews_kits", __name__, url_prefix="/jobs/<int:job_id>")


def _back(job_id: int) -> Response:
    return redirect(url_for("interviews_kits.show", job_id=job_id))


def _done(job_id: int, form: CsrfForm | QuestionForm | PartForm, action: object) -> Response:
    """Run one kit edit behind a valid form; problems come back as a flash."""
    if not form.validate_on_submit():
        flash("The form is incomplete or expired; please try again.", "error")
        return _back(job_id)
    try:
        action()  # type: ignore[operator]
    except HirekitError as exc:
        flash(exc.message, "error")
    return _back(job_id)


@bp.get("/kit")
@requires(Permission.JOBS_READ)
def show(job_id: int) -> str:
    me = signed_in_user()
    kit = kits.get_kit(job_id, me)
    question_form = QuestionForm()
    question_form.part_id.choices = options(
        [(0, "No interview"), *[(p.id, p.name) for p in kit.parts]]
    )
    have = {q.guide_id for q in kit.questions}
    bank = [q for q in default_guide().questions_for(kit.use_case) if q.id not in have]
    return render_template(
        "interviews/kit.html",
        kit=kit,
        job=kit.job,
        form=CsrfForm(),
        question_form=question_form,
        part_form=PartForm(),
        bank=bank,
        can_edit=me.can(Permission.KITS_WRITE),
    )


@bp.post("/kit/questions")
@requires(Permission.KITS_WRITE)
def add_question(job_id: int) -> Response:
    form = QuestionForm()
    form.part_id.choices = []
    fields = kits.QuestionFields(
        text=form.text.data or "",
        junior=form.junior.data or "",
        senior=form.senior.data or "",
        red_flag=form.red_flag.data or "",
        topic=form.topic.data or "",
        part_id=form.part_id.data or None,
    )
    return _done(job_id, form, lambda: kits.add_question(job_id, fields, actor=signed_in_user()))


@bp.post("/kit/questions/<int:question_id>")
@requires(Permission.KITS_WRITE)
def update_question(job_id: int, question_id: int) -> Response:
    form = QuestionForm()
    form.part_id.choices = []
    fields = kits.QuestionFields(
        text=form.text.data or "",
        junior=form.junior.data or "",
        senior=form.senior.data or "",
        red_flag=form.red_flag.data or "",
        topic=form.topic.data or "",
    )
    return _done(
        job_id,
        form,
        lambda: kits.update_question(job_id, question_id, fields, actor=signed_in_user()),
    )


@bp.post("/kit/bank")
@requires(Permission.KITS_WRITE)
def add_from_bank(job_id: int) -> Response:
    guide_id = request.form.get("guide_id", "")
    return _done(
        job_id,
        CsrfForm(),
        lambda: kits.add_guide_question(job_id, guide_id, actor=signed_in_user()),
    )


@bp.post("/kit/questions/<int:question_id>/remove")
@requires(Permission.KITS_WRITE)
def remove_question(job_id: int, question_id: int) -> Response:
    return _done(
        job_id,
        CsrfForm(),
        lambda: kits.remove_question(job_id, question_id, actor=signed_in_user()),
    )


@bp.post("/kit/questions/<int:question_id>/move")
@requires(Permission.KITS_WRITE)
def move_question(job_id: int, question_id: int) -> Response:
    offset = -1 if request.form.get("direction") == "up" else 1
    return _done(
        job_id,
        CsrfForm(),
        lambda: kits.move_question(job_id, question_id, offset, actor=signed_in_user()),
    )


@bp.post("/kit/questions/<int:question_id>/part")
@requires(Permission.KITS_WRITE)
def set_part(job_id: int, question_id: int) -> Response:
    raw = request.form.get("part_id", "")
    part_id = int(raw) if raw.isdigit() and raw != "0" else None
    return _done(
        job_id,
        CsrfForm(),
        lambda: kits.set_question_part(job_id, question_id, part_id, actor=signed_in_user()),
    )


@bp.post("/kit/parts")
@requires(Permission.KITS_WRITE)
def add_part(job_id: int) -> Response:
    form = PartForm()
    return _done(
        job_id,
        form,
        lambda: kits.add_part(
            job_id, form.name.data or "", form.attribute_list(), actor=signed_in_user()
        ),
    )


@bp.post("/kit/parts/<int:part_id>")
@requires(Permission.KITS_WRITE)
def update_part(job_id: int, part_id: int) -> Response:
    form = PartForm()
    return _done(
        job_id,
        form,
        lambda: kits.update_part(
            job_id, part_id, form.name.data or "", form.attribute_list(), actor=signed_in_user()
        ),
    )


@bp.post("/kit/parts/<int:part_id>/remove")
@requires(Permission.KITS_WRITE)
def remove_part(job_id: int, part_id: int) -> Response:
    return _done(
        job_id, CsrfForm(), lambda: kits.remove_part(job_id, part_id, actor=signed_in_user())
    )


@bp.post("/kit/regenerate")
@requires(Permission.KITS_WRITE)
def regenerate(job_id: int) -> Response | tuple[str, int]:
    if not confirmation.confirmed():
        kit = kits.kit_for_edit(job_id, signed_in_user())
        return confirmation.ask(
            title="Regenerate the interview kit?",
            message=f"The kit of {kit.job.title} is rebuilt from the guide: every question "
            "and interview edited, added or removed here is lost.",
            button="Regenerate the kit",
            cancel_url=url_for("interviews_kits.show", job_id=job_id),
        )
    return _done(job_id, CsrfForm(), lambda: kits.regenerate(job_id, actor=signed_in_user()))


def _schedule_form(job_id: int, me: User) -> ScheduleForm:
    kit = kits.get_kit(job_id, me)
    form = ScheduleForm()
    form.part_id.choices = options([(0, "Whole kit"), *[(p.id, p.name) for p in kit.parts]])
    candidates = scheduling.job_candidates(job_id, me)
    form.candidate_id.choices = options([(c.id, c.name) for c in candidates])
    form.interviewer_ids.choices = options(
        [(u.id, f"{u.display_name} ({u.role_label})") for u in team_choices()]
    )
    form.starts_at.label.text = f"Date and time ({label(me.time_zone)})"
    return form


@bp.route("/interviews/new", methods=["GET", "POST"])
@requires(Permission.INTERVIEWS_SCHEDULE)
def schedule(job_id: int) -> Response | tuple[str, int]:
    me = signed_in_user()
    form = _schedule_form(job_id, me)
    if request.method == "GET" and request.args.get("candidate_id", "").isdigit():
        form.candidate_id.data = int(request.args["candidate_id"])
    status = 200
    if form.validate_on_submit():
        try:
            interview = scheduling.schedule(job_id, form.to_fields(me.time_zone), actor=me)
        except HirekitError as exc:
            flash(
                exc.message + " " + "; ".join(f"{k}: {v}" for k, v in exc.details.items()), "error"
            )
            status = exc.status
        else:
            flash("Interview scheduled; invitations are in the outbox.", "success")
            return redirect(url_for("interviews.show", interview_id=interview.id))
    elif request.method == "POST":
        status = 400
    return render_template(
        "interviews/schedule.html",
        form=form,
        job=scheduling.job_for_scheduling(job_id, me),
        interviews=scheduling.job_interviews(job_id, me),
    ), status
