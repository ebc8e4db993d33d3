"""The application factory assembles only; configuration fails fast and clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

import hirekit
from hirekit import DOMAINS, create_app
from hirekit.config import ConfigError, ensure_secret_key_file


def test_factory_registers_every_domain_blueprint(app):
    assert {"main", "accounts", "admin", "guides", "queue", "accounts_api", "guides_api"} <= set(
        app.blueprints
    )


def test_every_domain_package_is_listed_once_and_registers_itself(tmp_path):
    """A package beside the shared modules is a domain (engines, migrations and the
    demo data aside); the factory lists each once and calls its ``init_app``."""
    root = Path(hirekit.__file__).parent
    packages = {
        p.name
        for p in root.iterdir()
        if (p / "__init__.py").is_file() and p.name not in {"engines", "migrations", "demo"}
    }
    assert sorted(DOMAINS) == sorted(packages)
    assert len(set(DOMAINS)) == len(DOMAINS)
    app = create_app({"SECRET_KEY": "k", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    # One blueprint or command group from each domain that has pages, API or commands.
    assert {
        "main",
        "admin",
        "careers",
        "interviews_debriefs",
        "reports_selfid",
        "takehomes_invitations",
    } <= set(app.blueprints)
    assert {"audit_api", "candidates_applications_api", "takehomes_invitations_api"} <= set(
        app.blueprints
    )
    assert {"users", "audit", "interviews", "retention"} <= set(app.cli.commands)


def test_factory_creates_no_database(tmp_path):
    target = tmp_path / "never.sqlite3"
    create_app({"SECRET_KEY": "k", "DATABASE_URL": f"sqlite:///{target}"})
    assert not target.exists()


def test_environment_overrides_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("HIREKIT_LOGIN_RATE_LIMIT", "7 per minute")
    monkeypatch.setenv("HIREKIT_MAX_UPLOAD_MB", "3")
    app = create_app({"SECRET_KEY": "k", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    assert app.config["LOGIN_RATE_LIMIT"] == "7 per minute"
    assert app.config["MAX_CONTENT_LENGTH"] == 3 * 1024 * 1024


def test_embedded_default_lives_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("HIREKIT_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SECRET_KEY": "k"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'hirekit.sqlite3'}"
    assert app.config["UPLOAD_DIR"] == str(tmp_path / "uploads")


def test_postgres_url_selects_psycopg(tmp_path):
    app = create_app({"SECRET_KEY": "k", "DATABASE_URL": "postgresql://u@db/hk"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db/hk"


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        (
            {"DATABASE_URL": "mysql://x"},
            "HIREKIT_DATABASE_URL must be a sqlite:// or postgresql://",
        ),
        ({"MAX_UPLOAD_MB": "lots"}, "HIREKIT_MAX_UPLOAD_MB must be a number"),
        ({"MAX_UPLOAD_MB": 0}, "HIREKIT_MAX_UPLOAD_MB must be a positive"),
        ({"REVIEW_TIMEOUT_SECONDS": -1}, "HIREKIT_REVIEW_TIMEOUT_SECONDS must be a positive"),
        ({"EMBEDDED_WORKER": "maybe"}, "HIREKIT_EMBEDDED_WORKER must be true or false"),
        ({"JOB_MAX_ATTEMPTS": 0}, "HIREKIT_JOB_MAX_ATTEMPTS must be a positive"),
    ],
)
def test_bad_settings_fail_with_one_clear_line(overrides, fragment, tmp_path):
    with pytest.raises(ConfigError) as caught:
        create_app({"SECRET_KEY": "k", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db", **overrides})
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_secret_key_names_the_fix(monkeypatch, tmp_path):
    monkeypatch.delenv("HIREKIT_SECRET_KEY", raising=False)
    monkeypatch.setenv("HIREKIT_INSTANCE_PATH", str(tmp_path))
    with pytest.raises(ConfigError, match="HIREKIT_SECRET_KEY"):
        create_app()


def test_secret_key_is_generated_once_into_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("HIREKIT_SECRET_KEY", raising=False)
    monkeypatch.setenv("HIREKIT_INSTANCE_PATH", str(tmp_path))
    ensure_secret_key_file(tmp_path)
    first = (tmp_path / "secret_key").read_text()
    ensure_secret_key_file(tmp_path)
    assert (tmp_path / "secret_key").read_text() == first
    assert len(first) >= 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert create_app().config["SECRET_KEY"] == first


def test_secret_key_is_never_a_literal_in_the_code():
    source = Path(__file__).parents[1] / "src" / "hirekit"
    for path in source.rglob("*.py"):
        assert 'SECRET_KEY = "' not in path.read_text(), path


def test_requests_carry_a_request_id(client):
    response = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert response.headers["X-Request-ID"] == "abc-123"
    generated = client.get("/healthz").headers["X-Request-ID"]
    assert len(generated) == 32
    hostile = client.get("/healthz", headers={"X-Request-ID": "<script>" + "a" * 100})
    assert hostile.headers["X-Request-ID"] != "<script>" + "a" * 100
    assert len(hostile.headers["X-Request-ID"]) == 32


def test_security_headers_on_pages_and_api(client):
    for path in ("/login", "/api/v1/me"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "unsafe-inline" not in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"


def test_health_and_readiness(client, app_factory):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200
    broken = app_factory(DATABASE_URL="sqlite:////nonexistent-dir/x.sqlite3").test_client()
    response = broken.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "unavailable"


def test_the_audit_key_lives_beside_the_secret_key_not_in_the_database(monkeypatch, tmp_path):
    monkeypatch.delenv("HIREKIT_SECRET_KEY", raising=False)
    monkeypatch.delenv("HIREKIT_AUDIT_KEY", raising=False)
    monkeypatch.setenv("HIREKIT_INSTANCE_PATH", str(tmp_path))
    ensure_secret_key_file(tmp_path)
    audit_key = (tmp_path / "audit_key").read_text()
    assert len(audit_key) >= 40 and audit_key != (tmp_path / "secret_key").read_text()
    assert (tmp_path / "audit_key").stat().st_mode & 0o077 == 0
    assert create_app().config["AUDIT_KEY"] == audit_key
    monkeypatch.setenv("HIREKIT_AUDIT_KEY", "from-the-environment")
    assert create_app().config["AUDIT_KEY"] == "from-the-environment"


def test_with_keys_in_the_environment_every_machine_derives_the_same_audit_key(
    monkeypatch, tmp_path
):
    monkeypatch.delenv("HIREKIT_AUDIT_KEY", raising=False)
    monkeypatch.setenv("HIREKIT_SECRET_KEY", "shared-secret")
    keys = set()
    for machine in ("a", "b"):
        monkeypatch.setenv("HIREKIT_INSTANCE_PATH", str(tmp_path / machine))
        ensure_secret_key_file(tmp_path / machine)
        assert not (tmp_path / machine / "audit_key").exists()
        keys.add(create_app().config["AUDIT_KEY"])
    assert len(keys) == 1 and "shared-secret" not in keys
