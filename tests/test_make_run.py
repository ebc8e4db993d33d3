"""What `make run` shows: `hirekit run --setup` in its own process, as a person starts it.

The sign-in block must be the last thing before the server's "Running on" line,
with nothing of the migrations above it to push it off the screen.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from hirekit.demo.load import DEMO_PASSWORD, DEMO_USERS

START = "from hirekit.entry import main\nmain()\n"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_make_run_ends_its_setup_with_the_logins_right_above_running_on(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HIREKIT_")}
    env.update(
        HIREKIT_INSTANCE_PATH=str(tmp_path / "instance"),
        HIREKIT_DATABASE_URL=f"sqlite:///{tmp_path / 'hirekit.sqlite3'}",
        PYTHONUNBUFFERED="1",
    )
    port = _free_port()
    lines: list[str] = []
    with subprocess.Popen(
        [sys.executable, "-c", START, "run", "--setup", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as server:
        try:
            assert server.stdout is not None
            for line in server.stdout:
                lines.append(line.rstrip("\n"))
                if "Running on" in line:
                    break
        finally:
            server.terminate()
            server.wait(60)
    output = "\n".join(lines)
    assert "Running on" in lines[-1], output
    assert "Running upgrade" not in output
    # Between the block and "Running on" only the server's own development warning.
    rest = [line for line in lines[:-1] if "development server" not in line]
    block = rest[rest.index(f"Sign in at http://127.0.0.1:{port} as:") :]
    rows = [line.split() for line in block[1:]]
    assert rows[0][:2] == ["admin@example.com", "admin"] and len(rows[0][2]) >= 12
    assert rows[1:] == [[email, role, DEMO_PASSWORD] for email, _name, role in DEMO_USERS]
