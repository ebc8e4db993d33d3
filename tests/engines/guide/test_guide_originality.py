"""flask.toml states the reference guide's facts in hirekit's own words.

The reference page is not shipped with hirekit, so the check runs against
fingerprints of it (source_fingerprints.json): a hash per normalised sentence
of at least MIN_WORDS words, and per MIN_WORDS-word phrase inside a sentence.
Regenerate them from a copy of the page with:

    python tests/engines/guide/test_guide_originality.py PAGE.txt > \
        tests/engines/guide/source_fingerprints.json
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

MIN_WORDS = 8
FINGERPRINTS = Path(__file__).with_name("source_fingerprints.json")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
# sentence ends, line breaks, quotes and " - " bullet separators all end a sentence
_BREAKS = re.compile(r"(?<=[.!?])\s+|\n|[\"\u201c\u201d]|\s[-\u2013\u2014]\s|:\s")


def words(text: str) -> list[str]:
    """Lower-case word tokens; punctuation and layout do not matter."""
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.translate(_APOSTROPHES).lower())


def sentences(text: str) -> Iterator[list[str]]:
    for piece in _BREAKS.split(text):
        tokens = words(piece)
        if len(tokens) >= MIN_WORDS:
            yield tokens


def digest(tokens: Iterable[str]) -> str:
    return hashlib.sha256(" ".join(tokens).encode()).hexdigest()[:24]


def windows(tokens: list[str], size: int) -> Iterator[list[str]]:
    for start in range(len(tokens) - size + 1):
        yield tokens[start : start + size]


@dataclass(frozen=True)
class Fingerprints:
    sentences: frozenset[tuple[int, str]]  # (word count, digest)
    phrases: frozenset[str]  # digests of MIN_WORDS-word runs

    def to_json(self) -> str:
        return json.dumps({"sentences": sorted(self.sentences), "phrases": sorted(self.phrases)})

    @classmethod
    def from_json(cls, text: str) -> Fingerprints:
        data = json.loads(text)
        return cls(
            sentences=frozenset((int(n), str(h)) for n, h in data["sentences"]),
            phrases=frozenset(str(h) for h in data["phrases"]),
        )


def fingerprint(source: str) -> Fingerprints:
    found = list(sentences(source))
    return Fingerprints(
        sentences=frozenset((len(s), digest(s)) for s in found),
        phrases=frozenset(digest(w) for s in found for w in windows(s, MIN_WORDS)),
    )


def reused(prints: Fingerprints, text: str) -> list[str]:
    """Runs of ``text`` whose words match a fingerprinted sentence or phrase."""
    tokens = words(text)
    by_length: dict[int, set[str]] = {MIN_WORDS: set(prints.phrases)}
    for length, value in prints.sentences:
        by_length.setdefault(length, set()).add(value)
    return [
        " ".join(run)
        for size, hashes in by_length.items()
        for run in windows(tokens, size)
        if digest(run) in hashes
    ]


@pytest.fixture(scope="module")
def prints() -> Fingerprints:
    return Fingerprints.from_json(FINGERPRINTS.read_text("utf-8"))


def test_fingerprints_cover_the_source(
    prints: Fingerprints,
) -> None:
    # the reference page has dozens of long sentences; a truncated file would
    # make the originality check pass vacuously
    assert len(prints.sentences) >= 25
    assert len(prints.phrases) >= 90


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_no_source_sentence_or_phrase_in_flask_toml(
    prints: Fingerprints,
    flask_toml_text: str,
    flask_data: dict[str, Any],
) -> None:
    # the raw file covers comments; the parsed values cover escapes like \n
    assert reused(prints, flask_toml_text) == []
    assert reused(prints, "\n".join(_strings(flask_data))) == []


def test_the_check_catches_a_copied_sentence_despite_layout_changes() -> None:
    source = "Intro line.\nA quick brown fox jumps over the lazy sleeping dog today. Short one."
    prints = fingerprint(source)
    copied = 'summary = """a QUICK brown fox\njumps over the lazy, sleeping dog today!"""'
    found = reused(prints, copied)
    assert "a quick brown fox jumps over the lazy sleeping dog today" in found
    assert "quick brown fox jumps over the lazy sleeping" in found
    assert reused(prints, 'summary = "A fox, quick and brown, jumped over a dog."') == []


def test_the_check_catches_a_copied_phrase_inside_a_longer_sentence() -> None:
    prints = fingerprint(
        "Teams should always measure before they change anything, in production too."
    )
    text = "We agree that teams should always measure before they change anything."
    assert reused(prints, text) == ["teams should always measure before they change anything"]


if __name__ == "__main__":
    page = Path(sys.argv[1]).read_text("utf-8")
    print(fingerprint(page).to_json())
