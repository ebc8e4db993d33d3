"""Tasks the queue tests enqueue (importable, so both backends can run them)."""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from hirekit.extensions import db
from hirekit.queue import BackgroundJob, JobHandle, task


@task
def add(job: JobHandle, a: int, b: int) -> dict[str, Any]:
    job.progress(50)
    return {"sum": a + b}


@task
def flaky(job: JobHandle, counter: str, failures: int) -> dict[str, Any]:
    """Fails ``failures`` times (counted in the file ``counter``), then succeeds."""
    path = Path(counter)
    calls = int(path.read_text() or 0) + 1 if path.exists() else 1
    path.write_text(str(calls))
    if calls <= failures:
        raise RuntimeError(f"failure {calls}")
    return {"calls": calls}


@task
def always_fails(job: JobHandle) -> None:
    raise ValueError("this task never works")


def not_a_task(job: JobHandle) -> None:
    """Deliberately unmarked: the queue must refuse it."""


def _runs(path: Path) -> list[str]:
    return path.read_text().split() if path.exists() else []


@task
def sleepy(job: JobHandle, log: str, first_seconds: float) -> dict[str, Any]:
    """Logs ``start``/``end`` to ``log``; the first run sleeps ``first_seconds``, later ones
    return at once (so a rerun after a lost worker finishes quickly)."""
    path = Path(log)
    first = "start" not in _runs(path)
    with path.open("a") as fh:
        fh.write("start\n")
    if first:
        time.sleep(first_seconds)
    with path.open("a") as fh:
        fh.write("end\n")
    return {"first": first}


@task
def watch_lease(job: JobHandle, seconds: float) -> dict[str, Any]:
    """Reads its own lease (as another worker would) before and after ``seconds``."""

    def lease() -> tuple[str, datetime]:
        with db.engine.connect() as conn:
            row = conn.execute(
                select(BackgroundJob.lease_owner, BackgroundJob.lease_expires_at).where(
                    BackgroundJob.id == job.id
                )
            ).one()
        return row[0], row[1]

    owner, before = lease()
    time.sleep(seconds)
    _, after = lease()
    return {"owner": owner, "renewed_by": (after - before).total_seconds()}


@task
def hold_temp_folder(job: JobHandle, marker: str) -> None:
    """Makes a temporary folder as a review does, says where, then waits to be killed."""
    folder = tempfile.mkdtemp(prefix="hirekit-review-")
    (Path(folder) / "app.py").write_text("from flask import Flask\n")
    Path(marker).write_text(folder)
    time.sleep(120)


def _helper(pidfile: str) -> None:
    Path(pidfile).write_text(str(os.getpid()))
    time.sleep(120)


@task
def wait_on_forked_helper(job: JobHandle, pidfile: str) -> None:
    """Forks a helper process, as a large review does, and waits for it."""
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        pool.submit(_helper, pidfile).result()


@task
def usurped(job: JobHandle) -> None:
    """Its lease is taken over mid-run (as after a lapse), then it writes as tasks do."""
    job.write_now(
        update(BackgroundJob)
        .where(BackgroundJob.id == job.id)
        .values(lease_owner="other-host:77:beef")
    )
    record = db.session.get(BackgroundJob, job.id)
    assert record is not None
    record.label = "written by a run that lost its lease"
