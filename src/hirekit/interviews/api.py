"""REST: kits, interviews, one's own scorecards (same visibility rule as pages), debriefs."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.interviews.schemas import (
    CancelSchema,
    DebriefSchema,
    InterviewSchema,
    KitSchema,
    ScheduleSchema,
    ScorecardSchema,
    ScorecardWriteSchema,
)
from hirekit.interviews.services import debrief, kits, scheduling, scorecards
from hirekit.interviews.services.access import get_interview
from hirekit.interviews.services.cancelling import cancel_interview
from hirekit.pagination import PageArgsSchema, paginate

blp = Blueprint(
    "interviews_api", __name__, url_prefix="/api/v1", description="Interview kits and scorecards"
)


@blp.route("/jobs/<int:job_id>/kit")
class KitItem(MethodView):
    @api_requires(Permission.JOBS_READ)
    @blp.response(200, KitSchema)
    def get(self, job_id: int) -> Any:
        """The job's interview kit (generated from the role guide on first read)"""
        return kits.get_kit(job_id, api_user())


@blp.route("/jobs/<int:job_id>/interviews")
class JobInterviews(MethodView):
    @api_requires(Permission.INTERVIEWS_SCHEDULE)
    @blp.arguments(ScheduleSchema)
    @blp.response(201, InterviewSchema)
    def post(self, data: dict[str, Any], job_id: int) -> Any:
        """Schedule an interview; one draft scorecard per interviewer, invitations queued"""
        return scheduling.schedule(job_id, scheduling.ScheduleFields(**data), actor=api_user())


@blp.route("/interviews")
class MyInterviews(MethodView):
    @api_requires(Permission.INTERVIEWS_OWN)
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, InterviewSchema(many=True))
    def get(self, args: dict[str, int]) -> Any:
        """The interviews the caller sits on, soonest first"""
        page = paginate(scheduling.my_interviews_query(api_user()), args["page"], args["per_page"])
        return page.items, 200, page.headers()


@blp.route("/interviews/<int:interview_id>")
class InterviewItem(MethodView):
    @api_requires(Permission.INTERVIEWS_OWN)
    @blp.response(200, InterviewSchema)
    def get(self, interview_id: int) -> Any:
        """One interview: its panel sees it, and whoever schedules for its job"""
        return get_interview(interview_id, api_user())


@blp.route("/interviews/<int:interview_id>/cancel")
class InterviewCancel(MethodView):
    @api_requires(Permission.INTERVIEWS_SCHEDULE)
    @blp.arguments(CancelSchema)
    @blp.response(200, InterviewSchema)
    def post(self, data: dict[str, Any], interview_id: int) -> Any:
        """Cancel an interview (409 if already cancelled); the panel gets a calendar cancellation"""
        return cancel_interview(interview_id, actor=api_user(), reason=data["reason"])


@blp.route("/scorecards/<int:scorecard_id>")
class ScorecardItem(MethodView):
    @api_requires(Permission.INTERVIEWS_OWN)
    @blp.response(200, ScorecardSchema)
    def get(self, scorecard_id: int) -> Any:
        """A scorecard: its interviewer; other panelists once theirs are submitted; managers"""
        return scorecards.get_scorecard(scorecard_id, api_user())

    @api_requires(Permission.INTERVIEWS_OWN)
    @blp.arguments(ScorecardWriteSchema)
    @blp.response(200, ScorecardSchema)
    def put(self, data: dict[str, Any], scorecard_id: int) -> Any:
        """Save one's own scorecard; ``submit`` locks it; edits after submission are audited"""
        answers = {a["question_id"]: (a["rating"], a["notes"]) for a in data["answers"]}
        payload = scorecards.ScorecardInput(
            answers=answers,
            tailored={t["key"]: (t["rating"], t["notes"]) for t in data["tailored"]},
            attributes=data["attributes"],
            recommendation=data["recommendation"],
            key_points=data["key_points"],
        )
        return scorecards.save(scorecard_id, payload, actor=api_user(), submit=data["submit"])


@blp.route("/jobs/<int:job_id>/candidates/<int:candidate_id>/scorecards")
class CandidateScorecards(MethodView):
    @api_requires(Permission.INTERVIEWS_OWN)
    @blp.response(200, ScorecardSchema(many=True))
    def get(self, job_id: int, candidate_id: int) -> Any:
        """The candidate's scorecards the caller may read (independent-feedback rule)"""
        return scorecards.visible_scorecards(candidate_id, job_id, api_user())


@blp.route("/jobs/<int:job_id>/debriefs/<int:candidate_id>")
class DebriefItem(MethodView):
    @api_requires(Permission.DEBRIEFS_RUN)
    @blp.response(200, DebriefSchema)
    def get(self, job_id: int, candidate_id: int) -> Any:
        """Debrief summary: submitted scorecards, spreads, disagreements, level estimate"""
        return debrief.build_debrief(job_id, candidate_id, api_user())
