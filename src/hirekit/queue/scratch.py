"""Each worker process's own temporary folder, so what a killed worker leaves is found.

Take-home archives are unpacked into temporary folders, which a worker killed
with SIGKILL cannot remove. A worker process therefore points ``tempfile`` (and
``TMPDIR``, for the programs it starts) at a folder named after its host, pid
and start time under the system's temporary folder. It removes its own folder
on exit and, on start and every reap, the folders of owners on this host that
no longer run. A forked child (RQ's work horse, a review helper) gets a folder
of its own, so a horse that outlives its parent keeps its files.
"""

from __future__ import annotations

import multiprocessing.util
import os
import re
import shutil
import socket
import tempfile
from pathlib import Path

import psutil

PREFIX = "hirekit-worker-"
OWNER = re.compile(r"(\d+)-(\d+)")  # what follows the host: pid, start time

_base: Path | None = None
_own: Path | None = None


def _stamp(pid: int) -> str | None:
    """``pid`` with its start time: a pid alone may have been reused since."""
    try:
        process = psutil.Process(pid)
        # A killed worker's child waits as a zombie until something reaps it: it runs no more.
        if process.status() == psutil.STATUS_ZOMBIE:
            return None
        return f"{pid}-{int(process.create_time() * 100)}"
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return None


def _host() -> str:
    return socket.gethostname().replace("/", "_")


def folder_name(pid: int) -> str:
    return f"{PREFIX}{_host()}-{_stamp(pid)}"


def own_folder() -> Path | None:
    """This process's temporary folder, once ``enter()`` ran."""
    return _own


def enter(base: Path | None = None) -> Path:
    """Make this process's temporary folder the default for ``tempfile`` and children.

    Removes the leftovers of dead workers first; forked children get their own.
    """
    global _base
    if _base is None:
        os.register_at_fork(after_in_child=_enter_child)
    _base = base or _base or Path(tempfile.gettempdir())
    sweep()
    return _enter_own()


def _enter_own() -> Path:
    global _own
    assert _base is not None
    folder = _base / folder_name(os.getpid())
    folder.mkdir(mode=0o700, exist_ok=True)
    _own = folder
    tempfile.tempdir = str(folder)
    os.environ["TMPDIR"] = str(folder)
    return folder


def _enter_child() -> None:
    if _own is not None:
        _enter_own()
        # A multiprocessing child (a review helper) removes its folder as it exits.
        multiprocessing.util.Finalize(None, leave, exitpriority=0)


def leave() -> None:
    """Remove this process's folder (at a normal exit)."""
    global _own
    if _own is not None:
        shutil.rmtree(_own, ignore_errors=True)
        _own = None
        if _base is not None:
            tempfile.tempdir = str(_base)
            os.environ["TMPDIR"] = str(_base)


def sweep() -> list[Path]:
    """Remove the folders of workers on this host that no longer run; returns them."""
    if _base is None or not _base.is_dir():
        return []
    mine = f"{PREFIX}{_host()}-"
    removed = []
    for entry in _base.iterdir():
        if not entry.name.startswith(mine) or not entry.is_dir() or entry.is_symlink():
            continue
        owner = OWNER.fullmatch(entry.name.removeprefix(mine))
        if owner is None or _stamp(int(owner[1])) == owner[0]:
            continue  # another host's (whose name extends ours), or its owner still runs
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed
