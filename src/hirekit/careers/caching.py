"""Public documents (feeds, the postings API, the brand's CSS and logo): the same for every
visitor, so browsers and proxies may keep them a few minutes and revalidate by ETag."""

from __future__ import annotations

from flask import Response, request
from werkzeug.wrappers import Response as BaseResponse

#: How long public documents may be kept before they are asked for again.
MAX_AGE = 300


def public_document(body: str | bytes, mimetype: str) -> BaseResponse:
    """``body`` as a cacheable answer, or 304 when the client's ETag still matches."""
    response = Response(body, mimetype=mimetype)
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response.add_etag()
    return response.make_conditional(request)
