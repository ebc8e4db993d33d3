"""The REST API object: flask-smorest, with hirekit's single error envelope.

Every API error, whatever raised it, is ``{"error": {"code", "message",
"details"}}``; :mod:`hirekit.errors` renders it. flask-smorest would
otherwise register its own app-wide handler, which would also turn HTML
pages' errors into JSON.
"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask_smorest import Api


class ErrorBodySchema(ma.Schema):
    code = ma.fields.String(required=True, metadata={"description": "Stable machine-readable code"})
    message = ma.fields.String(
        required=True, metadata={"description": "What went wrong, for people"}
    )
    details = ma.fields.Dict(metadata={"description": "Per-field errors or extra context"})


class ErrorSchema(ma.Schema):
    error = ma.fields.Nested(ErrorBodySchema, required=True)


class HirekitApi(Api):
    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self) -> None:
        """Errors are handled app-wide in hirekit.errors, path-aware."""


def api_spec_kwargs() -> dict[str, Any]:
    return {
        "info": {
            "description": (
                "hirekit REST API. Authenticate with a personal API token from your profile page: "
                "`Authorization: Bearer <token>`. Every error is "
                '`{"error": {"code", "message", "details"}}`. Lists take `page` and `per_page` '
                "(max 100) and answer with `X-Total-Count` and `Link` headers."
            )
        },
        "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearerAuth": []}],
    }


def register_api_blueprint(blueprint: Any) -> None:
    """Add a domain's API blueprint to the application's one ``api``.

    Bearer tokens, not cookies, authenticate the API, so CSRF does not apply.
    """
    from hirekit.extensions import api, csrf

    csrf.exempt(blueprint)
    api.register_blueprint(blueprint)
