"""The per-process map behind kept API answers, known tokens and the careers page."""

from __future__ import annotations

import threading

import pytest

from hirekit.bounded_cache import BoundedCache


def test_keeps_at_most_its_size_dropping_the_least_recently_used() -> None:
    cache: BoundedCache[str, int] = BoundedCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the most recently used
    cache.put("c", 3)
    assert len(cache) == 2
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c")) == (1, 3)


def test_putting_a_kept_key_again_replaces_it_without_growing() -> None:
    cache: BoundedCache[str, int] = BoundedCache(2)
    cache.put("a", 1)
    cache.put("a", 2)
    assert len(cache) == 1
    assert cache.get("a") == 2


def test_discard_forgets_one_key_and_ignores_unknown_ones() -> None:
    cache: BoundedCache[str, int] = BoundedCache(3)
    cache.put("a", 1)
    cache.discard("a")
    cache.discard("never kept")
    assert cache.get("a") is None
    assert len(cache) == 0


def test_a_cache_keeping_nothing_is_refused() -> None:
    with pytest.raises(ValueError):
        BoundedCache(0)


def test_many_threads_never_push_it_past_its_size() -> None:
    cache: BoundedCache[int, int] = BoundedCache(50)

    def fill(offset: int) -> None:
        for number in range(offset, offset + 2000):
            cache.put(number, number)
            cache.get(number - 1)

    threads = [threading.Thread(target=fill, args=(i * 10_000,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(cache) == 50
