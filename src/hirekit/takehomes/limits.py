"""The review engine's limits, from configuration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hirekit.engines.codereview import Limits

MB = 1024 * 1024


def review_limits(config: Mapping[str, Any]) -> Limits:
    return Limits(
        archive_bytes=int(float(config["REVIEW_MAX_ARCHIVE_MB"]) * MB),
        unpacked_bytes=int(config["REVIEW_MAX_UNPACKED_MB"]) * MB,
        files=int(config["REVIEW_MAX_FILES"]),
        compression_ratio=float(config["REVIEW_MAX_COMPRESSION_RATIO"]),
        source_file_bytes=int(config["REVIEW_MAX_SOURCE_FILE_MB"]) * MB,
        seconds=float(config["REVIEW_TIMEOUT_SECONDS"]),
    )
