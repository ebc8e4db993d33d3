"""Green and yellow flags from the role guide, each with quoted evidence."""

from __future__ import annotations

from hirekit.engines.screening.flags import (
    apis,
    databases,
    extensions,
    production,
    structure,
    testing,
    yellow,
)
from hirekit.engines.screening.flags.evidence import Finding, ResumeView

GREEN_DETECTORS = (
    production.detect,
    structure.detect,
    extensions.detect,
    apis.detect,
    databases.detect,
    testing.detect,
)

__all__ = ["Finding", "ResumeView", "detect_flags"]


def detect_flags(view: ResumeView) -> tuple[list[Finding], list[Finding]]:
    """(green, yellow) findings; yellow ones depend on which green ones were raised."""
    green = [f for f in (detect(view) for detect in GREEN_DETECTORS) if f is not None]
    view.raised = {f.flag: f for f in green}
    return green, yellow.detect(view)
