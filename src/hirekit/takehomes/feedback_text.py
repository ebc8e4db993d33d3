"""The first draft of a candidate's take-home feedback, from the review report alone.

Plain values in, plain text out: no Flask, no database. The draft names what
the project does well and exactly two concrete things to improve, in words
meant for the candidate. It never carries a score, a level, a severity, a rule
id, a file path or line, a reviewer's name or anything about the hidden
tests: the report's own numbers and internals stay with the team. A person
edits the draft and approves it before anything is sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: How each finding reads to the candidate: a concrete change, not a verdict.
IMPROVEMENTS: dict[str, str] = {
    "sql-string-format": (
        "Build SQL queries with bound parameters (or the ORM) instead of formatting values "
        "into the query string, so user input can never change the query."
    ),
    "template-injection": (
        "Keep template source fixed and pass user data only as template variables, "
        "never as part of the template text itself."
    ),
    "unsafe-markup": (
        "Let Jinja escape user data rather than wrapping it in Markup(); mark text safe "
        "only when it comes from your own code."
    ),
    "unsafe-deserialize": (
        "Read request data with a safe format (JSON, or yaml.safe_load) instead of pickle "
        "or yaml.load, which can run code sent by a client."
    ),
    "hardcoded-secret": (
        "Read secrets such as SECRET_KEY and passwords from the environment or an "
        "instance config file instead of keeping them in the code."
    ),
    "debug-run": (
        "Leave the debugger off outside local development (no debug=True in app.run); "
        "enable it through the FLASK_DEBUG environment variable when you need it."
    ),
    "csrf-disabled": (
        "Keep CSRF protection on for forms that change data, and exempt only the "
        "endpoints that authenticate another way (an API token)."
    ),
    "cors-wildcard-credentials": (
        "List the origins allowed to call the API with credentials instead of allowing "
        "every origin."
    ),
    "global-db-connection": (
        "Open the database connection per request or application context (or use the "
        "extension's session) instead of one module-level connection shared by all requests."
    ),
    "no-timeout": (
        "Give every outgoing HTTP call a timeout, so a slow service cannot hold a "
        "request (and a worker) forever."
    ),
    "no-tests": (
        "Add automated tests with pytest and Flask's test client, covering the main "
        "routes and their error cases."
    ),
    "no-error-handlers": (
        "Register error handlers (404, 400, 500) so clients get a consistent response "
        "instead of the default error pages."
    ),
    "routes-in-one-module": (
        "Split the routes into blueprints by feature, so each part of the app can grow "
        "and be tested on its own."
    ),
    "god-module": (
        "Break the largest module into smaller ones with one responsibility each "
        "(models, views, services)."
    ),
    "syntax-error": (
        "Make sure every Python file parses: run the tests or python -m compileall "
        "before handing the project in."
    ),
}

#: When fewer than two findings have words of their own: common next steps, picked by
#: what the report shows is missing, so the two improvements are always concrete.
FALLBACKS: tuple[tuple[str, str], ...] = (
    ("no-tests", IMPROVEMENTS["no-tests"]),
    ("no-error-handlers", IMPROVEMENTS["no-error-handlers"]),
    (
        "config",
        "Read configuration from the environment (for example with app.config.from_prefixed_env) "
        "so the same code runs in development, tests and production.",
    ),
    (
        "docs",
        "Add a short README saying how to install, configure, run and test the project.",
    ),
)

_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


@dataclass(frozen=True)
class FeedbackDraft:
    strengths: list[str]
    improvements: list[str]  # always exactly two

    def text(self) -> str:
        lines = ["What went well:"]
        lines += [f"- {s}" for s in self.strengths]
        lines += ["", "Two things to improve:"]
        lines += [f"- {s}" for s in self.improvements]
        return "\n".join(lines)


def _count(value: Any) -> int:
    return len(value) if isinstance(value, Sequence) and not isinstance(value, str) else 0


def strengths_of(report: Mapping[str, Any]) -> list[str]:
    """What the project does well, from the report's positive facts only."""
    found: list[str] = []
    if report.get("app_factory"):
        found.append("The app is built by an application factory, which keeps it easy to test.")
    blueprints = report.get("blueprints") or {}
    if isinstance(blueprints, Mapping) and _count(blueprints.get("defined")):
        found.append("Routes are organised in blueprints.")
    tests = report.get("tests") or {}
    if isinstance(tests, Mapping) and tests.get("present"):
        framework = str(tests.get("framework") or "").strip()
        using = f" with {framework}" if framework in ("pytest", "unittest") else ""
        found.append(f"The project comes with automated tests{using}.")
    if report.get("config_from_env"):
        found.append("Configuration is read from the environment rather than hard-coded.")
    if _count(report.get("error_handlers")):
        found.append("Errors are handled with registered error handlers.")
    if _count(report.get("cli_commands")):
        found.append("Routine tasks are available as command-line commands.")
    if _count(report.get("extensions")):
        found.append("Well-known Flask extensions are used instead of hand-written plumbing.")
    if not found:
        found.append("You delivered a working Flask project for the exercise; thank you.")
    return found


def improvements_of(report: Mapping[str, Any]) -> list[str]:
    """Exactly two concrete changes: the top findings first, common next steps after."""
    findings = [f for f in report.get("findings") or [] if isinstance(f, Mapping)]
    findings.sort(key=lambda f: _ORDER.get(str(f.get("severity")), len(_ORDER)))
    chosen: list[str] = []
    seen: set[str] = set()
    for finding in findings:
        rule = str(finding.get("rule", ""))
        if rule in IMPROVEMENTS and rule not in seen:
            chosen.append(IMPROVEMENTS[rule])
            seen.add(rule)
        if len(chosen) == 2:
            return chosen
    tests = report.get("tests") or {}
    has_tests = isinstance(tests, Mapping) and bool(tests.get("present"))
    has_handlers = bool(_count(report.get("error_handlers")))
    for key, text in FALLBACKS:
        if key in seen or (key == "no-tests" and has_tests):
            continue
        if key == "no-error-handlers" and has_handlers:
            continue
        if key == "config" and report.get("config_from_env"):
            continue
        chosen.append(text)
        seen.add(key)
        if len(chosen) == 2:
            break
    return chosen


def draft_feedback(report: Mapping[str, Any]) -> FeedbackDraft:
    """The draft for a review report (the JSON the review stores, ``schema_version`` 1)."""
    return FeedbackDraft(strengths_of(report), improvements_of(report))
