"""Hostile take-homes: each attempt is contained, reported, and leaves nothing on the host."""

from __future__ import annotations

import os
import socket
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import processes_mentioning, write_project

pytestmark = pytest.mark.sandbox


def _only_test(result):
    assert result.refused is None
    (test,) = result.own_tests.tests
    return test


@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A real TCP service on 127.0.0.1 that records every connection it accepts."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    accepted: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                accepted.append(conn.recv(100))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], accepted
    stop.set()
    thread.join()
    server.close()


def test_no_network_not_even_localhost(sandbox_run, tmp_path, listener):
    port, accepted = listener
    project = write_project(
        tmp_path / "p",
        {
            "test_net.py": f"""
import socket

def test_loopback():
    s = socket.create_connection(("127.0.0.1", {port}), timeout=3)
    s.sendall(b"stolen")

def test_internet():
    socket.create_connection(("1.1.1.1", 443), timeout=3)

def test_dns():
    socket.getaddrinfo("pypi.org", 443)
"""
        },
    )
    result = sandbox_run(project)
    outcomes = {t.id.rsplit("::", 1)[1]: t for t in result.own_tests.tests}
    assert {name: t.outcome for name, t in outcomes.items()} == {
        "test_loopback": "failed",
        "test_internet": "failed",
        "test_dns": "failed",
    }
    assert "ConnectionRefusedError" in outcomes["test_loopback"].message
    assert "unreachable" in outcomes["test_internet"].message
    assert accepted == []


def test_host_files_outside_the_project_are_invisible(sandbox_run, tmp_path):
    secret = Path("/tmp") / f"hirekit-secret-{uuid.uuid4().hex}"
    secret.write_text("top secret")
    secret.chmod(0o644)
    try:
        project = write_project(
            tmp_path / "p",
            {
                "test_read.py": f"""
import os

def test_tmp_file():
    print(open({str(secret)!r}).read())

def test_home():
    print(os.listdir({str(Path.home())!r}))

def test_etc_is_minimal():
    assert not os.path.exists("/etc/passwd"), "passwd visible"
"""
            },
        )
        result = sandbox_run(project)
    finally:
        secret.unlink()
    outcomes = {t.id.rsplit("::", 1)[1]: t for t in result.own_tests.tests}
    assert outcomes["test_tmp_file"].outcome == "failed"
    assert "FileNotFoundError" in outcomes["test_tmp_file"].message
    assert outcomes["test_home"].outcome == "failed"
    assert outcomes["test_etc_is_minimal"].outcome == "passed"
    assert "top secret" not in result.own_tests.output


def test_writes_outside_the_tmpfs_do_not_reach_the_host(sandbox_run, tmp_path):
    escape = Path("/tmp") / f"hirekit-escape-{uuid.uuid4().hex}"
    project = write_project(
        tmp_path / "p",
        {
            "test_write.py": f"""
import pathlib

def test_tmp():
    pathlib.Path({str(escape)!r}).write_text("escaped")
    assert pathlib.Path({str(escape)!r}).exists()  # only on the sandbox's own tmpfs

def test_project_source():
    pathlib.Path("test_write.py").write_text("# overwritten")

def test_system():
    pathlib.Path("/usr/hirekit-escape").write_text("escaped")
"""
        },
    )
    original = (project / "test_write.py").read_text()
    result = sandbox_run(project)
    outcomes = {t.id.rsplit("::", 1)[1]: t.outcome for t in result.own_tests.tests}
    assert outcomes == {
        "test_tmp": "passed",
        "test_project_source": "passed",
        "test_system": "failed",
    }
    assert not escape.exists()
    assert not Path("/usr/hirekit-escape").exists()
    assert (project / "test_write.py").read_text() == original


def test_fork_bomb_is_contained(sandbox_run, tmp_path):
    token = f"forkbomb-{uuid.uuid4().hex}"
    project = write_project(
        tmp_path / "p",
        {
            "test_bomb.py": f"""
import os, sys

def test_bomb():
    me = os.getpid()
    made = 0
    while True:  # every child forks too, until the kernel says no
        try:
            pid = os.fork()
        except OSError:
            break
        if pid == 0:
            continue
        if os.getpid() == me:
            made += 1
    if os.getpid() != me:  # a child holds its slot, findable by its command line
        os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(300)", "{token}"])
    raise AssertionError(f"fork refused after {{made}} direct children")
"""
        },
    )
    result = sandbox_run(project, processes=16, wall_seconds=40.0)
    test = _only_test(result)
    assert result.own_tests.status == "completed"
    assert test.outcome == "failed"
    assert "fork refused after" in test.message
    assert int(test.message.split()[-3]) <= 16  # uncontained, it reaches thousands
    assert processes_mentioning(token) == []


def test_memory_past_the_limit_is_reported(sandbox_run, tmp_path):
    project = write_project(
        tmp_path / "p",
        {"test_mem.py": "def test_hog():\n    block = bytearray(2 * 1024 ** 3)\n"},
    )
    test = _only_test(sandbox_run(project, memory_bytes=512 * 1024 * 1024))
    assert test.outcome == "failed"
    assert "MemoryError" in test.message


def test_sleeping_past_the_timeout_is_killed(sandbox_run, tmp_path):
    token = f"sleeper-{uuid.uuid4().hex}"
    project = write_project(
        tmp_path / "p",
        {"test_sleep.py": f"import time\n\ndef test_sleep():\n    time.sleep(300)  # {token}\n"},
    )
    # The test sleeps 300 s: any wall limit cuts it short; 3 s is well past pytest's start.
    result = sandbox_run(project, wall_seconds=3.0)
    assert result.own_tests.status == "timeout"
    assert result.own_tests.exit_code is None
    assert result.seconds < 60
    assert result.to_dict()["own_tests"]["status"] == "timeout"


def test_megabytes_of_output_are_capped(sandbox_run, tmp_path):
    project = write_project(
        tmp_path / "p",
        {
            "test_loud.py": "import sys\n\ndef test_loud():\n"
            "    for _ in range(80):\n        sys.stdout.write('x' * 65536)\n    assert False\n"
        },
    )
    result = sandbox_run(project, output_bytes=32 * 1024)
    assert result.own_tests.status == "completed"
    assert result.own_tests.output_truncated
    assert len(result.own_tests.output.encode()) <= 32 * 1024
    assert result.own_tests.count("failed") == 1


def test_background_processes_do_not_survive_the_run(sandbox_run, tmp_path):
    token = f"lingerer-{uuid.uuid4().hex}"
    project = write_project(
        tmp_path / "p",
        {
            "test_bg.py": f"""
import subprocess, sys

def test_spawn():
    subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(600)", "{token}"],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
"""
        },
    )
    result = sandbox_run(project)
    assert _only_test(result).outcome == "passed"
    assert processes_mentioning(token) == []
    assert os.path.exists("/proc/self")  # the process list was really read


def test_cpu_time_is_capped(sandbox_run, tmp_path):
    project = write_project(
        tmp_path / "p", {"test_spin.py": "def test_spin():\n    while True:\n        pass\n"}
    )
    result = sandbox_run(project, cpu_seconds=2, wall_seconds=30.0)
    assert result.own_tests.status == "crashed"  # killed by SIGXCPU/SIGKILL, no report
    assert result.seconds < 25


def test_disk_use_is_capped(sandbox_run, tmp_path):
    project = write_project(
        tmp_path / "p",
        {
            "test_fill.py": """
import os

def test_one_big_file():
    with open("big.bin", "wb") as fh:
        fh.write(b"x" * (32 * 1024 * 1024))

def test_many_files():
    for n in range(20):
        with open(f"part{n}.bin", "wb") as fh:
            fh.write(b"x" * (8 * 1024 * 1024))
"""
        },
    )
    result = sandbox_run(project, file_bytes=16 * 1024 * 1024, tmpfs_bytes=48 * 1024 * 1024)
    outcomes = {t.id.rsplit("::", 1)[1]: t for t in result.own_tests.tests}
    assert "File too large" in outcomes["test_one_big_file"].message
    assert "No space left on device" in outcomes["test_many_files"].message
