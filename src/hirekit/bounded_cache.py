"""A map a process keeps in memory, never larger than a fixed number of entries.

The API answers, the API tokens a process has checked and the rendered careers
page are each kept per process so a repeated request skips work. Each is keyed
by something a caller chooses (a URL, a token, query arguments), so none may
grow without bound: when full, the least recently used entry goes. Requests are
served by threads, so every operation holds a lock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """Least recently used entries go first once ``size`` are kept."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a bounded cache keeps at least one entry")
        self._size = size
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def discard(self, key: K) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def __len__(self) -> int:
        return len(self._entries)
