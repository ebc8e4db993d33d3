"""Response headers every page and API answer carries."""

from __future__ import annotations

from flask import Flask, request
from werkzeug.wrappers import Response

# No inline script or style anywhere: pages load /static files only.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)


#: The same on every answer; a view may set its own Content-Security-Policy.
_FIXED = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
_ALL_FIXED = (("Content-Security-Policy", CSP), *_FIXED)
_NAMES = frozenset(name.lower() for name, _ in _ALL_FIXED)


def init_security_headers(app: Flask) -> None:
    app.after_request(_add_headers)


def _add_headers(response: Response) -> Response:
    headers = response.headers
    if _NAMES.isdisjoint(name.lower() for name, _ in headers.items()):
        headers.extend(_ALL_FIXED)  # the usual case, in one step
    else:
        headers.setdefault("Content-Security-Policy", CSP)
        for name, value in _FIXED:
            headers[name] = value
    if request.is_secure:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    if request.path.startswith("/api/") or response.mimetype == "text/html":
        headers.setdefault("Cache-Control", "no-store")
    if headers.get("Content-Disposition", "").lower().startswith("attachment"):
        # Downloads carry personal data (exports, reports, calendars): no browser
        # or proxy may keep a copy, whatever send_file proposed (it says no-cache).
        headers["Cache-Control"] = "no-store"
    return response
