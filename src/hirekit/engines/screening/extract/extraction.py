"""The extraction step: pick a reader by content, apply the limits, never raise."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hirekit.engines.screening.extract import docx, jsonresume, odt, pdf, rtf, text
from hirekit.engines.screening.extract.document_date import document_date
from hirekit.engines.screening.extract.text import ReadResult
from hirekit.engines.screening.failures import MESSAGES, ExtractionFailed
from hirekit.engines.screening.limits import Deadline, Limits
from hirekit.engines.screening.sniff import sniff

Source = str | os.PathLike[str] | bytes


@dataclass(frozen=True)
class Extraction:
    """Text read from one file, or the reason there is none.

    ``text`` is ``""`` whenever ``error`` is set. ``layout`` is ``"columns"`` when
    at least one PDF page was read column by column, else ``"flow"``.
    ``written`` is the date the file's metadata gives for its last save, if any.
    """

    text: str
    kind: str | None
    pages: int = 0
    layout: str = "flow"
    error: str | None = None
    written: date | None = None

    @property
    def message(self) -> str | None:
        return MESSAGES[self.error] if self.error else None


Reader = Callable[[bytes, Limits, Deadline], ReadResult]

_READERS: dict[str, Reader] = {
    "pdf": pdf.read,
    "docx": docx.read,
    "odt": odt.read,
    "rtf": rtf.read,
    "jsonresume": jsonresume.read,
    "text": text.read,
}

# Control characters other than tab/newline confuse sentence offsets and the
# web view; form feeds become paragraph breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
# Matches when the text has at least twenty word characters, reading no further.
_TWENTY_WORD_CHARS = re.compile(r"(?:\W*\w){20}")
_TRAILING = " \t\u00a0" + "".join(map(chr, range(0x2002, 0x200C)))  # before a line break
_BLANK_LINES = re.compile(r"\n{3,}")


def extract_text(source: Source, limits: Limits | None = None) -> Extraction:
    """Read ``source`` (a path or the file's bytes) within ``limits``; never raises.

    Failures come back as an :class:`Extraction` with ``error`` set to one of the
    codes in :data:`hirekit.engines.screening.failures.MESSAGES`.
    """
    limits = limits or Limits()
    deadline = Deadline(limits.seconds)
    kind: str | None = None
    try:
        data = _load(source, limits)
        kind = sniff(data)
        if kind is None:
            raise ExtractionFailed("unsupported-type")
        result = _READERS[kind](data, limits, deadline)
        deadline.check()
    except ExtractionFailed as failed:
        return Extraction("", kind, error=failed.code)
    except (MemoryError, RecursionError):
        return Extraction("", kind, error="unreadable")
    cleaned = normalise(result.text)[: limits.max_text_chars]
    if kind == "pdf" and not _TWENTY_WORD_CHARS.match(cleaned):
        # A scan: a made-up profile from a few stray glyphs would mislead reviewers.
        return Extraction("", kind, pages=result.pages, error="no-text-layer")
    if not cleaned.strip():
        return Extraction("", kind, pages=result.pages, error="unreadable")
    written = result.written if kind == "pdf" else document_date(data, kind)
    return Extraction(cleaned, kind, pages=result.pages, layout=result.layout, written=written)


def normalise(raw: str) -> str:
    """Unify line endings, drop control characters and trailing spaces."""
    out = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    out = _CONTROL.sub(" ", out)
    # Trailing spaces go line by line: a regex stops at every space in the text.
    lines = out.split("\n")
    last = lines.pop()
    out = "\n".join([line.rstrip(_TRAILING) for line in lines] + [last])
    if "\n\n\n" in out:
        out = _BLANK_LINES.sub("\n\n", out)
    return out.strip()


def _load(source: Source, limits: Limits) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        path = Path(source)
        try:
            if path.stat().st_size > limits.max_bytes:
                raise ExtractionFailed("too-large")
            data = path.read_bytes()
        except OSError as exc:
            raise ExtractionFailed("unreadable", str(exc)) from exc
    if len(data) > limits.max_bytes:
        raise ExtractionFailed("too-large")
    return data
