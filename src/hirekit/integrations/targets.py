"""Which URLs a webhook may post to.

Only ``https://`` in production. Plain ``http://`` is accepted solely for
loopback hosts, and only when ``WEBHOOK_ALLOW_LOOPBACK_HTTP`` is on (tests and
local development): anything else would send signed candidate data in clear.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

MAX_URL = 500


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def url_problem(url: str, *, allow_loopback_http: bool) -> str | None:
    """Why ``url`` may not be a webhook target, or None when it may."""
    if len(url) > MAX_URL:
        return f"at most {MAX_URL} characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        return "not a valid URL"
    if parts.scheme not in ("https", "http"):
        return "must be an https:// URL"
    host = (parts.hostname or "").lower()
    if not host:
        return "has no host"
    if parts.username or parts.password:
        return "must not carry a user name or password; each delivery is signed instead"
    if parts.fragment:
        return "must not have a #fragment"
    if parts.scheme == "http" and not (allow_loopback_http and _is_loopback(host)):
        return "must be an https:// URL"
    return None
