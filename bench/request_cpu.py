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
from pathlib import Path

import web

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
    print(f"\n{label}: gunicorn -w 2, wrk -t 2 -c 2, {args.seconds} s per line")
    print(f"  {'endpoint':<22} {'requests':>9} {'CPU ms/request':>15} {'x hello':>8}")
    with web.serving(url, args.board, tmp) as served:
        plan = served.endpoints(args.board)
        script = served.script
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
    web.each_database(lambda url, label, tmp: run(url, label, args, tmp))


if __name__ == "__main__":
    main()
