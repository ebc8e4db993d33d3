"""The take-home section of a candidate's page: invitations, submissions, the send form."""

from __future__ import annotations

from typing import Any

from hirekit.accounts.auth import page_user
from hirekit.accounts.permissions import Permission
from hirekit.candidates.models import Candidate
from hirekit.candidates.services.applications import applications_for
from hirekit.takehomes.forms import InviteForm, UploadForm
from hirekit.takehomes.services import invitations, submissions


def takehome_panel(candidate: Candidate) -> dict[str, Any]:
    """What the candidate page's take-home section shows (see _candidate_takehomes.html)."""
    me = page_user()
    if me is None or not me.can(Permission.REVIEWS_RUN):
        return {"visible": False}
    found = invitations.for_candidate(candidate.id, me)
    form = InviteForm(formdata=None, days=invitations.invite_days())
    active = [a for a in applications_for(candidate, me) if a.status == "active"]
    form.application_id.choices = [(a.id, a.job.title) for a in active]
    return {
        "visible": True,
        "invitations": found.invitations,
        "submissions": found.submissions,
        "invite_form": form,
        "upload_form": UploadForm(formdata=None),
        "can_invite": me.can(Permission.TAKEHOMES_INVITE) and bool(active),
        "limit_mb": f"{submissions.max_archive_mb():g}",
    }
