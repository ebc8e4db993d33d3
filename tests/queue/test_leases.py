"""Leases: a running job is held by one worker, renewed by heartbeat; a dead worker's job
is retried once its lease lapses, on both backends, and never runs twice at once."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import update

from hirekit.config import ConfigError
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.queue import BackgroundJob, enqueue, get_job
from hirekit.queue.embedded import EmbeddedWorker
from hirekit.queue.enqueue import backend
from hirekit.queue.lease import LAPSED_ERROR, reap_expired, worker_id
from hirekit.queue.runner import drain, run_job
from tests.conftest import REDIS_URL
from tests.queue.processes import kill_hard, start_worker, stop, wait_for, worker_env
from tests.queue.sample_tasks import add, sleepy, usurped, watch_lease


def _committed(fn, *args) -> int:
    job = enqueue(fn, *args)
    db.session.commit()
    return job.id


def _held_by(job_id: int, owner: str, expires_in: float, attempts: int = 1) -> None:
    """As if worker ``owner`` had claimed the job, its lease ending in ``expires_in`` s."""
    db.session.execute(
        update(BackgroundJob)
        .where(BackgroundJob.id == job_id)
        .values(
            status="running",
            attempts=attempts,
            lease_owner=owner,
            lease_expires_at=utcnow() + timedelta(seconds=expires_in),
        )
    )
    db.session.commit()


def _status(job_id: int) -> BackgroundJob:
    db.session.expire_all()
    return get_job(job_id)


def test_a_running_job_holds_a_lease_its_heartbeat_renews(app_factory):
    app = app_factory(JOB_LEASE_SECONDS=5, JOB_HEARTBEAT_SECONDS=0.2)
    with app.app_context():
        job_id = _committed(watch_lease, 1.0)
        assert drain() == 1
        job = _status(job_id)
        assert job.status == "done"
        assert job.result["owner"] == worker_id()
        assert job.result["renewed_by"] > 0.5  # renewed while the task ran
        assert (job.lease_owner, job.lease_expires_at) == (None, None)  # released at the end


def test_a_dead_workers_job_is_retried_once_its_lease_lapses(app):
    lapsed = _committed(add, 1, 2)
    _held_by(lapsed, "gone-host:4242:deadbeef", expires_in=-1)
    assert drain() == 0  # running, as far as the table says
    assert reap_expired() == [lapsed]
    job = _status(lapsed)
    assert (job.status, job.error, job.lease_owner) == ("queued", LAPSED_ERROR, None)
    assert drain() == 1
    job = _status(lapsed)
    assert (job.status, job.result, job.attempts) == ("done", {"sum": 3}, 2)


def test_the_lost_run_counts_as_an_attempt(app):
    job_id = _committed(add, 1, 2)
    _held_by(job_id, "gone-host:4242:deadbeef", expires_in=-1, attempts=3)
    assert reap_expired() == []
    job = _status(job_id)
    assert (job.status, job.error, job.attempts) == ("failed", LAPSED_ERROR, 3)
    assert job.finished_at is not None


def test_lapsed_lease_retry_waits_with_backoff(app_factory):
    app = app_factory(JOB_RETRY_BACKOFF_SECONDS=60)
    with app.app_context():
        job_id = _committed(add, 1, 2)
        _held_by(job_id, "gone-host:4242:deadbeef", expires_in=-1, attempts=2)
        reap_expired()
        job = _status(job_id)
        assert job.status == "queued"
        assert job.run_after > utcnow() + timedelta(seconds=110)  # 60 s doubled once


def test_a_live_lease_is_left_alone(app):
    job_id = _committed(add, 1, 2)
    _held_by(job_id, "busy-host:4242:cafe", expires_in=30)
    assert reap_expired() == []
    assert run_job(job_id) == "running"  # the claim is refused: no second run
    job = _status(job_id)
    assert (job.status, job.attempts, job.lease_owner) == ("running", 1, "busy-host:4242:cafe")


def test_a_run_whose_lease_was_taken_over_records_nothing(app):
    job_id = _committed(usurped)
    assert run_job(job_id) == "lost"
    job = _status(job_id)
    # the other worker's claim stands; the lost run's own writes were rolled back
    assert (job.status, job.lease_owner, job.label) == ("running", "other-host:77:beef", "usurped")


def test_starting_a_worker_does_not_take_a_job_another_worker_runs(app_factory, tmp_path):
    """Starting a worker used to requeue every running job: a second run of a job
    another worker was still running (two emails, two webhooks)."""
    app = app_factory(JOB_LEASE_SECONDS=5, JOB_HEARTBEAT_SECONDS=0.5)
    # Built before the job starts, so that all the job's 2 s are left for the second worker
    # to start and look for work while the first one runs it.
    second = app_factory(JOB_LEASE_SECONDS=5, JOB_HEARTBEAT_SECONDS=0.5)
    log = tmp_path / "runs.log"
    with app.app_context():
        job_id = _committed(sleepy, str(log), 2.0)
    other = start_worker(
        worker_env(app, tmp_path / "a", JOB_LEASE_SECONDS=5, JOB_HEARTBEAT_SECONDS=0.5),
        tmp_path / "a.log",
    )
    try:
        wait_for(lambda: "start" in (log.read_text() if log.exists() else ""), 30, "the run")
        worker = EmbeddedWorker(second, second.extensions["hirekit.queue"])
        worker.start()
        try:
            with app.app_context():
                wait_for(lambda: _status(job_id).status == "done", 30, "the job to finish")
                job = _status(job_id)
        finally:
            worker.stop()
    finally:
        stop(other)
    assert log.read_text().split() == ["start", "end"]
    assert (job.attempts, job.result) == (1, {"first": True})


@pytest.mark.redis
@pytest.mark.skipif(not REDIS_URL, reason="HIREKIT_TEST_REDIS_URL is not set")
def test_rq_retries_a_job_whose_worker_was_killed(app_factory, tmp_path):
    """RQ forgets a job whose worker died: its row stayed `running` for ever."""
    queue = f"hirekit-test-{uuid.uuid4().hex[:8]}"
    settings = {
        "REDIS_URL": REDIS_URL,
        "QUEUE_NAME": queue,
        "JOB_LEASE_SECONDS": 2,
        "JOB_HEARTBEAT_SECONDS": 0.5,
    }
    app = app_factory(**settings)
    log = tmp_path / "runs.log"
    with app.app_context():
        job_id = _committed(sleepy, str(log), 60.0)
    try:
        first = start_worker(worker_env(app, tmp_path / "a", **settings), tmp_path / "a.log")
        try:
            wait_for(lambda: "start" in (log.read_text() if log.exists() else ""), 30, "the run")
        finally:
            kill_hard(first)
        with app.app_context():
            assert _status(job_id).status == "running"
        second = start_worker(worker_env(app, tmp_path / "b", **settings), tmp_path / "b.log")
        try:
            with app.app_context():
                wait_for(lambda: _status(job_id).status == "done", 30, "the retry")
                job = _status(job_id)
        finally:
            stop(second)
        assert log.read_text().split() == ["start", "start", "end"]
        assert (job.attempts, job.result, job.error) == (2, {"first": False}, "")
    finally:
        with app.app_context():
            backend().queue.delete(delete_jobs=True)


def test_a_heartbeat_as_long_as_the_lease_is_refused(app_factory):
    with pytest.raises(ConfigError, match="HIREKIT_JOB_HEARTBEAT_SECONDS"):
        app_factory(JOB_LEASE_SECONDS=5, JOB_HEARTBEAT_SECONDS=5)
