"""Score by area and a level estimate, both explained from the evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hirekit.engines.codereview.facts import Finding
from hirekit.engines.codereview.model import FlaskModel
from hirekit.engines.codereview.usecase import WEIGHTS as USE_CASE_WEIGHTS
from hirekit.engines.codereview.usecase import FocusItem, fit

WEIGHTS: dict[str, float] = USE_CASE_WEIGHTS[None]
#: Test files that make a suite: one test is not evidence of a senior's habits.
SUITE_FILES = 2
SENIOR_SCORE = 70
SECURITY_RULES = frozenset(
    {
        "hardcoded-secret",
        "debug-run",
        "sql-string-format",
        "template-injection",
        "unsafe-markup",
        "unsafe-deserialize",
        "csrf-disabled",
        "cors-wildcard-credentials",
    }
)
PENALTY = {"high": 35, "medium": 15, "low": 5, "info": 0}
SMALL_APP_ROUTES = 5
NOTABLE = frozenset({"routes-in-one-module", "syntax-error", "global-db-connection"})


@dataclass(frozen=True)
class Score:
    total: int
    breakdown: dict[str, int]
    level: str
    reasons: tuple[str, ...]


def _clamp(value: float) -> int:
    return max(0, min(100, round(value)))


def _count(findings: Sequence[Finding], rule: str) -> int:
    return sum(1 for f in findings if f.rule == rule)


def _structure(model: FlaskModel, findings: Sequence[Finding]) -> int:
    value = 40.0
    value += 30 if model.factory else 0
    if (model.blueprints and model.registered) or len(model.routes) <= SMALL_APP_ROUTES:
        value += 30
    value -= 20 * _count(findings, "routes-in-one-module")
    value -= 10 * min(_count(findings, "god-module"), 2)
    value -= 10 * min(_count(findings, "syntax-error"), 3)
    return _clamp(value)


def _configuration(model: FlaskModel, findings: Sequence[Finding]) -> int:
    value = 50.0 + (30 if model.config_from_env else 0)
    if {"from_object", "from_pyfile", "from_mapping", "from_prefixed_env"} & set(
        model.config_sources
    ):
        value += 20
    for f in findings:
        if f.rule in ("hardcoded-secret", "debug-run"):
            value -= PENALTY[f.severity]
    return _clamp(value)


def _testing(model: FlaskModel) -> int:
    t = model.tests
    if not t.present:
        return 0
    return _clamp(50 + min(t.files, 4) * 5 + 15 * t.uses_client + 15 * t.uses_factory)


def _api(model: FlaskModel, findings: Sequence[Finding]) -> int:
    if not model.routes:
        return 50
    value = 60.0 + (20 if model.error_handlers else 0)
    if any(set(r.methods) - {"GET", "HEAD", "OPTIONS"} for r in model.routes):
        value += 10
    if {"flask-smorest", "flask-marshmallow", "flask-restx", "flasgger"} & set(model.extensions):
        value += 10
    value -= 20 * _count(findings, "no-error-handlers")
    return _clamp(value)


def _security(findings: Sequence[Finding]) -> int:
    return _clamp(100 - sum(PENALTY[f.severity] for f in findings if f.rule in SECURITY_RULES))


def score(
    model: FlaskModel,
    findings: Sequence[Finding],
    use_case: str | None = None,
    focus: Sequence[FocusItem] = (),
) -> Score:
    """Weighted 0-100 score, per-area breakdown and a junior/mid/senior estimate.

    With a ``use_case`` its focus items make one more area and the weights shift
    to what that kind of work needs (see usecase).
    """
    extensions = _clamp(50 + 12.5 * min(len(model.extensions), 4)) - 20 * _count(
        findings, "global-db-connection"
    )
    breakdown = {
        "structure": _structure(model, findings),
        "extensions": max(0, extensions),
        "configuration": _configuration(model, findings),
        "testing": _testing(model),
        "api_design": _api(model, findings),
        "security": _security(findings),
    }
    weights = USE_CASE_WEIGHTS.get(use_case, WEIGHTS)
    if "use_case" in weights:
        breakdown["use_case"] = fit(focus)
    total = _clamp(sum(weights[k] * v for k, v in breakdown.items()))
    level, reasons = _level(model, findings, total)
    if use_case is not None:
        met = [i.area for i in focus if i.met]
        missing = [i.area for i in focus if not i.met]
        line = f"read for {use_case}: {len(met)}/{len(focus)} focus areas met"
        reasons = (*reasons[:2], line + (f" (missing: {', '.join(missing)})" if missing else ""),
                   *reasons[2:])  # fmt: skip
    return Score(total, breakdown, level, reasons)


def _signals(model: FlaskModel, findings: Sequence[Finding]) -> tuple[list[str], list[str]]:
    good: list[str] = []
    bad: list[str] = []
    if model.factory:
        f = model.factory
        good.append(f"application factory {f.function}() in {f.file}:{f.line}")
    elif model.apps:
        bad.append(f"no application factory; the app is a module global in {model.apps[0].file}")
    if model.blueprints and model.registered:
        good.append(f"{len(model.blueprints)} blueprint(s) defined and registered")
    if model.tests.present:
        t = model.tests
        extra = " with the test client" if t.uses_client else ""
        good.append(f"{t.files} test file(s) ({t.framework}){extra}")
    else:
        bad.append("no tests")
    if model.config_from_env:
        good.append("configuration read from the environment")
    if model.error_handlers:
        good.append(f"{len(model.error_handlers)} error handler(s)")
    if len(model.extensions) >= 2:
        good.append("uses " + ", ".join(model.extensions[:5]))
    for finding in findings:
        if finding.severity == "high" or finding.rule in NOTABLE:
            bad.append(f"{finding.rule} at {finding.file}:{finding.line}: {finding.message}")
    return good, bad


def _level(
    model: FlaskModel, findings: Sequence[Finding], total: int
) -> tuple[str, tuple[str, ...]]:
    good, bad = _signals(model, findings)
    high = any(f.severity == "high" for f in findings)
    suite = model.tests.files >= SUITE_FILES
    missing = [
        why
        for why, lacking in (
            (f"score {total} is under {SENIOR_SCORE}", total < SENIOR_SCORE),
            (f"{model.tests.files} test file(s), a suite needs {SUITE_FILES}", not suite),
            ("a high-severity finding", high),
            (f"{len(good)} strength(s), senior needs 4", len(good) < 4),
        )
        if lacking
    ]
    if not missing:
        level, why = "senior", "senior: a test suite, no high-severity finding, 4+ strengths"
    elif total < 50 or (len(bad) >= 2 and len(good) <= 1):
        level = "junior"
        why = f"junior: score {total}" + (
            " with more weaknesses than strengths" if total >= 50 else ""
        )
    else:
        level, why = "mid", "mid, not senior: " + "; ".join(missing)
    reasons = [why, f"score {total}/100"]
    reasons += [f"+ {g}" for g in good] + [f"- {b}" for b in bad[:8]]
    return level, tuple(reasons)
