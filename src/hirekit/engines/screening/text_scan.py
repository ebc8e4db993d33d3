"""What the screening's fast paths scan text with instead of a regex.

A regex stops at every character to try its pattern; ``str.find`` skips through
the text in C, so the fast paths look for a few literal strings and try the real
pattern only where one occurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


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


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], end: int | None = None
) -> list[re.Match[str]]:
    """Same as ``pattern.finditer(text, 0, end)`` when every match begins at one of the
    ascending ``starts``: the first start past the previous match where the pattern
    matches holds the leftmost match from there."""
    stop = len(text) if end is None else end
    found: list[re.Match[str]] = []
    resume = 0
    for at in starts:
        if at >= resume and (match := pattern.match(text, at, stop)) is not None:
            found.append(match)
            resume = match.end()
    return found
