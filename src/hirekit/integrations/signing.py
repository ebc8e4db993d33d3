"""The signature subscribers check: ``t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">``.

The time is signed with the body, so a receiver that rejects old timestamps
(``TOLERANCE_SECONDS``) cannot be fed a captured delivery again later.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

SECRET_PREFIX = "whsec_"  # noqa: S105 - a label before the random part
#: How old a signature a receiver should accept (and how far in the future, for clock skew).
TOLERANCE_SECONDS = 300


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def _mac(secret: str, timestamp: int, body: bytes) -> str:
    signed = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The ``X-Hirekit-Signature`` header of ``body`` sent at ``timestamp`` (default: now)."""
    at = int(time.time()) if timestamp is None else timestamp
    return f"t={at},v1={_mac(secret, at, body)}"


def verify(
    secret: str,
    body: bytes,
    header: str,
    *,
    tolerance: int = TOLERANCE_SECONDS,
    now: float | None = None,
) -> bool:
    """Check an ``X-Hirekit-Signature`` header as a subscriber does: MAC and age."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    stamp, given = fields.get("t", ""), fields.get("v1", "")
    if not stamp.isdigit() or not given:
        return False
    at = int(stamp)
    if abs((time.time() if now is None else now) - at) > tolerance:
        return False
    return hmac.compare_digest(_mac(secret, at, body), given)
