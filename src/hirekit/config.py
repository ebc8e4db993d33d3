"""Settings: typed defaults here, overrides from ``HIREKIT_*`` environment variables.

The embedded default needs nothing but Python: SQLite and uploads in the
instance folder, jobs run by an in-process worker. Setting
``HIREKIT_DATABASE_URL`` and ``HIREKIT_REDIS_URL`` scales the same code out.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy.engine import make_url

ENV_PREFIX = "HIREKIT"
SECRET_KEY_FILE = "secret_key"  # noqa: S105 - a file name
AUDIT_KEY_FILE = "audit_key"


class ConfigError(RuntimeError):
    """A setting is missing or malformed; the message is one line naming it."""


#: Every setting hirekit reads, with its default. ``None`` means "derived at start".
DEFAULTS: dict[str, Any] = {
    "SECRET_KEY": None,
    # Keys the audit chain's HMAC; default: instance/audit_key, else derived from SECRET_KEY
    "AUDIT_KEY": None,
    "DATABASE_URL": None,  # default: sqlite:///<instance>/hirekit.sqlite3
    "REDIS_URL": None,  # set: jobs go to RQ and rate limits to Redis
    "UPLOAD_DIR": None,  # default: <instance>/uploads
    "GUIDES_DIR": None,  # extra role guides (*.toml) beside the packaged ones
    "LOGIN_RATE_LIMIT": "5 per minute",
    "RATE_LIMIT_STORAGE_URL": None,  # default: REDIS_URL, else in-memory
    "MAX_UPLOAD_MB": 50,
    "JOB_MAX_ATTEMPTS": 3,
    "JOB_RETRY_BACKOFF_SECONDS": 2.0,
    "JOB_POLL_SECONDS": 0.5,
    "QUEUE_NAME": "hirekit",
    # Only functions in these modules may be run by the queue.
    "TASK_MODULE_PREFIXES": ["hirekit."],
    "EMBEDDED_WORKER": True,
    "SESSION_COOKIE_SECURE": False,
    "BASE_URL": None,  # public URL for links in emails sent outside a request
    "COMPANY_NAME": "hirekit",
    # Email: SMTP when set (smtp://user:pass@host:587?starttls=1, smtps://...), else only recorded
    "SMTP_URL": None,
    "MAIL_FROM": "hirekit@localhost",
    "MAIL_MAX_ATTACHMENT_MB": 10,
    "TAKEHOME_INVITE_DAYS": 7,
    "TAKEHOME_UPLOAD_RATE_LIMIT": "10 per hour",
    "WEBHOOK_TIMEOUT_SECONDS": 10,
    "WEBHOOK_ALLOW_LOOPBACK_HTTP": False,  # tests only: production webhooks are https
    "WEBHOOK_ALLOW_PRIVATE_NETWORK": False,
    # Take-home review limits (per submission)
    "REVIEW_MAX_ARCHIVE_MB": 50,
    "REVIEW_MAX_UNPACKED_MB": 300,
    "REVIEW_MAX_FILES": 20_000,
    "REVIEW_MAX_COMPRESSION_RATIO": 100,
    "REVIEW_MAX_SOURCE_FILE_MB": 5,
    "REVIEW_TIMEOUT_SECONDS": 60,
    # Resume screening limits (per file)
    "RESUME_MAX_MB": 10,
    "RESUME_MAX_PAGES": 30,
    "RESUME_TIMEOUT_SECONDS": 10,
    "API_MAX_PER_PAGE": 100,
    # Public careers page: applications per IP, and how long applicants' data is kept
    "CAREERS_RATE_LIMIT": "10 per hour",
    "RETENTION_DAYS": 180,
    "DEMO": True,
    "TESTING": False,
    "LOG_LEVEL": "INFO",
}

_INT_SETTINGS = (
    "MAX_UPLOAD_MB",
    "JOB_MAX_ATTEMPTS",
    "API_MAX_PER_PAGE",
    "REVIEW_MAX_UNPACKED_MB",
    "REVIEW_MAX_FILES",
    "REVIEW_MAX_SOURCE_FILE_MB",
    "RESUME_MAX_PAGES",
    "RETENTION_DAYS",
)
_FLOAT_SETTINGS = (
    "JOB_RETRY_BACKOFF_SECONDS",
    "JOB_POLL_SECONDS",
    "REVIEW_MAX_ARCHIVE_MB",
    "REVIEW_MAX_COMPRESSION_RATIO",
    "REVIEW_TIMEOUT_SECONDS",
    "RESUME_TIMEOUT_SECONDS",
    "RESUME_MAX_MB",
)
_BOOL_SETTINGS = (
    "EMBEDDED_WORKER",
    "SESSION_COOKIE_SECURE",
    "DEMO",
    "TESTING",
    "WEBHOOK_ALLOW_LOOPBACK_HTTP",
    "WEBHOOK_ALLOW_PRIVATE_NETWORK",
)


def instance_path_from_env() -> Path:
    """The instance folder: ``HIREKIT_INSTANCE_PATH`` or ``./instance``."""
    return Path(os.environ.get(f"{ENV_PREFIX}_INSTANCE_PATH", "instance")).resolve()


def ensure_secret_key_file(instance_path: Path) -> None:
    """Generate the secret key once, on first start, when none is configured.

    Kept out of the factory on purpose: creating an app writes nothing; the
    ``hirekit`` command calls this before it builds the app.
    """
    if os.environ.get(f"{ENV_PREFIX}_SECRET_KEY"):
        # Keys from the environment: the audit key is then HIREKIT_AUDIT_KEY or
        # derived from the secret key, the same on every machine given the same env.
        return
    _generate_key_file(instance_path / SECRET_KEY_FILE)
    if not os.environ.get(f"{ENV_PREFIX}_AUDIT_KEY"):
        _generate_key_file(instance_path / AUDIT_KEY_FILE)


def _generate_key_file(path: Path) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_urlsafe(48))


def load_config(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    """Fill ``app.config``: defaults, then the environment, then ``overrides``.

    Raises ConfigError with one clear line for anything missing or malformed.
    """
    app.config.update({k: v for k, v in DEFAULTS.items() if k not in app.config or v is not None})
    app.config.from_prefixed_env(ENV_PREFIX)
    if overrides:
        app.config.update(overrides)
    _coerce_types(app)
    _derive_paths(app)
    _require_secret_key(app)
    _choose_audit_key(app)
    app.config.update(
        SQLALCHEMY_DATABASE_URI=app.config["DATABASE_URL"],
        SQLALCHEMY_ENGINE_OPTIONS=engine_options(app.config["DATABASE_URL"]),
        MAX_CONTENT_LENGTH=int(app.config["MAX_UPLOAD_MB"]) * 1024 * 1024,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=app.config["SESSION_COOKIE_SECURE"],
        RATELIMIT_STORAGE_URI=app.config["RATE_LIMIT_STORAGE_URL"]
        or app.config["REDIS_URL"]
        or "memory://",
        RATELIMIT_HEADERS_ENABLED=False,
    )


def engine_options(url: str) -> dict[str, Any]:
    """SQLAlchemy engine options for the database at ``url``."""
    options: dict[str, Any] = {"pool_pre_ping": True}
    if url.startswith("postgresql"):
        # The app's queries are short and LIMITed, but their cost estimates often
        # pass jit_above_cost: compiling them then takes ~20 ms, more than the
        # query itself. Any ``options`` of the URL are kept (connect_args would
        # replace them).
        given = make_url(url).query.get("options", "")
        given = " ".join(given) if isinstance(given, tuple) else given
        options["connect_args"] = {"options": f"{given} -c jit=off".strip()}
    return options


def _coerce_types(app: Flask) -> None:
    # from_prefixed_env parses JSON-looking values; anything else stays a str.
    for key in _INT_SETTINGS:
        app.config[key] = _as_number(key, app.config[key], int)
    for key in _FLOAT_SETTINGS:
        app.config[key] = _as_number(key, app.config[key], float)
    for key in _BOOL_SETTINGS:
        app.config[key] = _as_bool(key, app.config[key])
    for key in (*_INT_SETTINGS, *_FLOAT_SETTINGS):
        if key != "JOB_RETRY_BACKOFF_SECONDS" and app.config[key] <= 0:
            raise ConfigError(f"{ENV_PREFIX}_{key} must be a positive number")


def _as_number(key: str, value: Any, kind: type[int] | type[float]) -> int | float:
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{ENV_PREFIX}_{key} must be a number, got {value!r}") from None


def _as_bool(key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise ConfigError(f"{ENV_PREFIX}_{key} must be true or false, got {value!r}")


def _derive_paths(app: Flask) -> None:
    instance = Path(app.instance_path)
    url = app.config.get("DATABASE_URL") or f"sqlite:///{instance / 'hirekit.sqlite3'}"
    if url.startswith("postgres://"):  # the scheme Heroku-style URLs still use
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if not url.startswith(("sqlite:", "postgresql+psycopg:")):
        scheme = url.split(":")[0]
        raise ConfigError(
            f"{ENV_PREFIX}_DATABASE_URL must be a sqlite:// or postgresql:// URL, got {scheme}:"
        )
    app.config["DATABASE_URL"] = url
    app.config["UPLOAD_DIR"] = str(Path(app.config.get("UPLOAD_DIR") or instance / "uploads"))


def _require_secret_key(app: Flask) -> None:
    if app.config.get("SECRET_KEY"):
        return
    path = Path(app.instance_path) / SECRET_KEY_FILE
    if path.exists():
        app.config["SECRET_KEY"] = path.read_text().strip()
        return
    raise ConfigError(
        f"no secret key: set {ENV_PREFIX}_SECRET_KEY, or start `hirekit` once to generate {path}"
    )


def _choose_audit_key(app: Flask) -> None:
    """The audit chain's HMAC key: set, else the instance file, else derived from the secret.

    Kept apart from the database, so whoever can write the database cannot
    recompute the chain after rewriting it.
    """
    if app.config.get("AUDIT_KEY"):
        app.config["AUDIT_KEY"] = str(app.config["AUDIT_KEY"])
        return
    path = Path(app.instance_path) / AUDIT_KEY_FILE
    if path.exists():
        app.config["AUDIT_KEY"] = path.read_text().strip()
        return
    secret = str(app.config["SECRET_KEY"]).encode()
    app.config["AUDIT_KEY"] = hmac.new(secret, b"hirekit audit chain", hashlib.sha256).hexdigest()
