"""Sending a stored personal file: always an attachment, never cached, never sniffed."""

from __future__ import annotations

import io

from flask import send_file
from werkzeug.wrappers import Response

from hirekit.errors import NotFound
from hirekit.storage import file_store


def send_stored_file(key: str, download_name: str, mimetype: str) -> Response:
    """The file at ``key`` as a download; the name shown is the sanitised original."""
    path = file_store().path(key)
    if not path.is_file():
        raise NotFound("That file is no longer stored.")
    # Read whole (files are bounded by the upload limits), so no open file
    # handle outlives a response that its client never closes.
    response = send_file(
        io.BytesIO(path.read_bytes()),
        mimetype=mimetype or "application/octet-stream",
        as_attachment=True,
        download_name=download_name,
        conditional=False,
        etag=False,
        max_age=0,
    )
    # nosniff and no-store are also set for every attachment in security.py;
    # said again here because this function is the contract for personal files.
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response
