"""REST: read and edit email templates, preview them, read the outbox."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.mail.models import MailTemplate, OutboxMessage
from hirekit.mail.schemas import (
    MailTemplateSchema,
    OutboxArgsSchema,
    OutboxMessageSchema,
    PreviewSchema,
)
from hirekit.mail.services import catalog, outbox
from hirekit.mail.services.catalog import Rendered
from hirekit.pagination import PageArgsSchema, paginate

blp = Blueprint("mail_api", __name__, url_prefix="/api/v1", description="Email and outbox")


@blp.route("/mail-templates")
class MailTemplates(MethodView):
    @api_requires(Permission.MAIL_TEMPLATES_MANAGE)
    @blp.response(200, MailTemplateSchema(many=True))
    def get(self) -> list[MailTemplate]:
        """Every email template (the defaults are created on first use)"""
        return catalog.list_templates()


@blp.route("/mail-templates/<key>")
class MailTemplateItem(MethodView):
    @api_requires(Permission.MAIL_TEMPLATES_MANAGE)
    @blp.response(200, MailTemplateSchema)
    def get(self, key: str) -> MailTemplate:
        """One email template"""
        return catalog.get_template(key)

    @api_requires(Permission.MAIL_TEMPLATES_MANAGE)
    @blp.arguments(MailTemplateSchema)
    @blp.response(200, MailTemplateSchema)
    def put(self, data: dict[str, Any], key: str) -> MailTemplate:
        """Reword a template; unknown placeholders are refused (422)"""
        return catalog.update_template(key, data["subject"], data["body"], actor=api_user())


@blp.route("/mail-templates/<key>/preview")
class MailTemplatePreview(MethodView):
    @api_requires(Permission.MAIL_TEMPLATES_MANAGE)
    @blp.arguments(MailTemplateSchema)
    @blp.response(200, PreviewSchema)
    def post(self, data: dict[str, Any], key: str) -> Rendered:
        """The given subject and body filled with sample values, without saving"""
        catalog.get_template(key)
        return catalog.preview(data["subject"], data["body"])


@blp.route("/outbox")
class Outbox(MethodView):
    @api_requires(Permission.OUTBOX_READ)
    @blp.arguments(OutboxArgsSchema, location="query")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, OutboxMessageSchema(many=True))
    def get(self, args: dict[str, Any], page: dict[str, Any]) -> Any:
        """Recorded messages, newest first; filter with ``status``"""
        query = outbox.outbox_query(api_user(), args["status"])
        result = paginate(query, page["page"], page["per_page"])
        return result.items, 200, result.headers()


@blp.route("/outbox/<int:message_id>")
class OutboxItem(MethodView):
    @api_requires(Permission.OUTBOX_READ)
    @blp.response(200, OutboxMessageSchema)
    def get(self, message_id: int) -> OutboxMessage:
        """One recorded message, with its delivery status and error"""
        return outbox.get_message(message_id, api_user())
