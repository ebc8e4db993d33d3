"""Resource limits for one review and the single error a refused input raises."""

from __future__ import annotations

import time
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upper bounds applied to one submission.

    Archives are checked against every bound before and while they are unpacked;
    directories against the file count, per-file size and time.
    """

    archive_bytes: int = 50 * MB
    unpacked_bytes: int = 300 * MB
    files: int = 20_000
    compression_ratio: float = 100.0
    source_file_bytes: int = 5 * MB
    seconds: float = 60.0


class ArchiveRefused(Exception):
    """The submission cannot be reviewed; ``reason`` is one human-readable line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Deadline:
    """Wall-clock budget shared by unpacking and analysis."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def check(self) -> None:
        """Raise ``ArchiveRefused`` once the budget is spent."""
        if time.monotonic() > self.end:
            raise ArchiveRefused(f"review took longer than the {self.seconds:g} s limit")
