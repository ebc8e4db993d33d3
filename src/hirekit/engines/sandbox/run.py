"""``run_tests``: the candidate's own tests, then the hidden tests, each in a fresh sandbox.

Each suite gets a fresh copy of the project on its own tmpfs, so nothing the first
run writes reaches the second; the hidden tests are staged only for the second run
and are deleted with the rest of the staging area whatever happens.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from hirekit.engines.codereview.limits import MB, ArchiveRefused, Deadline
from hirekit.engines.codereview.limits import Limits as ArchiveLimits
from hirekit.engines.codereview.unpack import unpacked
from hirekit.engines.sandbox import bwrap
from hirekit.engines.sandbox.junit import parse_junit
from hirekit.engines.sandbox.limits import Limits
from hirekit.engines.sandbox.result import ABSENT, CalledFunction, RunResult, Status, SuiteResult
from hirekit.engines.sandbox.venv import (
    VenvError,
    default_cache_dir,
    default_python,
    runner_venv,
    venv_home,
)

#: The largest junit report read back (the file size limit bounds it too).
REPORT_BYTES = 8 * 1024 * 1024
#: Never copied into the sandbox: caches and environments that do not belong to the code.
SKIPPED_DIRS = (".git", ".venv", "venv", "__pycache__", ".pytest_cache", "node_modules", ".tox")
#: The largest list of called functions read back from the own-tests run.
CALLS_BYTES = 4 * 1024 * 1024
#: The plugin that records the project's called functions during the own tests.
TRACER = Path(__file__).with_name("calltrace_plugin.py")
#: Copies the junit report from the tmpfs to the host through an inherited descriptor.
_EMIT = "import shutil,sys;shutil.copyfileobj(open(sys.argv[1],'rb'),open(int(sys.argv[2]),'wb'))"


def _refused(code: str, message: str, limits: Limits, started: float) -> RunResult:
    return RunResult(
        limits=limits.to_dict(),
        refused={"code": code, "message": message},
        seconds=time.monotonic() - started,
    )


def _materialise(path: Path, stack: ExitStack, archive_limits: ArchiveLimits) -> Path:
    """A folder holding ``path``'s content: itself, or the unpacked archive."""
    if path.is_dir():
        _check_folder(path, archive_limits)
        return path
    if not path.is_file():
        raise ArchiveRefused(f"{path}: no such file or folder")
    root, _wrapper = stack.enter_context(
        unpacked(path, archive_limits, Deadline(archive_limits.seconds))
    )
    return root


def _check_folder(folder: Path, limits: ArchiveLimits) -> None:
    """A folder input gets the bounds an archive gets before it is copied for staging."""
    files = size = 0
    for parent, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
        for name in names:
            files += 1
            with contextlib.suppress(OSError):
                size += (Path(parent) / name).lstat().st_size
        if files > limits.files:
            raise ArchiveRefused(f"{folder.name} holds more than {limits.files} files")
        if size > limits.unpacked_bytes:
            raise ArchiveRefused(f"{folder.name} is larger than {limits.unpacked_bytes // MB} MB")


def _stage(source: Path, dest: Path) -> None:
    shutil.copytree(source, dest, symlinks=True, ignore=shutil.ignore_patterns(*SKIPPED_DIRS))
    # The sandbox may run as another uid: everything staged must be readable to it.
    for folder, _dirs, files in os.walk(dest):
        os.chmod(folder, 0o755)  # noqa: S103 (read-only for the sandbox uid)
        for name in files:
            target = Path(folder) / name
            if not target.is_symlink():
                target.chmod(0o644)


def _has_tests(project: Path) -> bool:
    for pattern in ("test_*.py", "*_test.py"):
        for found in project.rglob(pattern):
            if not set(found.relative_to(project).parts) & set(SKIPPED_DIRS):
                return True
    return False


def _read_calls(data: bytes) -> tuple[CalledFunction, ...]:
    """The tracer's ``[[file, first line, name], ...]``, written by untrusted code."""
    try:
        rows = json.loads(data.decode("utf-8")) if data else []
    except (UnicodeDecodeError, ValueError):
        return ()
    if not isinstance(rows, list):
        return ()
    found: list[CalledFunction] = []
    for row in rows[:20000]:
        if (
            isinstance(row, list)
            and len(row) == 3
            and isinstance(row[0], str)
            and isinstance(row[1], int)
            and isinstance(row[2], str)
        ):
            found.append((row[0][:300], row[1], row[2][:120]))
    return tuple(found)


def _open_report(host_tmp: Path, name: str) -> tuple[Path, int]:
    path = host_tmp / f"{name}-{len(list(host_tmp.iterdir()))}"
    return path, os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)


def _suite(
    tool: str,
    venv: Path,
    inputs: dict[str, Path],
    pytest_args: str,
    limits: Limits,
    host_tmp: Path,
) -> SuiteResult:
    report, fd = _open_report(host_tmp, "report")
    calls, calls_fd = _open_report(host_tmp, "calls")
    try:
        copies = " && ".join(f"cp -R /in/{name} /work/{name}" for name in inputs)
        # Only a run staged with the tracer loads it (the candidate's own tests).
        tracer = "PYTHONPATH=/work/tracer " if "tracer" in inputs else ""
        plugin = "-p hirekit_calls " if "tracer" in inputs else ""
        emit = f"python -c {shlex.quote(_EMIT)}"
        script = (
            f"{copies} && cd /work/project && {tracer}"
            f"python -m pytest -p no:cacheprovider {plugin}-q {pytest_args} "
            f"--junitxml=/tmp/.report.xml; rc=$?; "
            f"{emit} /tmp/.report.xml {fd} 2>/dev/null; "
            f"{emit} /tmp/.calls.json {calls_fd} 2>/dev/null; exit $rc"
        )
        argv = bwrap.command(tool, venv, venv_home(venv), inputs, limits, script)
        finished = bwrap.run_contained(argv, limits, pass_fds=(fd, calls_fd))
    finally:
        os.close(fd)
        os.close(calls_fd)
    with report.open("rb") as fh:
        tests = parse_junit(fh.read(REPORT_BYTES))
    with calls.open("rb") as fh:
        called = _read_calls(fh.read(CALLS_BYTES))
    status: Status
    if finished.timed_out:
        status = "timeout"
    elif tests is None:
        status = "crashed"
    else:
        status = "completed"
    return SuiteResult(
        status=status,
        tests=tests or (),
        exit_code=finished.exit_code,
        output=finished.output,
        output_truncated=finished.output_truncated,
        called=called,
    )


def run_tests(
    project: Path,
    tests: Path | None,
    requirements: Path | None,
    limits: Limits | None = None,
    *,
    cache_dir: Path | None = None,
    python: str | None = None,
    bwrap_tool: str | None = None,
) -> RunResult:
    """Run the project's own tests and the hidden ``tests`` against it, sandboxed.

    Never runs anything outside bubblewrap: a host that cannot sandbox gets
    ``refused`` with code ``sandbox-unavailable``. Bad inputs are refused with
    ``input-refused``, an environment that cannot be built with ``runner-unavailable``.
    """
    limits = limits or Limits()
    started = time.monotonic()
    tool = bwrap.bwrap_path(bwrap_tool)
    problem = bwrap.probe(limits.sandbox_uid, bwrap_tool)
    if tool is None or problem is not None:
        return _refused("sandbox-unavailable", problem or "bwrap missing", limits, started)
    with ExitStack() as stack:
        archive_limits = ArchiveLimits()
        try:
            project_dir = _materialise(Path(project), stack, archive_limits)
            tests_dir = _materialise(Path(tests), stack, archive_limits) if tests else None
            req_text = Path(requirements).read_text(encoding="utf-8") if requirements else None
        except ArchiveRefused as exc:
            return _refused("input-refused", exc.reason, limits, started)
        except (OSError, UnicodeDecodeError) as exc:
            return _refused("input-refused", f"cannot read the input: {exc}", limits, started)
        try:
            venv = runner_venv(
                req_text, cache_dir or default_cache_dir(), python or default_python()
            )
        except VenvError as exc:
            return _refused("runner-unavailable", exc.reason, limits, started)
        except OSError as exc:  # the cache folder cannot be made or locked
            message = f"cannot use the runner cache: {exc}"
            return _refused("runner-unavailable", message, limits, started)
        host_tmp = Path(tempfile.mkdtemp(prefix="hirekit-sandbox-"))
        stack.callback(shutil.rmtree, host_tmp, True)
        host_tmp.chmod(0o711)  # the sandbox uid reaches /in through it, lists nothing
        staged = host_tmp / "in"
        staged.mkdir()
        staged.chmod(0o755)
        try:
            _stage(project_dir, staged / "project")
            (staged / "tracer").mkdir()
            (staged / "tracer").chmod(0o755)
            shutil.copyfile(TRACER, staged / "tracer" / "hirekit_calls.py")
            (staged / "tracer" / "hirekit_calls.py").chmod(0o644)
            if tests_dir is not None:
                _stage(tests_dir, staged / "hidden")
        except (OSError, shutil.Error) as exc:
            return _refused("input-refused", f"cannot copy the input: {exc}", limits, started)
        own = ABSENT
        if _has_tests(staged / "project"):
            own_inputs = {"project": staged / "project", "tracer": staged / "tracer"}
            own = _suite(tool, venv, own_inputs, "", limits, host_tmp)
        hidden = ABSENT
        if tests_dir is not None:
            # The candidate's pytest configuration must not steer the hidden run.
            hidden = _suite(
                tool,
                venv,
                {"project": staged / "project", "hidden": staged / "hidden"},
                "-c /dev/null --rootdir=/work/hidden /work/hidden",
                limits,
                host_tmp,
            )
        return RunResult(
            limits=limits.to_dict(),
            own_tests=own,
            hidden_tests=hidden,
            seconds=time.monotonic() - started,
        )
    raise AssertionError("unreachable")  # pragma: no cover
