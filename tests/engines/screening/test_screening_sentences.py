"""Sentence splitting: its spelled-out whitespace set is exactly \\s, and it gives
what the plain form of the rules gives."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from hirekit.engines.screening.sentences import SPACE, Sentence, split_sentences

# The rules in their plainest form: split at every boundary match except one after
# an abbreviation on the same line, then trim bullets before and spaces after.
PLAIN_BOUNDARY = re.compile(r"\s(?:(?<=\n)\n*|(?<=[.!?]\s)\s*(?=[A-Z0-9\"'(•\-])|\s*[•▪●◦■]\s+)")
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "Inc.", "Ltd.", "Co.")
LEADING = re.compile(r"[\s•▪●◦■\-\u2013*·>]*")


def plain_split(source: str) -> list[Sentence]:
    cuts, start = [], 0
    for match in PLAIN_BOUNDARY.finditer(source):
        cut = match.start()
        if "\n" not in match.group() and source[:cut].endswith(ABBREVIATIONS):
            continue
        cuts.append((start, cut))
        start = match.end()
    cuts.append((start, len(source)))
    out = []
    for start, end in cuts:
        leading = LEADING.match(source, start, end)
        assert leading is not None
        start = leading.end()
        text = source[start:end].rstrip()
        if text:
            out.append(Sentence(text, start, start + len(text)))
    return out


def test_the_whitespace_set_is_exactly_backslash_s() -> None:
    space = re.compile(SPACE)
    assert all(
        (space.match(c) is not None) == c.isspace() for c in map(chr, range(sys.maxunicode + 1))
    )


PIECES = st.sampled_from(
    [" ", "  ", "\n", "\n\n", "\t", "\u3000", "\u2028", "\r", ".", "!", "?", "A", "a", "1",
     "\u2022", "\u25aa", "-", "\u2013", "*", "\u00b7", ">", "e.g.", "Inc.", "etc.", '"', "(",
     "Flask", "built APIs"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=24).map("".join))
def test_same_sentences_as_the_plain_rules(text: str) -> None:
    sentences = split_sentences(text)
    assert sentences == plain_split(text)
    assert all(type(s) is Sentence and text[s.start : s.end] == s.text for s in sentences)
