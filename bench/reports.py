"""Time the dashboard's hiring figures over a large, seeded history.

Seeds 100,000 applications (50 jobs, six stages each) and 1,000,000 move
events into a fresh database built by the migrations, then requests
``/dashboard`` as a signed-in admin and prints the server time of each
request (best of ``--repeat``) and of each report's aggregation computed
live; then runs ``hirekit reports refresh`` (timed) and requests every report
page (target: each under 500 ms), and ``/dashboard`` signed in as each role
(admin, recruiter, hiring manager, interviewer) over 25,000 past interviews
with 50,000 scorecards, some upcoming, some overdue and some decided (target:
each under 500 ms). Runs on
SQLite, and on PostgreSQL too when ``--pg URL`` (or HIREKIT_BENCH_PG_URL)
(or HIREKIT_TEST_DATABASE_URL) names a reachable server; a private schema is
created there, analysed after seeding, and dropped.
The last line reads ``dashboard N ms (sqlite)``, the slowest role's. Target: under 500 ms.
With ``--reuse`` the seeded SQLite file is kept in ``.cache/`` (one per size)
and later runs with the same sizes time it without seeding again.

    python bench/reports.py [--applications N] [--moves N] [--repeat N] [--pg URL] [--reuse]
                            [--no-live]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from flask_migrate import upgrade
from pg_schema import analyze_schema, private_schema
from sqlalchemy import insert, select

from hirekit import create_app
from hirekit.accounts import services as accounts
from hirekit.accounts.models import User
from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Application, Candidate, Event
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.interviews.models import DebriefDecision, Interview, Scorecard
from hirekit.jobs.choices import DEFAULT_STAGES
from hirekit.jobs.models import Job, Stage
from hirekit.reports.filters import ReportFilter
from hirekit.reports.services.catalog import REPORTS, build
from hirekit.reports.services.snapshots import refresh

PASSWORD = "bench-password-42"
SOURCES = ("careers-page", "referral", "linkedin", "agency", "api", "import")
START = datetime(2025, 1, 1, tzinfo=UTC)
CHUNK = 20_000
#: Who signs in to the dashboard: one user of each role.
ROLES = ("admin", "recruiter", "hiring_manager", "interviewer")
PANEL = 16  # interviewers sharing the seeded interviews, besides the signed-in ones
CACHE = Path(__file__).resolve().parent.parent / ".cache"


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _jobs(count: int) -> list[int]:
    """Jobs with the default pipeline, each opened (in its audit trail) on its first day."""
    stage_ids: list[int] = []
    for j in range(count):
        opened = START + timedelta(days=7 * j)
        job = Job(
            title=f"Flask developer {j}",
            team=("Platform", "Data", "Growth")[j % 3],
            use_case=("rest-api", "microservices", "full-stack")[j % 3],
            level="mid",
            state="open",
            created_at=opened,
        )
        job.stages = [
            Stage(name=n, kind=k.value, position=i) for i, (n, k) in enumerate(DEFAULT_STAGES)
        ]
        db.session.add(job)
        db.session.flush()
        stage_ids += [s.id for s in job.stages]
        db.session.add(
            AuditEntry(
                seq=j + 1,  # a fresh database: these are its first entries
                at=opened,
                action="job.state_changed",
                subject_type="job",
                subject_id=str(job.id),
                details={"from": "draft", "to": "open"},
                prev_hash="bench",
                hash=uuid.uuid4().hex,
            )
        )
    db.session.commit()
    return stage_ids


def _history(rng: random.Random, moves_each: float) -> tuple[list[tuple[int, float]], str]:
    """One application's path: (stage index, days after applying) per move, and its status."""
    path: list[tuple[int, float]] = []
    stage, day = 0, 0.0
    for _ in range(max(0, int(rng.expovariate(1 / moves_each)))):
        day += rng.uniform(0.5, 6)
        step = 1 if stage == 0 or rng.random() < 0.6 else -1
        stage = min(stage + step, 4)  # the hire stage is reached only by the final step
        path.append((stage, day))
    if stage == 4 and rng.random() < 0.5:
        path.append((5, day + rng.uniform(1, 7)))
        return path, "hired"
    return path, rng.choice(("rejected", "rejected", "withdrawn", "active"))


def seed(applications: int, moves: int, jobs: int = 50) -> None:
    rng = random.Random(7)
    stage_ids = _jobs(jobs)
    names = [name for name, _ in DEFAULT_STAGES]
    db.session.execute(
        insert(Candidate),
        [
            {"id": i + 1, "name": f"C {i}", "source": SOURCES[i % len(SOURCES)]}
            for i in range(applications)
        ],
    )
    apps, events = [], []
    for i in range(applications):
        job = i % jobs
        applied = START + timedelta(days=7 * job + rng.uniform(0, 300))
        path, status = _history(rng, moves / applications)
        stages = stage_ids[job * 6 : job * 6 + 6]
        apps.append(
            {
                "id": i + 1,
                "candidate_id": i + 1,
                "job_id": job + 1,
                "stage_id": stages[path[-1][0] if path else 0],
                "status": status,
                "created_at": applied,
                "stage_entered_at": applied + timedelta(days=path[-1][1] if path else 0),
            }
        )
        base = {"candidate_id": i + 1, "application_id": i + 1}
        events.append(
            {
                **base,
                "type": "applied",
                "at": applied,
                "data": {"stage_id": stages[0], "stage": names[0]},
                "stage_id": stages[0],
            }
        )
        previous = 0
        for stage, day in path:
            at = applied + timedelta(days=day)
            events.append(
                {
                    **base,
                    "type": "moved",
                    "at": at,
                    "data": {
                        "from_stage_id": stages[previous],
                        "from_stage": names[previous],
                        "to_stage_id": stages[stage],
                        "to_stage": names[stage],
                    },
                    "stage_id": stages[stage],
                }
            )
            previous = stage
        end = applied + timedelta(days=(path[-1][1] if path else 0) + 1)
        if status != "active":
            last = 5 if status == "hired" else previous
            data = {"stage_id": stages[last], "stage": names[last]}
            events.append(
                {**base, "type": status, "at": end, "data": data, "stage_id": stages[last]}
            )
    for batch in _chunks(iter(apps)):
        db.session.execute(insert(Application), batch)
    for batch in _chunks(iter(events)):
        db.session.execute(insert(Event), batch)
    db.session.commit()
    moved = sum(1 for e in events if e["type"] == "moved")
    print(f"seeded {applications} applications, {moved} move events, {len(events)} events")


def _email(role: str) -> str:
    return f"{role}@bench.example"


def seed_interviews(applications: int, jobs: int = 50) -> None:
    """Users of each role, and a past interview with two scorecards for every fourth
    application; most scorecards are in, a few overdue, most pairs decided, and
    the last interviews are still to come."""
    rng = random.Random(5)
    users = [accounts.create_user(_email(role), role, PASSWORD) for role in ROLES]
    db.session.commit()
    hashed = users[-1].password_hash
    db.session.execute(
        insert(User),
        [
            {"email": f"panel{n}@bench.example", "role": "interviewer", "password_hash": hashed}
            for n in range(PANEL)
        ],
    )
    panel = list(db.session.scalars(select(User.id).where(User.role == "interviewer")))
    now = utcnow()
    interviews, cards, decisions = [], [], []
    chosen = range(4, applications + 1, 4)
    for n, app_id in enumerate(chosen):
        job_id = (app_id - 1) % jobs + 1
        ahead = len(chosen) - n <= 200  # the newest are still to come
        starts = (
            now + timedelta(days=rng.uniform(0.5, 14))
            if ahead
            else now - timedelta(days=rng.uniform(2, 400))
        )
        interviews.append(
            {
                "id": n + 1,
                "job_id": job_id,
                "candidate_id": app_id,
                "title": "Technical interview",
                "starts_at": starts,
                "status": "cancelled" if rng.random() < 0.03 else "scheduled",
                "uid": uuid.uuid4().hex,
            }
        )
        for interviewer in rng.sample(panel, 2):
            done = not ahead and rng.random() < 0.99
            cards.append(
                {
                    "interview_id": n + 1,
                    "interviewer_id": interviewer,
                    "status": "submitted" if done else "draft",
                    "recommendation": rng.choice(("yes", "no", "strong_yes")) if done else "",
                    "submitted_at": starts + timedelta(hours=rng.uniform(1, 30)) if done else None,
                }
            )
        if not ahead and rng.random() < 0.7:
            decisions.append(
                {
                    "job_id": job_id,
                    "candidate_id": app_id,
                    "decision": rng.choice(("advance", "reject", "offer")),
                    "decided_by_id": users[2].id,
                }
            )
    for model, rows in ((Interview, interviews), (Scorecard, cards), (DebriefDecision, decisions)):
        for batch in _chunks(iter(rows)):
            db.session.execute(insert(model), batch)
    db.session.commit()
    print(
        f"seeded {len(interviews)} interviews, {len(cards)} scorecards, {len(decisions)} decisions"
    )


def time_page(app: Flask, path: str, repeat: int, expect: str = "", role: str = "admin") -> float:
    """The best server time of ``path`` for the signed-in user of ``role``, in ms."""
    client = app.test_client()
    response = client.post("/login", data={"email": _email(role), "password": PASSWORD})
    assert response.status_code == 302, response.status_code
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path)
        best = min(best, time.perf_counter() - started)
        assert response.status_code == 200 and expect in response.get_data(True)
    return best * 1000


def run(url: str, label: str, args: argparse.Namespace, *, seeded: bool = False) -> float:
    app = create_app(
        {
            "DATABASE_URL": url,
            "SECRET_KEY": "bench",
            "DEMO": False,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        if seeded:
            print(f"reusing the seeded database ({label})")
        else:
            upgrade()
            started = time.perf_counter()
            seed(args.applications, args.moves)
            seed_interviews(args.applications)
            print(f"seed {time.perf_counter() - started:.1f} s ({label})")
            if db.engine.dialect.name == "postgresql":
                # What autovacuum does soon after a bulk load on a running server.
                with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                    analyze_schema(c)
        admin = db.session.scalars(select(User).filter_by(email=_email("admin"))).one()
        for slug in REPORTS:
            if slug == "fairness" or not args.live:
                continue
            started = time.perf_counter()
            build(slug, admin, ReportFilter(), now=utcnow())
            print(f"report {slug} {1000 * (time.perf_counter() - started):.0f} ms ({label}, live)")
        started = time.perf_counter()
        refresh(now=utcnow())
        db.session.commit()
        print(f"hirekit reports refresh {time.perf_counter() - started:.1f} s ({label})")
        db.session.remove()
    # The index (headline figures) and every report; the fairness page has no
    # self-identification answers in this seeded history.
    for path in ["/reports/", *(f"/reports/{slug}" for slug in REPORTS)]:
        ms = time_page(app, path, args.repeat)
        print(f"page {path} {ms:.0f} ms ({label})")
    slowest = 0.0
    for role in ROLES:
        ms = time_page(app, "/dashboard", args.repeat, "Welcome", role)
        print(f"page /dashboard {ms:.0f} ms ({label}, {role})")
        slowest = max(slowest, ms)
    return slowest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--moves", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-live",
        dest="live",
        action="store_false",
        help="skip timing each report computed live (minutes at 100k on SQLite)",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="keep the seeded SQLite file in .cache/ and reuse it"
    )
    parser.add_argument(
        "--pg",
        default=os.environ.get("HIREKIT_BENCH_PG_URL")
        or os.environ.get("HIREKIT_TEST_DATABASE_URL", ""),
    )
    args = parser.parse_args()
    if args.pg:
        with private_schema(args.pg) as url:
            ms = run(url, "postgresql", args)
        print(f"dashboard {ms:.0f} ms (postgresql)")
    if args.reuse:
        ms = _run_reused(args)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            ms = run(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", "sqlite", args)
    print(f"dashboard {ms:.0f} ms (sqlite)")


def _run_reused(args: argparse.Namespace) -> float:
    """Time the SQLite database kept in ``.cache/``, seeding it first if missing.

    Seeding goes to a temporary name, renamed once complete, so an interrupted
    run never leaves a half-seeded file to be reused."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"reports-{args.applications}-{args.moves}.sqlite3"
    if path.exists():
        return run(f"sqlite:///{path}", "sqlite", args, seeded=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    ms = run(f"sqlite:///{partial}", "sqlite", args)
    partial.rename(path)
    return ms


if __name__ == "__main__":
    main()
