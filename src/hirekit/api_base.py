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


#: OpenAPI tags that API clients and the docs page already group operations by, kept for the
#: blueprints renamed to follow their domain package (flask-smorest tags by blueprint name).
PUBLISHED_TAGS = {
    "accounts_api": "users_api",
    "candidates_applications_api": "applications_api",
    "candidates_rejections_api": "rejection_api",
    "careers_api": "postings_api",
    "integrations_api": "webhooks_api",
    "queue_api": "tasks_api",
    "takehomes_api": "reviews_api",
    "takehomes_assignments_api": "assignments_api",
    "takehomes_feedback_api": "feedback_api",
    "takehomes_invitations_api": "takehome_invitations_api",
}


class HirekitApi(Api):
    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self) -> None:
        """Errors are handled app-wide in hirekit.errors, path-aware."""

    def register_blueprint(self, blp: Any, *, parameters: Any = None, **options: Any) -> None:
        """flask-smorest's registration; the operations get the blueprint's published tag."""
        name = options.get("name", blp.name)
        tag = PUBLISHED_TAGS.get(name, name)
        self._app.extensions["flask-smorest"]["blp_name_to_api"][name] = self
        self._app.register_blueprint(blp, **options)
        spec = _RetaggedSpec(self.spec, name, tag)
        blp.register_views_in_doc(self, self._app, spec, name=name, parameters=parameters)
        self.spec.tag({"name": tag, "description": blp.description})


class _RetaggedSpec:
    """The spec, but operations tagged with the blueprint name get its published tag."""

    def __init__(self, spec: Any, name: str, tag: str) -> None:
        self._spec, self._name, self._tag = spec, name, tag

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._spec, attribute)

    def path(self, *, operations: dict[str, Any], **kwargs: Any) -> Any:
        for operation in operations.values():
            operation["tags"] = [self._tag if t == self._name else t for t in operation["tags"]]
        return self._spec.path(operations=operations, **kwargs)


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
