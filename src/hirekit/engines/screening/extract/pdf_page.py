"""One PDF page's text through pdfium's C API, without pypdfium2's page objects.

pypdfium2's ``PdfPage``/``PdfTextPage`` register finalizers and parent links for
every page; a resume is read once and closed at once, and that bookkeeping cost
about a tenth of a millisecond per resume, as much as a page's column check.
The document itself stays a ``PdfDocument`` (opening, password errors, closing).
"""

from __future__ import annotations

import ctypes
from codecs import decode
from types import TracebackType
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


class PageText:
    """A loaded page and its text page; use as a context manager."""

    def __init__(self, document: pdfium.PdfDocument, index: int) -> None:
        self._page = pdfium_c.FPDF_LoadPage(document.raw, index)
        if not self._page:
            raise pdfium.PdfiumError("Failed to load page.")
        self.raw: Any = pdfium_c.FPDFText_LoadPage(self._page)
        if not self.raw:
            pdfium_c.FPDF_ClosePage(self._page)
            raise pdfium.PdfiumError("Failed to load text page.")
        self.width: float = pdfium_c.FPDF_GetPageWidthF(self._page)
        self.height: float = pdfium_c.FPDF_GetPageHeightF(self._page)

    def __enter__(self) -> PageText:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        pdfium_c.FPDFText_ClosePage(self.raw)
        pdfium_c.FPDF_ClosePage(self._page)

    def get_text_range(self) -> str:
        """All the page's text in stream order."""
        count = pdfium_c.FPDFText_CountChars(self.raw)
        if count < 0:
            raise pdfium.PdfiumError("Failed to get character count.")
        if count == 0:
            return ""
        # Room for a surrogate pair per character and the terminator: pdfium
        # counts characters, the buffer holds UTF-16 units.
        buffer = (ctypes.c_ushort * (2 * count + 1))()
        written = pdfium_c.FPDFText_GetText(self.raw, 0, count, buffer)
        return _decode(buffer, written - 1)

    def count_rects(self) -> int:
        count: int = pdfium_c.FPDFText_CountRects(self.raw, 0, -1)
        if count < 0:
            raise pdfium.PdfiumError("Failed to count rectangles.")
        return count

    def get_text_bounded(self, left: float, bottom: float, right: float, top: float) -> str:
        """The text inside a rectangle, in PDF canvas units."""
        args = (self.raw, left, top, right, bottom)
        count = pdfium_c.FPDFText_GetBoundedText(*args, None, 0)
        if count <= 0:
            return ""
        buffer = (ctypes.c_ushort * count)()
        pdfium_c.FPDFText_GetBoundedText(*args, buffer, count)
        return _decode(buffer, count)


def _decode(buffer: ctypes.Array[ctypes.c_ushort], units: int) -> str:
    text: str = decode(memoryview(buffer)[: max(units, 0)], "utf-16-le", errors="ignore")
    return text
