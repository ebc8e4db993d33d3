"""What a webhook says about an application: ids and the few fields a subscriber acts on."""

from __future__ import annotations

from typing import Any

from hirekit.candidates.models import Application
from hirekit.integrations.models import WebhookDelivery
from hirekit.integrations.services import emit


def application_payload(application: Application) -> dict[str, Any]:
    return {
        "application_id": application.id,
        "status": application.status,
        "reject_reason": application.reject_reason or None,
        "candidate": {
            "id": application.candidate_id,
            "name": application.candidate.name,
            "email": application.candidate.email,
        },
        "job": {"id": application.job_id, "title": application.job.title},
        "stage": {
            "id": application.stage_id,
            "name": application.stage.name,
            "kind": application.stage.kind,
        },
    }


def emit_application(
    event_type: str, application: Application, **extra: Any
) -> list[WebhookDelivery]:
    """:func:`emit` ``event_type`` for ``application``; ``extra`` adds fields (e.g. from_stage)."""
    return emit(event_type, {**application_payload(application), **extra})
