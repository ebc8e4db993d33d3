"""CPU time per request of each bench/web.py endpoint, served by gunicorn, beside a bare Flask.

Wall-clock throughput on a shared host says as much about the neighbours as
about hirekit; the CPU time a worker spends per request does not (much). This
seeds the same database as ``bench/web.py`` (SQLite, or PostgreSQL in a
private schema when ``HIREKIT_TEST_DATABASE_URL`` is set), starts
``gunicorn -w 2`` for hirekit and for a bare Flask "hello", drives each
endpoint with ``wrk`` (2 connections, ``--seconds``) and prints the workers'
user+system CPU time divided by the requests answered, and its ratio to hello's
(the throughput a CPU-bound server could reach relative to hello's is its inverse).

    python bench/request_cpu.py [--seconds N] [--board N] [endpoint ...]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

import web
from flask_migrate import upgrade
from pg_schema import private_schema

from hirekit import create_app
from hirekit.extensions import db

TICK = os.sysconf("SC_CLK_TCK")


def tree_cpu(pid: int) -> float:
    """User+system CPU seconds of ``pid`` and its children (gunicorn's workers)."""
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    total = 0
    for each in [pid, *(int(p) for p in children.split())]:
        try:
            with open(f"/proc/{each}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def arbiter(base: str) -> int:
    port = base.rsplit(":", 1)[1]
    out = subprocess.run(["pgrep", "-f", f"127.0.0.1:{port}"], capture_output=True, text=True)
    return min(int(p) for p in out.stdout.split())


def run(url: str, label: str, args: argparse.Namespace, tmp: Path) -> None:
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "DEMO": False})
    with app.app_context():
        upgrade()
        ref = web.seed(args.board)
        db.session.remove()
        db.engine.dispose()
    (tmp / "hello_app.py").write_text(web.HELLO_APP)
    script = tmp / "report.lua"
    script.write_text(web.REPORT_LUA)
    env = {
        **os.environ,
        "HIREKIT_DATABASE_URL": url,
        "HIREKIT_SECRET_KEY": "bench-secret-key",
        "HIREKIT_INSTANCE_PATH": str(tmp / "instance"),
        "HIREKIT_DEMO": "false",
        "PYTHONPATH": str(tmp),
    }
    env.pop("HIREKIT_REDIS_URL", None)
    print(f"\n{label}: gunicorn -w 2, wrk -t 2 -c 2, {args.seconds} s per line")
    print(f"  {'endpoint':<22} {'requests':>9} {'CPU ms/request':>15} {'x hello':>8}")
    with (
        web.gunicorn("hello_app:app", env, tmp) as hello,
        web.gunicorn("hirekit:create_app()", env, tmp) as hk,
    ):
        api = {"Authorization": f"Bearer {ref['token']}", "User-Agent": web.AGENT}
        page = {"Cookie": web.session_cookie(hk), "User-Agent": web.AGENT}
        plan = [
            ("hello (bare Flask)", hello + "/", {}),
            ("/healthz", hk + "/healthz", {}),
            ("careers page", hk + "/careers/", {}),
            ("API candidates (25)", hk + "/api/v1/candidates?per_page=25", api),
            ("API jobs", hk + "/api/v1/jobs", api),
            ("candidate page", hk + f"/candidates/{ref['candidate']}", page),
            (f"board ({args.board})", hk + f"/jobs/{ref['board_job']}/board", page),
        ]
        hello_ms = 0.0
        for name, target, headers in plan:
            if args.endpoints and name != plan[0][0] and not any(e in name for e in args.endpoints):
                continue
            pid = arbiter(target.split("/", 3)[0] + "//" + target.split("/", 3)[2])
            web.drive(target, headers, 1, 2, script)  # warm up
            before = tree_cpu(pid)
            count, *_ = web.drive(target, headers, args.seconds, 2, script)
            ms = (tree_cpu(pid) - before) / max(count, 1) * 1000
            hello_ms = hello_ms or ms
            print(f"  {name:<22} {count:9d} {ms:15.2f} {ms / hello_ms:8.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--board", type=int, default=2_000)
    parser.add_argument("endpoints", nargs="*", help="only endpoints whose name contains these")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    pg = os.environ.get("HIREKIT_TEST_DATABASE_URL", "")
    if pg:
        with private_schema(pg) as url, tempfile.TemporaryDirectory() as tmp:
            run(url, "postgresql", args, Path(tmp))
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", "sqlite", args, Path(tmp))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
