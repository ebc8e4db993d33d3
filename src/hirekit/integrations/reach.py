"""What this deployment's settings let webhook deliveries reach beyond the public internet."""

from __future__ import annotations

from flask import current_app

from hirekit.integrations.addresses import Reach


def deployment_reach() -> Reach:
    config = current_app.config
    return Reach(
        loopback=bool(config.get("WEBHOOK_ALLOW_LOOPBACK_HTTP", False)),
        private_network=bool(config.get("WEBHOOK_ALLOW_PRIVATE_NETWORK", False)),
    )
