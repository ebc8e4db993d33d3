"""What a worker process does as it starts and stops.

It works in a temporary folder of its own (see ``scratch``), gives forked
children a database pool of their own, and leaves no child process behind:
on SIGTERM it stops taking jobs and ends the helpers its running job forked.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from types import FrameType

import psutil

from hirekit.extensions import db
from hirekit.queue import scratch
from hirekit.queue.embedded import EmbeddedWorker

log = logging.getLogger(__name__)


class StopRequested(BaseException):
    """SIGTERM arrived: stop taking jobs and exit (not an Exception, so that no
    `except Exception` on the way swallows it)."""


def begin() -> None:
    """Set up this process as a worker; call once, in an app context."""
    folder = scratch.enter()
    log.info("worker temporary folder: %s", folder)
    engine = db.engine
    # A forked child must not share the parent's database connections.
    os.register_at_fork(after_in_child=lambda: engine.dispose(close=False))


def end() -> None:
    """Remove this worker's temporary folder and the leftovers of dead ones."""
    scratch.leave()
    scratch.sweep()


def raise_on_sigterm() -> None:
    """Turn SIGTERM into ``StopRequested`` in the main thread (Python's default would
    exit at once, leaving helpers and temporary folders behind)."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise StopRequested

    signal.signal(signal.SIGTERM, handler)
    # A forked helper must simply end on SIGTERM, not raise into the task it serves.
    os.register_at_fork(after_in_child=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))


def stop_children(grace: float = 3.0) -> int:
    """End every descendant of this process (TERM, then KILL after ``grace`` s)."""
    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:
        return 0
    for child in children:
        try:
            child.terminate()
        except psutil.NoSuchProcess:
            continue
    _gone, alive = psutil.wait_procs(children, timeout=grace)
    for child in alive:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            continue
    psutil.wait_procs(alive, timeout=grace)
    return len(children)


def run_until_stopped(worker: EmbeddedWorker) -> None:
    """Run the embedded worker until SIGTERM or Ctrl+C."""
    try:
        worker.start()
        print("worker polling the job table; Ctrl+C stops it", flush=True)
        # Not thread.join(): on 3.11 a signal interrupting it marks the thread as
        # stopped, and a later join would no longer wait for the running job.
        while worker.thread.is_alive():
            time.sleep(0.5)
    finally:
        # Take no new job, end the running job's helpers (the job then fails and is
        # retried), and give it a moment to record that.
        worker.stopping.set()
        stop_children()
        worker.stop()
