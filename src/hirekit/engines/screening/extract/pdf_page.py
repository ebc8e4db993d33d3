"""A PDF's pages, their text and text-run boxes, through pdfium's C functions via cffi.

pypdfium2's ``PdfPage``/``PdfTextPage`` register finalizers and parent links for
every page, and each of their ctypes calls converts its arguments in Python; a
resume is read once and closed at once, so the screening calls the same
functions of the same library (pypdfium2's own, at the same addresses) through
cffi, which costs a fraction of that; documents are opened the same way.

The column check needs every text run's box, one ``FPDFText_GetRect`` call each
(about a hundred on a page of short lines); those calls are driven by ``map``
over argument lists prepared once, writing into one reused buffer, so the loop
runs no Python bytecode per run.
"""

from __future__ import annotations

import ctypes
import threading
from codecs import decode
from itertools import repeat
from types import TracebackType
from typing import Any, cast

import cffi
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_ffi = cffi.FFI()


def _address(pointer: Any) -> int:
    """Where a ctypes pointer or function points."""
    address = ctypes.cast(pointer, ctypes.c_void_p).value
    if address is None:
        raise pdfium.PdfiumError("Null pointer from pdfium.")
    return address


def _c(name: str, signature: str) -> Any:
    """pypdfium2's own function ``name``, callable through cffi."""
    return _ffi.cast(signature, _address(getattr(pdfium_c, name)))


_LOAD_DOCUMENT = _c("FPDF_LoadMemDocument64", "void *(*)(const void *, size_t, const char *)")
_CLOSE_DOCUMENT = _c("FPDF_CloseDocument", "void (*)(void *)")
_PAGE_COUNT = _c("FPDF_GetPageCount", "int (*)(void *)")
_LAST_ERROR = _c("FPDF_GetLastError", "unsigned long (*)(void)")
_LOAD_PAGE = _c("FPDF_LoadPage", "void *(*)(void *, int)")
_CLOSE_PAGE = _c("FPDF_ClosePage", "void (*)(void *)")
_PAGE_WIDTH = _c("FPDF_GetPageWidthF", "float (*)(void *)")
_PAGE_HEIGHT = _c("FPDF_GetPageHeightF", "float (*)(void *)")
_LOAD_TEXT = _c("FPDFText_LoadPage", "void *(*)(void *)")
_CLOSE_TEXT = _c("FPDFText_ClosePage", "void (*)(void *)")
_COUNT_CHARS = _c("FPDFText_CountChars", "int (*)(void *)")
_GET_TEXT = _c("FPDFText_GetText", "int (*)(void *, int, int, unsigned short *)")
_COUNT_RECTS = _c("FPDFText_CountRects", "int (*)(void *, int, int)")
_GET_RECT = _c("FPDFText_GetRect", "int (*)(void *, int, double *, double *, double *, double *)")
_BOUNDED_TEXT = _c(
    "FPDFText_GetBoundedText",
    "int (*)(void *, double, double, double, double, unsigned short *, int)",
)


class _Slots:
    """A buffer of four doubles per run and, per corner, a pointer to each slot.

    Thread-local: pdfium calls may come from several worker threads in turn.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.buffer: Any = _ffi.new("double[]", 4 * capacity)
        slots = [self.buffer + k for k in range(4 * capacity)]
        # Slot order is left, bottom, right, top; FPDFText_GetRect takes
        # left, top, right, bottom.
        self.lefts, self.bottoms = slots[0::4], slots[1::4]
        self.rights, self.tops = slots[2::4], slots[3::4]


_local = threading.local()


def _slots(count: int) -> _Slots:
    slots: _Slots | None = getattr(_local, "slots", None)
    if slots is None or slots.capacity < count:
        slots = _Slots(max(count, 2 * slots.capacity if slots else 256))
        _local.slots = slots
    return slots


class PdfFile:
    """An open PDF document; use as a context manager. Opening raises
    ``PdfiumError`` with pdfium's error code (``FPDF_ERR_PASSWORD`` when encrypted)."""

    def __init__(self, data: bytes) -> None:
        self._data = _ffi.from_buffer(data)  # pdfium reads it until the document closes
        self.raw: Any = _LOAD_DOCUMENT(self._data, len(data), _ffi.NULL)
        self.pages: int = _PAGE_COUNT(self.raw) if self.raw != _ffi.NULL else 0
        if self.pages < 1:  # as pypdfium2 does: a PDF without pages is no document
            code = int(_LAST_ERROR())
            self.close()
            raise pdfium.PdfiumError(
                f"Failed to load document (pdfium error {code}).", err_code=code
            )

    def close(self) -> None:
        if self.raw != _ffi.NULL:
            _CLOSE_DOCUMENT(self.raw)
            self.raw = _ffi.NULL

    def __enter__(self) -> PdfFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PageText:
    """A loaded page and its text page; use as a context manager."""

    def __init__(self, document: PdfFile, index: int) -> None:
        self._page = _LOAD_PAGE(document.raw, index)
        if self._page == _ffi.NULL:
            raise pdfium.PdfiumError("Failed to load page.")
        self._text = _LOAD_TEXT(self._page)
        if self._text == _ffi.NULL:
            _CLOSE_PAGE(self._page)
            raise pdfium.PdfiumError("Failed to load text page.")

    def __enter__(self) -> PageText:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        _CLOSE_TEXT(self._text)
        _CLOSE_PAGE(self._page)

    @property
    def width(self) -> float:
        return cast(float, _PAGE_WIDTH(self._page))

    @property
    def height(self) -> float:
        return cast(float, _PAGE_HEIGHT(self._page))

    def get_text_range(self) -> str:
        """All the page's text in stream order."""
        count: int = _COUNT_CHARS(self._text)
        if count < 0:
            raise pdfium.PdfiumError("Failed to get character count.")
        if count == 0:
            return ""
        # Room for a surrogate pair per character and the terminator: pdfium
        # counts characters, the buffer holds UTF-16 units.
        buffer = _ffi.new("unsigned short[]", 2 * count + 1)
        written: int = _GET_TEXT(self._text, 0, count, buffer)
        return _decode(buffer, written - 1)

    def count_rects(self) -> int:
        """How many text runs the page has (pdfium computes their boxes here)."""
        count: int = _COUNT_RECTS(self._text, 0, -1)
        if count < 0:
            raise pdfium.PdfiumError("Failed to count rectangles.")
        return count

    def run_boxes(self, count: int) -> list[float]:
        """The ``count`` run boxes (after :meth:`count_rects`), flat: left, bottom,
        right, top of run 0, then of run 1, ... in PDF canvas units."""
        if count <= 0:
            return []
        slots = _slots(count)
        done = map(
            _GET_RECT,
            repeat(self._text, count),
            range(count),
            slots.lefts[:count],
            slots.tops[:count],
            slots.rights[:count],
            slots.bottoms[:count],
        )
        if not all(done):
            raise pdfium.PdfiumError("Failed to get rectangle.")
        return cast(list[float], _ffi.unpack(slots.buffer, 4 * count))

    def get_text_bounded(self, left: float, bottom: float, right: float, top: float) -> str:
        """The text inside a rectangle, in PDF canvas units."""
        count: int = _BOUNDED_TEXT(self._text, left, top, right, bottom, _ffi.NULL, 0)
        if count <= 0:
            return ""
        buffer = _ffi.new("unsigned short[]", count)
        _BOUNDED_TEXT(self._text, left, top, right, bottom, buffer, count)
        return _decode(buffer, count)


def _decode(buffer: Any, units: int) -> str:
    text: str = decode(_ffi.buffer(buffer, 2 * max(units, 0)), "utf-16-le", errors="ignore")
    return text
