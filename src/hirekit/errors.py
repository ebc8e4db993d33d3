"""Domain exceptions and their one mapping to HTML pages or JSON API errors."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)

API_PREFIX = "/api/"


class HirekitError(Exception):
    """Base of the errors services raise; views never build error responses by hand."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class NotFound(HirekitError):
    status, code = 404, "not_found"


class Forbidden(HirekitError):
    status, code = 403, "forbidden"


class Unauthorized(HirekitError):
    status, code = 401, "unauthorized"


class Conflict(HirekitError):
    status, code = 409, "conflict"


class ValidationFailed(HirekitError):
    status, code = 422, "validation_failed"


class TooLarge(HirekitError):
    status, code = 413, "too_large"


class LinkUnavailable(HirekitError):
    """A private link that leads nowhere: unknown or tampered with (404), or spent (410)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = "gone" if status == 410 else "not_found"


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}

_FRIENDLY = {
    401: "Authentication required: send a valid API token as 'Authorization: Bearer <token>'.",
    413: "The upload is larger than this server accepts.",
    429: "Too many requests; wait a moment and try again.",
    500: "Something went wrong on our side; the error has been logged.",
}


def wants_json() -> bool:
    if request.path.startswith(API_PREFIX) or request.path in ("/healthz", "/readyz"):
        return True
    return request.accept_mimetypes.best == "application/json"


def error_response(
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[Response, int]:
    if wants_json():
        body = {"error": {"code": code, "message": message, "details": details or {}}}
        resp = jsonify(body)
    else:
        resp = Response(
            render_template("error.html", status=status, message=message, details=details or {}),
            mimetype="text/html",
        )
    for key, value in (headers or {}).items():
        resp.headers[key] = value
    return resp, status


def _handle_domain(error: HirekitError) -> tuple[Response, int]:
    return error_response(error.status, error.code, error.message, error.details)


def _handle_http(error: HTTPException) -> tuple[Response, int] | Response:
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    details: dict[str, Any] = {}
    if "messages" in data:  # webargs / marshmallow validation errors
        messages = data["messages"]
        # webargs nests errors by location ("json", "query"); flatten a single location
        if isinstance(messages, dict) and len(messages) == 1:
            messages = next(iter(messages.values()))
        details = {"fields": messages}
    elif "errors" in data:
        details = {"fields": data["errors"]}
    message = (
        data.get("message")
        or _limit_message(error)
        or _FRIENDLY.get(status)
        or (error.description or error.name)
    )
    if status == 422 and details and not data.get("message"):
        message = "Some fields are invalid; see details."
    headers = dict(data.get("headers") or {})
    valid_methods = getattr(error, "valid_methods", None)
    if status == 405 and valid_methods:
        headers["Allow"] = ", ".join(valid_methods)
    return error_response(status, _HTTP_CODES.get(status, "error"), str(message), details, headers)


def _limit_message(error: HTTPException) -> str | None:
    """A rate limit's own explanation, where the route gave one."""
    limit = getattr(error, "limit", None)
    return getattr(limit, "error_message", None) or None


def _handle_unexpected(error: Exception) -> tuple[Response, int]:
    log.exception("unhandled error", exc_info=error)
    return error_response(500, "internal_error", _FRIENDLY[500])


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HirekitError, _handle_domain)
    app.register_error_handler(HTTPException, _handle_http)
    app.register_error_handler(InternalServerError, _handle_http)
    app.register_error_handler(Exception, _handle_unexpected)
