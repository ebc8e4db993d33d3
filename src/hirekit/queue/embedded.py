"""The embedded backend: a worker thread in the web process polling the job table."""

from __future__ import annotations

import logging
import threading
import time

from flask import Flask

from hirekit.extensions import db
from hirekit.queue import scratch
from hirekit.queue.lease import heartbeat_seconds, reap_expired
from hirekit.queue.runner import drain

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
        # Only lapsed leases: a job that another live worker is running stays its own.
        with self.app.app_context():
            recovered = reap_expired()
            db.session.remove()
        if recovered:
            log.info("requeued %d job(s) whose worker stopped", len(recovered))
        self.thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self.stopping.set()
        self.backend.wake.set()
        if self.thread.ident is not None:  # started
            self.thread.join(timeout)

    def _loop(self) -> None:
        poll = float(self.app.config["JOB_POLL_SECONDS"])
        with self.app.app_context():
            reap_every = heartbeat_seconds()
        reaped_at = time.monotonic()
        while not self.stopping.is_set():
            self.backend.wake.clear()
            try:
                with self.app.app_context():
                    if time.monotonic() - reaped_at >= reap_every:
                        reaped_at = time.monotonic()
                        reap_expired()
                        scratch.sweep()
                    drain(limit=100, stopping=self.stopping)
                    db.session.remove()
            except Exception:  # keep the worker alive; the next poll tries again
                log.exception("embedded worker loop failed")
            self.backend.wake.wait(poll)
