"""The screening engine's limits, from configuration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hirekit.engines.screening import Limits

MB = 1024 * 1024


def screening_limits(config: Mapping[str, Any]) -> Limits:
    return Limits(
        max_bytes=int(float(config["RESUME_MAX_MB"]) * MB),
        max_pages=int(config["RESUME_MAX_PAGES"]),
        seconds=float(config["RESUME_TIMEOUT_SECONDS"]),
    )
