"""The screening engine's limits, from configuration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hirekit.engines.screening import Limits
from hirekit.resumes.files import ZipLimits

MB = 1024 * 1024


def screening_limits(config: Mapping[str, Any]) -> Limits:
    return Limits(
        max_bytes=int(float(config["RESUME_MAX_MB"]) * MB),
        max_pages=int(config["RESUME_MAX_PAGES"]),
        seconds=float(config["RESUME_TIMEOUT_SECONDS"]),
        max_unzipped_bytes=int(float(config["RESUME_MAX_UNPACKED_MB"]) * MB),
        max_unzipped_ratio=float(config["RESUME_MAX_COMPRESSION_RATIO"]),
    )


def zip_limits(config: Mapping[str, Any]) -> ZipLimits:
    """Bounds for a bulk .zip of resumes."""
    return ZipLimits(
        max_unpacked_bytes=int(float(config["RESUME_ZIP_MAX_UNPACKED_MB"]) * MB),
        max_ratio=float(config["RESUME_MAX_COMPRESSION_RATIO"]),
    )
