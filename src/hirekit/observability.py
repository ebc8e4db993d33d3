"""Request ids in every log line and response, so a report can be traced to its logs."""

from __future__ import annotations

import logging
import re
import uuid

from flask import Flask, g, has_request_context, request
from werkzeug.wrappers import Response

_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
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
    app.before_request(_assign_request_id)
    app.after_request(_echo_request_id)


def _assign_request_id() -> None:
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex


def _echo_request_id(response: Response) -> Response:
    response.headers["X-Request-ID"] = g.get("request_id", "")
    return response
