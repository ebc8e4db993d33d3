"""Split extracted text into sentences that keep their character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at a line break, or at . ! ? ; followed by space and a capital
# or digit. "e.g. Flask" and "v2.0" stay whole because of the capital/space rule
# and the abbreviation list.
_BOUNDARY = re.compile(r"\n+|(?<=[.!?])\s+(?=[A-Z0-9\"'(•\-])|\s+[•▪●◦■]\s+")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "Inc.", "Ltd.", "Co.")
_BULLET = re.compile(r"^[\s•▪●◦■\-\u2013*·>]+")


@dataclass(frozen=True)
class Sentence:
    """``text == source[start:end]``; bullets and surrounding spaces are trimmed."""

    text: str
    start: int
    end: int


def split_sentences(source: str) -> list[Sentence]:
    """Sentences in order, with offsets into ``source``; empty pieces dropped."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(source):
        if "\n" not in match.group() and _ends_with_abbreviation(source, match.start()):
            continue
        _append(source, start, match.start(), sentences)
        start = match.end()
    _append(source, start, len(source), sentences)
    return sentences


def _ends_with_abbreviation(source: str, end: int) -> bool:
    tail = source[max(0, end - 8) : end]
    return tail.endswith(_ABBREVIATIONS)


def _append(source: str, start: int, end: int, out: list[Sentence]) -> None:
    piece = source[start:end]
    bullet = _BULLET.match(piece)
    if bullet:
        start += bullet.end()
    while end > start and source[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(source[start:end], start, end))
