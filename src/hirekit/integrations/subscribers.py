"""Application events become webhook deliveries (queued after the transaction commits)."""

from __future__ import annotations

from hirekit import events
from hirekit.integrations.payloads import emit_application


def _created(event: events.ApplicationCreated) -> None:
    emit_application("application.created", event.application)


def _moved(event: events.ApplicationMoved) -> None:
    stage = event.from_stage
    emit_application(
        "application.stage_changed",
        event.application,
        from_stage={"id": stage.id, "name": stage.name, "kind": stage.kind},
    )


def _hired(event: events.ApplicationHired) -> None:
    emit_application("application.hired", event.application)


def _rejected(event: events.ApplicationRejected) -> None:
    emit_application("application.rejected", event.application)


def subscribe() -> None:
    events.application_created.connect(_created)
    events.application_moved.connect(_moved)
    events.application_hired.connect(_hired)
    events.application_rejected.connect(_rejected)
