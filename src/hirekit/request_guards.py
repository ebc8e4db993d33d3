"""Input the database cannot hold, and a database that does not answer, get clear
answers instead of 500s.

- Integers in URL paths stop at the largest an id column holds (PostgreSQL
  ``integer``, 2^31-1): a larger id matches no route, so it is a plain 404.
- An integer past a column's range in a query string or a body reaches the
  driver, which refuses it (SQLite past 2^63-1: OverflowError; PostgreSQL:
  out of range): 400.
- NUL characters (which PostgreSQL cannot store and SQLite's full-text search
  mishandles) are refused in query strings, forms and JSON bodies: 400.
- A database that cannot be reached or refuses a connection: 503 with
  ``Retry-After``, JSON under ``/api``.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, request
from sqlalchemy.exc import DataError, InterfaceError, OperationalError
from werkzeug.routing import IntegerConverter, Map

from hirekit.errors import error_response

log = logging.getLogger(__name__)

#: The largest id: ids are ``integer`` columns (32-bit signed on PostgreSQL).
MAX_ID = 2**31 - 1
RETRY_AFTER_SECONDS = 5


class DatabaseIntConverter(IntegerConverter):
    """``<int:...>`` in routes, bounded to what a database integer column holds."""

    def __init__(
        self,
        map: Map,
        fixed_digits: int = 0,
        min: int | None = None,
        max: int | None = MAX_ID,
        signed: bool = False,
    ) -> None:
        super().__init__(map, fixed_digits, min, max, signed)


def register_converters(app: Flask) -> None:
    """Before any route is added: every ``<int:...>`` is bounded."""
    app.url_map.converters["int"] = DatabaseIntConverter


def register_request_guards(app: Flask) -> None:
    app.before_request(_refuse_nul_characters)
    app.register_error_handler(OverflowError, _out_of_range)
    app.register_error_handler(DataError, _out_of_range)
    app.register_error_handler(OperationalError, _unavailable)
    app.register_error_handler(InterfaceError, _unavailable)


def _refuse_nul_characters() -> tuple[Response, int] | None:
    query = request.query_string
    if query and (b"%00" in query or _has_nul(request.args.values())):
        return _nul_refused("the query string")
    if not request.environ.get("CONTENT_TYPE"):
        return None  # no body to read (every GET): nothing below applies
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        if _has_nul(request.form.values()):
            return _nul_refused("a form field")
    elif request.is_json and b"\\u0000" in request.get_data(cache=True):
        return _nul_refused("the JSON body")
    return None


def _has_nul(values: Any) -> bool:
    return any("\x00" in value for value in values)


def _nul_refused(where: str) -> tuple[Response, int]:
    return error_response(
        400, "bad_request", f"NUL characters are not accepted ({where} holds one)."
    )


def _out_of_range(error: Exception) -> tuple[Response, int]:
    log.info("refused an out-of-range value: %s", type(error).__name__)
    return error_response(
        400,
        "bad_request",
        "A number in the request is out of range for the database.",
    )


def _unavailable(error: Exception) -> tuple[Response, int]:
    log.error("database unavailable: %s", type(error).__name__)
    return error_response(
        503,
        "unavailable",
        "The database does not answer; try again in a moment.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )
