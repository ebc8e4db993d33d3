"""Pages of an interviewer: my interviews (their home), one interview, their scorecard."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.errors import Conflict, HirekitError
from hirekit.interviews.choices import RATINGS, InterviewStatus, Recommendation
from hirekit.interviews.forms import CsrfForm, parse_scorecard
from hirekit.interviews.ics import build_ics
from hirekit.interviews.models import Scorecard
from hirekit.interviews.services import scheduling, scorecards
from hirekit.interviews.services.access import get_interview
from hirekit.interviews.services.cancelling import cancel_interview
from hirekit.interviews.services.evidence import candidate_evidence
from hirekit.interviews.services.reminders import overdue_scorecards
from hirekit.interviews.services.tailored_ratings import tailored_for

bp = Blueprint("interviews", __name__)


@bp.get("/interviews")
@requires(Permission.INTERVIEWS_OWN)
def mine() -> str:
    me = signed_in_user()
    return render_template(
        "interviews/mine.html",
        rows=scheduling.my_interviews(me),
        overdue=overdue_scorecards(me),
        scheduled=scheduling.scheduled_interviews(me, limit=50),
    )


@bp.get("/interviews/<int:interview_id>")
@requires(Permission.INTERVIEWS_OWN)
def show(interview_id: int) -> str:
    me = signed_in_user()
    interview = get_interview(interview_id, me)
    job = interview.job
    live = interview.status == InterviewStatus.SCHEDULED
    return render_template(
        "interviews/show.html",
        interview=interview,
        live=live,
        mine=next((c for c in interview.scorecards if c.interviewer_id == me.id), None),
        cards=scorecards.visible_scorecards(interview.candidate_id, job.id, me, strict=False),
        # A cancelled interview no longer opens the candidate's evidence to its panel.
        evidence=candidate_evidence(
            interview.candidate_id, interview.candidate.name, job.id, job.use_case
        )
        if live
        else None,
        form=CsrfForm(),
    )


@bp.post("/interviews/<int:interview_id>/cancel")
@requires(Permission.INTERVIEWS_SCHEDULE)
def cancel(interview_id: int) -> Response:
    form = CsrfForm()
    if not form.validate_on_submit():
        flash("The form expired; please try again.", "error")
        return redirect(url_for("interviews.show", interview_id=interview_id))
    try:
        cancel_interview(
            interview_id, actor=signed_in_user(), reason=request.form.get("reason", "")
        )
    except Conflict as exc:
        flash(exc.message, "error")
    else:
        flash("Interview cancelled; the panel is notified through the outbox.", "success")
    return redirect(url_for("interviews.show", interview_id=interview_id))


@bp.get("/interviews/<int:interview_id>/invite.ics")
@requires(Permission.INTERVIEWS_OWN)
def ics(interview_id: int) -> Response:
    interview = get_interview(interview_id, signed_in_user())
    body = build_ics(scheduling.calendar_event(interview, interview.interviewers, ""))
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="interview-{interview.id}.ics"'
    return response


def _render_card(card: Scorecard, status: int = 200) -> tuple[str, int]:
    me = signed_in_user()
    return render_template(
        "interviews/scorecard.html",
        card=card,
        editable=card.interviewer_id == me.id,
        questions=scorecards.questions_for(card),
        tailored=tailored_for(card),
        attributes=scorecards.attributes_for(card),
        ratings=RATINGS,
        recommendations=list(Recommendation),
        form=CsrfForm(),
    ), status


@bp.get("/scorecards/<int:scorecard_id>")
@requires(Permission.INTERVIEWS_OWN)
def scorecard(scorecard_id: int) -> tuple[str, int]:
    return _render_card(scorecards.get_scorecard(scorecard_id, signed_in_user()))


@bp.post("/scorecards/<int:scorecard_id>")
@requires(Permission.INTERVIEWS_OWN)
def save_scorecard(scorecard_id: int) -> Response | tuple[str, int] | tuple[dict[str, object], int]:
    """Save a draft (also the autosave target, answered in JSON), submit, or edit after submit."""
    me = signed_in_user()
    card = scorecards.own_scorecard(scorecard_id, me)
    autosave = request.headers.get("X-Autosave") == "1"
    form = CsrfForm()
    if not form.validate_on_submit():
        if autosave:
            return {"saved": False, "error": "The form expired; reload the page."}, 400
        flash("The form expired; please try again.", "error")
        return _render_card(card, 400)
    data = parse_scorecard(
        request.form,
        [q.id for q in scorecards.questions_for(card)],
        scorecards.attributes_for(card),
        tailored_for(card),
    )
    submit = request.form.get("action") == "submit"
    try:
        scorecards.save(card.id, data, actor=me, submit=submit and not autosave)
    except HirekitError as exc:
        if autosave:
            return {"saved": False, "error": exc.message, "details": exc.details}, exc.status
        flash(exc.message + " " + "; ".join(f"{k}: {v}" for k, v in exc.details.items()), "error")
        return _render_card(card, exc.status)
    if autosave:
        return {"saved": True, "status": card.status}, 200
    flash("Scorecard submitted." if submit else "Scorecard saved.", "success")
    return redirect(url_for("interviews.scorecard", scorecard_id=card.id))
