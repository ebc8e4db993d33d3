"""Winnowing (Schleimer, Wilkerson, Aiken 2003) over a name-free token stream."""

from __future__ import annotations

from collections.abc import Sequence

#: Tokens per k-gram; a k-gram of AST node kinds is roughly one to two source lines.
K = 20
#: Window of consecutive k-gram hashes; any match of K + W - 1 tokens is guaranteed found.
W = 8
#: 48 bits: collisions stay negligible and every value is exact in JSON everywhere.
MASK = (1 << 48) - 1
BASE = 1_000_003


def kgram_hashes(ids: Sequence[int], k: int = K) -> list[int]:
    """Rolling polynomial hash of every run of ``k`` consecutive token ids."""
    if len(ids) < k:
        return []
    top = pow(BASE, k - 1, 1 << 48)
    h = 0
    for value in ids[:k]:
        h = (h * BASE + value) & MASK
    out = [h]
    append = out.append
    for leaving, entering in zip(ids, ids[k:], strict=False):
        h = ((h - leaving * top) * BASE + entering) & MASK
        append(h)
    return out


def window_minima(hashes: Sequence[int], w: int) -> set[int]:
    """The minimum of every run of ``w`` consecutive hashes (``len(hashes) >= w``).

    The minimum is carried from one window to the next and only searched again
    once it slides out, so most windows cost one comparison.
    """
    picked: set[int] = set()
    best = -1  # position of the current window's minimum
    for start in range(len(hashes) - w + 1):
        if best < start:
            window = hashes[start : start + w]
            low = min(window)
            best = start + window.index(low)
            picked.add(low)
        else:
            entering = hashes[start + w - 1]
            if entering < hashes[best]:
                best = start + w - 1
                picked.add(entering)
    return picked


def winnow(ids: Sequence[int], k: int = K, w: int = W) -> list[int]:
    """Sorted, de-duplicated fingerprint hashes of the token ids ``ids``."""
    hashes = kgram_hashes(ids, k)
    if not hashes:
        return []
    if len(hashes) <= w:
        return [min(hashes)]
    return sorted(window_minima(hashes, w))
