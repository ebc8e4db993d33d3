"""Where to send someone after sign-in: only back into this site."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_next(target: str | None, default: str) -> str:
    """``target`` if it is a local path, else ``default`` (no open redirects)."""
    if not target:
        return default
    target = target.strip().replace("\\", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    if any(ord(ch) < 32 for ch in target):
        return default
    return target
