"""REST: export a candidate as a zip, delete a candidate for good (admins)."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.privacy.schemas import DeletionSchema
from hirekit.privacy.services import delete_candidate, export_document

blp = Blueprint("privacy_api", __name__, url_prefix="/api/v1", description="Privacy requests")


@blp.route("/candidates/<int:candidate_id>/privacy-export")
class CandidatePrivacyExport(MethodView):
    @api_requires(Permission.PRIVACY_MANAGE)
    @blp.response(200)
    def get(self, candidate_id: int) -> dict[str, Any]:
        """Everything held about the person as JSON, with the names of their files (audited).

        The page ``/candidates/<id>/export.zip`` adds the files themselves.
        """
        return export_document(candidate_id, actor=api_user())


@blp.route("/candidates/<int:candidate_id>/erasure")
class CandidateErasure(MethodView):
    @api_requires(Permission.PRIVACY_MANAGE)
    @blp.response(200, DeletionSchema)
    def post(self, candidate_id: int) -> Any:
        """Delete the person and every record and file about them; anonymous outcomes stay"""
        return delete_candidate(candidate_id, actor=api_user())
