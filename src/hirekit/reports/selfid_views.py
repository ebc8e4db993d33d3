"""Pages: the candidate's optional self-identification form, and the admin's questions."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import page_user, requires
from hirekit.accounts.permissions import Permission
from hirekit.errors import HirekitError
from hirekit.extensions import limiter
from hirekit.reports.forms import QuestionForm
from hirekit.reports.services import selfid

bp = Blueprint("reports_selfid", __name__)


@bp.route("/careers/<int:job_id>/self-id/<token>", methods=["GET", "POST"])
@limiter.limit("30 per minute")
def answer(job_id: int, token: str) -> str | Response:
    """Public: the link from the application confirmation; every question is optional."""
    application = selfid.application_for_token(job_id, token)
    if request.method == "POST":
        selfid.save_answers(application, request.form)
        return render_template("reports/self_id_thanks.html")
    return render_template(
        "reports/self_id.html", questions=selfid.active_questions(), job_id=job_id, token=token
    )


@bp.get("/reports/self-id/questions")
@requires(Permission.SELF_ID_MANAGE)
def questions() -> str:
    return render_template(
        "reports/self_id_questions.html", form=QuestionForm(), questions=selfid.all_questions()
    )


@bp.post("/reports/self-id/questions")
@requires(Permission.SELF_ID_MANAGE)
def add_question() -> Response | tuple[str, int]:
    form = QuestionForm()
    user = page_user()
    assert user is not None
    if form.validate_on_submit():
        try:
            selfid.add_question(
                form.key.data, form.label.data, form.options.data.splitlines(), actor=user
            )
        except HirekitError as exc:
            flash(
                exc.message + " " + "; ".join(f"{k}: {v}" for k, v in exc.details.items()), "error"
            )
            return render_template(
                "reports/self_id_questions.html", form=form, questions=selfid.all_questions()
            ), exc.status
        flash("Question added.", "success")
        return redirect(url_for("reports_selfid.questions"))
    return render_template(
        "reports/self_id_questions.html", form=form, questions=selfid.all_questions()
    ), 400


@bp.post("/reports/self-id/questions/<int:question_id>/active")
@requires(Permission.SELF_ID_MANAGE)
def set_active(question_id: int) -> Response:
    user = page_user()
    assert user is not None
    selfid.set_active(question_id, request.form.get("active") == "1", actor=user)
    return redirect(url_for("reports_selfid.questions"))
