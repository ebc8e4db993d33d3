"""bubblewrap: the probe, the command line and one contained process.

Everything the sandbox sees is listed here: the system read-only, the runner venv
read-only, the staged inputs read-only at /in, a size-capped tmpfs at /work where
the project is copied and run, no network (a fresh, empty network namespace).
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import secrets
import selectors
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hirekit.engines.sandbox.limits import Limits

BWRAP = "bwrap"
#: Host files the interpreter needs under /etc; the rest of /etc stays out.
ETC_FILES = ("ld.so.cache", "localtime", "nsswitch.conf")
#: bwrap, its init and the shell wrapper run before the first test process.
HELPER_PROCESSES = 4
#: Root runs each sandbox as its own uid among this many from ``Limits.sandbox_uid``.
UID_SPAN = 1000
#: How long the kernel gets to tear a killed namespace down.
TEARDOWN_SECONDS = 10.0


def bwrap_path(configured: str | None = None) -> str | None:
    """The bwrap binary: ``configured`` (a path or a name on PATH) or ``bwrap`` on PATH."""
    return shutil.which(configured or BWRAP)


def probe(sandbox_uid: int, configured: str | None = None) -> str | None:
    """None when a sandbox can be made here, else the reason it cannot."""
    tool = bwrap_path(configured)
    if tool is None:
        if configured:
            return f"bubblewrap (bwrap) not found at {configured}"
        return "bubblewrap (bwrap) is not installed; install the 'bubblewrap' package"
    try:
        done = subprocess.run(
            [tool, "--unshare-all", "--ro-bind", "/", "/", "true"],
            capture_output=True,
            text=True,
            timeout=20,
            preexec_fn=_drop_privileges(sandbox_uid),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap cannot start: {exc}"
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1:] or ["no detail"]
        return f"bubblewrap cannot create namespaces (user namespaces disabled?): {detail[0]}"
    return None


def _drop_privileges(uid: int) -> Callable[[], None] | None:
    if os.geteuid() != 0:
        return None

    def drop() -> None:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)

    return drop


def _processes_of(uid: int) -> int:
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += 1
            except OSError:
                continue
    return count


def _system_binds() -> list[str]:
    args: list[str] = ["--ro-bind", "/usr", "/usr"]
    for top in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        host = Path("/") / top
        if host.is_symlink():
            args += ["--symlink", os.readlink(host), f"/{top}"]
        elif host.is_dir():
            args += ["--ro-bind", str(host), f"/{top}"]
    for name in ETC_FILES:
        if (Path("/etc") / name).exists():
            args += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    return args


def command(
    tool: str,
    venv: Path,
    python_home: Path | None,
    inputs: dict[str, Path],
    limits: Limits,
    script: str,
) -> list[str]:
    """The bwrap command line running ``script`` (sh) with /in/<name>, /work and the venv."""
    args = [
        tool,
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        *_system_binds(),
        # Before the venv bind: a venv kept under /tmp on the host must not be hidden by it.
        "--tmpfs",
        "/tmp",  # noqa: S108 (a private tmpfs inside the sandbox)
        "--ro-bind",
        str(venv),
        str(venv),
    ]
    if python_home is not None and not str(python_home).startswith("/usr/"):
        args += ["--ro-bind", str(python_home), str(python_home)]
    for name, host in inputs.items():
        args += ["--ro-bind", str(host), f"/in/{name}"]
    args += [
        "--size",
        str(limits.tmpfs_bytes),
        "--tmpfs",
        "/work",
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--chdir",
        "/work",
        "--clearenv",
        "--setenv",
        "PATH",
        f"{venv}/bin:/usr/bin:/bin",
        "--setenv",
        "HOME",
        "/work",
        "--setenv",
        "PYTHONDONTWRITEBYTECODE",
        "1",
        "--setenv",
        "LANG",
        "C.UTF-8",
        "/bin/sh",
        "-c",
        script,
    ]
    return args


@dataclass(frozen=True)
class Finished:
    exit_code: int | None
    timed_out: bool
    output: str
    output_truncated: bool


def _limiter(limits: Limits, uid: int, baseline: int) -> Callable[[], None]:
    drop = _drop_privileges(uid)

    def apply() -> None:
        if drop is not None:
            drop()
        # NPROC counts every process of the real uid: allow what it already runs plus the limit.
        nproc = baseline + limits.processes + HELPER_PROCESSES
        for kind, value in (
            (resource.RLIMIT_CPU, limits.cpu_seconds),
            (resource.RLIMIT_AS, limits.memory_bytes),
            (resource.RLIMIT_NPROC, nproc),
            (resource.RLIMIT_FSIZE, limits.file_bytes),
            (resource.RLIMIT_NOFILE, limits.open_files),
            (resource.RLIMIT_CORE, 0),
        ):
            resource.setrlimit(kind, (value, value))

    return apply


def _child_pid(status: bytes) -> int | None:
    """The host pid of the sandbox's PID-namespace init, from bwrap's JSON status lines."""
    for line in status.decode("utf-8", "replace").splitlines():
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict) and isinstance(data.get("child-pid"), int):
            return int(data["child-pid"])
    return None


def _await_teardown(pid: int | None) -> None:
    """Wait until the namespace's init is gone: the kernel only lets it go once every
    process of the namespace has been killed, so nothing the run started outlives this."""
    if pid is None:
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)
    stat = Path(f"/proc/{pid}/stat")
    deadline = time.monotonic() + TEARDOWN_SECONDS
    while time.monotonic() < deadline:
        try:
            state = stat.read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return
        if state in ("Z", "X"):
            return
        time.sleep(0.02)


@contextlib.contextmanager
def _run_uid(base: int) -> Iterator[int]:
    """The host uid for one run: as root, one of ``UID_SPAN`` uids from ``base`` that no
    process and no other run holds (an abstract socket name is the claim: released with
    the socket, no file left); otherwise the caller's own uid."""
    if os.geteuid() != 0:
        yield os.getuid()
        return
    start = secrets.randbelow(UID_SPAN)
    for step in range(UID_SPAN):
        uid = base + (start + step) % UID_SPAN
        claim = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            claim.bind(f"\0hirekit-sandbox-uid-{uid}")
        except OSError:
            claim.close()
            continue
        if _processes_of(uid):
            claim.close()
            continue
        with claim:
            yield uid
        return
    yield base  # every uid busy: share the first (the process limit is then shared too)


def run_contained(argv: list[str], limits: Limits, pass_fds: tuple[int, ...]) -> Finished:
    """Run ``argv`` with the limits; kill its whole process group at the wall clock."""
    with _run_uid(limits.sandbox_uid) as uid:
        return _run_as(uid, argv, limits, pass_fds)


def _run_as(uid: int, argv: list[str], limits: Limits, pass_fds: tuple[int, ...]) -> Finished:
    status_read, status_write = os.pipe()
    argv = [argv[0], "--json-status-fd", str(status_write), *argv[1:]]
    try:
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            pass_fds=(*pass_fds, status_write),
            start_new_session=True,
            preexec_fn=_limiter(limits, uid, _processes_of(uid)),
        )
    finally:
        os.close(status_write)
    try:
        finished = _collect(proc, limits)
        os.set_blocking(status_read, False)
        status = b""
        with contextlib.suppress(BlockingIOError):
            while chunk := os.read(status_read, 65536):
                status += chunk
                if len(status) > 65536:
                    break
        _await_teardown(_child_pid(status))
    finally:
        os.close(status_read)
    return finished


def _collect(proc: subprocess.Popen[bytes], limits: Limits) -> Finished:
    assert proc.stdout is not None
    kept = bytearray()
    truncated = timed_out = False
    deadline = time.monotonic() + limits.wall_seconds
    os.set_blocking(proc.stdout.fileno(), False)
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    timed_out = True
                    break
                if not sel.select(timeout=min(left, 1.0)):
                    continue
                chunk = proc.stdout.read(65536)
                if not chunk:
                    break
                room = limits.output_bytes - len(kept)
                if len(chunk) > room:
                    truncated = True
                kept += chunk[: max(room, 0)]
    finally:
        # bwrap's own group; its init in the PID namespace dies with it, taking every
        # process the run started (die-with-parent + PID namespace teardown).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    code = None if timed_out else proc.returncode
    return Finished(code, timed_out, kept.decode("utf-8", "replace"), truncated)
