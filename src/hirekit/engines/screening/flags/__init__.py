"""Green and yellow flags from the role guide, each with quoted evidence, and the fit band."""

from __future__ import annotations

from dataclasses import dataclass

from hirekit.engines.screening.flags import (
    apis,
    databases,
    extensions,
    production,
    structure,
    testing,
    usecase,
    yellow,
)
from hirekit.engines.screening.flags.context import Context
from hirekit.engines.screening.flags.evidence import Finding, ResumeView
from hirekit.engines.screening.flags.fit import Band, fit_band

__all__ = ["Detection", "Finding", "ResumeView", "detect_flags"]


@dataclass(frozen=True)
class Detection:
    green: list[Finding]
    yellow: list[Finding]
    #: Whether yellow flags apply at all (only when Python is claimed).
    yellow_assessed: bool
    band: Band
    signals: list[usecase.Found]
    api_only: bool


def detect_flags(view: ResumeView, use_case: str = "rest-api") -> Detection:
    """Every flag, the fit band and the use case's signals for one resume."""
    context = Context(view)
    found = (
        production.detect(view),
        structure.detect(view),
        extensions.detect(view),
        apis.detect(view, context),
        databases.detect(view, context),
        testing.detect(view, context),
    )
    green = [f for f in found if f is not None]
    view.raised = {f.flag: f for f in green}
    assessed = bool(yellow.python_claims(view))
    signals = usecase.detect(view, use_case)
    return Detection(
        green=green,
        yellow=yellow.detect(view, context),
        yellow_assessed=assessed,
        band=fit_band(view, context, set(view.raised)),
        signals=signals,
        api_only=usecase.api_only(use_case, set(view.raised), signals),
    )
