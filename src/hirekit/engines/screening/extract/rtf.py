"""RTF through striprtf."""

from __future__ import annotations

from striprtf.striprtf import rtf_to_text

from hirekit.engines.screening.extract.text import ReadResult
from hirekit.engines.screening.failures import ExtractionFailed
from hirekit.engines.screening.limits import Deadline, Limits


def read(data: bytes, limits: Limits, deadline: Deadline) -> ReadResult:
    # RTF is 7-bit by specification; non-ASCII arrives as escapes, so latin-1 is lossless.
    source = data.decode("latin-1")
    try:
        text: str = rtf_to_text(source, errors="replace")  # type: ignore[no-untyped-call]
    except (ValueError, IndexError, LookupError) as exc:
        raise ExtractionFailed("unreadable", str(exc)) from exc
    return ReadResult(text)
