"""Choose a reader from the file's bytes; the name is only a tie-breaker for text."""

from __future__ import annotations

import io
import json
import zipfile

#: Kinds that :func:`sniff` returns; ``None`` means no reader applies.
KINDS = ("pdf", "docx", "odt", "rtf", "jsonresume", "text")

_ODT_MIME = b"application/vnd.oasis.opendocument.text"


def sniff(data: bytes) -> str | None:
    """Return the reader kind for ``data``, judged by content (magic numbers, structure)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return _sniff_zip(data)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if stripped.startswith(b"{") and _is_json_resume(data):
        return "jsonresume"
    if _looks_like_text(data[:8192]):
        return "text"
    return None


def _sniff_zip(data: bytes) -> str | None:
    if data[30:38] == b"mimetype" and _ODT_MIME in data[38:120]:
        return "odt"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # A broken archive (or one claiming a zip version or method zipfile lacks) is
        # still a DOCX/ODT the reader will report as unreadable.
        return "docx"
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names and "mimetype" in names:
        return "odt"
    return None


def _is_json_resume(data: bytes) -> bool:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(doc, dict) and any(
        key in doc for key in ("basics", "work", "skills", "projects", "education")
    )


def _looks_like_text(sample: bytes) -> bool:
    if not sample:
        return False
    if b"\x00" in sample and not _utf16_bom(sample):
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) < 0.02


def _utf16_bom(sample: bytes) -> bool:
    return sample[:2] in (b"\xff\xfe", b"\xfe\xff")
