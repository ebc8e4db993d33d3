"""The job queue: runs, retries with backoff, records progress, survives a restart, runs on RQ."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

import pytest

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.queue import BackgroundJob, enqueue, get_job
from hirekit.queue.embedded import EmbeddedBackend, EmbeddedWorker
from hirekit.queue.enqueue import backend
from hirekit.queue.runner import drain, run_job
from tests.conftest import REDIS_URL
from tests.queue.sample_tasks import add, always_fails, flaky, not_a_task


def _enqueue_committed(fn, *args) -> int:
    job = enqueue(fn, *args)
    db.session.commit()
    return job.id


def test_job_runs_and_records_result_and_progress(app):
    job_id = _enqueue_committed(add, 2, 3)
    assert get_job(job_id).status == "queued"
    assert drain() == 1
    job = get_job(job_id)
    assert (job.status, job.progress, job.result, job.attempts) == ("done", 100, {"sum": 5}, 1)
    assert job.started_at is not None and job.finished_at is not None


def test_progress_is_visible_while_the_task_runs(app):
    from hirekit.queue import JobHandle

    job_id = _enqueue_committed(add, 1, 1)
    JobHandle(job_id).progress(40)
    db.session.expire_all()
    assert get_job(job_id).progress == 40
    JobHandle(job_id).progress(250)
    db.session.expire_all()
    assert get_job(job_id).progress == 100


def test_failed_job_is_retried_then_succeeds(app, tmp_path):
    job_id = _enqueue_committed(flaky, str(tmp_path / "count"), 2)
    drain()
    job = get_job(job_id)
    assert (job.status, job.attempts, job.result) == ("done", 3, {"calls": 3})


def test_job_fails_after_max_attempts_with_the_error(app):
    job_id = _enqueue_committed(always_fails)
    drain()
    job = get_job(job_id)
    assert (job.status, job.attempts) == ("failed", 3)
    assert job.error == "ValueError: this task never works"


def test_retry_waits_with_backoff(app_factory):
    app = app_factory(JOB_RETRY_BACKOFF_SECONDS=60)
    with app.app_context():
        job_id = _enqueue_committed(always_fails)
        assert drain() == 1  # the retry is not due yet
        job = get_job(job_id)
        assert (job.status, job.attempts) == ("queued", 1)
        assert job.run_after > utcnow() + timedelta(seconds=50)


def test_unmarked_functions_cannot_be_enqueued(app):
    with pytest.raises(TypeError, match="not a @task"):
        enqueue(not_a_task)


def test_a_tampered_job_row_cannot_run_arbitrary_code(app):
    job_id = _enqueue_committed(add, 1, 2)
    get_job(job_id).func = "os:system"
    db.session.commit()
    drain()
    job = get_job(job_id)
    assert job.status == "failed"
    assert "refusing to run" in job.error


def test_a_job_runs_once_even_if_two_workers_race(app):
    job_id = _enqueue_committed(add, 1, 2)
    assert run_job(job_id) == "done"
    assert run_job(job_id) == "done"
    assert get_job(job_id).attempts == 1


def test_queued_work_survives_a_restart(app_factory):
    first = app_factory()
    with first.app_context():
        waiting = _enqueue_committed(add, 4, 4)
        interrupted = _enqueue_committed(add, 5, 5)
        get_job(interrupted).status = "running"  # its process died mid-run
        db.session.commit()
    second = app_factory()  # a new process on the same database
    chosen = second.extensions["hirekit.queue"]
    assert isinstance(chosen, EmbeddedBackend)
    worker = EmbeddedWorker(second, chosen)
    worker.start()
    try:
        deadline = time.monotonic() + 20
        with second.app_context():
            while time.monotonic() < deadline:
                db.session.expire_all()
                if all(get_job(i).status == "done" for i in (waiting, interrupted)):
                    break
                time.sleep(0.1)
            assert get_job(waiting).result == {"sum": 8}
            assert get_job(interrupted).result == {"sum": 10}
    finally:
        worker.stop()


def test_job_status_page_and_api(client, login_as, api_token):
    job_id = _enqueue_committed(add, 1, 2)
    drain()
    _, headers = api_token("recruiter")
    body = client.get(f"/api/v1/tasks/{job_id}", headers=headers).get_json()
    assert (body["status"], body["progress"], body["result"]) == ("done", 100, {"sum": 3})
    login_as("recruiter")
    page = client.get(f"/tasks/{job_id}").get_data(as_text=True)
    assert "done" in page and 'value="100"' in page
    assert client.get(f"/tasks/{job_id}/status").get_json()["status"] == "done"
    missing = client.get("/api/v1/tasks/999999", headers=headers)
    assert missing.status_code == 404
    assert missing.get_json()["error"]["code"] == "not_found"


@pytest.mark.redis
@pytest.mark.skipif(not REDIS_URL, reason="HIREKIT_TEST_REDIS_URL is not set")
def test_same_jobs_run_on_rq_with_real_redis(app_factory, tmp_path):
    from rq import SimpleWorker

    class QuietWorker(SimpleWorker):
        """RQ's in-process worker without its command channel, as hirekit's own workers.

        The channel's thread waits up to 60 s in Redis; when it has just read its own
        unsubscribe reply, a stopping worker waits those 60 s (2 of 3 suite runs here).
        """

        def subscribe(self) -> None:
            pass

    app = app_factory(REDIS_URL=REDIS_URL, QUEUE_NAME=f"hirekit-test-{uuid.uuid4().hex[:8]}")
    with app.app_context():
        rq_backend = backend()
        try:
            ok = _enqueue_committed(add, 20, 22)
            retried = _enqueue_committed(flaky, str(tmp_path / "count"), 1)
            doomed = _enqueue_committed(always_fails)
            assert rq_backend.queue.count == 3  # pushed once committed
            QuietWorker([rq_backend.queue], connection=rq_backend.connection).work(burst=True)
            db.session.expire_all()
            assert get_job(ok).result == {"sum": 42}
            assert (get_job(retried).status, get_job(retried).attempts) == ("done", 2)
            assert (get_job(doomed).status, get_job(doomed).attempts) == ("failed", 3)
            assert db.session.query(BackgroundJob).count() == 3
        finally:
            rq_backend.queue.delete(delete_jobs=True)
