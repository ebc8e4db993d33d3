"""Which URLs a webhook may post to.

Only ``https://`` in production. Plain ``http://`` is accepted solely for
loopback hosts, and only when ``WEBHOOK_ALLOW_LOOPBACK_HTTP`` is on (tests and
local development): anything else would send signed candidate data in clear.
A host written as an address must be one deliveries may reach
(:mod:`hirekit.integrations.addresses`); names are checked when delivering,
since what they resolve to can change.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from hirekit.integrations.addresses import Reach, literal_address, looks_numeric, refusal

MAX_URL = 500
_LOOPBACK = ipaddress.ip_address("127.0.0.1")


def _address_of(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    host = host.rstrip(".")  # "localhost." and "127.1." name the same hosts
    return _LOOPBACK if host == "localhost" else literal_address(host)


def url_problem(url: str, reach: Reach) -> str | None:
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
    address = _address_of(host)
    if address is None and looks_numeric(host.rstrip(".")):
        return "has a host that is neither a name nor a valid address"
    if parts.scheme == "http" and not (
        reach.loopback and address is not None and address.is_loopback
    ):
        return "must be an https:// URL"
    if address is not None and (why := refusal(address, reach)):
        return f"points to {why}, which webhooks may not reach"
    return None
