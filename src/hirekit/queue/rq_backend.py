"""The scale-out backend: jobs pushed to RQ on Redis, run by ``hirekit worker``."""

from __future__ import annotations

from datetime import timedelta

from redis import Redis
from rq import Queue

from hirekit.queue.runner import run_job

QUEUE_NAME = "hirekit"


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
