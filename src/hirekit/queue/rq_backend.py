"""The scale-out backend: jobs pushed to RQ on Redis, run by ``hirekit worker``."""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import Any

from redis import Redis
from rq import Queue, Worker

from hirekit.extensions import db
from hirekit.queue import scratch
from hirekit.queue.lease import reap_expired
from hirekit.queue.runner import run_job

QUEUE_NAME = "hirekit"
log = logging.getLogger(__name__)


class RQBackend:
    def __init__(self, redis_url: str, queue_name: str = QUEUE_NAME) -> None:
        self.connection = Redis.from_url(redis_url)
        self.queue = Queue(queue_name, connection=self.connection)

    def notify(self, job_id: int) -> None:
        self.queue.enqueue(run_job, job_id, result_ttl=0, failure_ttl=86400)

    def schedule_retry(self, job_id: int, delay_seconds: float) -> None:
        if delay_seconds <= 0:
            self.queue.enqueue(run_job, job_id, result_ttl=0)
        else:
            self.queue.enqueue_in(timedelta(seconds=delay_seconds), run_job, job_id, result_ttl=0)


class ReapingWorker(Worker):
    """RQ's worker that also takes back jobs whose worker died.

    RQ forgets a job whose work horse was killed; the job row's lease is what
    tells hirekit, so every worker reaps lapsed leases about once a heartbeat,
    while it waits for work and while its horse runs.
    """

    def __init__(self, *args: Any, reap_every: float, **kwargs: Any) -> None:
        self.reap_every = reap_every  # before RQ's own set-up, which reads dequeue_timeout
        self.reaped_at = 0.0
        kwargs.setdefault("job_monitoring_interval", max(1, int(reap_every)))
        super().__init__(*args, **kwargs)

    @property
    def dequeue_timeout(self) -> int:
        return max(1, int(self.reap_every))  # wake from waiting for work to reap on time

    def subscribe(self) -> None:
        """No command channel: hirekit sends its workers no RQ commands, and the thread RQ
        starts for one waits up to a minute in Redis, holding a stopping worker as long."""

    def perform_job(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return bool(super().perform_job(*args, **kwargs))
        finally:
            if self._is_horse:  # it leaves by os._exit: no exit hook would run
                scratch.leave()

    def heartbeat(self, *args: Any, **kwargs: Any) -> None:
        super().heartbeat(*args, **kwargs)
        if time.monotonic() - self.reaped_at < self.reap_every:
            return
        self.reaped_at = time.monotonic()
        try:
            reap_expired()
            scratch.sweep()
        except Exception:  # the database may be away for a moment; the next beat retries
            log.exception("could not reap lapsed job leases")
        finally:
            db.session.remove()
