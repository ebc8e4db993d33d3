"""REST: read the audit log (admins)."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires
from hirekit.accounts.permissions import Permission
from hirekit.audit.queries import AuditFilters, entries_query
from hirekit.audit.schemas import AuditArgsSchema, AuditEntrySchema
from hirekit.pagination import PageArgsSchema, paginate

blp = Blueprint("audit_api", __name__, url_prefix="/api/v1", description="The audit log")


@blp.route("/audit")
class AuditEntries(MethodView):
    @api_requires(Permission.AUDIT_READ)
    @blp.arguments(AuditArgsSchema, location="query")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, AuditEntrySchema(many=True))
    def get(self, filters: dict[str, Any], args: dict[str, int]) -> Any:
        """Entries newest first; filter by actor email, action (or ``prefix.``), subject, dates"""
        page = paginate(entries_query(AuditFilters(**filters)), args["page"], args["per_page"])
        return page.items, 200, page.headers()
