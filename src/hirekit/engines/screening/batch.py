"""Screen many files in parallel with a process pool over all cores."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import FrameType
from typing import TYPE_CHECKING

from hirekit.engines.screening.failures import MESSAGES
from hirekit.engines.screening.limits import Limits
from hirekit.engines.screening.result import Result, ScreenError
from hirekit.engines.screening.screen import screen

if TYPE_CHECKING:
    from hirekit.engines.guide import Guide

#: An input: a path, or (file name, bytes) for members of an uploaded archive.
Item = str | os.PathLike[str] | tuple[str, bytes]
Progress = Callable[[int, int], None]


class _HardTimeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _HardTimeout


def _screen_one(item: Item, use_case: str, guide: Guide | None, limits: Limits) -> Result:
    """Runs in a worker. The readers check their deadline cooperatively; the alarm
    is the backstop for a single C call (one PDF page) that never returns."""
    name, source = (item[0], item[1]) if isinstance(item, tuple) else (os.fspath(item), item)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limits.seconds * 1.5)
    try:
        return screen(source, use_case, guide=guide, limits=limits, filename=name)
    except _HardTimeout:
        error = ScreenError("timeout", MESSAGES["timeout"])
        return Result(file=name, use_case=use_case, error=error, explanation=(error.message,))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def screen_many(
    items: Iterable[Item],
    use_case: str = "rest-api",
    jobs: int | None = None,
    progress: Progress | None = None,
    guide: Guide | None = None,
    limits: Limits | None = None,
) -> Iterator[Result]:
    """Yield one :class:`Result` per input, in input order.

    ``jobs`` defaults to every core; ``progress(done, total)`` is called as each
    file finishes (in completion order).
    """
    todo = list(items)
    limits = limits or Limits()
    if not todo:
        return
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    # spawn: forking a process that may hold threads (a web server) can deadlock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(_screen_one, item, use_case, guide, limits) for item in todo]
        if progress is not None:
            done = [0]

            def tick(_: Future[Result]) -> None:
                done[0] += 1
                progress(done[0], len(todo))

            for future in futures:
                future.add_done_callback(tick)
        for future in futures:
            yield future.result()
