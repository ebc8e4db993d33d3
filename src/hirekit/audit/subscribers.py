"""Account events become audit entries, in the transaction that made the change."""

from __future__ import annotations

from hirekit import events
from hirekit.audit.services import record


def _account_changed(event: events.AccountChanged) -> None:
    record(
        event.action,
        actor=event.actor,
        subject_type=event.subject_type,
        subject_id=event.subject_id,
        details=event.details,
    )


def subscribe() -> None:
    events.account_changed.connect(_account_changed)
