"""What happened, told once: the named signals domains publish, with typed payloads.

A domain that changes something others care about sends an event here instead of
calling them; webhooks, mail, search indexing and audit subscribe in their
``init_app``. Events are blinker signals (Flask's own) and are delivered
synchronously in the sender's application context and transaction, so a
subscriber that must be atomic with the change (audit) simply writes; one that
does I/O enqueues a job.

    events.application_moved.send(ApplicationMoved(application, from_stage))
    events.application_moved.connect(on_moved)   # on_moved(payload: ApplicationMoved)

Connecting the same function again is a no-op, so ``init_app`` may run once per
application in a process that creates several.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from blinker import Namespace

if TYPE_CHECKING:
    from hirekit.accounts.models import User
    from hirekit.candidates.models import Application
    from hirekit.interviews.models import Interview
    from hirekit.jobs.models import Stage
    from hirekit.resumes.models import Resume

P = TypeVar("P")

_namespace = Namespace()


class Event(Generic[P]):
    """One named signal whose receivers take its payload (the signal's sender)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._signal = _namespace.signal(name)

    def send(self, payload: P) -> None:
        self._signal.send(payload)

    def connect(self, receiver: Callable[[P], None]) -> None:
        """Call ``receiver(payload)`` on every send; held strongly, connected once."""
        self._signal.connect(receiver, weak=False)

    def disconnect(self, receiver: Callable[[P], None]) -> None:
        self._signal.disconnect(receiver)


@dataclass(frozen=True)
class ApplicationCreated:
    application: Application


@dataclass(frozen=True)
class ApplicationMoved:
    application: Application
    from_stage: Stage


@dataclass(frozen=True)
class ApplicationRejected:
    application: Application


@dataclass(frozen=True)
class ApplicationReopened:
    """A rejected or withdrawn application became active again (moved back, or undone)."""

    application: Application
    actor: User | None


@dataclass(frozen=True)
class ApplicationHired:
    application: Application


@dataclass(frozen=True)
class CandidateErased:
    candidate_id: int


@dataclass(frozen=True)
class ScreeningDone:
    """A resume was read and screened; ``text`` is what was extracted from it."""

    resume: Resume
    text: str


@dataclass(frozen=True)
class ReviewDone:
    submission_id: int


@dataclass(frozen=True)
class InterviewScheduled:
    interview: Interview


@dataclass(frozen=True)
class InterviewCancelled:
    interview: Interview


@dataclass(frozen=True)
class AccountChanged:
    """A change to a user or token the audit log must hold (``action`` as audit names it)."""

    action: str
    actor: User | None
    subject_type: str
    subject_id: object
    details: dict[str, Any] | None = field(default=None)


application_created: Event[ApplicationCreated] = Event("application-created")
application_moved: Event[ApplicationMoved] = Event("application-moved")
application_rejected: Event[ApplicationRejected] = Event("application-rejected")
application_reopened: Event[ApplicationReopened] = Event("application-reopened")
application_hired: Event[ApplicationHired] = Event("application-hired")
candidate_erased: Event[CandidateErased] = Event("candidate-erased")
screening_done: Event[ScreeningDone] = Event("screening-done")
review_done: Event[ReviewDone] = Event("review-done")
interview_scheduled: Event[InterviewScheduled] = Event("interview-scheduled")
interview_cancelled: Event[InterviewCancelled] = Event("interview-cancelled")
account_changed: Event[AccountChanged] = Event("account-changed")
