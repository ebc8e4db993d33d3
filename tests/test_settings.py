"""Every setting is checked at start: a malformed value stops the start with one line
naming it, whether it comes from the environment or from create_app's overrides."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hirekit import create_app
from hirekit.config import ConfigError, Settings

#: One malformed value for every setting. A new setting needs one here.
MALFORMED: dict[str, str] = {
    "SECRET_KEY": "key\nwith a newline",
    "AUDIT_KEY": "audit\nkey",
    "DATABASE_URL": "mysql://db/hirekit",
    "REDIS_URL": "localhost:6379",
    "UPLOAD_DIR": "/srv/up\x07loads",
    "GUIDES_DIR": "/srv/guides\n",
    "LOGIN_RATE_LIMIT": "five a minute",
    "RATE_LIMIT_STORAGE_URL": "redis://x\r\n",
    "MAX_UPLOAD_MB": "fifty",
    "JOB_MAX_ATTEMPTS": "0",
    "JOB_RETRY_BACKOFF_SECONDS": "-1",
    "JOB_POLL_SECONDS": "0",
    "JOB_LEASE_SECONDS": "a minute",
    "JOB_HEARTBEAT_SECONDS": "-10",
    "QUEUE_NAME": "hire\tkit",
    "TASK_MODULE_PREFIXES": "hirekit.",
    "EMBEDDED_WORKER": "maybe",
    "SESSION_COOKIE_SECURE": "sure",
    "BASE_URL": "hirekit.example.com",
    "COMPANY_NAME": "Acme\r\nBcc: all@example.com",
    "REQUIRE_SALARY_TO_PUBLISH": "if possible",
    "POSTING_VALID_DAYS": "two months",
    "STATUS_LINK_DAYS": "0",
    "REJECTION_EMAIL_DELAY_HOURS": "-1",
    "SMTP_URL": "ftp://mail.example.com",
    "MAIL_FROM": "hr@example.com\r\nBcc: x@example.com",
    "MAIL_MAX_ATTACHMENT_MB": "ten",
    "TAKEHOME_INVITE_DAYS": "a week",
    "TAKEHOME_UPLOAD_RATE_LIMIT": "often",
    "WEBHOOK_TIMEOUT_SECONDS": "ten",
    "WEBHOOK_ALLOW_LOOPBACK_HTTP": "2",
    "WEBHOOK_ALLOW_PRIVATE_NETWORK": "yes please",
    "REVIEW_MAX_ARCHIVE_MB": "-5",
    "REVIEW_MAX_UNPACKED_MB": "1.5",
    "REVIEW_MAX_FILES": "many",
    "REVIEW_MAX_COMPRESSION_RATIO": "0",
    "REVIEW_MAX_SOURCE_FILE_MB": "five",
    "REVIEW_TIMEOUT_SECONDS": "1m",
    "SANDBOX_TIMEOUT_SECONDS": "two minutes",
    "SANDBOX_CPU_SECONDS": "0",
    "SANDBOX_MEMORY_MB": "1GB",
    "SANDBOX_PROCESSES": "-1",
    "SANDBOX_FILE_MB": "6.5",
    "SANDBOX_OPEN_FILES": "lots",
    "SANDBOX_TMPFS_MB": "0",
    "SANDBOX_OUTPUT_KB": "big",
    "SANDBOX_UID": "root",
    "SANDBOX_VENV_CACHE": "/var/cache/\x07venvs",
    "SANDBOX_PYTHON": "/usr/bin/python3\n",
    "SANDBOX_BWRAP": "/usr/bin/bw\trap",
    "RESUME_MAX_MB": "10MB",
    "RESUME_MAX_PAGES": "-1",
    "RESUME_TIMEOUT_SECONDS": "forever",
    "RESUME_MAX_UNPACKED_MB": "0",
    "RESUME_MAX_COMPRESSION_RATIO": "1:200",
    "RESUME_ZIP_MAX_UNPACKED_MB": "lots",
    "API_MAX_PER_PAGE": "100.5",
    "UI_POLL_MS": "0",
    "UI_DEBOUNCE_MS": "half a second",
    "CAREERS_RATE_LIMIT": "10 per fortnight",
    "RETENTION_DAYS": "half a year",
    "DEMO": "perhaps",
    "TESTING": "2",
    "LOG_LEVEL": "LOUD",
}


def test_every_setting_has_a_malformed_example() -> None:
    assert set(MALFORMED) == set(Settings.model_fields)


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_environment_variable_stops_the_start(
    name: str, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    monkeypatch.setenv("HIREKIT_SECRET_KEY", "k")
    monkeypatch.setenv("HIREKIT_DATABASE_URL", f"sqlite:///{tmp_path}/x.db")
    monkeypatch.setenv(f"HIREKIT_{name}", MALFORMED[name])
    with pytest.raises(ConfigError) as caught:
        create_app()
    message = str(caught.value)
    assert f"HIREKIT_{name}" in message
    assert "\n" not in message and "\r" not in message


def test_values_are_converted_once_at_start(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("HIREKIT_SECRET_KEY", "k")
    monkeypatch.setenv("HIREKIT_DATABASE_URL", f"sqlite:///{tmp_path}/x.db")
    monkeypatch.setenv("HIREKIT_TAKEHOME_INVITE_DAYS", "3")
    monkeypatch.setenv("HIREKIT_MAIL_MAX_ATTACHMENT_MB", "2.5")
    monkeypatch.setenv("HIREKIT_WEBHOOK_TIMEOUT_SECONDS", "4")
    monkeypatch.setenv("HIREKIT_SESSION_COOKIE_SECURE", "on")
    monkeypatch.setenv("HIREKIT_LOG_LEVEL", "debug")
    monkeypatch.setenv("HIREKIT_REDIS_URL", "")  # empty counts as unset
    config = create_app().config
    assert config["TAKEHOME_INVITE_DAYS"] == 3
    assert config["MAIL_MAX_ATTACHMENT_MB"] == 2.5
    assert config["WEBHOOK_TIMEOUT_SECONDS"] == 4.0
    assert config["SESSION_COOKIE_SECURE"] is True and config["REMEMBER_COOKIE_SECURE"] is True
    assert config["LOG_LEVEL"] == "DEBUG" and config["REDIS_URL"] is None


def test_overrides_are_checked_like_the_environment(tmp_path) -> None:
    with pytest.raises(ConfigError, match="HIREKIT_TAKEHOME_INVITE_DAYS"):
        create_app(
            {
                "SECRET_KEY": "k",
                "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
                "TAKEHOME_INVITE_DAYS": "soon",
            }
        )


def test_the_command_stops_with_one_line(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from hirekit.cli import main; main()", "users", "list"],
        env={
            "HIREKIT_INSTANCE_PATH": str(tmp_path),
            "HIREKIT_SECRET_KEY": "k",
            "HIREKIT_WEBHOOK_TIMEOUT_SECONDS": "ten",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "HIREKIT_WEBHOOK_TIMEOUT_SECONDS" in lines[0], done.stderr
    assert "'ten'" in lines[0]


def test_pages_hand_their_scripts_the_configured_timing(tmp_path) -> None:
    app = create_app(
        {
            "SECRET_KEY": "k",
            "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
            "UI_POLL_MS": 2500,
            "UI_DEBOUNCE_MS": 650,
        }
    )
    html = app.test_client().get("/login").get_data(as_text=True)
    assert '<body data-ui-poll-ms="2500" data-ui-debounce-ms="650">' in html
