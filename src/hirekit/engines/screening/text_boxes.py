"""The box of every text run on a pdfium text page, read in bulk.

The column check needs every run's box, one ``FPDFText_GetRect`` call each: on a
page of short lines there are about a hundred. Through ctypes each call costs
more than pdfium's own work, so the calls go through cffi instead, driven by
``map`` over argument lists prepared once, writing into one reused buffer: the
loop never runs Python bytecode per run. The function is pypdfium2's own
(same library, same address), so text pages made by pypdfium2 are valid here.
"""

from __future__ import annotations

import ctypes
import threading
from itertools import repeat
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


_GET_RECT: Any = _ffi.cast(
    "int(*)(void *, int, double *, double *, double *, double *)",
    _address(pdfium_c.FPDFText_GetRect),
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


def run_boxes(textpage: Any, count: int) -> list[float]:
    """``count`` run boxes (``textpage.count_rects()``), flat: left, bottom, right,
    top of run 0, then of run 1, ... in the units and order ``get_rect`` gives."""
    if count <= 0:
        return []
    slots = _slots(count)
    page = _ffi.cast("void *", _address(textpage.raw))
    done = map(
        _GET_RECT,
        repeat(page, count),
        range(count),
        slots.lefts[:count],
        slots.tops[:count],
        slots.rights[:count],
        slots.bottoms[:count],
    )
    if not all(done):
        raise pdfium.PdfiumError("Failed to get rectangle.")
    return cast(list[float], _ffi.unpack(slots.buffer, 4 * count))
