"""Time the candidate search and a crowded job board over a large, made-up population.

Seeds 100,000 fictional candidates (names, ``@example.com`` emails, phones,
tags, notes, applications, screened resumes with fit and flags; resume text
stored as ``hirekit.search.index_candidate_text`` stores it, in bulk) into
a fresh database built by the migrations. Then, signed in as a recruiter:

* runs the candidate search service (``hirekit.candidates.search``) over a
  set of realistic queries -- one word, two words, with and without filters --
  fetching the first page with its tags, as the search page does, and prints
  p50/p95 latency (target: p95 under 30 ms);
* requests ``/jobs/<id>/board`` for a job with 2,000 applications through the
  test client and prints the server time, best of ``--repeat`` (target: under
  300 ms).

Runs on SQLite, and on PostgreSQL too when ``HIREKIT_TEST_DATABASE_URL`` is
set (in a private schema, dropped at the end). The last line reads
``search p95 N ms (sqlite)``.

    python bench/search.py [--candidates N] [--board N] [--repeat N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from flask_migrate import upgrade
from pg_schema import analyze_schema, private_schema
from sqlalchemy import insert, select, text

from hirekit import create_app
from hirekit.accounts import services as accounts
from hirekit.accounts.models import User
from hirekit.candidates.choices import SOURCES
from hirekit.candidates.models import Application, Candidate, CandidateTag, Note
from hirekit.candidates.search import SearchFilters, search_query
from hirekit.extensions import db
from hirekit.jobs.choices import DEFAULT_STAGES
from hirekit.jobs.models import Job, Stage
from hirekit.resumes.models import Resume, Screening
from hirekit.search.index import MAX_BODY, NOTES, PROFILE, RESUME, profile_body
from hirekit.search.models import SearchDocument

PASSWORD = "bench-password-42"
RECRUITER = "recruiter@bench.example.com"
START = datetime(2024, 1, 1, tzinfo=UTC)
CHUNK = 10_000
PAGE = 50

FIRST = [
    "Amara",
    "Bastien",
    "Chiara",
    "Dmitri",
    "Elif",
    "Farid",
    "Greta",
    "Hiro",
    "Ines",
    "Jonas",
    "Kavya",
    "Lukas",
    "Mireille",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sanjay",
    "Tamsin",
    "Ugo",
    "Valeria",
    "Wren",
    "Xiadani",
    "Yusuf",
    "Zofia",
    "Ayla",
    "Bram",
    "Celeste",
    "Dario",
    "Esme",
    "Fionn",
    "Gideon",
    "Halima",
    "Ivo",
    "Juno",
    "Kenji",
    "Leonie",
    "Matteo",
    "Noor",
    "Orla",
    "Pavel",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Castellano",
    "Nakamura",
    "Haddad",
    "Petrov",
    "Oyelaran",
    "Brennan",
    "Vasquez",
    "Kowalski",
    "Achterberg",
    "Delacroix",
    "Ferreira",
    "Grimaldi",
    "Halvorsen",
    "Iwasaki",
    "Jankowski",
    "Kiplagat",
    "Larrabee",
    "Mbeki",
    "Novotny",
    "Ostrander",
    "Quinlan",
    "Rautio",
    "Szabo",
    "Tanaka",
    "Underhill",
    "Vidal",
    "Wojcik",
    "Yilmaz",
    "Zeller",
]
SKILLS = [
    "flask",
    "sqlalchemy",
    "postgresql",
    "celery",
    "redis",
    "pytest",
    "docker",
    "kubernetes",
    "fastapi",
    "django",
    "htmx",
    "alembic",
    "marshmallow",
    "jinja2",
    "gunicorn",
    "nginx",
    "terraform",
    "graphql",
    "react",
    "typescript",
    "asyncio",
    "rabbitmq",
    "elasticsearch",
    "aws",
    "gcp",
    "mypy",
    "ruff",
    "openapi",
    "oauth",
    "websockets",
    "pandas",
]
TAGS = [
    "senior",
    "junior",
    "remote",
    "relocate",
    "referral-bonus",
    "backend",
    "fullstack",
    "api-first",
    "on-hold",
]
COMPANIES = (
    "Northwind Logistics",
    "Blue Heron Analytics",
    "Quillfeather Media",
    "Tidewater Health",
    "Copperleaf Energy",
    "Lanternfish Games",
    "Marigold Payments",
    "Oakridge Learning",
)
ROLES = ("backend developer", "Python engineer", "software engineer", "platform engineer")
WORK = (
    "built a REST API with {a} and {b} serving mobile clients",
    "moved a monolith to {a} services behind {b}",
    "wrote {a} tests and cut the release time in half",
    "ran {a} workers on {b} for nightly billing jobs",
    "designed the {a} schema and its migrations with {b}",
    "added {a} type checks and {b} linting to the build",
)
NOTES_TEXT = (
    "Phone screen went well; strong on {a}, a little light on {b}.",
    "Asked about remote work and notice period (two months).",
    "Referred by a former colleague; prefers {a} projects.",
    "Take-home was tidy; good use of {a}.",
)
FITS = ("strong", "possible", "possible", "no", "no")
GREEN = (
    "production_scale",
    "blueprints_or_factory",
    "flask_extensions",
    "api_design",
    "database_integration",
    "testing",
)
YELLOW = ("tutorial_only", "no_structure", "generic_python", "no_testing")
USE_CASES = ("rest-api", "microservices", "full-stack")


@dataclass(frozen=True)
class Query:
    label: str
    filters: SearchFilters


def _chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def _bulk(model: Any, rows: list[dict[str, Any]]) -> None:
    for batch in _chunks(rows):
        db.session.execute(insert(model), batch)


def _jobs(count: int, creator_id: int) -> list[list[int]]:
    """Jobs with the default pipeline; returns each job's stage ids."""
    stages: list[list[int]] = []
    for j in range(count):
        job = Job(
            title=f"{('Flask', 'Python API', 'Backend')[j % 3]} developer {j + 1}",
            team=("Platform", "Data", "Growth")[j % 3],
            use_case=USE_CASES[j % 3],
            level="mid",
            state="open",
            created_by_id=creator_id,
            created_at=START + timedelta(days=5 * j),
        )
        job.stages = [
            Stage(name=n, kind=k.value, position=i) for i, (n, k) in enumerate(DEFAULT_STAGES)
        ]
        db.session.add(job)
        db.session.flush()
        stages.append([s.id for s in job.stages])
    db.session.commit()
    return stages


def _resume_text(rng: random.Random, name: str, email: str) -> str:
    lines = [name, email, f"{rng.choice(ROLES).capitalize()}, {rng.randint(1, 15)} years."]
    for company in rng.sample(COMPANIES, 3):
        lines.append(f"{company}, {rng.choice(ROLES)} ({rng.randint(2012, 2024)})")
        for _ in range(3):
            a, b = rng.sample(SKILLS, 2)
            lines.append("- " + rng.choice(WORK).format(a=a, b=b))
    lines.append("Skills: " + ", ".join(rng.sample(SKILLS, 8)))
    return "\n".join(lines)


def _flags(rng: random.Random) -> dict[str, Any]:
    def pick(ids: tuple[str, ...], n: int) -> list[dict[str, Any]]:
        return [{"flag": f, "evidence": "", "confidence": 0.8} for f in rng.sample(ids, n)]

    return {"green": pick(GREEN, rng.randint(0, 3)), "yellow": pick(YELLOW, rng.randint(0, 2))}


def seed(count: int, board: int, jobs: int = 20) -> dict[str, Any]:
    """Fill the database; returns what the queries refer to (a job, a stage, a name...)."""
    rng = random.Random(11)
    recruiter = accounts.create_user(RECRUITER, "recruiter", PASSWORD, name="Rae Bench")
    db.session.commit()
    stages = _jobs(jobs, recruiter.id)
    people, tags, notes, apps, resumes, screenings, profiles, note_docs = ([] for _ in range(8))
    resume_texts: list[tuple[int, str]] = []
    for i in range(1, count + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name, email = f"{first} {last}", f"{first}.{last}{i}@example.com".lower()
        phone, source = f"+4420{rng.randint(10_000_000, 99_999_999)}", rng.choice(SOURCES)
        created = START + timedelta(minutes=5 * i + rng.randint(0, 4))
        people.append(
            dict(
                id=i,
                name=name,
                email=email,
                phone=phone,
                source=source,
                links=[],
                created_at=created,
            )
        )
        mine = rng.sample(TAGS, rng.randint(0, 3))
        tags += [{"candidate_id": i, "tag": t} for t in mine]
        profiles.append(
            {
                "candidate_id": i,
                "kind": PROFILE,
                "body": profile_body(name, email, phone, source, mine),
            }
        )
        if rng.random() < 0.4:
            a, b = rng.sample(SKILLS, 2)
            body = rng.choice(NOTES_TEXT).format(a=a, b=b)
            notes.append({"candidate_id": i, "body": body, "created_at": created})
            note_docs.append({"candidate_id": i, "kind": NOTES, "body": body})
        job = 0 if i <= board else 1 + i % (jobs - 1)
        apps.append(
            {
                "id": i,
                "candidate_id": i,
                "job_id": job + 1,
                "stage_id": rng.choice(stages[job][:5]),
                "status": rng.choice(("active", "active", "active", "rejected", "withdrawn")),
                "created_at": created,
                "stage_entered_at": created + timedelta(days=rng.randint(0, 30)),
            }
        )
        if rng.random() < 0.8:
            resume = _resume_text(rng, name, email)
            resume_texts.append((i, resume))
            digest = hashlib.sha256(resume.encode()).hexdigest()
            resumes.append(
                dict(
                    id=i,
                    candidate_id=i,
                    job_id=job + 1,
                    file_key=f"bench/{i}.txt",
                    filename=f"{last.lower()}-cv.txt",
                    size=len(resume),
                    sha256=digest,
                    content_type="text/plain",
                    status="screened",
                    created_at=created,
                )
            )
            screenings.append(
                dict(
                    resume_id=i,
                    candidate_id=i,
                    use_case=USE_CASES[job % 3],
                    current=True,
                    score=rng.randint(10, 95),
                    fit=rng.choice(FITS),
                    flags=_flags(rng),
                    screened_at=created + timedelta(hours=2),
                )
            )
    for model, rows in (
        (Candidate, people),
        (CandidateTag, tags),
        (Note, notes),
        (Application, apps),
        (Resume, resumes),
        (Screening, screenings),
        (SearchDocument, profiles + note_docs),
    ):
        _bulk(model, rows)
    # The rows index_candidate_text writes, inserted in bulk: one statement per
    # resume took 12 minutes on PostgreSQL. The database's own full-text index
    # (FTS5 triggers, generated tsvector) is built from them the same way.
    _bulk(
        SearchDocument,
        [
            {"candidate_id": i, "kind": RESUME, "body": " ".join(text_.split())[:MAX_BODY]}
            for i, text_ in resume_texts
        ],
    )
    db.session.commit()
    print(
        f"seeded {count} candidates, {len(apps)} applications, {len(notes)} notes, "
        f"{len(resume_texts)} indexed resumes"
    )
    return {"job_id": 1, "stage_id": stages[1][2], "name": people[count // 2]["name"]}


def queries(ref: dict[str, Any]) -> list[Query]:
    last, first = ref["name"].split()[1].lower(), ref["name"].split()[0].lower()
    since = date(2024, 6, 1)
    q = SearchFilters
    return [
        Query("one word", q(text="flask")),
        Query("one word", q(text="kubernetes")),
        Query("one word, a surname", q(text=last)),
        Query("one word, a prefix", q(text="sqlalch")),
        Query("one word, rare", q(text="xiadani")),
        Query("two words, a name", q(text=f"{first} {last}")),
        Query("two words", q(text="celery redis")),
        Query("two words", q(text="pytest docker")),
        Query("two words, common", q(text="python developer")),
        Query("word + job", q(text="flask", job_id=ref["job_id"])),
        Query("word + stage", q(text="postgresql", stage_id=ref["stage_id"])),
        Query("word + fit", q(text="django", fit="strong")),
        Query("word + flag", q(text="flask", flag="testing")),
        Query("word + source", q(text="api", source="referral")),
        Query("word + tag", q(text="pytest", tag="remote")),
        Query(
            "word + dates", q(text="celery", applied_since=since, applied_until=date(2024, 7, 1))
        ),
        Query(
            "two words + fit + flag", q(text="flask sqlalchemy", fit="strong", flag="api_design")
        ),
        Query("fit + source, no words", q(fit="possible", source="linkedin")),
        Query("job + stage + tag, no words", q(job_id=2, stage_id=None, tag="senior")),
    ]


def time_search(
    user_email: str, checks: list[Query], repeat: int, label: str
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU time (this process) of each search, in ms.

    On SQLite the whole search runs in this process, so its CPU time is what the
    search costs however loaded the host is; on PostgreSQL it is the client's share.
    """
    user = db.session.scalars(select(User).where(User.email == user_email)).one()
    samples: list[float] = []
    cpu: list[float] = []
    for check in checks:
        runs = []
        for _ in range(repeat):
            db.session.expire_all()
            started, cpu_started = time.perf_counter(), time.process_time()
            found = list(db.session.scalars(search_query(user, check.filters).limit(PAGE)))
            for candidate in found:
                candidate.tag_names  # noqa: B018 -- the page shows every tag
            runs.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        samples += runs
        print(f"  {check.label:<28} {len(found):>3} found  {min(runs):6.1f} ms ({label})")
    return samples, cpu


def time_board(app: Flask, job_id: int, repeat: int) -> float:
    client = app.test_client()
    response = client.post("/login", data={"email": RECRUITER, "password": PASSWORD})
    assert response.status_code == 302, response.status_code
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(f"/jobs/{job_id}/board")
        best = min(best, time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return best * 1000


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(url: str, label: str, args: argparse.Namespace) -> float:
    """Seed, print every figure for this database; returns the search p95 in ms."""
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
        upgrade()
        started = time.perf_counter()
        ref = seed(args.candidates, args.board)
        print(f"seed {time.perf_counter() - started:.1f} s ({label})")
        # Fresh statistics, as autovacuum (PostgreSQL) or a scheduled ANALYZE
        # (SQLite) would have them on a database this size.
        if db.engine.dialect.name == "postgresql":
            analyze_schema(db.session.connection())
        else:
            db.session.execute(text("ANALYZE"))
        db.session.commit()
        samples, cpu = time_search(RECRUITER, queries(ref), args.repeat, label)
        db.session.remove()
    p50, p95 = statistics.median(samples), percentile(samples, 0.95)
    board_ms = time_board(app, ref["job_id"], args.repeat)
    print(f"board {board_ms:.0f} ms ({label}, {args.board} applications)")
    print(f"search p50 {p50:.1f} ms ({label})")
    share = "" if label == "sqlite" else ", the client's share"
    print(
        f"search CPU time p50 {statistics.median(cpu):.1f} ms, "
        f"p95 {percentile(cpu, 0.95):.1f} ms ({label}{share})"
    )
    return p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--board", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pg = os.environ.get("HIREKIT_TEST_DATABASE_URL", "")
    if pg:
        with private_schema(pg) as url:
            p95 = run(url, "postgresql", args)
        print(f"search p95 {p95:.0f} ms (postgresql)")
    with tempfile.TemporaryDirectory() as tmp:
        p95 = run(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", "sqlite", args)
    print(f"search p95 {p95:.0f} ms (sqlite)")


if __name__ == "__main__":
    main()
