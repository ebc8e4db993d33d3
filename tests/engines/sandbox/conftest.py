"""Sandboxed runs share the run's runner virtualenvs (``venv_cache``, tests/conftest.py);
each run gets its own temp area to check for leftovers."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from hirekit.engines.sandbox import Limits, RunResult, run_tests

#: Small bounds keep the hostile runs short and cheap on a shared machine.
SMALL = Limits(
    cpu_seconds=20,
    memory_bytes=512 * 1024 * 1024,
    processes=24,
    file_bytes=16 * 1024 * 1024,
    open_files=128,
    wall_seconds=30.0,
    output_bytes=64 * 1024,
    tmpfs_bytes=64 * 1024 * 1024,
)


@pytest.fixture
def host_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The temp folder the engine stages into, so a test sees exactly what it left behind."""
    # (tmp_path first: pytest's own temp root must not land in this folder)
    path = Path(tempfile.mkdtemp(prefix="hirekit-run-", dir="/tmp"))
    path.chmod(0o711)
    monkeypatch.setattr(tempfile, "tempdir", str(path))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def sandbox_run(venv_cache: Path, host_tmp: Path) -> Any:
    """Run the engine with the small limits; assert nothing is left in the temp area."""

    def run(project: Path, tests: Path | None = None, **changes: Any) -> RunResult:
        result = run_tests(project, tests, None, replace(SMALL, **changes), cache_dir=venv_cache)
        assert list(host_tmp.iterdir()) == [], "the run left files on the host"
        return result

    return run


def write_project(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def processes_mentioning(token: str) -> list[int]:
    """Host pids whose command line contains ``token``."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            cmdline = Path(entry.path, "cmdline").read_bytes()
        except OSError:
            continue
        if token.encode() in cmdline:
            found.append(int(entry.name))
    return found
