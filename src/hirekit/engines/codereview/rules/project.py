"""Rules that need the whole project: structure, tests, error handling."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from hirekit.engines.codereview.facts import FileFacts, Finding
from hirekit.engines.codereview.model import FlaskModel

ROUTES_PER_MODULE = 15
GOD_MODULE_LINES = 800
WHY = {
    "routes-in-one-module": (
        "Every feature in one module means every change touches it; blueprints split "
        "an app by feature and make each part testable and ownable."
    ),
    "god-module": (
        "A module this long mixes concerns and is hard to review, test and change safely."
    ),
    "no-tests": (
        "Without tests nobody can change the code with confidence; Flask's test client "
        "and an app factory make tests cheap."
    ),
    "no-error-handlers": (
        "An API without error handlers answers failures with HTML error pages or stack "
        "traces instead of a consistent JSON error body."
    ),
}


def check(model: FlaskModel, facts: Sequence[FileFacts]) -> list[Finding]:
    found: list[Finding] = []
    per_file = Counter(r.file for r in model.routes)
    for rel, count in sorted(per_file.items()):
        if count > ROUTES_PER_MODULE:
            first = min(r.line for r in model.routes if r.file == rel)
            found.append(
                Finding(
                    "routes-in-one-module",
                    "medium",
                    rel,
                    first,
                    f"{count} routes in one module",
                    WHY["routes-in-one-module"],
                )
            )
    for f in facts:
        if not f.is_test and f.lines > GOD_MODULE_LINES:
            found.append(
                Finding(
                    "god-module",
                    "low",
                    f.rel,
                    1,
                    f"{f.lines} lines in one module",
                    WHY["god-module"],
                )
            )
    code_files = [f for f in facts if not f.is_test]
    if code_files and model.apps and not model.tests.present:
        anchor = model.factory.file if model.factory else model.apps[0].file
        found.append(
            Finding("no-tests", "medium", anchor, 1, "the project has no tests", WHY["no-tests"])
        )
    if model.is_api and model.routes and not model.error_handlers:
        site = model.apps[0] if model.apps else model.routes[0]
        found.append(
            Finding(
                "no-error-handlers",
                "low",
                site.file,
                site.line,
                "JSON API without error handlers",
                WHY["no-error-handlers"],
            )
        )
    return found
