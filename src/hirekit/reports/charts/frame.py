"""The parts every chart shares: document, title, axes, ticks and the value scale."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

#: Colour-blind-safe (Okabe-Ito) series colours, dark enough to print in grey.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")
BAND_FILL = "#f0e442"
INK = "#222222"
GRID = "#cccccc"


@dataclass(frozen=True)
class Frame:
    width: int = 640
    height: int = 320
    left: int = 64
    right: int = 16
    top: int = 40
    bottom: int = 64

    @property
    def plot_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def plot_height(self) -> float:
        return self.height - self.top - self.bottom

    @property
    def base(self) -> float:
        return self.top + self.plot_height


DEFAULT_FRAME = Frame()


def nice_ticks(high: float, count: int = 5) -> list[float]:
    """0 .. a round number at or above ``high`` in steps of 1, 2 or 5 times a power of ten."""
    if high <= 0:
        return [0.0, 1.0]
    raw = high / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    top = math.ceil(high / step) * step
    return [round(i * step, 10) for i in range(round(top / step) + 1)]


def fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def document(frame: Frame, title: str, desc: str, body: list[str], chart_id: str) -> str:
    t, d = f"{chart_id}-title", f"{chart_id}-desc"
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'viewBox="0 0 {frame.width} {frame.height}" width="{frame.width}" '
            f'height="{frame.height}" aria-labelledby="{t} {d}" id="{chart_id}">',
            f'<title id="{t}">{escape(title)}</title>',
            f'<desc id="{d}">{escape(desc)}</desc>',
            f'<rect class="chart-bg" x="0" y="0" width="{frame.width}" '
            f'height="{frame.height}" fill="#ffffff"/>',
            f'<text class="chart-title" x="{frame.left}" y="22" font-size="15" '
            f'font-weight="bold" fill="{INK}">{escape(title)}</text>',
            *body,
            "</svg>",
        ]
    )


def y_axis(frame: Frame, ticks: list[float], label: str) -> list[str]:
    top = ticks[-1] or 1
    parts = []
    for tick in ticks:
        y = frame.base - frame.plot_height * tick / top
        parts.append(
            f'<line class="chart-grid" x1="{frame.left}" x2="{frame.width - frame.right}" '
            f'y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text class="chart-tick" x="{frame.left - 6}" y="{y + 4:.1f}" font-size="11" '
            f'text-anchor="end" fill="{INK}">{fmt(tick)}</text>'
        )
    mid = frame.top + frame.plot_height / 2
    parts.append(
        f'<text class="chart-axis-label" x="14" y="{mid:.1f}" font-size="12" fill="{INK}" '
        f'text-anchor="middle" transform="rotate(-90 14 {mid:.1f})">{escape(label)}</text>'
    )
    return parts


def x_axis(frame: Frame, labels: list[tuple[float, str]], label: str) -> list[str]:
    parts = [
        f'<line class="chart-axis" x1="{frame.left}" x2="{frame.width - frame.right}" '
        f'y1="{frame.base}" y2="{frame.base}" stroke="{INK}" stroke-width="1"/>'
    ]
    every = max(1, math.ceil(len(labels) / 12))  # keep tick labels from overlapping
    for i, (x, text) in enumerate(labels):
        if i % every == 0:
            parts.append(
                f'<text class="chart-tick" x="{x:.1f}" y="{frame.base + 16}" font-size="11" '
                f'text-anchor="middle" fill="{INK}">{escape(text)}</text>'
            )
    parts.append(
        f'<text class="chart-axis-label" x="{frame.left + frame.plot_width / 2:.1f}" '
        f'y="{frame.height - 28}" font-size="12" text-anchor="middle" fill="{INK}">'
        f"{escape(label)}</text>"
    )
    return parts


def legend(frame: Frame, names: list[str], extra: list[tuple[str, str]] | None = None) -> list[str]:
    """Series names (and extra (colour, label) swatches such as a band) under the x axis."""
    entries = [(PALETTE[i % len(PALETTE)], n) for i, n in enumerate(names)] + (extra or [])
    if len(entries) < 2 and not extra:
        return []
    parts, x = [], float(frame.left)
    y = frame.height - 12
    for colour, name in entries:
        parts.append(
            f'<rect class="chart-swatch" x="{x:.1f}" y="{y - 9}" width="10" height="10" '
            f'fill="{colour}" stroke="{INK}" stroke-width="0.5"/>'
        )
        parts.append(
            f'<text class="chart-legend" x="{x + 14:.1f}" y="{y}" font-size="11" '
            f'fill="{INK}">{escape(name)}</text>'
        )
        x += 24 + 7 * len(name)
    return parts


def y_band(frame: Frame, top: float, band: tuple[float, float], label: str) -> list[str]:
    """A shaded horizontal band between two values (e.g. the market's range)."""
    low, high = (min(v, top) for v in band)
    y_high = frame.base - frame.plot_height * high / top
    y_low = frame.base - frame.plot_height * low / top
    return [
        f'<rect class="chart-band" x="{frame.left}" y="{y_high:.1f}" '
        f'width="{frame.plot_width:.1f}" height="{max(y_low - y_high, 1):.1f}" '
        f'fill="{BAND_FILL}" fill-opacity="0.45" stroke="{INK}" stroke-dasharray="4 3" '
        f'stroke-width="0.8"><title>{escape(label)}</title></rect>'
    ]
