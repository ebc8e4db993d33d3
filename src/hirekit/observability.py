"""Request ids in every log line and response, so a report can be traced to its logs;
no query string in the access log, where it would keep what people searched for."""

from __future__ import annotations

import logging
import os
import re

from flask import Flask, g, has_request_context, request
from werkzeug.wrappers import Response

_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


#: The request target of an access-log line: ``GET /candidates/?q=Jane HTTP/1.1``.
_QUERY = re.compile(r"(\s/[^\s?]*)\?\S*")


def without_query(line: str) -> str:
    """``line`` with the query string of its request target cut: ``GET /candidates/ HTTP/1.1``."""
    return _QUERY.sub(r"\1", line)


class QueryStringFilter(logging.Filter):
    """Cut query strings from the development server's access log.

    A search (``?q=<name>``), an audit filter (``?actor=<email>``) or a token
    in a link would otherwise stay in the log after the person is erased.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(without_query(a) if isinstance(a, str) else a for a in record.args)
        record.msg = without_query(record.msg) if isinstance(record.msg, str) else record.msg
        return True


def init_logging(app: Flask) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s")
    )
    logger = logging.getLogger("hirekit")
    if not any(isinstance(f, RequestIdFilter) for h in logger.handlers for f in h.filters):
        logger.addHandler(handler)
    logger.setLevel(str(app.config["LOG_LEVEL"]).upper())
    logger.propagate = False  # one line per record, whatever the host configures
    app.logger.handlers = logger.handlers
    access = logging.getLogger("werkzeug")
    if not any(isinstance(f, QueryStringFilter) for f in access.filters):
        access.addFilter(QueryStringFilter())
    app.before_request(_assign_request_id)
    app.after_request(_echo_request_id)


def _assign_request_id() -> None:
    incoming = request.headers.get("X-Request-ID", "")
    # 128 random bits as 32 hex digits, as a UUID4 would give, without building one.
    g.request_id = incoming if incoming and _VALID_ID.match(incoming) else os.urandom(16).hex()


def _echo_request_id(response: Response) -> Response:
    response.headers["X-Request-ID"] = g.get("request_id", "")
    return response
