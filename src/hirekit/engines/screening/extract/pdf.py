"""PDF through pypdfium2's public API, page by page, column-aware where the page needs it."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from hirekit.engines.screening.extract.document_date import pdf_date
from hirekit.engines.screening.extract.text import ReadResult
from hirekit.engines.screening.failures import ExtractionFailed
from hirekit.engines.screening.layout import read_page
from hirekit.engines.screening.limits import Deadline, Limits


def read(data: bytes, limits: Limits, deadline: Deadline) -> ReadResult:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = "encrypted" if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD else "unreadable"
        raise ExtractionFailed(code, str(exc)) from exc
    try:
        pages = len(document)
        if pages > limits.max_pages:
            raise ExtractionFailed("too-large", f"{pages} pages")
        parts: list[str] = []
        columns = False
        for index in range(pages):
            deadline.check()
            page_text, split = _read_one(document, index)
            parts.append(page_text)
            columns = columns or split
        layout = "columns" if columns else "flow"
        return ReadResult("\n\n".join(parts), pages, layout, written=pdf_date(document))
    finally:
        document.close()


def _read_one(document: pdfium.PdfDocument, index: int) -> tuple[str, bool]:
    try:
        page = document[index]
    except pdfium.PdfiumError as exc:
        raise ExtractionFailed("unreadable", str(exc)) from exc
    try:
        textpage = page.get_textpage()
        try:
            return read_page(page, textpage)
        finally:
            textpage.close()
    except pdfium.PdfiumError as exc:
        raise ExtractionFailed("unreadable", str(exc)) from exc
    finally:
        page.close()
