"""Real `hirekit worker` processes for the tests, and killing them the hard way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil
from flask import Flask

ROOT = Path(__file__).resolve().parents[2]
HIREKIT = Path(sys.executable).parent / "hirekit"


def worker_env(app: Flask, home: Path, **settings: Any) -> dict[str, str]:
    """The environment of a worker sharing ``app``'s database and uploads."""
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("HIREKIT_") and k not in ("TMPDIR", "PYTEST_XDIST_WORKER")
    }
    values: dict[str, Any] = {
        "DATABASE_URL": app.config["DATABASE_URL"],
        "SECRET_KEY": app.config["SECRET_KEY"],
        "UPLOAD_DIR": app.config["UPLOAD_DIR"],
        "INSTANCE_PATH": str(home / "instance"),
        "TASK_MODULE_PREFIXES": json.dumps(list(app.config["TASK_MODULE_PREFIXES"])),
        "DEMO": "0",
        "JOB_RETRY_BACKOFF_SECONDS": "0",
        "JOB_POLL_SECONDS": "0.1",
        **settings,
    }
    env.update({f"HIREKIT_{k}": str(v) for k, v in values.items() if v is not None})
    env["TMPDIR"] = str(home / "tmp")
    env["PYTHONPATH"] = str(ROOT)
    return env


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [str(HIREKIT), "worker"], env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
        )


def kill_hard(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL a worker and everything it started, as when its machine goes away."""
    try:
        family = [psutil.Process(process.pid), *psutil.Process(process.pid).children(True)]
    except psutil.NoSuchProcess:
        family = []
    for member in family:
        try:
            member.send_signal(signal.SIGKILL)
        except psutil.NoSuchProcess:
            continue
    process.wait(10)


def stop(process: subprocess.Popen[bytes], timeout: float = 30) -> int:
    """SIGTERM a worker and wait for it to exit; returns its exit code."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout)
    except subprocess.TimeoutExpired:
        kill_hard(process)
        raise


def wait_for(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
