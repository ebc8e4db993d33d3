"""Resource limits for reading one resume, and the deadline that enforces time."""

from __future__ import annotations

import time
from dataclasses import dataclass

from hirekit.engines.screening.failures import ExtractionFailed


@dataclass(frozen=True)
class Limits:
    """Bounds applied to every file; a file past any of them becomes an error result.

    ``max_unzipped_bytes`` bounds the total decompressed size of the parts read
    from DOCX/ODT archives, counted as they inflate, so a zip bomb renamed to
    ``.docx`` cannot exhaust memory; a part above 1 MB that inflates more than
    ``max_unzipped_ratio`` times its compressed size is refused as a bomb (real
    office documents compress text 5-20 times).
    """

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 30
    seconds: float = 10.0
    max_unzipped_bytes: int = 50 * 1024 * 1024
    max_unzipped_ratio: float = 200.0
    max_text_chars: int = 400_000


class Deadline:
    """A cooperative clock: readers call :meth:`check` between units of work."""

    def __init__(self, seconds: float) -> None:
        self._ends = time.monotonic() + seconds

    def expired(self) -> bool:
        return time.monotonic() > self._ends

    def check(self) -> None:
        """Raise ``ExtractionFailed('timeout')`` once the time is spent."""
        if self.expired():
            raise ExtractionFailed("timeout")
