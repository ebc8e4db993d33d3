"""Choosing the backend from configuration."""

from __future__ import annotations

from flask import Flask

from hirekit.queue.embedded import EmbeddedBackend
from hirekit.queue.enqueue import BACKEND_KEY
from hirekit.queue.rq_backend import RQBackend


def init_queue(app: Flask) -> None:
    """Pick the backend; nothing connects or starts here (Redis connects lazily)."""
    url = app.config.get("REDIS_URL")
    app.extensions[BACKEND_KEY] = (
        RQBackend(url, app.config["QUEUE_NAME"]) if url else EmbeddedBackend()
    )
