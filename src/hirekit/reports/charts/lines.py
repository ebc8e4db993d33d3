"""Line charts over ordered categories (months), with an optional shaded value band."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from hirekit.reports.charts.bars import Series
from hirekit.reports.charts.frame import (
    BAND_FILL,
    DEFAULT_FRAME,
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


def line_chart(
    title: str,
    desc: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    x_label: str,
    y_label: str,
    chart_id: str = "chart",
    y_band_range: tuple[float, float] | None = None,
    band_label: str = "",
    frame: Frame = DEFAULT_FRAME,
) -> str:
    """One polyline per series; a ``None`` value breaks the line there."""
    values = [v for s in series for v in s.values if v is not None]
    ticks = nice_ticks(max([*values, *(y_band_range or ())], default=0.0))
    top = ticks[-1] or 1
    step = frame.plot_width / max(1, len(categories))
    body = y_axis(frame, ticks, y_label)
    if y_band_range is not None:
        body += y_band(frame, top, y_band_range, band_label)
    for j, s in enumerate(series):
        colour = PALETTE[j % len(PALETTE)]
        run: list[str] = []
        for i, value in enumerate([*s.values, None]):
            if value is None:
                if len(run) > 1:
                    body.append(
                        f'<polyline class="chart-line series-{j}" fill="none" '
                        f'stroke="{colour}" stroke-width="2" points="{" ".join(run)}"/>'
                    )
                run = []
                continue
            x = frame.left + step * (i + 0.5)
            y = frame.base - frame.plot_height * value / top
            run.append(f"{x:.1f},{y:.1f}")
            body.append(
                f'<circle class="chart-point series-{j}" cx="{x:.1f}" cy="{y:.1f}" r="3.5" '
                f'fill="{colour}"><title>{escape(s.name)}, {escape(categories[i])}: '
                f"{fmt(value)}</title></circle>"
            )
    labels = [(frame.left + step * (i + 0.5), c) for i, c in enumerate(categories)]
    body += x_axis(frame, labels, x_label)
    extra = [(BAND_FILL, band_label)] if band_label else None
    body += legend(frame, [s.name for s in series], extra)
    return document(frame, title, desc, body, chart_id)
