"""Plain text and Markdown: UTF-8 first, then charset-normalizer's best guess."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from charset_normalizer import from_bytes

from hirekit.engines.screening.failures import ExtractionFailed
from hirekit.engines.screening.limits import Deadline, Limits


@dataclass(frozen=True)
class ReadResult:
    """What every reader returns before normalisation; ``written`` is the file's own
    date when the reader found it on the way (PDF), else the extraction looks it up."""

    text: str
    pages: int = 1
    layout: str = "flow"
    written: date | None = None


def read(data: bytes, limits: Limits, deadline: Deadline) -> ReadResult:
    return ReadResult(decode(data))


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM), falling back to detection."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # charset-normalizer is slow on large inputs; the first 256 KB decide the codec.
    best = from_bytes(data[:262_144]).best()
    if best is None or best.encoding is None:
        raise ExtractionFailed("unreadable", "no text encoding fits")
    return data.decode(best.encoding, errors="replace")
