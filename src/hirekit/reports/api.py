"""REST: each report's figures as JSON, filtered as on its page."""

from __future__ import annotations

import dataclasses
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.db import utcnow
from hirekit.reports.filters import ReportFilter
from hirekit.reports.schemas import ReportArgsSchema, ReportListItemSchema, ReportSchema
from hirekit.reports.services.catalog import REPORTS, Built, build

blp = Blueprint("reports_api", __name__, url_prefix="/api/v1", description="Hiring reports")


@blp.route("/reports")
class Reports(MethodView):
    @api_requires(Permission.REPORTS_READ)
    @blp.response(200, ReportListItemSchema(many=True))
    def get(self) -> list[dict[str, str]]:
        """The reports there are"""
        return [
            {
                "report": k.slug,
                "title": k.title,
                "summary": k.summary,
                "url": f"/api/v1/reports/{k.slug}",
            }
            for k in REPORTS.values()
        ]


@blp.route("/reports/<slug>")
class ReportItem(MethodView):
    @api_requires(Permission.REPORTS_READ)
    @blp.arguments(ReportArgsSchema, location="query")
    @blp.response(200, ReportSchema)
    def get(self, args: dict[str, Any], slug: str) -> dict[str, Any]:
        """One report's figures and its table (the same rows as the page and its CSV)"""
        flt = ReportFilter(
            start=args["start"],
            end=args["end"],
            job_id=args["job"],
            team=args["team"].strip(),
            use_case=args["use_case"],
        )
        built = build(slug, api_user(), flt, now=utcnow(), question=args["question"])
        return _body(built, flt)


def _body(built: Built, flt: ReportFilter) -> dict[str, Any]:
    return {
        "report": built.slug,
        "title": built.title,
        "filters": flt.as_args(),
        "as_of": built.as_of,
        "figures": _figures(built.result),
        "table": {
            "caption": built.table.caption,
            "columns": [dataclasses.asdict(c) for c in built.table.columns],
            "rows": [list(r) for r in built.table.rows],
        },
    }


def _figures(result: Any) -> dict[str, Any]:
    """The result dataclass as plain JSON, with its derived figures (rates, medians)."""
    plain = _plain(result)
    return plain if isinstance(plain, dict) else {"value": plain}


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for name in dir(type(value)):
            if isinstance(getattr(type(value), name, None), property):
                data[name] = _plain(getattr(value, name))
        return data
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
