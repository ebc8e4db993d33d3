"""Winnowing (Schleimer, Wilkerson, Aiken 2003) over a name-free token stream."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import lru_cache

#: Tokens per k-gram; a k-gram of AST node kinds is roughly one to two source lines.
K = 20
#: Window of consecutive k-gram hashes; any match of K + W - 1 tokens is guaranteed found.
W = 8
#: 48 bits: collisions stay negligible and every value is exact in JSON everywhere.
MASK = (1 << 48) - 1
BASE = 1_000_003


@lru_cache(maxsize=512)
def _token_id(token: str) -> int:
    # crc32 rather than hash(): stable across processes and Python runs.
    return zlib.crc32(token.encode()) + 1


def kgram_hashes(tokens: Sequence[str], k: int = K) -> list[int]:
    """Rolling polynomial hash of every run of ``k`` consecutive tokens."""
    ids = [_token_id(t) for t in tokens]
    if len(ids) < k:
        return []
    top = pow(BASE, k - 1, 1 << 48)
    h = 0
    for value in ids[:k]:
        h = (h * BASE + value) & MASK
    out = [h]
    for i in range(k, len(ids)):
        h = ((h - ids[i - k] * top) * BASE + ids[i]) & MASK
        out.append(h)
    return out


def winnow(tokens: Sequence[str], k: int = K, w: int = W) -> list[int]:
    """Sorted, de-duplicated fingerprint hashes of ``tokens``."""
    hashes = kgram_hashes(tokens, k)
    if not hashes:
        return []
    if len(hashes) <= w:
        return [min(hashes)]
    picked = {min(hashes[i : i + w]) for i in range(len(hashes) - w + 1)}
    return sorted(picked)
