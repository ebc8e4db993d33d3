"""Two-column detection for PDF pages.

pdfium returns text in content-stream order. Many CV templates draw both
columns line by line, so a sidebar ("Skills", "Languages") ends up woven into
the experience text. We look for a vertical gutter that no text run crosses and
check whether the stream order actually jumps between the two sides; only then
is the page re-read column by column with ``get_text_bounded``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import lt, ne, sub

import pypdfium2 as pdfium

_MIN_RECTS = 12
#: A page with more text runs is read as it flows: real CV pages have a few
#: hundred (the most on the 401 corpus PDFs: 2,835), and reading every run's box
#: of a hostile page with millions would cost far more than the page itself.
MAX_RUNS = 10_000
_SHORT_LINE = 60
_MIN_LINES = 6
_MIN_SWITCH_SHARE = 0.05


@dataclass(frozen=True)
class Runs:
    """The boxes of a page's text runs in stream order, one list per edge."""

    lefts: list[float]
    bottoms: list[float]
    rights: list[float]
    tops: list[float]

    @classmethod
    def from_rects(cls, rects: list[tuple[float, float, float, float]]) -> Runs:
        """From ``(left, bottom, right, top)`` boxes, as ``PdfTextPage.get_rect`` gives them."""
        if not rects:
            return cls([], [], [], [])
        lefts, bottoms, rights, tops = map(list, zip(*rects, strict=True))
        return cls(lefts, bottoms, rights, tops)


def read_page(page: pdfium.PdfPage, text: pdfium.PdfTextPage) -> tuple[str, bool]:
    """Return the page text and whether it was read as two columns."""
    flow = text.get_text_range()
    if not _short_lines(flow):
        return flow, False
    width = page.get_width()
    count = text.count_rects()  # pdfium computes the runs' boxes here
    if width <= 0 or not _MIN_RECTS <= count <= MAX_RUNS:
        return flow, False
    runs = Runs.from_rects(list(map(text.get_rect, range(count))))
    split = find_gutter(runs, width)
    if split is None or not interleaved(runs, split):
        return flow, False
    height = page.get_height()
    header_bottom = _header_bottom(runs, split, height)
    parts = [
        text.get_text_bounded(0, header_bottom, width, height) if header_bottom < height else "",
        text.get_text_bounded(0, 0, split, header_bottom),
        text.get_text_bounded(split, 0, width, header_bottom),
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


def find_gutter(runs: Runs, width: float) -> float | None:
    """The x of a vertical band crossed by few runs with real text on both sides."""
    # A run crosses x when left < x < right; only runs with left < right can.
    wide = list(map(lt, runs.lefts, runs.rights))
    all_wide = all(wide)
    lefts = sorted(runs.lefts if all_wide else compress(runs.lefts, wide))
    rights = sorted(runs.rights if all_wide else compress(runs.rights, wide))
    count = len(runs.lefts)
    candidates = _candidates(width)
    # Runs crossing each candidate: those starting before it less those ended by it.
    crossing = list(
        map(
            sub,
            map(bisect_left, repeat(lefts), candidates),
            map(bisect_right, repeat(rights), candidates),
        )
    )
    fewest = min(crossing)  # the leftmost candidate with the fewest wins
    if fewest > count * 0.08:
        return None
    x = candidates[crossing.index(fewest)]
    if all_wide:  # the sorted edges are every run's
        left, right = bisect_right(rights, x), count - bisect_left(lefts, x)
    else:
        left = sum(map(x.__ge__, runs.rights))  # runs ending at or before x
        right = sum(map(x.__le__, runs.lefts))  # runs starting at or after x
    if min(left, right) < max(4, count * 0.15):
        return None
    return x


@lru_cache(maxsize=64)
def _candidates(width: float) -> tuple[float, ...]:
    """Where a gutter may be: every 2% of the width from 20% to 80%."""
    return tuple(width * step / 100 for step in range(20, 81, 2))


def interleaved(runs: Runs, split: float) -> bool:
    """True when reading order hops between the columns instead of finishing one."""
    sides = [
        right > split
        for left, right in zip(runs.lefts, runs.rights, strict=True)
        if right <= split or left >= split
    ]
    switches: int = sum(map(ne, sides, sides[1:]))
    return switches >= 4 and switches / max(len(sides), 1) >= _MIN_SWITCH_SHARE


def _header_bottom(runs: Runs, split: float, height: float) -> float:
    """Lowest bottom of full-width runs that sit above every column run."""
    boxes = list(zip(runs.lefts, runs.bottoms, runs.rights, runs.tops, strict=True))
    column_top = max((t for lf, _, r, t in boxes if r <= split or lf >= split), default=height)
    spanning = [b for lf, b, r, t in boxes if lf < split < r and b >= column_top - 1]
    if not spanning:
        return height
    return min(spanning)
