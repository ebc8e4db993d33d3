"""REST: an application's take-home feedback: draft, edit, approve (only approval sends)."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.candidates.services.applications import get_application
from hirekit.errors import NotFound
from hirekit.takehomes.feedback_schemas import FeedbackBodySchema, FeedbackSchema
from hirekit.takehomes.models import TakehomeFeedback
from hirekit.takehomes.services import feedback

blp = Blueprint(
    "takehomes_feedback_api", __name__, url_prefix="/api/v1", description="Take-home feedback"
)


def _application(application_id: int) -> Any:
    return get_application(application_id, api_user())


@blp.route("/applications/<int:application_id>/feedback")
class ApplicationFeedback(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.response(200, FeedbackSchema)
    def get(self, application_id: int) -> TakehomeFeedback:
        """The application's take-home feedback (draft or sent); 404 before any draft"""
        found = feedback.feedback_of(_application(application_id))
        if found is None:
            raise NotFound("No feedback drafted for this application yet")
        return found

    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(FeedbackBodySchema)
    @blp.response(200, FeedbackSchema)
    def put(self, data: dict[str, Any], application_id: int) -> TakehomeFeedback:
        """Save an edit of the draft; sends nothing (409 once sent)"""
        return feedback.save(_application(application_id), data["body"], actor=api_user())


@blp.route("/applications/<int:application_id>/feedback/draft")
class ApplicationFeedbackDraft(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.response(201, FeedbackSchema)
    def post(self, application_id: int) -> TakehomeFeedback:
        """Draft the feedback from the latest reviewed take-home; sends nothing.

        Strengths and exactly two concrete improvements, never scores, levels,
        severities, file paths or internal notes. 422 when no take-home was reviewed.
        """
        return feedback.draft(_application(application_id), actor=api_user())


@blp.route("/applications/<int:application_id>/feedback/approval")
class ApplicationFeedbackApproval(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(FeedbackBodySchema)
    @blp.response(201, FeedbackSchema)
    def post(self, data: dict[str, Any], application_id: int) -> TakehomeFeedback:
        """Approve the given text as final: it is saved and queued to the candidate"""
        return feedback.approve(_application(application_id), data["body"], actor=api_user())
