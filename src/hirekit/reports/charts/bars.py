"""Bar charts: grouped vertical bars per category, an optional shaded band."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from hirekit.reports.charts.frame import (
    BAND_FILL,
    DEFAULT_FRAME,
    INK,
    PALETTE,
    Frame,
    document,
    fmt,
    legend,
    nice_ticks,
    x_axis,
    y_axis,
    y_band,
)


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]


def bar_chart(
    title: str,
    desc: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    x_label: str,
    y_label: str,
    chart_id: str = "chart",
    y_band_range: tuple[float, float] | None = None,
    x_band: tuple[int, int] | None = None,
    band_label: str = "",
    frame: Frame = DEFAULT_FRAME,
) -> str:
    """Grouped bars; ``None`` values draw nothing. ``x_band`` shades the categories
    ``[first, last]`` by index, ``y_band_range`` a range of values."""
    values = [v for s in series for v in s.values if v is not None]
    high = max([*values, *(y_band_range or ())], default=0.0)
    ticks = nice_ticks(high)
    top = ticks[-1] or 1
    slot = frame.plot_width / max(1, len(categories))
    width = slot * 0.8 / max(1, len(series))
    body = y_axis(frame, ticks, y_label)
    if x_band is not None and categories:
        first, last = x_band
        body.append(
            f'<rect class="chart-band" x="{frame.left + slot * first:.1f}" y="{frame.top}" '
            f'width="{slot * (last - first + 1):.1f}" height="{frame.plot_height:.1f}" '
            f'fill="{BAND_FILL}" fill-opacity="0.45" stroke="{INK}" stroke-dasharray="4 3" '
            f'stroke-width="0.8"><title>{escape(band_label)}</title></rect>'
        )
    if y_band_range is not None:
        body += y_band(frame, top, y_band_range, band_label)
    for i, category in enumerate(categories):
        for j, s in enumerate(series):
            value = s.values[i] if i < len(s.values) else None
            if value is None:
                continue
            h = frame.plot_height * value / top
            x = frame.left + slot * i + slot * 0.1 + width * j
            body.append(
                f'<rect class="chart-bar series-{j}" x="{x:.1f}" y="{frame.base - h:.1f}" '
                f'width="{width:.1f}" height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}">'
                f"<title>{escape(s.name)}, {escape(category)}: {fmt(value)}</title></rect>"
            )
    labels = [(frame.left + slot * (i + 0.5), c) for i, c in enumerate(categories)]
    body += x_axis(frame, labels, x_label)
    extra = [(BAND_FILL, band_label)] if band_label else None
    body += legend(frame, [s.name for s in series], extra)
    return document(frame, title, desc, body, chart_id)
