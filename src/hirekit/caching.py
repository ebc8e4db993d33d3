"""HTTP caching: conditional GET on API reads and public postings, fingerprinted static files.

* Every successful ``GET`` under ``/api/`` and the careers pages carry an
  ``ETag`` (a hash of the body); a request whose ``If-None-Match`` names it gets
  ``304 Not Modified`` without the body. API answers stay ``no-store`` (they
  hold personal data): a client keeps the body and its ETag itself.
* ``url_for("static", filename=F)`` adds ``?v=<hash of F's content>``. A file
  asked for with its current hash is immutable, so it is served with a year's
  ``max-age``; any other request for it is revalidated.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from flask import Flask, current_app, request
from werkzeug.wrappers import Response

#: A fingerprinted static file never changes: browsers may keep it a year.
IMMUTABLE = "public, max-age=31536000, immutable"
#: Careers pages the ETag covers: public postings (their body is the same for every visitor
#: but a signed-in colleague, whose name is in the header, hence "private").
CONDITIONAL_PAGES = frozenset({"careers.index", "careers.job"})
_FINGERPRINT_ARG = "v"


def init_caching(app: Flask) -> None:
    app.extensions["hirekit_fingerprints"] = {}
    app.url_defaults(_fingerprint_static)
    app.after_request(_cache_headers)


def fingerprint(filename: str) -> str:
    """The first 12 hex digits of the SHA-256 of static file ``filename`` ('' if missing)."""
    known: dict[tuple[str, float], str] = current_app.extensions["hirekit_fingerprints"]
    folder = current_app.static_folder
    if folder is None:
        return ""
    path = Path(folder) / filename
    try:
        # Keyed by modification time too, so an edited file (development) gets a new name.
        key = (filename, path.stat().st_mtime)
    except (OSError, ValueError):
        return ""
    if key not in known:
        known[key] = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return known[key]


def _fingerprint_static(endpoint: str, values: dict[str, Any]) -> None:
    if endpoint == "static" and "filename" in values and _FINGERPRINT_ARG not in values:
        digest = fingerprint(str(values["filename"]))
        if digest:
            values[_FINGERPRINT_ARG] = digest


def _cache_headers(response: Response) -> Response:
    if request.method not in ("GET", "HEAD"):
        return response
    if request.endpoint == "static":
        return _static_headers(response)
    if response.status_code != 200 or response.direct_passthrough or response.is_streamed:
        return response
    if request.path.startswith("/api/") and response.mimetype == "application/json":
        response.add_etag()
        return response.make_conditional(request)
    if request.endpoint in CONDITIONAL_PAGES:
        response.add_etag()
        response.headers["Cache-Control"] = "private, no-cache"
        return response.make_conditional(request)
    return response


def _static_headers(response: Response) -> Response:
    filename = (request.view_args or {}).get("filename", "")
    wanted = request.args.get(_FINGERPRINT_ARG, "")
    if response.status_code in (200, 304) and wanted and wanted == fingerprint(str(filename)):
        response.headers["Cache-Control"] = IMMUTABLE
    else:
        response.headers["Cache-Control"] = "no-cache"
    return response
