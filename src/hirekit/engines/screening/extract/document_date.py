"""The date a resume file says it was last saved (or created), from its metadata.

A CV's "Present" means "when this was written", not "today": a 2012 CV read in
2026 must not claim fourteen more years of work.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date

import pypdfium2 as pdfium

# PDF dates: "D:20190315120000+01'00'"; DOCX/ODT: "2019-03-15T12:00:00Z".
_PDF_DATE = re.compile(r"^(?:D:)?((?:19|20)\d\d)(\d\d)?(\d\d)?")
_ISO_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_DOCX_TAGS = ("dcterms:modified", "dcterms:created")
_ODT_TAGS = ("dc:date", "meta:creation-date")


def document_date(data: bytes, kind: str | None) -> date | None:
    """The file's modified date, else its created date; ``None`` when it has neither
    or the date is not a plausible one. Never raises."""
    try:
        if kind == "pdf":
            document = pdfium.PdfDocument(data)
            try:
                return pdf_date(document)
            finally:
                document.close()
        if kind == "docx":
            return _zip_date(data, "docProps/core.xml", _DOCX_TAGS)
        if kind == "odt":
            return _zip_date(data, "meta.xml", _ODT_TAGS)
        if kind == "jsonresume":
            return _json_resume_date(data)
    except Exception:
        return None
    return None


def pdf_date(document: pdfium.PdfDocument) -> date | None:
    """:func:`document_date` of a PDF the caller has open (and closes): the PDF
    reader asks while it holds the document, so the file is not parsed twice.
    Never raises."""
    try:
        for key in ("ModDate", "CreationDate"):
            match = _PDF_DATE.match(document.get_metadata_value(key).strip())
            if match:
                found = _plausible(int(match[1]), int(match[2] or 1), int(match[3] or 1))
                if found:
                    return found
    except Exception:
        return None
    return None


def _zip_date(data: bytes, member: str, tags: tuple[str, ...]) -> date | None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
        if info.file_size > 1_000_000:
            return None
        xml = archive.read(member).decode("utf-8", "replace")
    for tag in tags:
        match = re.search(rf"<{tag}[^>]*>\s*([^<]+)<", xml)
        if match and (iso := _ISO_DATE.search(match.group(1))):
            found = _plausible(int(iso[1]), int(iso[2]), int(iso[3]))
            if found:
                return found
    return None


def _json_resume_date(data: bytes) -> date | None:
    """JSON Resume's ``meta.lastModified`` ("2024-06-01T10:00:00")."""
    meta = json.loads(data).get("meta")
    modified = meta.get("lastModified") if isinstance(meta, dict) else None
    found = _ISO_DATE.search(modified) if isinstance(modified, str) else None
    return _plausible(int(found[1]), int(found[2]), int(found[3])) if found else None


def _plausible(year: int, month: int, day: int) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    # Files carry 1980/1601 epochs when a tool wrote no date.
    return found if found.year >= 1990 and found <= date.today() else None
