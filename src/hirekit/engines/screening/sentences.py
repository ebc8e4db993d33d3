"""Split extracted text into sentences that keep their character offsets."""

from __future__ import annotations

import re
from functools import partial
from typing import NamedTuple

# A sentence ends at a line break, or at . ! ? ; followed by space and a capital
# or digit. "e.g. Flask" and "v2.0" stay whole because of the capital/space rule
# and the abbreviation list.
# Written as one whitespace character first, then the three cases (a run of
# newlines; after . ! ?; around a bullet), so the engine skips ahead to spaces.
# The leading whitespace is spelled out as a set: the same characters as \s, but a
# set the engine checks from a table, where \s asks Unicode at each character.
SPACE = r"[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_BOUNDARY = re.compile(SPACE + r"(?:(?<=\n)\n*|(?<=[.!?]\s)\s*(?=[A-Z0-9\"'(•\-])|\s*[•▪●◦■]\s+)")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "Inc.", "Ltd.", "Co.")
_BULLET_CHARS = "•▪●◦■-\u2013*·>"
_BULLET = re.compile(r"[\s•▪●◦■\-\u2013*·>]+")


class Sentence(NamedTuple):
    """``text == source[start:end]``; bullets and surrounding spaces are trimmed.

    A named tuple: a resume has hundreds, and they are made for every screening.
    """

    text: str
    start: int
    end: int


_sentence = partial(tuple.__new__, Sentence)


def split_sentences(source: str) -> list[Sentence]:
    """Sentences in order, with offsets into ``source``; empty pieces dropped."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(source):
        cut, after = match.span()
        if (
            source[cut] != "\n"
            and "\n" not in match.group()
            and _ends_with_abbreviation(source, cut)
        ):
            continue
        if cut > start:
            pieces.append((start, cut))
        start = after
    if len(source) > start:
        pieces.append((start, len(source)))
    found: list[tuple[str, int, int]] = []
    for start, end in pieces:
        # Trim bullets before and spaces after (the loop is hot: hundreds per resume).
        if source[start] in _BULLET_CHARS or source[start].isspace():
            bullet = _BULLET.match(source, start, end)
            if bullet:
                start = bullet.end()
        while end > start and source[end - 1].isspace():
            end -= 1
        if end > start:
            found.append((source[start:end], start, end))
    # Plain tuples made into Sentences in C: a NamedTuple's own constructor is Python.
    return list(map(_sentence, found))


def _ends_with_abbreviation(source: str, end: int) -> bool:
    tail = source[max(0, end - 8) : end]
    return tail.endswith(_ABBREVIATIONS)
