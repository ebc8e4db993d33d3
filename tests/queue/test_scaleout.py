"""Scale-out under a fault: 2 gunicorn web processes and 2 `hirekit worker` processes on
PostgreSQL and Redis; 200 resumes in bulk and 20 take-homes through the API; one worker
killed with SIGKILL mid-run. Every job finishes exactly once, nothing is lost, and no
temporary folder remains."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import psutil
import pytest
from sqlalchemy import func, select

from hirekit.extensions import db
from hirekit.queue import BackgroundJob
from hirekit.resumes.models import Resume, Screening
from hirekit.takehomes.models import Submission
from tests.conftest import PG_URL, REDIS_URL
from tests.engines.screening.screening_documents import text_pdf
from tests.queue.processes import HIREKIT, ROOT, kill_hard, start_worker, stop, wait_for
from tests.queue.processes import worker_env as process_env
from tests.resumes.samples import docx_resume, open_job, resume_lines, text_resume
from tests.takehomes.archives import APP, zip_bytes

pytestmark = [
    pytest.mark.scaleout,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.skipif(
        not (PG_URL and REDIS_URL),
        reason="needs HIREKIT_TEST_DATABASE_URL and HIREKIT_TEST_REDIS_URL",
    ),
]
RESUMES, BATCHES, TAKEHOMES = 200, 4, 20
GUNICORN = HIREKIT.parent / "gunicorn"


def _resume(n: int) -> tuple[str, bytes]:
    name, email = f"Person{n} Tester", f"person{n}@example.com"
    kind = n % 3
    if kind == 0:
        return f"p{n}.txt", text_resume(name, email)
    if kind == 1:
        return f"p{n}.docx", docx_resume(name, email)
    lines = resume_lines(name, email)
    return f"p{n}.pdf", text_pdf([(72, 740 - 14 * i, line) for i, line in enumerate(lines)])


def _takehome(n: int) -> bytes:
    files = {**APP, "app/extra.py": f"VALUE = {n}\n\n\ndef value():\n    return VALUE\n"}
    return zip_bytes(files, top=f"takehome{n}/")


def _multipart(parts: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = io.BytesIO()
    for field, filename, data in parts:
        body.write(f"--{boundary}\r\n".encode())
        body.write(
            f'Content-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
        )
        body.write(data + b"\r\n")
    body.write(f"--{boundary}--\r\n".encode())
    return body.getvalue(), f"multipart/form-data; boundary={boundary}"


def _post(base: str, path: str, token: str, parts: list[tuple[str, str, bytes]]) -> Any:
    data, content_type = _multipart(parts)
    request = urllib.request.Request(
        base + path,
        data=data,
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": content_type},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status in (201, 202), response.status
        return json.loads(response.read())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_web(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [str(GUNICORN), "-w", "1", "-b", f"127.0.0.1:{port}", "hirekit:create_app()"],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _answers(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _count(statement: Any) -> int:
    db.session.rollback()
    return int(db.session.scalar(statement) or 0)


def _running_owners() -> list[str]:
    db.session.rollback()
    return list(
        db.session.scalars(
            select(BackgroundJob.lease_owner).where(
                BackgroundJob.status == "running", BackgroundJob.lease_owner.is_not(None)
            )
        )
    )


def _worker_of(owner: str, workers: list[subprocess.Popen[bytes]]) -> Any:
    """The worker whose process (or work horse) holds lease ``owner`` (host:pid:random)."""
    pid = int(owner.split(":")[1])
    for worker in workers:
        family = {worker.pid, *(c.pid for c in psutil.Process(worker.pid).children(True))}
        if pid in family:
            return worker
    return None


@pytest.mark.parametrize("app_factory", ["postgresql"], indirect=True)
def test_two_web_and_two_worker_processes_survive_a_killed_worker(app_factory, tmp_path):
    settings = {
        "REDIS_URL": REDIS_URL,
        "QUEUE_NAME": f"hirekit-scaleout-{uuid.uuid4().hex[:8]}",
        "JOB_LEASE_SECONDS": 3,
        "JOB_HEARTBEAT_SECONDS": 0.5,
        "JOB_RETRY_BACKOFF_SECONDS": 0,
        "JOB_MAX_ATTEMPTS": 5,
    }
    app = app_factory(**settings)
    with app.app_context():
        from hirekit.accounts import services

        user = services.create_user("recruiter@example.com", "recruiter", "correct-horse-42")
        token = services.create_token(user, "scale-out").secret
        job_id = open_job(user).id
        db.session.commit()

    # one temporary folder for every process of this "machine", as /tmp would be
    env = process_env(app, tmp_path, **settings)
    tmp = Path(env["TMPDIR"])
    ports = [_free_port(), _free_port()]
    webs = [_start_web(env, port, tmp_path / f"web{i}.log") for i, port in enumerate(ports)]
    workers = [start_worker(env, tmp_path / f"worker{i}.log") for i in range(2)]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for base in bases:
            wait_for(lambda base=base: _answers(base), 60, f"{base} to answer")
        per_batch = RESUMES // BATCHES
        for b in range(BATCHES):
            files = [_resume(n) for n in range(b * per_batch, (b + 1) * per_batch)]
            parts = [("files", name, data) for name, data in files]
            _post(bases[b % 2], f"/api/v1/jobs/{job_id}/resumes", token, parts)
        for n in range(TAKEHOMES):
            parts = [("archive", f"takehome{n}.zip", _takehome(n))]
            _post(bases[n % 2], f"/api/v1/reviews?job_id={job_id}", token, parts)

        with app.app_context():
            # SIGKILL the worker (and its work horse) that holds a running job's lease
            victim_owner = None
            deadline = time.monotonic() + 60
            while victim_owner is None and time.monotonic() < deadline:
                for owner in _running_owners():
                    if _worker_of(owner, workers) is not None:
                        victim_owner = owner
                        break
                else:
                    time.sleep(0.05)
            assert victim_owner, "no job was seen running"
            victim = _worker_of(victim_owner, workers)
            kill_hard(victim)
            survivor = next(w for w in workers if w is not victim)

            total = _count(select(func.count()).select_from(BackgroundJob))
            done = select(func.count()).where(BackgroundJob.status == "done")
            wait_for(lambda: _count(done) == total, 120, "every job to finish")

            jobs = db.session.scalars(select(BackgroundJob)).all()
            assert total >= BATCHES + TAKEHOMES
            assert {j.status for j in jobs} == {"done"}
            assert all(j.lease_owner is None for j in jobs)
            retried = [j for j in jobs if j.attempts > 1]
            assert retried, "the killed worker's job was not retried"
            assert all(j.error == "" for j in jobs)
            # nothing lost, nothing twice
            assert _count(select(func.count()).select_from(Resume)) == RESUMES
            assert _count(select(func.count()).where(Resume.status == "screened")) == RESUMES
            assert _count(select(func.count()).select_from(Screening)) == RESUMES
            assert _count(select(func.count(func.distinct(Screening.resume_id)))) == RESUMES
            submissions = db.session.scalars(select(Submission)).all()
            assert len(submissions) == TAKEHOMES
            assert {s.status for s in submissions} == {"reviewed"}
            assert all(s.report and s.score is not None for s in submissions)
        workers = [survivor]
    finally:
        for process in [*workers, *webs]:
            if process.poll() is None:
                try:
                    stop(process)
                except subprocess.TimeoutExpired:
                    kill_hard(process)
        with app.app_context():
            from hirekit.queue.enqueue import backend

            backend().queue.delete(delete_jobs=True)
    # the survivor swept the killed worker's folder; its own went as it stopped
    assert sorted(p.name for p in tmp.rglob("hirekit-*")) == []
