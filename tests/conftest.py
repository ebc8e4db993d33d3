"""Shared fixtures: an app on a real, isolated database per test (SQLite, and
PostgreSQL too when HIREKIT_TEST_DATABASE_URL is set), its client and CLI runner."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme
from argon2 import PasswordHasher, profiles
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from flask_migrate import upgrade
from sqlalchemy import Engine, create_engine, event, text

from hirekit import create_app
from hirekit.accounts import passwords
from hirekit.extensions import db as _db
from tests.app_pool import AppPool, empty_folder, reset_sqlite
from tests.pg_reset import SchemaReset
from tests.resume_corpus import ENV as CORPUS_ENV
from tests.resume_corpus import full_corpus_or_none
from tests.table_rows import SHARED_ROWS_ENV

# Every test user's password is hashed; argon2's cheapest work factors keep that
# from dominating the suite. The production factors are tested on their own
# (tests/accounts/test_passwords.py).
passwords.use_hasher(PasswordHasher.from_parameters(profiles.CHEAPEST))

PG_URL = os.environ.get("HIREKIT_TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("HIREKIT_TEST_REDIS_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
PASSWORD = "correct-horse-42"

BASE_CONFIG: dict[str, Any] = {
    "TESTING": True,
    "SECRET_KEY": "test-secret-key",
    "DEMO": False,
    "JOB_RETRY_BACKOFF_SECONDS": 0.0,
    "TASK_MODULE_PREFIXES": ["hirekit.", "tests."],
    # The pages' scripts wait this long (polling, pauses after typing): the browser tests
    # would otherwise spend seconds waiting for timers meant for people.
    "UI_POLL_MS": 100,
    "UI_DEBOUNCE_MS": 100,
}


def _needs_resume_corpus(item: pytest.Item) -> bool:
    return any("resumes" in mark.args for mark in item.iter_markers("corpus"))


_NO_CORPUS = (
    f"{CORPUS_ENV} is unset: tests marked corpus('resumes') were deselected"
    " (the shipped sample in tests/fixtures/resume_sample ran)"
)


def pytest_report_header(config: pytest.Config) -> str:
    corpus = full_corpus_or_none()
    return f"resume corpus: {corpus}" if corpus else _NO_CORPUS


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if full_corpus_or_none() is None:
        terminalreporter.write_line(_NO_CORPUS)


# Markers of tests that take long, longest first: tens of seconds each (several
# processes, schemathesis), then real corpora and sandboxed runs, then Chromium.
LONG_RUNNING = (("scaleout", "slow"), ("corpus", "sandbox"), ("browser",))


def _start_rank(item: pytest.Item) -> int:
    for rank, markers in enumerate(LONG_RUNNING):
        if any(item.get_closest_marker(name) for name in markers):
            return rank
    return len(LONG_RUNNING)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect (never pass) tests that need the full resume corpus when it is not set,
    and run long tests first.

    pytest-xdist hands out tests in this order (the Makefile asks for two at a time), so
    the long ones spread over the workers from the start and the run never ends with one
    worker finishing a 50-second test while the others wait. The sort is stable: files
    and their fixtures stay together.
    """
    if full_corpus_or_none() is None:
        deselected = [item for item in items if _needs_resume_corpus(item)]
        if deselected:
            items[:] = [item for item in items if not _needs_resume_corpus(item)]
            config.hook.pytest_deselected(items=deselected)
    items.sort(key=_start_rank)


# The runner virtualenvs of the sandboxed tests: one folder for the whole run, made by the
# controlling process and handed to the xdist workers through the environment, so the base
# venv (5 s of pip) is built once per run instead of once per worker and test folder.
# The engine's own lock keeps two workers from building the same one.
_VENVS_ENV = "TESTS_RUNNER_VENVS"


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    if not _is_worker(config):
        # The sandbox may run as another uid: the folder must be traversable.
        path = tempfile.mkdtemp(prefix="hirekit-test-venvs-", dir="/tmp")
        os.chmod(path, 0o755)
        os.environ[_VENVS_ENV] = path
        # Data sets built once per run and copied into tests' databases (tests/table_rows.py).
        os.environ[SHARED_ROWS_ENV] = tempfile.mkdtemp(prefix="hirekit-test-rows-")


def pytest_unconfigure(config: pytest.Config) -> None:
    if not _is_worker(config):
        shutil.rmtree(os.environ.pop(_VENVS_ENV, ""), ignore_errors=True)
        shutil.rmtree(os.environ.pop(SHARED_ROWS_ENV, ""), ignore_errors=True)


@pytest.fixture(scope="session")
def venv_cache() -> Path:
    """The run's runner-venv folder, the base venv ready in it."""
    from hirekit.engines.sandbox.bwrap import probe
    from hirekit.engines.sandbox.limits import DEFAULT_SANDBOX_UID
    from hirekit.engines.sandbox.venv import default_python, runner_venv

    problem = probe(DEFAULT_SANDBOX_UID)
    if problem is not None:
        pytest.fail(f"the sandbox tests need bubblewrap with user namespaces: {problem}")
    cache = Path(os.environ[_VENVS_ENV])
    runner_venv(None, cache, default_python())
    return cache


class RequestScopedClient(FlaskClient):
    """Each request in its own app context, as in a real server.

    Tests hold an app context open for their own database work; without this,
    requests would share its ``g`` (and with it the signed-in user).
    """

    def open(self, *args: Any, **kwargs: Any) -> Any:
        with self.application.app_context():
            return super().open(*args, **kwargs)


@event.listens_for(Engine, "connect")
def _sqlite_without_fsync(dbapi_connection: Any, _record: Any) -> None:
    """Test databases are copies thrown away after each test: no commit waits for fsync.

    With SQLite's default (synchronous=FULL) every commit cost 5-9 ms of fsync here;
    what other connections see, and when, is unchanged.
    """
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous = OFF")


def _psycopg_url(url: str) -> str:
    return re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built once by the migrations; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "hirekit.sqlite3"
    app = create_app({**BASE_CONFIG, "DATABASE_URL": f"sqlite:///{path}"})
    with app.app_context():
        upgrade()
        _db.engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[str]:
    """A private schema in the test database, migrated once, dropped at the end."""
    schema = f"hk_{uuid.uuid4().hex[:10]}"
    base = _psycopg_url(PG_URL)
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    # A test database is thrown away, so no commit waits for its WAL to reach the disk
    # (2-4 ms a commit here; visibility and locking are unchanged).
    url = f"{base}{sep}options=-csearch_path%3D{schema}%20-csynchronous_commit%3Doff"
    app = create_app({**BASE_CONFIG, "DATABASE_URL": url})
    with app.app_context():
        upgrade()
        _db.engine.dispose()
    yield url
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture(scope="session")
def pg_reset(pg_schema_url: str) -> Iterator[SchemaReset]:
    """Empties the private schema before each PostgreSQL test (see tests/pg_reset.py)."""
    engine = create_engine(pg_schema_url)
    reset = SchemaReset(engine, [t.name for t in _db.metadata.sorted_tables])
    reset.quiet_autovacuum()
    yield reset
    engine.dispose()


def _database_url(backend: str, request: pytest.FixtureRequest, folder: Path) -> str:
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        copy = folder / "hirekit.sqlite3"
        reset_sqlite(template, copy)
        return f"sqlite:///{copy}"
    url: str = request.getfixturevalue("pg_schema_url")
    reset: SchemaReset = request.getfixturevalue("pg_reset")
    reset()
    return url


def _build(config: dict[str, Any]) -> Flask:
    app = create_app(config)
    app.test_client_class = RequestScopedClient
    return app


@pytest.fixture(scope="session")
def app_pool() -> AppPool:
    return AppPool(_build)


@pytest.fixture(scope="session")
def lent_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database file and upload folder every lent app of this process uses."""
    return tmp_path_factory.mktemp("lent")


@pytest.fixture(params=BACKENDS)
def app_factory(
    request: pytest.FixtureRequest, app_pool: AppPool, lent_folder: Path
) -> Iterator[Callable[..., Flask]]:
    """Apps on this test's fresh database; extra config as keyword arguments."""
    yield from lend_apps(request.param, request, app_pool, lent_folder)


def lend_apps(
    backend: str, request: pytest.FixtureRequest, app_pool: AppPool, lent_folder: Path
) -> Iterator[Callable[..., Flask]]:
    """The body of ``app_factory`` for one backend (a folder may choose its backends)."""
    url = _database_url(backend, request, lent_folder)
    uploads = lent_folder / "uploads"
    empty_folder(uploads)
    made: list[Flask] = []

    def make(*, fresh: bool = False, **overrides: Any) -> Flask:
        """``fresh=True`` builds an app of this test's own, for a test that adds routes to it."""
        config = {**BASE_CONFIG, "DATABASE_URL": url, "UPLOAD_DIR": str(uploads), **overrides}
        app = _build(config) if fresh else app_pool.lend(config, made)
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            _db.session.remove()
            _db.engine.dispose()


@pytest.fixture
def app(app_factory: Callable[..., Flask]) -> Iterator[Flask]:
    app = app_factory()
    with app.app_context():
        yield app


@pytest.fixture
def demo_copy(app: Flask) -> None:
    """The demo organisation, loaded by ``load_demo`` once per run and backend; each test
    that only reads it gets a copy of its rows and uploaded files (a load takes 1-8 s)."""
    from hirekit.demo import load_demo
    from tests.table_rows import copy_of

    def load() -> None:
        load_demo()
        _db.session.commit()

    copy_of("demo", load, files=Path(app.config["UPLOAD_DIR"]))


@pytest.fixture
def db(app: Flask) -> Any:
    return _db


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def make_user(app: Flask) -> Callable[..., Any]:
    from hirekit.accounts import services

    def make(
        role: str = "recruiter", email: str | None = None, password: str = PASSWORD, name: str = ""
    ) -> Any:
        user = services.create_user(
            email or f"{role}-{uuid.uuid4().hex[:6]}@example.com", role, password, name=name
        )
        _db.session.commit()
        return user

    return make


def csrf_token(client: FlaskClient, path: str) -> str:
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def login(client: FlaskClient, email: str, password: str = PASSWORD) -> Any:
    token = csrf_token(client, "/login")
    return client.post("/login", data={"email": email, "password": password, "csrf_token": token})


@pytest.fixture
def login_as(client: FlaskClient, make_user: Callable[..., Any]) -> Callable[..., Any]:
    """Create a user of ``role`` and sign the test client in as them."""

    def do(role: str = "recruiter") -> Any:
        user = make_user(role)
        response = login(client, user.email)
        assert response.status_code == 302, response.get_data(as_text=True)
        return user

    return do


@pytest.fixture
def api_token(make_user: Callable[..., Any]) -> Callable[..., tuple[Any, dict[str, str]]]:
    """A user of ``role`` and the Authorization header of a fresh token of theirs."""
    from hirekit.accounts import services

    def do(role: str = "recruiter") -> tuple[Any, dict[str, str]]:
        user = make_user(role)
        issued = services.create_token(user, "tests")
        _db.session.commit()
        return user, {"Authorization": f"Bearer {issued.secret}"}

    return do


@pytest.fixture
def authority(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> trustme.CA:
    """A throwaway certificate authority, the only one TLS clients trust meanwhile."""
    ca = trustme.CA()
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    return ca
