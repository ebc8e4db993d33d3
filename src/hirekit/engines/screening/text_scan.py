"""What the screening's fast paths scan text with instead of a regex.

A regex stops at every character to try its pattern; ``str.find`` skips through
the text in C, so the fast paths look for a few literal strings and try the real
pattern only where one occurs.
"""

from __future__ import annotations

from collections.abc import Iterator


def occurrences(text: str, needle: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Every index in ``[start, end)`` where ``needle`` begins (overlaps included),
    ascending; the bounds are those of ``str.find``."""
    at = text.find(needle, start, end)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1, end)


def word_char(char: str) -> bool:
    """What ``\\w`` matches in a ``str`` pattern."""
    return char.isalnum() or char == "_"
