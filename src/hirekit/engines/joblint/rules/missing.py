"""Expectations a Flask / Python web post should state: tests, architecture, extensions.

These rules quote nothing (there is nothing to quote); they speak only on
posts that are plausibly a Python web developer role, however short, and
any mention anywhere in the post (even as a nice-to-have) silences
them.
"""

from __future__ import annotations

import re

from hirekit.engines.joblint.issue import Issue
from hirekit.engines.joblint.rules.context import RuleContext
from hirekit.engines.joblint.vocabulary import technologies

_TESTING = re.compile(
    r"\btest(?:s|ing|ed|able|ability)?\b|\bpy\.?test\b|\bunittest\b|\bTDD\b|\bBDD\b"
    r"|\btest-driven\b|\bQA\b|\bquality assurance\b|\bcode coverage\b|\bhypothesis\b"
    r"|\bselenium\b|\bplaywright\b|\bcypress\b|\btestes?\b|\bpruebas?\b|\bprobar\w*"
    # Portuguese / Spanish verb forms: "testá-las", "testar", "testando", "testear"
    r"|\btest[áa]\w*|\btestar\w*|\btestear\w*|\btesten\b"
    # Russian / Ukrainian: "тесты", "тестирование", "тестируемость"
    r"|\bтест\w*",
    re.IGNORECASE,
)
# Qualities alone ("clean code", "maintainable", "scalable") and database or
# schema design alone do not state how applications are structured.
_ARCHITECTURE = re.compile(
    r"\b(?:architect|arquitet|arquitect|architekt)\w*|\bblueprints?\b"
    r"|\b(?:application|app) factor(?:y|ies)\b|\bmodular\w*"
    r"|\b(?:well-)?structur(?:e|es|ed|ing)\b(?!-from)(?:\s+(?:of\s+)?(?:the\s+|your\s+|our\s+|an?\s+)?"
    r"(?:code|codebase|applications?|apps?|services?|projects?|modules?|systems?))"
    r"|\b(?:code|codebase|application|project) structure\b|\bwell-structured\b"
    r"|\bseparation of concerns\b|\bdesign patterns?\b|\bdomain[- ]driven\b"
    r"|\bDDD\b|\bhexagonal\b|\bcode organi[sz]ation\b|\bSOLID\b"
    r"|\borgani[sz]e (?:code|routes|applications?|services)\b|\bservice-oriented\b|\bSOA\b"
    r"|\bmicro-?services?\b|\bevent-driven\b|\bMVC\b"
    r"|\b(?:system|software|api|service|backend|application) design\b"
    r"|\bdesign(?:ing|s)?\b[^.\n]{0,40}?\b(?:apis?|services?|systems?|applications?|backends?"
    r"|endpoints?|interfaces?|solutions|software|servers?)\b"
    # Russian: "архитектура", "микросервисы", "проектирование ... сервиса"
    r"|архитектур\w*|микросервис\w*"
    r"|проектир\w*[^.\n]{0,40}?(?:сервис|систем|api|ядр|модул)\w*"
    # "design, development and debugging of distributed servers"
    r"|\bdesign,?\s+(?:and\s+)?(?:development|implementation)\b[^.\n(]{0,50}?"
    r"\b(?:apis?|services?|systems?|applications?|backends?|servers?)\b",
    re.IGNORECASE,
)
_EXTENSION_WORDS = re.compile(
    r"\bFlask[- ]extensions?\b|\bextensions? (?:for|of|to) Flask\b"
    # "Flask-Foo" names an extension; "Flask-based" only describes a codebase.
    r"|\bFlask-(?!(?:based|powered|backed|driven|centric|first|heavy|only|like|style|specific"
    r"|related|native|friendly|savvy|focused|oriented|compatible|ish)\b)[A-Za-z]\w*"
    # (a generic "ORM" names no library and does not count)
    r"|\bextension ecosystem\b",
    re.IGNORECASE,
)


def _missing(rule: str, what: str, suggestion: str) -> Issue:
    return Issue(rule, "", f"Says nothing about {what}.", suggestion, None, None, "info")


def check_testing(ctx: RuleContext) -> list[Issue]:
    if not ctx.role.judges_missing or _TESTING.search(ctx.post.text):
        return []
    return [
        _missing(
            "no-testing-expectation",
            "testing: no tests, pytest, TDD or test automation",
            'Add an expectation such as "writes tests with pytest and keeps them fast".',
        ),
    ]


def check_architecture(ctx: RuleContext) -> list[Issue]:
    if not ctx.role.judges_missing or _names_architecture(ctx.post.text):
        return []
    issue = _missing(
        "no-architecture-expectation",
        "how the hire should structure applications or services (architecture, blueprints, "
        "application factory, service design)",
        'Add an expectation such as "structures Flask apps with blueprints and an application '
        'factory, and keeps business logic out of views".',
    )
    return [ctx.linked(issue, "ignoring-architecture")]


# A hosting or infrastructure stack called an architecture ("LAMP architecture",
# "cloud architecture") says nothing about how the hire structures applications.
_STACK_BEFORE = re.compile(
    r"\b(?:LAMP|LEMP|MEAN|MERN|WAMP|XAMPP|hosting|server|network|cloud|infrastructure|data)"
    r"\s+\Z",
    re.IGNORECASE,
)


def _names_architecture(text: str) -> bool:
    for match in _ARCHITECTURE.finditer(text):
        if match.group().lower().startswith("architect") and _STACK_BEFORE.search(
            text, max(0, match.start() - 20), match.start()
        ):
            continue
        return True
    return False


def _names_extension(text: str) -> bool:
    if _EXTENSION_WORDS.search(text):
        return True
    return any(t.extension and t.pattern.search(text) for t in technologies())


def check_extensions(ctx: RuleContext) -> list[Issue]:
    if not (ctx.role.judges_missing and ctx.role.is_flask) or _names_extension(ctx.post.text):
        return []
    issue = _missing(
        "no-extension-expectation",
        "Flask extensions or database libraries (SQLAlchemy, Flask-Login, Marshmallow, Alembic...)",
        'Name the extensions your app relies on, e.g. "Flask-SQLAlchemy, Flask-Login and '
        'Marshmallow (or similar)".',
    )
    return [ctx.linked(issue, "missing-extension-knowledge")]
