"""Throughput and latency of hirekit under gunicorn, against a bare Flask app in the same run.

For each database (SQLite in a temporary folder; PostgreSQL too, in a private
schema created and dropped here, when ``HIREKIT_TEST_DATABASE_URL`` is set):

* builds the schema with the migrations and seeds three open jobs, a job with
  ``--board`` applications, and a candidate with a note and a timeline;
* starts ``gunicorn -w 2`` serving hirekit, and beside it ``gunicorn -w 2``
  serving a bare Flask app that answers "hello";
* drives each endpoint with ``wrk`` on loopback for ``--seconds`` (32
  connections; 16 for the board, as 16 people clicking through it) and
  prints requests/s, p50 and p95 and the ratio of requests/s to hello's.

Targets: API lists >= 0.25x hello, careers page >= 0.5x, the board's p95
under 300 ms with 16 users. ``wrk`` is Debian's (``apt-get install wrk``;
``make bench`` installs it when run as root).

    python bench/web.py [--seconds N] [--board N] [--connections N]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from flask_migrate import upgrade
from pg_schema import private_schema
from sqlalchemy import insert

from hirekit import create_app
from hirekit.accounts import services as accounts
from hirekit.candidates.models import Application, Candidate, CandidateTag
from hirekit.candidates.services import applications as pipeline
from hirekit.candidates.services.candidates import CandidateFields, create_candidate
from hirekit.candidates.services.intake import add_note_by_id
from hirekit.extensions import db
from hirekit.jobs.services import jobs
from hirekit.jobs.services.jobs import JobFields

PASSWORD = "bench-password-42"
ADMIN = "admin@bench.example.com"
AGENT = "hirekit-bench"
HELLO_APP = """from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "Hello, World!"
"""
# wrk reports p50/p99 only; this prints the figures we need on one line.
REPORT_LUA = """done = function(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), bad))
end
"""
POST = """# Flask developer

We build a REST API with Flask and SQLAlchemy. You will design endpoints, test them with
pytest and review code. Salary 55,000-70,000 EUR.
"""


@dataclass(frozen=True)
class Figure:
    name: str
    rps: float
    p50_ms: float
    p95_ms: float
    errors: int


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def seed(board: int) -> dict[str, Any]:
    """Jobs, a crowded board, one candidate with a timeline; returns ids the paths use."""
    admin = accounts.create_user(ADMIN, "admin", PASSWORD, name="Ada Bench")
    db.session.commit()
    opened = []
    for i, title in enumerate(("Flask developer", "Python API developer", "Backend developer")):
        fields = JobFields(
            title=title,
            use_case="rest-api",
            level="mid",
            team=("Platform", "Data", "Growth")[i],
            location="Lyon",
            salary_min=55_000,
            salary_max=70_000,
            currency="EUR",
            description=POST,
        )
        job = jobs.create_job(fields, actor=admin)
        jobs.change_state(job, "open", actor=admin)
        opened.append(job)
    db.session.commit()
    crowded = opened[0]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    people = [
        {
            "id": 10_000 + i,
            "name": f"Person {i} Bench",
            "email": f"person{i}@example.com",
            "phone": "",
            "source": "careers-page",
            "links": [],
            "created_at": start + timedelta(minutes=i),
        }
        for i in range(board)
    ]
    db.session.execute(insert(Candidate), people)
    db.session.execute(
        insert(CandidateTag), [{"candidate_id": p["id"], "tag": "backend"} for p in people]
    )
    stages = [s.id for s in crowded.stages[:5]]
    db.session.execute(
        insert(Application),
        [
            {
                "candidate_id": p["id"],
                "job_id": crowded.id,
                "stage_id": stages[i % len(stages)],
                "status": "active",
                "created_at": p["created_at"],
                "stage_entered_at": p["created_at"],
            }
            for i, p in enumerate(people)
        ],
    )
    person = create_candidate(
        CandidateFields(name="Grace Bench", email="grace@example.com", tags=["senior"]),
        actor=admin,
        allow_duplicate=True,
    )
    application = pipeline.apply(person, opened[1], actor=admin)
    add_note_by_id(person.id, "Strong on SQLAlchemy.", application_id=application.id, actor=admin)
    issued = accounts.create_token(admin, "bench")
    db.session.commit()
    return {"board_job": crowded.id, "candidate": person.id, "token": issued.secret}


@contextmanager
def gunicorn(app_spec: str, env: dict[str, str], cwd: Path) -> Iterator[str]:
    """``gunicorn -w 2`` serving ``app_spec`` on a free loopback port; yields its base URL."""
    port = free_port()
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "-w",
        "2",
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        app_spec,
    ]
    log = open(cwd / f"gunicorn-{port}.log", "wb")  # noqa: SIM115 -- closed below
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except urllib.error.HTTPError:
                break  # answering (404 for hirekit's "/" without a session is fine)
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"gunicorn did not start: see {log.name}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def session_cookie(base: str) -> str:
    """Sign in as the seeded admin through the login form; returns the Cookie header."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("User-Agent", AGENT)]
    html = opener.open(base + "/login").read().decode()
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token on /login"
    form = {"email": ADMIN, "password": PASSWORD, "csrf_token": match.group(1)}
    opener.open(base + "/login", urllib.parse.urlencode(form).encode())
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    assert "session=" in cookie, "sign-in failed"
    return cookie


def drive(
    url: str, headers: dict[str, str], seconds: int, connections: int, script: Path
) -> tuple[int, float, float, float, int]:
    wrk = shutil.which("wrk")
    assert wrk, "wrk is missing: apt-get install wrk"
    check = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(check, timeout=30) as response:
        assert response.status == 200, (url, response.status)
    command = [wrk, "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s"]
    command += ["-s", str(script)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    line = next(li for li in out.splitlines() if li.startswith("RESULT "))
    requests, duration_us, p50_us, p95_us, errors = (int(x) for x in line.split()[1:])
    return requests, requests / (duration_us / 1e6), p50_us / 1000, p95_us / 1000, errors


@dataclass(frozen=True)
class Served:
    """hirekit and the bare hello app, both under gunicorn, on a seeded database."""

    hello: str  # base URLs
    hirekit: str
    script: Path  # wrk's report script
    api: dict[str, str]  # request headers: a bearer token, a signed-in session
    page: dict[str, str]
    ref: dict[str, Any]  # what seed() made

    def endpoints(self, board: int) -> list[tuple[str, str, dict[str, str]]]:
        """(name, URL, headers) of each measured endpoint; hello first, the board last."""
        hk, ref = self.hirekit, self.ref
        return [
            ("hello (bare Flask)", self.hello + "/", {}),
            ("/healthz", hk + "/healthz", {}),
            ("careers page", hk + "/careers/", {}),
            ("API candidates (25)", hk + "/api/v1/candidates?per_page=25", self.api),
            ("API jobs", hk + "/api/v1/jobs", self.api),
            ("candidate page", hk + f"/candidates/{ref['candidate']}", self.page),
            (f"board ({board})", hk + f"/jobs/{ref['board_job']}/board", self.page),
        ]


@contextmanager
def serving(url: str, board: int, tmp: Path) -> Iterator[Served]:
    """Migrate and seed ``url``, then serve hirekit and the bare hello beside it."""
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "DEMO": False})
    with app.app_context():
        upgrade()
        ref = seed(board)
        db.session.remove()
        db.engine.dispose()
    (tmp / "hello_app.py").write_text(HELLO_APP)
    script = tmp / "report.lua"
    script.write_text(REPORT_LUA)
    env = {
        **os.environ,
        "HIREKIT_DATABASE_URL": url,
        "HIREKIT_SECRET_KEY": "bench-secret-key",
        "HIREKIT_INSTANCE_PATH": str(tmp / "instance"),
        "HIREKIT_DEMO": "false",
        "PYTHONPATH": str(tmp),
    }
    env.pop("HIREKIT_REDIS_URL", None)
    with (
        gunicorn("hello_app:app", env, tmp) as hello,
        gunicorn("hirekit:create_app()", env, tmp) as hk,
    ):
        api = {"Authorization": f"Bearer {ref['token']}", "User-Agent": AGENT}
        page = {"Cookie": session_cookie(hk), "User-Agent": AGENT}
        yield Served(hello, hk, script, api, page, ref)


def each_database(run: Callable[[str, str, Path], object]) -> None:
    """``run(url, label, tmp)`` on PostgreSQL (when configured) and on SQLite."""
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    pg = os.environ.get("HIREKIT_TEST_DATABASE_URL", "")
    if pg:
        with private_schema(pg) as url, tempfile.TemporaryDirectory() as tmp:
            run(url, "postgresql", Path(tmp))
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", "sqlite", Path(tmp))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def run(url: str, label: str, args: argparse.Namespace, tmp: Path) -> list[Figure]:
    figures: list[Figure] = []
    with serving(url, args.board, tmp) as served:
        *others, (_, board_url, board_headers) = served.endpoints(args.board)
        plan = [(name, target, headers, args.connections) for name, target, headers in others]
        # The board as 16 people clicking through it.
        plan.append((f"board ({args.board}, 16 users)", board_url, board_headers, 16))
        for name, target, headers, connections in plan:
            _, rps, p50, p95, errors = drive(
                target, headers, args.seconds, connections, served.script
            )
            figures.append(Figure(name, rps, p50, p95, errors))
    hello_rps = figures[0].rps
    print(f"\n{label}: gunicorn -w 2, wrk -t 2, {args.seconds} s per line")
    print(f"  {'endpoint':<28} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'x hello':>8}")
    for f in figures:
        note = f"  ({f.errors} errors)" if f.errors else ""
        print(
            f"  {f.name:<28} {f.rps:8.0f} {f.p50_ms:8.1f} {f.p95_ms:8.1f} "
            f"{f.rps / hello_rps:8.2f}{note}"
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--board", type=int, default=2_000)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    each_database(lambda url, label, tmp: run(url, label, args, tmp))


if __name__ == "__main__":
    main()
