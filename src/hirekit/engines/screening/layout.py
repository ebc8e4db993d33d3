"""Two-column detection for PDF pages.

pdfium returns text in content-stream order. Many CV templates draw both
columns line by line, so a sidebar ("Skills", "Languages") ends up woven into
the experience text. We look for a vertical gutter that no text run crosses and
check whether the stream order actually jumps between the two sides; only then
is the page re-read column by column with ``get_text_bounded``.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from ctypes import c_double
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Rect = tuple[float, float, float, float]  # left, bottom, right, top

_MIN_RECTS = 12
_SHORT_LINE = 60
_MIN_LINES = 6
_MIN_SWITCH_SHARE = 0.05


def read_page(textpage: Any, width: float, height: float) -> tuple[str, bool]:
    """Return the page text and whether it was read as two columns."""
    flow: str = textpage.get_text_range()
    if width <= 0 or not _short_lines(flow):
        return flow, False
    count: int = textpage.count_rects()
    if count < _MIN_RECTS:
        return flow, False
    rects = _rects(textpage, count)
    split = find_gutter(rects, width)
    if split is None or not interleaved(rects, split):
        return flow, False
    header_bottom = _header_bottom(rects, split, height)
    parts = [
        textpage.get_text_bounded(0, header_bottom, width, height)
        if header_bottom < height
        else "",
        textpage.get_text_bounded(0, 0, split, header_bottom),
        textpage.get_text_bounded(split, 0, width, header_bottom),
    ]
    return "\n".join(p for p in parts if p.strip()), True


def _short_lines(flow: str) -> bool:
    """Woven columns leave mostly short lines; full-width prose is skipped cheaply,
    because reading every run's box costs as much as extracting the text."""
    lengths = [len(line) for line in flow.splitlines() if line and not line.isspace()]
    if len(lengths) < _MIN_LINES:
        return False
    # The median is short when more than half the lines (counting the middle one) are.
    short = sum(1 for n in lengths if n <= _SHORT_LINE)
    return short > len(lengths) // 2


def _rects(textpage: Any, count: int) -> list[Rect]:
    """Every text run's box, as ``PdfTextPage.get_rect`` gives them, through the raw
    call with reused out-parameters: on a short-lined page this loop costs about
    as much as extracting the text."""
    left, bottom, right, top = c_double(), c_double(), c_double(), c_double()
    get_rect = pdfium_c.FPDFText_GetRect
    raw = textpage.raw
    rects: list[Rect] = []
    for index in range(count):
        if not get_rect(raw, index, left, top, right, bottom):
            raise pdfium.PdfiumError("Failed to get rectangle.")
        rects.append((left.value, bottom.value, right.value, top.value))
    return rects


def find_gutter(rects: list[Rect], width: float) -> float | None:
    """The x of a vertical band crossed by few runs with real text on both sides."""
    # A run crosses x when left < x < right; only runs with left < right can.
    lefts = sorted([r[0] for r in rects if r[0] < r[2]])
    rights = sorted([r[2] for r in rects if r[0] < r[2]])
    best: tuple[int, float] | None = None
    for step in range(20, 81, 2):
        x = width * step / 100
        crossing = bisect_left(lefts, x) - bisect_right(rights, x)
        if best is None or crossing < best[0]:
            best = (crossing, x)
    if best is None or best[0] > len(rects) * 0.08:
        return None
    x = best[1]
    left = sum(1 for r in rects if r[2] <= x)
    right = sum(1 for r in rects if r[0] >= x)
    if min(left, right) < max(4, len(rects) * 0.15):
        return None
    return x


def interleaved(rects: list[Rect], split: float) -> bool:
    """True when reading order hops between the columns instead of finishing one."""
    sides = [0 if r[2] <= split else 1 for r in rects if r[2] <= split or r[0] >= split]
    switches = sum(1 for a, b in itertools.pairwise(sides) if a != b)
    return switches >= 4 and switches / max(len(sides), 1) >= _MIN_SWITCH_SHARE


def _header_bottom(rects: list[Rect], split: float, height: float) -> float:
    """Lowest bottom of full-width runs that sit above every column run."""
    column_top = max((r[3] for r in rects if r[2] <= split or r[0] >= split), default=height)
    spanning = [r for r in rects if r[0] < split < r[2] and r[1] >= column_top - 1]
    if not spanning:
        return height
    return min(r[1] for r in spanning)
