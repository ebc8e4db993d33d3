"""Interview questions drawn from the evidence, using the role guide's bank where it fits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hirekit.engines.codereview.facts import Finding
from hirekit.engines.codereview.model import FlaskModel
from hirekit.engines.codereview.usecase import FocusItem
from hirekit.engines.guide.model import Guide, Question

MAX_QUESTIONS = 8


@dataclass(frozen=True)
class InterviewQuestion:
    question: str
    because: str
    topic: str
    guide_id: str | None = None

    def to_dict(self) -> dict[str, str]:
        return {"question": self.question, "because": self.because}


#: rule -> (guide topic, our own wording when the guide has nothing for the topic)
FROM_FINDING: dict[str, tuple[str, str]] = {
    "routes-in-one-module": (
        "blueprints",
        "{file} holds many routes. How would you split it into blueprints, and what "
        "would each own?",
    ),
    "god-module": ("app-structure", "How would you break {file} into smaller modules?"),
    "no-tests": (
        "testing",
        "There are no tests. How would you test this app with the app factory, a test "
        "config and the Flask test client?",
    ),
    "hardcoded-secret": (
        "configuration",
        "A secret is written in {file}:{line}. Where should SECRET_KEY and other secrets "
        "come from in development and in production?",
    ),
    "debug-run": (
        "deployment",
        "The app runs with debug=True in {file}:{line}. How do you run and configure it in "
        "production?",
    ),
    "sql-string-format": (
        "database",
        "The query at {file}:{line} is built by string formatting. What can go wrong, and "
        "how would you write it?",
    ),
    "template-injection": (
        "templates",
        "{file}:{line} renders a template built from request data. What could a user send?",
    ),
    "unsafe-markup": (
        "security",
        "{file}:{line} marks request data as safe HTML. What is the risk and the fix?",
    ),
    "unsafe-deserialize": (
        "security",
        "{file}:{line} deserialises request data with pickle/yaml. Why is that dangerous?",
    ),
    "csrf-disabled": (
        "forms",
        "CSRF protection is off at {file}:{line}. When, if ever, is that acceptable?",
    ),
    "cors-wildcard-credentials": (
        "security",
        "CORS allows any origin with credentials at {file}:{line}. Who can read your API "
        "responses now?",
    ),
    "global-db-connection": (
        "database",
        "A connection is opened at import time in {file}:{line}. How should a Flask app "
        "manage connections per request?",
    ),
    "no-timeout": (
        "deployment",
        "The call at {file}:{line} has no timeout. What happens when that service hangs?",
    ),
    "no-error-handlers": (
        "error-handling",
        "How would you make every API error return the same JSON shape?",
    ),
}


class _Picker:
    def __init__(self, guide: Guide | None, use_case: str | None = None) -> None:
        self.guide = guide
        self.use_case = use_case
        self.used: set[str] = set()
        self.topics: set[str] = set()
        self.out: list[InterviewQuestion] = []

    def add(self, topic: str, fallback: str, because: str) -> None:
        if topic in self.topics or len(self.out) >= MAX_QUESTIONS:
            return
        self.topics.add(topic)
        if self.guide is not None:
            bank: Sequence[Question] = self.guide.questions
            if self.use_case is not None:
                # The use case's own questions first, then the rest of the topic.
                bank = sorted(bank, key=lambda q: self.use_case not in q.use_cases)
            for q in bank:
                if q.topic == topic and q.id not in self.used:
                    self.used.add(q.id)
                    self.out.append(InterviewQuestion(q.text, because, topic, q.id))
                    return
        self.out.append(InterviewQuestion(fallback, because, topic))

    def add_own(self, topic: str, text: str, because: str) -> None:
        if topic in self.topics or len(self.out) >= MAX_QUESTIONS:
            return
        self.topics.add(topic)
        self.out.append(InterviewQuestion(text, because, topic))


def questions(
    model: FlaskModel,
    findings: Sequence[Finding],
    guide: Guide | None = None,
    use_case: str | None = None,
    focus: Sequence[FocusItem] = (),
) -> list[InterviewQuestion]:
    """Up to eight questions, one per topic: high findings, then the use case's unmet
    focus areas, then the other findings and the project's shape."""
    picker = _Picker(guide, use_case)
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    ranked = sorted(findings, key=lambda f: order.get(f.severity, 4))
    for f in ranked:
        if f.rule in FROM_FINDING and f.severity == "high":
            topic, text = FROM_FINDING[f.rule]
            because = f"{f.rule}: {f.message} ({f.file}:{f.line})"
            picker.add(topic, text.format(file=f.file, line=f.line), because)
    for item in focus:
        if not item.met:
            # Our own wording: it names the use case's concern, where a bank
            # question of the same topic may be about something else.
            picker.add_own(item.topic, item.question, f"{use_case}: {item.area}: {item.evidence}")
    for f in ranked:
        if f.rule in FROM_FINDING:
            topic, text = FROM_FINDING[f.rule]
            because = f"{f.rule}: {f.message} ({f.file}:{f.line})"
            picker.add(topic, text.format(file=f.file, line=f.line), because)
    if model.apps and model.factory is None:
        app = model.apps[0]
        picker.add(
            "app-factory",
            "The app is created at import time. What would an application factory change "
            "for tests and configuration?",
            f"no application factory; app created at {app.file}:{app.line}",
        )
    if model.factory is not None:
        fac = model.factory
        picker.add(
            "app-factory",
            f"Walk me through {fac.function}(): what belongs in it and what must not?",
            f"application factory {fac.function}() at {fac.file}:{fac.line}",
        )
    if "flask-sqlalchemy" in model.extensions:
        picker.add(
            "database",
            "How do sessions and transactions work per request with Flask-SQLAlchemy here?",
            "uses flask-sqlalchemy",
        )
    if model.blueprints:
        picker.add(
            "blueprints",
            "Why did you split the app into these blueprints, and what would you change?",
            f"{len(model.blueprints)} blueprint(s) defined",
        )
    if model.tests.present:
        picker.add(
            "testing",
            "Which behaviour is not covered by your tests yet, and how would you test it?",
            f"{model.tests.files} test file(s) using {model.tests.framework}",
        )
    return picker.out
