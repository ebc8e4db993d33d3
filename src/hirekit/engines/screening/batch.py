"""Screen many files in parallel with a process pool over all cores."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from types import FrameType
from typing import TYPE_CHECKING, TypeVar

from hirekit.engines.screening.extract import extract_text
from hirekit.engines.screening.extract.extraction import Extraction, Source
from hirekit.engines.screening.limits import Limits
from hirekit.engines.screening.result import Result
from hirekit.engines.screening.screen import checked_guide, screen_extraction

if TYPE_CHECKING:
    from hirekit.engines.guide import Guide

#: An input: a path, or (file name, bytes) for members of an uploaded archive.
Item = str | os.PathLike[str] | tuple[str, bytes]
Progress = Callable[[int, int], None]
T = TypeVar("T")


#: Files a worker takes at a time: a task per file would cost a round trip between
#: processes for every resume. A worker reads a batch's files before analysing
#: them, so the analysis runs with its code still in the CPU caches, not after
#: each PDF's parsing.
BATCH = 8


#: What a file past the hard time limit is reported as.
_TIMED_OUT = Extraction("", None, error="timeout")


class _HardTimeout(Exception):
    pass


class _Backstop:
    """A hard time limit per call, by ``SIGALRM``. The readers check their deadline
    cooperatively; this is for a single C call (one PDF page) that never returns.

    The handler raises only while a call is running, so an alarm that rings just
    as a call finishes cannot escape into the code that follows.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = False

    def _ring(self, signum: int, frame: FrameType | None) -> None:
        if self.armed:
            raise _HardTimeout

    def __enter__(self) -> _Backstop:
        self._previous = signal.signal(signal.SIGALRM, self._ring)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous)

    def run(self, work: Callable[[], T]) -> T | None:
        """``work()``, or ``None`` when the time ran out."""
        try:
            self.armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            done = work()
            self.armed = False
        except _HardTimeout:
            return None
        finally:
            self.armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
        return done


def screen_batch(
    items: Sequence[Item],
    use_case: str = "rest-api",
    guide: Guide | None = None,
    limits: Limits | None = None,
) -> list[Result]:
    """Screen a few files in this process (one worker's share of :func:`screen_many`):
    every file is read first, then every text analysed. Each file keeps its own
    time limit; a file past it gets a ``timeout`` result and the others go on.

    Uses ``SIGALRM``, so it runs in a process's main thread.
    """
    limits = limits or Limits()
    guide = checked_guide(guide, use_case)
    named = [_named(item) for item in items]
    results: list[Result] = []
    with _Backstop(limits.seconds * 1.5) as backstop:
        read = [backstop.run(partial(extract_text, source, limits)) for _, source in named]
        for (name, _), extraction in zip(named, read, strict=True):
            result = None
            if extraction is not None:
                result = backstop.run(partial(screen_extraction, extraction, use_case, guide, name))
            results.append(result or screen_extraction(_TIMED_OUT, use_case, guide, name))
    return results


def _named(item: Item) -> tuple[str, Source]:
    return (item[0], item[1]) if isinstance(item, tuple) else (os.fspath(item), item)


def screen_many(
    items: Iterable[Item],
    use_case: str = "rest-api",
    jobs: int | None = None,
    progress: Progress | None = None,
    guide: Guide | None = None,
    limits: Limits | None = None,
) -> Iterator[Result]:
    """Yield one :class:`Result` per input, in input order.

    ``jobs`` defaults to every core. Workers take the files in batches of up to
    :data:`BATCH` (smaller when there are few files, so every worker gets several);
    ``progress(done, total)`` is called as each batch finishes.
    """
    todo = list(items)
    limits = limits or Limits()
    checked_guide(guide, use_case)  # an unknown use case fails here, not in a worker
    if not todo:
        return
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    if workers == 1 and threading.current_thread() is threading.main_thread():
        # One worker's share is everything: starting a process (which imports the
        # engine again) would cost more than the screening of a file or two.
        yield from screen_batch(todo, use_case, guide, limits)
        if progress is not None:
            progress(len(todo), len(todo))
        return
    size = max(1, min(BATCH, len(todo) // (4 * workers)))
    batches = [todo[at : at + size] for at in range(0, len(todo), size)]
    # spawn: forking a process that may hold threads (a web server) can deadlock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(screen_batch, batch, use_case, guide, limits) for batch in batches]
        if progress is not None:
            done = [0]

            def tick(future: Future[list[Result]]) -> None:
                if not future.cancelled() and future.exception() is None:
                    done[0] += len(future.result())
                    progress(done[0], len(todo))

            for future in futures:
                future.add_done_callback(tick)
        for future in futures:
            yield from future.result()
