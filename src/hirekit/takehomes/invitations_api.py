"""Take-home invitations over the API: send one for an application, read its state."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.takehomes.invitation_schemas import InvitationSchema, InviteArgsSchema
from hirekit.takehomes.models import Invitation
from hirekit.takehomes.services import invitations

blp = Blueprint(
    "takehomes_invitations_api", __name__, url_prefix="/api/v1", description="Take-home invitations"
)


@blp.route("/applications/<int:application_id>/takehome-invitations")
class ApplicationInvitations(MethodView):
    @api_requires(Permission.TAKEHOMES_INVITE)
    @blp.arguments(InviteArgsSchema)
    @blp.response(201, InvitationSchema)
    def post(self, data: dict[str, Any], application_id: int) -> Invitation:
        """Email the candidate a private, expiring upload link for a take-home"""
        return invitations.invite(application_id, actor=api_user(), days=data["days"])


@blp.route("/takehome-invitations/<int:invitation_id>")
class InvitationItem(MethodView):
    @api_requires(Permission.REVIEWS_RUN)
    @blp.response(200, InvitationSchema)
    def get(self, invitation_id: int) -> Invitation:
        """An invitation's state: sent, opened, submitted, reviewed or expired"""
        return invitations.get_invitation(invitation_id, api_user())
