"""Tasks the queue tests enqueue (importable, so both backends can run them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hirekit.queue import JobHandle, task


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
