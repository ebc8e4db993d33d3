"""Review by use case: what a REST API, a microservice or a full-stack app must show.

Follows the hiring guide's "Skills Assessment by Use Case": the job's use case adds
one area to the score, ``use_case``, made of focus items each met or not with the
evidence, shifts the weights of the other areas, and turns unmet items into
interview questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hirekit.engines.codereview.facts import Finding
from hirekit.engines.codereview.model import FlaskModel

USE_CASES = ("rest-api", "microservices", "full-stack")
#: Area weights; ``None`` is a review read for no particular use case.
WEIGHTS: dict[str | None, dict[str, float]] = {
    None: {
        "structure": 0.20,
        "extensions": 0.10,
        "configuration": 0.15,
        "testing": 0.20,
        "api_design": 0.10,
        "security": 0.25,
    },
    "rest-api": {
        "structure": 0.10,
        "extensions": 0.05,
        "configuration": 0.10,
        "testing": 0.15,
        "api_design": 0.15,
        "security": 0.20,
        "use_case": 0.25,
    },
    "microservices": {
        "structure": 0.10,
        "extensions": 0.05,
        "configuration": 0.15,
        "testing": 0.15,
        "api_design": 0.10,
        "security": 0.15,
        "use_case": 0.30,
    },
    "full-stack": {
        "structure": 0.10,
        "extensions": 0.10,
        "configuration": 0.10,
        "testing": 0.15,
        "api_design": 0.05,
        "security": 0.25,
        "use_case": 0.25,
    },
}
VALIDATION = frozenset(
    {
        "marshmallow",
        "flask_marshmallow",
        "pydantic",
        "webargs",
        "flask_smorest",
        "apiflask",
        "flask_restx",
        "flask_restful",
        "flask_pydantic",
        "cerberus",
        "jsonschema",
        "voluptuous",
        "apifairy",
        "flask_openapi3",
    }
)
RETRIES = frozenset({"tenacity", "backoff", "retrying", "stamina"})
HEALTH_RULE = re.compile(r"/(health|healthz|healthcheck|ready|readyz|live|livez|ping|status)\b")
LOGIN = frozenset({"flask-login", "flask-security", "flask-security-too", "flask-user"})
STRUCTURE_RULES = frozenset({"routes-in-one-module", "god-module"})


@dataclass(frozen=True)
class FocusItem:
    area: str
    met: bool
    evidence: str
    #: asked when the item is not met
    question: str
    topic: str

    def to_dict(self) -> dict[str, object]:
        return {"area": self.area, "met": self.met, "evidence": self.evidence}


def _rules(findings: Sequence[Finding]) -> set[str]:
    return {f.rule for f in findings}


def _rest_api(model: FlaskModel, findings: Sequence[Finding]) -> list[FocusItem]:
    writes = sorted({m for r in model.routes for m in r.methods} - {"GET", "HEAD", "OPTIONS"})
    validation = sorted(VALIDATION & set(model.libraries))
    return [
        FocusItem(
            "resource design",
            bool(writes) and bool(model.routes),
            f"{len(model.routes)} route(s); write methods: {', '.join(writes) or 'none'}",
            "Design the resources of this API: URLs, methods, and what each returns.",
            "api-design",
        ),
        FocusItem(
            "status codes",
            model.status_codes > 0,
            f"{model.status_codes} explicit status code(s) in views (returns, abort)",
            "Which status codes should creating, failing validation and missing resources "
            "return here, and where would you set them?",
            "api-design",
        ),
        FocusItem(
            "error handling",
            bool(model.error_handlers) and "no-error-handlers" not in _rules(findings),
            f"{len(model.error_handlers)} error handler(s)",
            "How would you make every API error return the same JSON shape?",
            "error-handling",
        ),
        FocusItem(
            "validation",
            bool(validation),
            f"validates input with {', '.join(validation)}" if validation else "no schema library",
            "How is request input validated before it reaches the database?",
            "validation",
        ),
    ]


def _microservices(model: FlaskModel, findings: Sequence[Finding]) -> list[FocusItem]:
    calls = len(model.outgoing_calls)
    untimed = model.untimed_calls
    split = bool(model.factory) and not (STRUCTURE_RULES & _rules(findings))
    health = [r.rule for r in model.routes if HEALTH_RULE.search(r.rule)]
    retries = bool(RETRIES & set(model.libraries)) or model.retry_adapter
    return [
        FocusItem(
            "service boundaries",
            split,
            "application factory, no oversized module" if split else "no factory or one big module",
            "Where are this service's boundaries, and what would you split out next?",
            "app-structure",
        ),
        FocusItem(
            "timeouts on outgoing calls",
            not untimed,
            f"{calls} outgoing HTTP call(s), {len(untimed)} without a timeout",
            "What happens to this service when the one it calls hangs?",
            "service-calls",
        ),
        FocusItem(
            "retries",
            retries or calls == 0,
            "retries configured"
            if retries
            else ("no outgoing calls" if calls == 0 else "outgoing calls are never retried"),
            "Which outgoing calls would you retry, and how do you keep retries safe?",
            "retries",
        ),
        FocusItem(
            "health checks",
            bool(health),
            f"health route {health[0]}" if health else "no health or readiness route",
            "How would an orchestrator know this service is alive and ready?",
            "health-checks",
        ),
        FocusItem(
            "config per environment",
            model.config_from_env,
            "signing key or database URL read from the environment"
            if model.config_from_env
            else "secret key and database URL are not read from the environment",
            "How does this service get different settings in staging and production?",
            "configuration",
        ),
    ]


def _full_stack(model: FlaskModel, findings: Sequence[Finding]) -> list[FocusItem]:
    rules = _rules(findings)
    forms = "flask-wtf" in model.extensions or "wtforms" in model.libraries
    login = sorted(LOGIN & set(model.extensions))
    sessions = bool(login) or model.uses_session
    escaped = not ({"template-injection", "unsafe-markup"} & rules)
    return [
        FocusItem(
            "Jinja2 templating",
            model.templates > 0 and escaped,
            f"{model.templates} template file(s)"
            + ("" if escaped else "; request data reaches a template unescaped"),
            "How do template inheritance and autoescaping work in your templates?",
            "templates",
        ),
        FocusItem(
            "forms with CSRF",
            forms and "csrf-disabled" not in rules,
            ("WTForms" if forms else "no form library")
            + ("; CSRF turned off somewhere" if "csrf-disabled" in rules else ""),
            "How do you handle forms and CSRF protection in Flask?",
            "forms",
        ),
        FocusItem(
            "sessions and login",
            sessions,
            f"login with {', '.join(login)}"
            if login
            else ("uses the session" if sessions else "no login or session use"),
            "How do you handle user sessions and login in Flask?",
            "sessions",
        ),
    ]


def focus(use_case: str | None, model: FlaskModel, findings: Sequence[Finding]) -> list[FocusItem]:
    """The focus items of ``use_case`` (none without one)."""
    if use_case == "rest-api":
        return _rest_api(model, findings)
    if use_case == "microservices":
        return _microservices(model, findings)
    if use_case == "full-stack":
        return _full_stack(model, findings)
    return []


def fit(items: Sequence[FocusItem]) -> int:
    """Share of focus items met, 0-100."""
    return round(100 * sum(i.met for i in items) / len(items)) if items else 0
