from __future__ import annotations

import pytest


@pytest.fixture
def hooks_app(app, monkeypatch):
    app.config.update(WEBHOOK_ALLOW_LOOPBACK_HTTP=True, JOB_MAX_ATTEMPTS=3)
    # Deliveries honour the proxy variables; the machine's own must not steer these tests.
    for name in ("http_proxy", "https_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    return app
