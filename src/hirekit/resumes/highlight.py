"""Resume text as HTML with each evidence quote wrapped in ``<mark>``, by offsets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "green" | "yellow"
    flag: str


def spans_of(flags: dict[str, list[dict[str, Any]]]) -> list[Span]:
    """Every evidence span of stored flags ``{"green": [...], "yellow": [...]}``."""
    found: list[Span] = []
    for kind in ("green", "yellow"):
        for flag in flags.get(kind, []):
            for item in flag.get("evidence") or []:
                found.append(Span(int(item["start"]), int(item["end"]), kind, str(flag["flag"])))
    return found


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """Escape ``text`` and wrap each span in ``<mark>``; overlapping spans merge into the first.

    Spans outside the text are clipped; empty ones are dropped.
    """
    pieces: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        start, end = max(span.start, position), min(span.end, len(text))
        if start >= end:
            continue
        pieces.append(str(escape(text[position:start])))
        pieces.append(
            f'<mark class="{span.kind}" title="{escape(span.flag)}">'
            f"{escape(text[start:end])}</mark>"
        )
        position = end
    pieces.append(str(escape(text[position:])))
    return Markup("".join(pieces))  # noqa: S704 - every piece of text is escaped above
