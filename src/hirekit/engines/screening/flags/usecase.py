"""What each use case weighs inside a fit band (the guide's "Skills Assessment by Use Case").

REST API roles weigh error handling beside API design; microservices roles weigh
communication between services and handling their failures; full-stack roles need
Jinja2 templating, forms and sessions, and a candidate who has only built APIs
carries the guide's full-stack red flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hirekit.engines.screening.flags.evidence import ResumeView
from hirekit.engines.screening.sentences import Sentence


@dataclass(frozen=True)
class Signal:
    id: str
    label: str
    weight: float  # on the scale of the guide's flag weights
    pattern: re.Pattern[str]
    hints: tuple[str, ...]


@dataclass(frozen=True)
class Found:
    signal: Signal
    evidence: tuple[Sentence, ...]


def _signal(id: str, label: str, weight: float, pattern: str, hints: tuple[str, ...]) -> Signal:
    return Signal(id, label, weight, re.compile(pattern, re.IGNORECASE), hints)


ERROR_HANDLING = _signal(
    "error_handling",
    "API error handling and validation",
    1.5,
    r"\b(?:error\s+(?:handling|handlers?|responses?|bodies|codes?)|status\s+codes?|"
    r"(?:input|request|payload|schema)\s+validation|validat\w+\s+(?:requests?|input|payloads?)|"
    r"marshmallow|pydantic|exception\s+handl\w+)\b",
    ("error", "status", "validat", "marshmallow", "pydantic", "exception"),
)
SERVICE_COMMUNICATION = _signal(
    "service_communication",
    "communication between services",
    1.5,
    r"\b(?:RabbitMQ|Kafka|gRPC|message\s+(?:queues?|brokers?|bus)|event[\s-]driven|pub/?sub|"
    r"SQS|SNS|Celery|inter-?service|service[\s-]to[\s-]service|between\s+services|"
    r"service\s+mesh|API\s+gateway)\b",
    ("rabbit", "kafka", "grpc", "message", "event", "pub", "sqs", "sns", "celery", "service",
     "gateway"),
)  # fmt: skip
FAILURE_HANDLING = _signal(
    "failure_handling",
    "failure handling across services",
    1.5,
    r"\b(?:retr(?:y|ies|ied)|circuit[\s-]breakers?|timeouts?|fault[\s-]toleran\w+|"
    r"resilien\w+|back-?off|idempoten\w+|dead[\s-]letter|graceful\s+degradation|failover)\b",
    ("retr", "circuit", "timeout", "fault", "resilien", "backoff", "back-off", "idempoten",
     "dead", "graceful", "failover"),
)  # fmt: skip
TEMPLATING = _signal(
    "templating",
    "Jinja2 templates",
    1.0,
    r"\b(?:Jinja2?|server[\s-]rendered|(?:HTML\s+)?templates?)\b",
    ("jinja", "server", "template"),
)
FORMS = _signal(
    "forms",
    "form handling",
    1.0,
    r"\b(?:WTForms|Flask-WTF|forms?\s+(?:handling|validation|submissions?)|web\s+forms?|"
    r"(?:built|designed|wrote)\s+(?:\w+\s+){0,3}forms?)\b",
    ("wtf", "wtforms", "form"),
)
SESSIONS = _signal(
    "sessions",
    "sessions and logins",
    1.0,
    r"\b(?:sessions?|Flask-Login|Flask-Session|log-?ins?|authentication|cookies?)\b",
    ("session", "login", "log-in", "authentication", "cookie"),
)

SIGNALS: dict[str, tuple[Signal, ...]] = {
    "rest-api": (ERROR_HANDLING,),
    "microservices": (SERVICE_COMMUNICATION, FAILURE_HANDLING),
    "full-stack": (TEMPLATING, FORMS, SESSIONS),
}
#: The full-stack red flag: APIs built, but no templates, forms or sessions.
API_ONLY_WEIGHT = 2.0
API_ONLY_NOTE = "API-only: has built APIs but shows no templates, forms or sessions"


def detect(view: ResumeView, use_case: str) -> list[Found]:
    """The use case's signals that the resume's own, non-negated sentences show."""
    found = []
    for signal in SIGNALS.get(use_case, ()):
        # Sentences holding a hint, found by substring search, then the pattern.
        quoted = [
            view.sentences[i]
            for i in view.sentences_with(signal.hints)
            if view.matches(i, signal.pattern) is not None
        ]
        if quoted:
            found.append(Found(signal, tuple(quoted[:3])))
    return found


def api_only(use_case: str, green: set[str], found: list[Found]) -> bool:
    """The guide's full-stack red flag: "has only built APIs"."""
    return use_case == "full-stack" and "api_design" in green and not found


@dataclass(frozen=True)
class Weighed:
    """What the use case adds to the score: the signals and red flag found, as
    (id, label, weight, quoted sentences), and every weight it could add."""

    found: tuple[tuple[str, str, float, tuple[Sentence, ...]], ...]
    possible: tuple[float, ...]


def weigh(
    use_case: str, signals: list[Found], api_only_evidence: tuple[Sentence, ...] | None
) -> Weighed:
    """The use case's part of the score; ``api_only_evidence`` when the red flag applies."""
    found = [(s.signal.id, s.signal.label, s.signal.weight, s.evidence) for s in signals]
    if api_only_evidence is not None:
        found.append(("api_only", API_ONLY_NOTE, -API_ONLY_WEIGHT, api_only_evidence))
    possible = [s.weight for s in SIGNALS.get(use_case, ())]
    if use_case == "full-stack":
        possible.append(-API_ONLY_WEIGHT)
    return Weighed(tuple(found), tuple(possible))
