"""Choosing the backend from configuration."""

from __future__ import annotations

from flask import Flask

from hirekit.config import ENV_PREFIX, ConfigError
from hirekit.queue.embedded import EmbeddedBackend
from hirekit.queue.enqueue import BACKEND_KEY
from hirekit.queue.rq_backend import RQBackend


def init_queue(app: Flask) -> None:
    """Pick the backend; nothing connects or starts here (Redis connects lazily)."""
    if float(app.config["JOB_HEARTBEAT_SECONDS"]) >= float(app.config["JOB_LEASE_SECONDS"]):
        raise ConfigError(
            f"{ENV_PREFIX}_JOB_HEARTBEAT_SECONDS must be shorter than "
            f"{ENV_PREFIX}_JOB_LEASE_SECONDS"
        )
    url = app.config.get("REDIS_URL")
    app.extensions[BACKEND_KEY] = (
        RQBackend(url, app.config["QUEUE_NAME"]) if url else EmbeddedBackend()
    )
