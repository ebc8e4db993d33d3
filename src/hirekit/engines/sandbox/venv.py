"""The runner virtualenv: built outside the sandbox (with network), cached per requirements.

The sandbox only ever sees it read-only. A folder is used once its ``.ready`` marker
exists; building happens under an exclusive lock so two runs never build the same one.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

#: Used when an assignment names no requirements: what a Flask take-home's tests need,
#: pinned to the versions hirekit itself is tested with.
BASE_REQUIREMENTS = "flask==3.1.3\npytest==9.2.0\n"
PYTEST_PIN = "pytest==9.2.0"
BUILD_TIMEOUT = 900.0


class VenvError(Exception):
    """The runner environment could not be built; ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def default_cache_dir() -> Path:
    # Root's home is private; the sandbox runs as another uid and must read the venv.
    if os.geteuid() == 0:
        return Path("/var/cache/hirekit/sandbox-venvs")
    return Path.home() / ".cache" / "hirekit" / "sandbox-venvs"


def default_python() -> str:
    """An interpreter installed system-wide, so its standard library is readable in the sandbox."""
    for candidate in ("/usr/bin/python3", "/usr/local/bin/python3"):
        if os.access(candidate, os.X_OK):
            return candidate
    return sys.executable


def _pip(python: Path, *args: str) -> None:
    cmd = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise VenvError("installing the runner packages took too long") from exc
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["pip failed"])[-1]
        raise VenvError(f"installing the runner packages failed: {last[:300]}")


def runner_venv(requirements: str | None, cache_dir: Path, python: str) -> Path:
    """Return the folder of a ready virtualenv for ``requirements`` (None: the base set)."""
    text = BASE_REQUIREMENTS if requirements is None else requirements
    key = hashlib.sha256(f"{python}\n{text}".encode()).hexdigest()[:32]
    cache_dir.mkdir(parents=True, exist_ok=True)
    cache_dir.chmod(0o755)
    target = cache_dir / key
    if (target / ".ready").exists():
        return target
    with (cache_dir / f".{key}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (target / ".ready").exists():
            return target
        shutil.rmtree(target, ignore_errors=True)  # a build that died half-way
        try:
            subprocess.run(
                [python, "-m", "venv", str(target)], check=True, capture_output=True, timeout=300
            )
            venv_python = target / "bin" / "python"
            req_file = target / "requirements.txt"
            req_file.write_text(text, encoding="utf-8")
            hashed = "--hash=" in text
            _pip(venv_python, *(["--require-hashes"] if hashed else []), "-r", str(req_file))
            has_pytest = subprocess.run(
                [str(venv_python), "-c", "import pytest"], capture_output=True, timeout=60
            )
            if has_pytest.returncode != 0:
                _pip(venv_python, PYTEST_PIN)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            shutil.rmtree(target, ignore_errors=True)
            raise VenvError(f"cannot create the runner virtualenv: {exc}") from exc
        except VenvError:
            shutil.rmtree(target, ignore_errors=True)
            raise
        (target / ".ready").touch()
    return target


def venv_home(venv: Path) -> Path | None:
    """The base interpreter's prefix, which the sandbox needs read-only too."""
    for line in (venv / "pyvenv.cfg").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key.strip() == "home":
            return Path(value.strip()).parent
    return None
