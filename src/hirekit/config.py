"""Settings: one typed table, read from ``HIREKIT_*`` environment variables at start.

The embedded default needs nothing but Python: SQLite and uploads in the
instance folder, jobs run by an in-process worker. Setting
``HIREKIT_DATABASE_URL`` and ``HIREKIT_REDIS_URL`` scales the same code out.
Every setting is checked and converted here, once; code elsewhere reads
``app.config`` values of the right type.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from flask import Flask
from limits import parse_many
from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    NonNegativeFloat,
    PositiveFloat,
    PositiveInt,
    ValidationError,
)
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError
from sqlalchemy.engine import make_url

ENV_PREFIX = "HIREKIT"
SECRET_KEY_FILE = "secret_key"  # noqa: S105 - a file name
AUDIT_KEY_FILE = "audit_key"


class ConfigError(RuntimeError):
    """A setting is missing or malformed; the message is one line naming it."""


def _plain_text(value: str) -> str:
    # A control character in a sender, a company name or a URL ends up in a
    # mail header or a log line: refuse it at start.
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValueError("must not contain control characters (newlines, tabs, NUL)")
    return value


def _rate_limit(value: str) -> str:
    try:
        parse_many(value)
    except ValueError:
        raise ValueError("must be a rate such as '5 per minute' or '10/hour'") from None
    return value


def _http_url(value: str) -> str:
    if not value.startswith(("http://", "https://")) or len(value) < 10:
        raise ValueError("must be an http:// or https:// URL")
    return value


def _smtp_url(value: str) -> str:
    from hirekit.mail.transport import SmtpSettings, SmtpUrlError

    try:
        SmtpSettings.from_url(value)
    except SmtpUrlError as exc:
        raise ValueError(str(exc)) from None
    return value


def _redis_url(value: str) -> str:
    if not value.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError("must be a redis://, rediss:// or unix:// URL")
    return value


def _bool(value: Any) -> Any:
    # pydantic also takes "t"/"f"/"y"/"n"; these are the words the README promises.
    if isinstance(value, str) and value.strip().lower() not in _BOOL_WORDS:
        raise ValueError("must be true or false (or 1/0, yes/no, on/off)")
    return value.strip().lower() if isinstance(value, str) else value


_BOOL_WORDS = ("1", "0", "true", "false", "yes", "no", "on", "off")
Text = Annotated[str, AfterValidator(_plain_text)]
RateLimit = Annotated[str, AfterValidator(_plain_text), AfterValidator(_rate_limit)]
HttpUrlText = Annotated[str, AfterValidator(_plain_text), AfterValidator(_http_url)]
RedisUrl = Annotated[str, AfterValidator(_plain_text), AfterValidator(_redis_url)]
SmtpUrl = Annotated[str, AfterValidator(_plain_text), AfterValidator(_smtp_url)]
StrictishBool = Annotated[bool, BeforeValidator(_bool)]
LogLevel = Annotated[
    Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"],
    BeforeValidator(lambda v: v.upper() if isinstance(v, str) else v),
]


class Settings(BaseSettings):
    """Every setting hirekit reads: its type, bounds and default, in one table.

    Read once at start from ``HIREKIT_<NAME>`` environment variables (an empty
    variable counts as unset); ``create_app(overrides)`` values win over the
    environment and are checked the same way. ``None`` means "derived at start".
    """

    model_config = SettingsConfigDict(
        env_prefix=f"{ENV_PREFIX}_", env_ignore_empty=True, extra="ignore", frozen=True
    )

    SECRET_KEY: Text | None = None
    # Keys the audit chain's HMAC; default: instance/audit_key, else derived from SECRET_KEY
    AUDIT_KEY: Text | None = None
    DATABASE_URL: Text | None = None  # default: sqlite:///<instance>/hirekit.sqlite3
    REDIS_URL: RedisUrl | None = None  # set: jobs go to RQ and rate limits to Redis
    UPLOAD_DIR: Text | None = None  # default: <instance>/uploads
    GUIDES_DIR: Text | None = None  # extra role guides (*.toml) beside the packaged ones
    LOGIN_RATE_LIMIT: RateLimit = "5 per minute"
    RATE_LIMIT_STORAGE_URL: Text | None = None  # default: REDIS_URL, else in-memory
    MAX_UPLOAD_MB: PositiveInt = 50
    JOB_MAX_ATTEMPTS: PositiveInt = 3
    JOB_RETRY_BACKOFF_SECONDS: NonNegativeFloat = 2.0
    JOB_POLL_SECONDS: PositiveFloat = 0.5
    # A running job's lease: renewed every JOB_HEARTBEAT_SECONDS; once it lapses the
    # worker is taken for dead and the job is retried elsewhere.
    JOB_LEASE_SECONDS: PositiveFloat = 60.0
    JOB_HEARTBEAT_SECONDS: PositiveFloat = 10.0
    QUEUE_NAME: Text = "hirekit"
    # Only functions in these modules may be run by the queue.
    TASK_MODULE_PREFIXES: list[Text] = Field(default_factory=lambda: ["hirekit."])
    EMBEDDED_WORKER: StrictishBool = True
    SESSION_COOKIE_SECURE: StrictishBool = False
    BASE_URL: HttpUrlText | None = None  # public URL for links in emails sent outside a request
    COMPANY_NAME: Text = "hirekit"
    # Postings: a job cannot open without a salary band; how long a posting stays valid
    REQUIRE_SALARY_TO_PUBLISH: StrictishBool = False
    POSTING_VALID_DAYS: PositiveInt = 60
    # How long the link to an applicant's status page works
    STATUS_LINK_DAYS: PositiveInt = 180
    # A confirmed rejection email waits this long before it goes (0: at once); moving the
    # application back meanwhile cancels it. At most 30 days.
    REJECTION_EMAIL_DELAY_HOURS: Annotated[float, Field(ge=0, le=720)] = 24.0
    # Email: SMTP when set (smtp://user:pass@host:587?starttls=1, smtps://...), else only recorded
    SMTP_URL: SmtpUrl | None = None
    MAIL_FROM: Text = "hirekit@localhost"
    MAIL_MAX_ATTACHMENT_MB: PositiveFloat = 10.0
    TAKEHOME_INVITE_DAYS: PositiveInt = 7
    TAKEHOME_UPLOAD_RATE_LIMIT: RateLimit = "10 per hour"
    WEBHOOK_TIMEOUT_SECONDS: PositiveFloat = 10.0
    WEBHOOK_ALLOW_LOOPBACK_HTTP: StrictishBool = False  # tests only: production webhooks are https
    WEBHOOK_ALLOW_PRIVATE_NETWORK: StrictishBool = False
    # Take-home review limits (per submission)
    REVIEW_MAX_ARCHIVE_MB: PositiveFloat = 50.0
    REVIEW_MAX_UNPACKED_MB: PositiveInt = 300
    REVIEW_MAX_FILES: PositiveInt = 20_000
    REVIEW_MAX_COMPRESSION_RATIO: PositiveFloat = 100.0
    REVIEW_MAX_SOURCE_FILE_MB: PositiveInt = 5
    REVIEW_TIMEOUT_SECONDS: PositiveFloat = 60.0
    # Take-home sandbox (hidden and own tests), per suite; see README "Take-home sandbox"
    SANDBOX_TIMEOUT_SECONDS: PositiveFloat = 120.0
    SANDBOX_CPU_SECONDS: PositiveInt = 60
    SANDBOX_MEMORY_MB: PositiveInt = 1024
    SANDBOX_PROCESSES: PositiveInt = 64
    SANDBOX_FILE_MB: PositiveInt = 64
    SANDBOX_OPEN_FILES: PositiveInt = 256
    SANDBOX_TMPFS_MB: PositiveInt = 256
    SANDBOX_OUTPUT_KB: PositiveInt = 256
    SANDBOX_UID: PositiveInt = 60917
    SANDBOX_VENV_CACHE: Text | None = None  # default: ~/.cache/hirekit/sandbox-venvs
    SANDBOX_PYTHON: Text | None = None  # default: /usr/bin/python3
    SANDBOX_BWRAP: Text | None = None  # default: bwrap on PATH
    # Resume screening limits (per file)
    RESUME_MAX_MB: PositiveFloat = 10.0
    RESUME_MAX_PAGES: PositiveInt = 30
    RESUME_TIMEOUT_SECONDS: PositiveFloat = 10.0
    RESUME_MAX_UNPACKED_MB: PositiveFloat = 50.0  # parts of one DOCX/ODT, counted as they inflate
    RESUME_MAX_COMPRESSION_RATIO: PositiveFloat = 200.0  # per zip member above 1 MB
    RESUME_ZIP_MAX_UNPACKED_MB: PositiveFloat = 200.0  # a whole bulk .zip of resumes
    API_MAX_PER_PAGE: PositiveInt = 100
    # Browser timing, handed to the pages' scripts: how often a running job's page asks for
    # its progress (the first ask after half of it), and the pause after the last keystroke
    # before the job-post check and template preview run (a scorecard autosaves after twice it)
    UI_POLL_MS: PositiveInt = 1000
    UI_DEBOUNCE_MS: PositiveInt = 400
    # Public careers page: applications per IP, and how long applicants' data is kept
    CAREERS_RATE_LIMIT: RateLimit = "10 per hour"
    RETENTION_DAYS: PositiveInt = 180
    DEMO: StrictishBool = True
    TESTING: StrictishBool = False
    LOG_LEVEL: LogLevel = "INFO"


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


def read_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """The settings from the environment, ``overrides`` winning; ConfigError when one is
    malformed, naming every bad variable on one line."""
    given = {k: v for k, v in (overrides or {}).items() if k in Settings.model_fields}
    try:
        return Settings(**given)
    except ValidationError as exc:
        raise ConfigError("; ".join(_describe(error) for error in exc.errors())) from None
    except SettingsError as exc:
        # A list setting whose environment value is not JSON: the message names it.
        field = str(exc).split('"')[1] if '"' in str(exc) else "setting"
        raise ConfigError(
            f'{ENV_PREFIX}_{field} must be a JSON list such as ["hirekit."]'
        ) from None


#: pydantic's wording for the common cases, in the words the README uses.
_MESSAGES = {
    "int_parsing": "must be a number",
    "float_parsing": "must be a number",
    "int_from_float": "must be a whole number",
    "greater_than": "must be a positive number",
    "greater_than_equal": "must be 0 or more",
    "literal_error": "must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL",
    "list_type": 'must be a JSON list such as ["hirekit."]',
}


def _describe(error: Any) -> str:
    name = f"{ENV_PREFIX}_{error['loc'][0]}" if error["loc"] else ENV_PREFIX
    message = _MESSAGES.get(error["type"]) or str(error["msg"]).removeprefix("Value error, ")
    shown = repr(error.get("input"))
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return " ".join(f"{name} {message}, got {shown}".split())


def load_config(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    """Fill ``app.config``: checked settings (defaults < environment < ``overrides``),
    then any other ``overrides`` as given (Flask's own keys, test hooks).

    Raises ConfigError with one clear line for anything missing or malformed.
    """
    settings = read_settings(overrides)
    app.config.update(settings.model_dump())
    if overrides:
        app.config.update({k: v for k, v in overrides.items() if k not in Settings.model_fields})
    _derive_paths(app)
    _require_secret_key(app)
    _choose_audit_key(app)
    app.config.update(
        SQLALCHEMY_DATABASE_URI=app.config["DATABASE_URL"],
        SQLALCHEMY_ENGINE_OPTIONS=engine_options(app.config["DATABASE_URL"]),
        MAX_CONTENT_LENGTH=settings.MAX_UPLOAD_MB * 1024 * 1024,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=settings.SESSION_COOKIE_SECURE,
        RATELIMIT_STORAGE_URI=settings.RATE_LIMIT_STORAGE_URL or settings.REDIS_URL or "memory://",
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
