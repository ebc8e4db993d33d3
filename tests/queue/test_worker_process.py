"""A worker killed with SIGKILL leaves no candidate files for long; SIGTERM leaves no
helper process behind."""

from __future__ import annotations

from pathlib import Path

from hirekit.extensions import db
from hirekit.queue import enqueue, get_job
from tests.queue.processes import alive, kill_hard, start_worker, stop, wait_for, worker_env
from tests.queue.sample_tasks import hold_temp_folder, wait_on_forked_helper


def _committed(fn, *args) -> int:
    job = enqueue(fn, *args)
    db.session.commit()
    return job.id


def _leftovers(tmp: Path) -> list[Path]:
    return sorted(tmp.rglob("hirekit-*"))


def test_a_killed_workers_temporary_folder_is_removed_by_the_next_worker(app, tmp_path):
    marker = tmp_path / "folder.txt"
    _committed(hold_temp_folder, str(marker))
    env = worker_env(app, tmp_path / "w")
    tmp = Path(env["TMPDIR"])
    first = start_worker(env, tmp_path / "first.log")
    try:
        folder = Path(wait_for(lambda: marker.exists() and marker.read_text(), 30, "the job"))
    finally:
        kill_hard(first)
    assert folder.is_dir() and folder.name.startswith("hirekit-review-")
    assert tmp in folder.parents  # under the worker's own folder in TMPDIR
    second = start_worker(env, tmp_path / "second.log")
    try:
        wait_for(lambda: not folder.exists(), 30, "the leftover to be removed")
    finally:
        assert stop(second) == 0
    assert _leftovers(tmp) == []  # its own folder went with it


def test_sigterm_ends_the_helpers_a_running_job_forked(app, tmp_path):
    pidfile = tmp_path / "helper.pid"
    job_id = _committed(wait_on_forked_helper, str(pidfile))
    env = worker_env(app, tmp_path / "w")
    worker = start_worker(env, tmp_path / "worker.log")
    try:
        helper = int(wait_for(lambda: pidfile.exists() and pidfile.read_text(), 30, "the helper"))
        assert alive(helper)
    finally:
        code = stop(worker)
    assert code == 0
    wait_for(lambda: not alive(helper), 5, "the helper to end")
    db.session.expire_all()
    job = get_job(job_id)
    assert job.status == "queued"  # interrupted: it runs again on a worker that stays
    assert job.lease_owner is None
    assert _leftovers(Path(env["TMPDIR"])) == []
