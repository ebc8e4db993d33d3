"""The embedded backend: a worker thread in the web process polling the job table."""

from __future__ import annotations

import logging
import threading

from flask import Flask

from hirekit.extensions import db
from hirekit.queue.runner import drain, recover_interrupted

log = logging.getLogger(__name__)


class EmbeddedBackend:
    def __init__(self) -> None:
        self.wake = threading.Event()

    def notify(self, job_id: int) -> None:
        self.wake.set()

    def schedule_retry(self, job_id: int, delay_seconds: float) -> None:
        """Nothing to push: the poll loop picks the job up once ``run_after`` passes."""


class EmbeddedWorker:
    """Runs queued jobs in a daemon thread; started by ``hirekit run`` or ``hirekit worker``."""

    def __init__(self, app: Flask, backend: EmbeddedBackend) -> None:
        self.app = app
        self.backend = backend
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="hirekit-worker", daemon=True)

    def start(self) -> None:
        with self.app.app_context():
            recovered = recover_interrupted()
            if recovered:
                log.info("requeued %d job(s) interrupted by the last stop", recovered)
        self.thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self.stopping.set()
        self.backend.wake.set()
        self.thread.join(timeout)

    def _loop(self) -> None:
        poll = float(self.app.config["JOB_POLL_SECONDS"])
        while not self.stopping.is_set():
            self.backend.wake.clear()
            try:
                with self.app.app_context():
                    drain(limit=100)
                    db.session.remove()
            except Exception:  # keep the worker alive; the next poll tries again
                log.exception("embedded worker loop failed")
            self.backend.wake.wait(poll)
