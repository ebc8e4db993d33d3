"""Run a slow pattern only at the word starts where one of its matches can begin.

A case-insensitive alternation of words is tried at every character of the
text; most resumes have few places where such a match could start. Given the
lower-cased first letters every match begins with, :class:`StartScan` finds
those word starts with a cheap scan and tries the pattern only there, giving
exactly what ``pattern.finditer`` gives.
"""

from __future__ import annotations

import re

from hirekit.engines.screening.text_scan import matches_at, occurrences, word_char

# Case-insensitive matching accepts these for ASCII letters ("\u212a" is K),
# and "\u0130".lower() is two characters: texts with any get the plain scan.
_LOOKALIKES = ("\u0130", "\u0131", "\u017f", "\u212a")


class StartScan:
    """``pattern`` must begin with ``\\b`` and then a word character, and every
    match must begin, ignoring case, with one of ``openings``."""

    def __init__(self, pattern: re.Pattern[str], openings: tuple[str, ...]) -> None:
        self.pattern = pattern
        self._openings = tuple(sorted({o.lower() for o in openings}))

    def finditer(self, text: str, lowered: str) -> list[re.Match[str]]:
        """Same as ``list(pattern.finditer(text))``; ``lowered`` is ``text.lower()``."""
        if any(c in text for c in _LOOKALIKES):
            return list(self.pattern.finditer(text))
        return matches_at(self.pattern, text, self._starts(lowered))

    def _starts(self, lowered: str) -> list[int]:
        """Word starts followed by an opening, ascending. Substring search runs at
        memory speed; a regex would stop at every space and try every opening."""
        starts = {
            at
            for opening in self._openings
            for at in occurrences(lowered, opening)
            if not (at and word_char(lowered[at - 1]))  # a word boundary
        }
        return sorted(starts)
