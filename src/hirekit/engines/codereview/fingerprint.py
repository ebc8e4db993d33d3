"""Similarity between submissions: winnowed fingerprints of name-free token streams.

Tokens are the kinds of syntax-tree nodes, so renaming variables, reformatting
or rewriting comments does not hide copied code. k-grams that also occur in
usual Flask boilerplate are dropped, so two hello-world apps do not match.
"""

from __future__ import annotations

import ast
import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from hirekit.engines.codereview.extract import Extractor
from hirekit.engines.codereview.facts import FileFacts
from hirekit.engines.codereview.limits import Limits
from hirekit.engines.codereview.report import Report
from hirekit.engines.codereview.winnow import K, W, winnow

VERSION = 1
#: Below this many fingerprints a submission is too small to call a copy.
MIN_HASHES = 10
BOILERPLATE: tuple[str, ...] = tuple(
    tomllib.loads((Path(__file__).parent / "boilerplate.toml").read_text("utf-8"))["snippets"]
)


def tokens_of(text: str) -> list[int]:
    """The name-free token stream (token ids) the review uses for ``text``."""
    extractor = Extractor(FileFacts("x.py", "x", False), False)
    extractor.visit(ast.parse(text))
    return extractor.scan.tokens


@lru_cache(maxsize=1)
def boilerplate_hashes() -> frozenset[int]:
    hashes: set[int] = set()
    for snippet in BOILERPLATE:
        hashes.update(winnow(tokens_of(snippet), K, 1))  # w=1 keeps every k-gram
    return frozenset(hashes)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    files: Mapping[str, tuple[int, ...]]
    version: int = VERSION

    def all_hashes(self) -> set[int]:
        return {h for hashes in self.files.values() for h in hashes}

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "k": K,
            "w": W,
            "files": {k: list(v) for k, v in self.files.items()},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fingerprint:
        files = data.get("files", {})
        return cls(
            {str(k): tuple(int(h) for h in v) for k, v in files.items()},
            int(data.get("version", VERSION)),
        )

    @classmethod
    def from_json(cls, text: str) -> Fingerprint:
        return cls.from_dict(json.loads(text))


@dataclass(frozen=True, slots=True)
class FilePair:
    file: str
    other_file: str
    share: float  # shared fingerprints / the smaller file's fingerprints


@dataclass(frozen=True, slots=True)
class Match:
    other: str
    similarity: float  # share of this submission's fingerprints found in the other
    files: tuple[FilePair, ...]


def fingerprint(
    source: Report | str | os.PathLike[str], limits: Limits | None = None
) -> Fingerprint:
    """Fingerprint of a reviewed ``Report`` or of a project path (folder or archive)."""
    if not isinstance(source, Report):
        from hirekit.engines.codereview.review import review

        source = review(source, limits)
    noise = boilerplate_hashes()
    files = source.fingerprint.get("files", {})
    cleaned = {rel: tuple(h for h in hashes if h not in noise) for rel, hashes in files.items()}
    return Fingerprint({rel: hashes for rel, hashes in cleaned.items() if hashes})


def _pairs(fp: Fingerprint, other: Fingerprint, threshold: float) -> tuple[FilePair, ...]:
    owners: dict[int, list[str]] = {}
    for rel, hashes in other.files.items():
        for h in hashes:
            owners.setdefault(h, []).append(rel)
    pairs: list[FilePair] = []
    for rel, hashes in fp.files.items():
        overlap: dict[str, int] = {}
        for h in set(hashes):
            for other_rel in owners.get(h, ()):
                overlap[other_rel] = overlap.get(other_rel, 0) + 1
        for other_rel, count in overlap.items():
            smaller = min(len(set(hashes)), len(set(other.files[other_rel])))
            share = count / smaller if smaller else 0.0
            if share >= threshold:
                pairs.append(FilePair(rel, other_rel, round(share, 3)))
    pairs.sort(key=lambda p: (-p.share, p.file, p.other_file))
    return tuple(pairs)


def similar(
    fp: Fingerprint, others: Mapping[str, Fingerprint], threshold: float = 0.4
) -> list[Match]:
    """Other submissions sharing at least ``threshold`` of ``fp``'s fingerprints, best first."""
    mine = fp.all_hashes() - boilerplate_hashes()
    if len(mine) < MIN_HASHES:
        return []
    matches: list[Match] = []
    for key, other in others.items():
        shared = mine & other.all_hashes()
        similarity = len(shared) / len(mine)
        if similarity >= threshold:
            matches.append(Match(key, round(similarity, 3), _pairs(fp, other, threshold)))
    matches.sort(key=lambda m: (-m.similarity, m.other))
    return matches
