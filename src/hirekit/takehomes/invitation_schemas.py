"""API shapes for take-home invitations."""

from __future__ import annotations

import marshmallow as ma

from hirekit.takehomes.models import Invitation, InvitationState
from hirekit.takehomes.services import invitations


class InviteArgsSchema(ma.Schema):
    days = ma.fields.Integer(
        load_default=None, validate=ma.validate.Range(1, invitations.MAX_DAYS), allow_none=True
    )


class InvitationSchema(ma.Schema):
    id = ma.fields.Integer()
    application_id = ma.fields.Integer()
    candidate_id = ma.fields.Integer()
    job_id = ma.fields.Integer(allow_none=True)
    email = ma.fields.String()
    state = ma.fields.Method("_state", metadata={"enum": list(InvitationState)})
    expires_at = ma.fields.DateTime()
    opened_at = ma.fields.DateTime(allow_none=True)
    submitted_at = ma.fields.DateTime(allow_none=True)
    submission_id = ma.fields.Integer(allow_none=True)
    outbox_message_id = ma.fields.Integer(allow_none=True)
    report_url = ma.fields.Method("_report_url")
    created_at = ma.fields.DateTime()

    def _state(self, invitation: Invitation) -> str:
        return invitation.state().value

    def _report_url(self, invitation: Invitation) -> str | None:
        sid = invitation.submission_id
        return f"/api/v1/reviews/{sid}" if sid else None
